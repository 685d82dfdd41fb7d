import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useHomeScope } from '../dashboard/DashboardPage';
import { OrganizationTable } from '../../components/OrganizationTable';
import { Pager } from '../../components/Pager';
import { ErrorState, Loading } from '../../components/states';
import { graphql } from '../../gql';
import type { OrganizationFilter } from '../../gql/graphql';

export const organizationsQuery = graphql(`
  query Organizations($filter: OrganizationFilter, $after: String) {
    organizations(filter: $filter, first: 50, after: $after, orderBy: { field: EMPLOYEES, direction: DESC }) {
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

/** The list behind the dashboard's counts: organizations of a scope, active unless asked otherwise. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const home = useHomeScope();
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') || home;
  const filter: OrganizationFilter = {};
  if (scope) filter.scope = scope;
  const status = params.get('status') ?? 'ACTIVE';
  if (status === 'ACTIVE' || status === 'DEREGISTERED') filter.status = [status];
  const hasPo = params.get('hasPartyOrganization');
  if (hasPo === 'true' || hasPo === 'false') filter.hasPartyOrganization = hasPo === 'true';
  const textParam = params.get('text')?.trim();
  if (textParam) filter.text = textParam;
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const { data, loading, error, refetch } = useQuery(organizationsQuery, { variables: { filter, after } });
  const [text, setText] = useState(textParam ?? '');

  function update(key: string, value: string) {
    setCursors([null]);
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      return p;
    });
  }
  function submitText(e: FormEvent) {
    e.preventDefault();
    update('text', text.trim());
  }

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('organizations.title')}</h1>
      </header>
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
          {t('common.search')}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit">{t('common.apply')}</button>
      </form>
      {error && !data ? (
        <ErrorState error={error} retry={refetch} />
      ) : !data ? (
        <Loading />
      ) : (
        <section aria-busy={loading} aria-label={t('organizations.title')}>
          <OrganizationTable organizations={data.organizations.nodes} caption={t('organizations.title')} />
          <Pager
            total={data.organizations.totalCount}
            shown={data.organizations.nodes.length}
            hasNext={data.organizations.pageInfo.hasNextPage}
            hasPrevious={cursors.length > 1}
            onNext={() => setCursors((c) => [...c, data.organizations.pageInfo.endCursor ?? null])}
            onPrevious={() => setCursors((c) => c.slice(0, -1))}
          />
        </section>
      )}
    </div>
  );
}
