import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHomeScope } from '../dashboard/DashboardPage';
import { graphql } from '../../gql';
import type { PartyOrganizationFilter } from '../../gql/graphql';
import { isIsoDate } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { windowParam } from '../../lib/listFilters';
import { areaPath, organizationPath } from '../../lib/paths';
import { PagedResult, useListParams } from '../../components/PagedResult';

export const partyOrganizationsQuery = graphql(`
  query PartyOrganizations($filter: PartyOrganizationFilter, $after: String) {
    partyOrganizations(filter: $filter, first: 50, after: $after, orderBy: { field: ESTABLISHED_ON, direction: DESC }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
        formation
        anchor
        establishedOn
        dissolvedOn
        area {
          id
          code
          name
        }
        organization {
          id
          creditCode
          name
        }
      }
    }
  }
`);

/**
 * The list behind the Party-organization figures: established in a period (the bulletin's
 * 新建党组织), weak on a date (the tiles' 作用发挥较弱), of a scope.
 */
export function partyOrganizationListFilter(params: URLSearchParams, home: string | null): PartyOrganizationFilter {
  const filter: PartyOrganizationFilter = {};
  const scope = params.get('scope') || home;
  if (scope) filter.scope = scope;
  const from = params.get('establishedFrom');
  const to = params.get('establishedTo');
  if (isIsoDate(from) || isIsoDate(to)) filter.establishedOn = { ...(isIsoDate(from) ? { from } : {}), ...(isIsoDate(to) ? { to } : {}) };
  const weakAsOf = params.get('weakAsOf');
  if (isIsoDate(weakAsOf)) {
    const window = windowParam(params.get('window'));
    filter.weakAt = { weak: true, asOf: weakAsOf, ...(window == null ? {} : { window }) };
  }
  const text = params.get('text')?.trim();
  if (text) filter.text = text;
  return filter;
}

export function PartyOrganizationsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const home = useHomeScope();
  const { params, pages, update } = useListParams();
  const filter = partyOrganizationListFilter(params, home);
  const { after } = pages;
  const { data, loading, error, refetch } = useQuery(partyOrganizationsQuery, { variables: { filter, after } });
  const [text, setText] = useState(params.get('text') ?? '');

  function submitText(e: FormEvent) {
    e.preventDefault();
    update('text', text.trim());
  }

  const conditions: string[] = [];
  if (filter.establishedOn) conditions.push(t('partyOrganizations.establishedIn', { from: f.date(filter.establishedOn.from), to: f.date(filter.establishedOn.to) }));
  if (filter.weakAt) conditions.push(t('partyOrganizations.weakOn', { date: f.date(filter.weakAt.asOf), window: f.num(filter.weakAt.window ?? 90) }));

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('partyOrganizations.title')}</h1>
      </header>
      {conditions.length > 0 && <p className="muted">{conditions.join(' · ')}</p>}
      <form className="filters" onSubmit={submitText} aria-label={t('common.filters')}>
        <label>
          {t('common.scope')}
          <input value={params.get('scope') ?? ''} placeholder={home ?? t('dashboard.city')} onChange={(e) => update('scope', e.target.value.trim())} />
        </label>
        <label>
          {t('partyOrganizations.establishedFrom')}
          <input type="date" value={params.get('establishedFrom') ?? ''} onChange={(e) => update('establishedFrom', e.target.value)} />
        </label>
        <label>
          {t('partyOrganizations.establishedTo')}
          <input type="date" value={params.get('establishedTo') ?? ''} onChange={(e) => update('establishedTo', e.target.value)} />
        </label>
        <label>
          {t('partyOrganizations.weakAsOf')}
          <input type="date" value={params.get('weakAsOf') ?? ''} onChange={(e) => update('weakAsOf', e.target.value)} />
        </label>
        <label>
          {t('partyOrganizations.search')}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit">{t('common.apply')}</button>
      </form>
      <PagedResult label={t('partyOrganizations.title')} page={data?.partyOrganizations} loading={loading} error={error} retry={refetch} pages={pages} empty={t('partyOrganizations.none')}>
        {(partyOrganizations) => (
          <table className="data">
            <caption className="visually-hidden">{t('partyOrganizations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('partyOrg.kind')}</th>
                <th scope="col">{t('partyOrg.formation')}</th>
                <th scope="col">{t('partyOrg.anchor')}</th>
                <th scope="col">{t('partyOrganizations.area')}</th>
                <th scope="col">{t('partyOrg.established')}</th>
              </tr>
            </thead>
            <tbody>
              {partyOrganizations.nodes.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.name}
                    {p.dissolvedOn && <span className="badge">{t('partyOrganizations.dissolved', { date: f.date(p.dissolvedOn) })}</span>}
                  </td>
                  <td>{t(`partyOrgKind.${p.kind}`)}</td>
                  <td>{t(`formation.${p.formation}`)}</td>
                  <td>{p.organization ? <Link to={organizationPath(p.organization.creditCode)}>{p.organization.name}</Link> : t(`anchor.${p.anchor}`)}</td>
                  <td>
                    <Link to={areaPath(p.area.code)}>{p.area.name}</Link>
                  </td>
                  <td>{f.date(p.establishedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedResult>
    </div>
  );
}
