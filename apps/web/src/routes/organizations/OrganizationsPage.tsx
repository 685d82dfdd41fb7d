import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/AuthProvider';
import { useHomeScope } from '../dashboard/DashboardPage';
import { OrganizationTable } from '../../components/OrganizationTable';
import { graphql } from '../../gql';
import { todayInShanghai } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { coverageStatuses, isContainer, organizationListFilter, organizationOrderFor } from '../../lib/listFilters';
import { PagedResult, useListParams } from '../../components/PagedResult';

export const organizationsQuery = graphql(`
  query Organizations($filter: OrganizationFilter, $after: String, $orderField: OrganizationOrderField!, $orderDirection: SortDirection!) {
    organizations(filter: $filter, first: 50, after: $after, orderBy: { field: $orderField, direction: $orderDirection }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...OrgRow_organization
      }
    }
  }
`);

const COVERAGE_CHOICES = ['', 'ORGANIZATION_COVERED', 'WORK_COVERED', 'BLIND_SPOT', 'ORGANIZATION_COVERED,WORK_COVERED', 'WORK_COVERED,BLIND_SPOT'] as const;
const CONTAINERS = ['', 'PARK', 'BUILDING', 'BUSINESS_DISTRICT', 'NONE'] as const;

/**
 * The list behind the dashboard's counts: organizations of a scope, active unless asked otherwise;
 * on a date (`asOf`), those in scope then, of a coverage status (lib/listFilters.ts).
 */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const home = useHomeScope();
  const { params, pages, update } = useListParams();
  const { filter, status } = organizationListFilter(params, home);
  const hasPo = params.get('hasPartyOrganization');
  const textParam = params.get('text')?.trim();
  const { after } = pages;
  const order = organizationOrderFor(useSession().account.role);
  const { data, loading, error, refetch } = useQuery(organizationsQuery, { variables: { filter, after, ...order } });
  const [text, setText] = useState(textParam ?? '');
  const coverageParam = params.get('coverage') ?? '';
  const coverageChoice = (COVERAGE_CHOICES as readonly string[]).includes(coverageParam) ? coverageParam : '';

  function submitText(e: FormEvent) {
    e.preventDefault();
    update('text', text.trim());
  }

  // What the list holds, in words, when it is the list behind a figure of a date or a period.
  const conditions: string[] = [];
  if (filter.coverage) {
    const window = filter.coverage.window ?? 90;
    conditions.push(t('organizations.onDate', { date: f.date(filter.coverage.asOf ?? todayInShanghai()), window: f.num(window) }));
    if (filter.coverage.status?.length) conditions.push(filter.coverage.status.map((s) => t(`coverageStatus.${s}`)).join(t('organizations.or')));
    if (filter.coverage.standaloneEligible != null) conditions.push(t(filter.coverage.standaloneEligible ? 'organizations.eligible' : 'organizations.notEligible'));
  }
  if (filter.newlyCovered) conditions.push(t('organizations.newlyCoveredIn', { from: f.date(filter.newlyCovered.from), to: f.date(filter.newlyCovered.to) }));
  const container = params.get('container');
  if (isContainer(container)) conditions.push(t(`containerType.${container}`));

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('organizations.title')}</h1>
      </header>
      {conditions.length > 0 && <p className="muted">{conditions.join(' · ')}</p>}
      {order.orderField === 'WORK_GROUP_FIRST' && <p className="muted">{t('organizations.workGroupFirst')}</p>}
      <form className="filters" onSubmit={submitText} aria-label={t('common.filters')}>
        <label>
          {t('common.scope')}
          <input value={params.get('scope') ?? ''} placeholder={home ?? t('dashboard.city')} onChange={(e) => update('scope', e.target.value.trim())} />
        </label>
        <label>
          {t('organization.status')}
          <select value={status} onChange={(e) => update('status', e.target.value)}>
            <option value="ACTIVE">{t('organizationStatus.ACTIVE')}</option>
            <option value="DEREGISTERED">{t('organizationStatus.DEREGISTERED')}</option>
            <option value="ALL">{t('common.all')}</option>
          </select>
        </label>
        <label>
          {t('organization.hasPartyOrganization')}
          <select value={hasPo ?? ''} onChange={(e) => update('hasPartyOrganization', e.target.value)}>
            <option value="">{t('common.all')}</option>
            <option value="true">{t('common.yes')}</option>
            <option value="false">{t('common.no')}</option>
          </select>
        </label>
        <label>
          {t('organizations.asOf')}
          <input type="date" value={params.get('asOf') ?? ''} onChange={(e) => update('asOf', e.target.value)} />
        </label>
        <label>
          {t('organizations.coverageOnDate')}
          <select value={coverageChoice} onChange={(e) => update('coverage', e.target.value)}>
            {COVERAGE_CHOICES.map((c) => (
              <option key={c} value={c}>
                {c ? coverageStatuses(c).map((s) => t(`coverageStatus.${s}`)).join(t('organizations.or')) : t('common.all')}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={params.get('eligible') === 'true'} onChange={(e) => update('eligible', e.target.checked ? 'true' : '')} />
          {t('organizations.eligible')}
        </label>
        <label>
          {t('dashboard.containerType')}
          <select value={isContainer(container) ? container : ''} onChange={(e) => update('container', e.target.value)}>
            {CONTAINERS.map((c) => (
              <option key={c} value={c}>
                {c ? t(`containerType.${c}`) : t('common.all')}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('organizations.newlyCoveredFrom')}
          <input type="date" value={params.get('newlyCoveredFrom') ?? ''} onChange={(e) => update('newlyCoveredFrom', e.target.value)} />
        </label>
        <label>
          {t('organizations.newlyCoveredTo')}
          <input type="date" value={params.get('newlyCoveredTo') ?? ''} onChange={(e) => update('newlyCoveredTo', e.target.value)} />
        </label>
        <label>
          {t('common.search')}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit">{t('common.apply')}</button>
      </form>
      <PagedResult label={t('organizations.title')} page={data?.organizations} loading={loading} error={error} retry={refetch} pages={pages}>
        {(organizations) => (
          <OrganizationTable organizations={organizations.nodes} caption={t('organizations.title')} />
        )}
      </PagedResult>
    </div>
  );
}
