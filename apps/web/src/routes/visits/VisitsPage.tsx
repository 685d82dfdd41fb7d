import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHomeScope } from '../dashboard/DashboardPage';
import { graphql } from '../../gql';
import type { VisitFilter } from '../../gql/graphql';
import { isIsoDate } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { organizationPath } from '../../lib/paths';
import { PagedResult, useListParams } from '../../components/PagedResult';

export const visitsQuery = graphql(`
  query Visits($filter: VisitFilter, $after: String) {
    visits(filter: $filter, first: 50, after: $after, orderBy: { field: VISITED_ON, direction: DESC }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        visitedOn
        visitor
        ownerIntention
        membersIntention
        problems
        liaisonPoint {
          id
          kind
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

/** The list behind the bulletin's 走访次数: visits to the organizations of a scope in a period. */
export function visitListFilter(params: URLSearchParams, home: string | null): VisitFilter {
  const filter: VisitFilter = {};
  const scope = params.get('scope') || home;
  if (scope) filter.scope = scope;
  const from = params.get('from');
  const to = params.get('to');
  if (isIsoDate(from) || isIsoDate(to)) filter.visitedOn = { ...(isIsoDate(from) ? { from } : {}), ...(isIsoDate(to) ? { to } : {}) };
  return filter;
}

export function VisitsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const home = useHomeScope();
  const { params, pages, update } = useListParams();
  const filter = visitListFilter(params, home);
  const { after } = pages;
  const { data, loading, error, refetch } = useQuery(visitsQuery, { variables: { filter, after } });

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('visitList.title')}</h1>
      </header>
      {filter.visitedOn && <p className="muted">{t('visitList.visitedIn', { from: f.date(filter.visitedOn.from), to: f.date(filter.visitedOn.to) })}</p>}
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <label>
          {t('common.scope')}
          <input value={params.get('scope') ?? ''} placeholder={home ?? t('dashboard.city')} onChange={(e) => update('scope', e.target.value.trim())} />
        </label>
        <label>
          {t('visitList.from')}
          <input type="date" value={params.get('from') ?? ''} onChange={(e) => update('from', e.target.value)} />
        </label>
        <label>
          {t('visitList.to')}
          <input type="date" value={params.get('to') ?? ''} onChange={(e) => update('to', e.target.value)} />
        </label>
      </form>
      <PagedResult label={t('visitList.title')} page={data?.visits} loading={loading} error={error} retry={refetch} pages={pages} empty={t('visitList.none')}>
        {(visits) => (
          <table className="data">
            <caption className="visually-hidden">{t('visitList.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('visitList.date')}</th>
                <th scope="col">{t('organization.name')}</th>
                <th scope="col">{t('visitList.kind')}</th>
                <th scope="col">{t('visitList.visitor')}</th>
                <th scope="col">{t('visits.owner')}</th>
                <th scope="col">{t('visits.members')}</th>
                <th scope="col">{t('visits.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {visits.nodes.map((v) => (
                <tr key={v.id}>
                  <td>{f.date(v.visitedOn)}</td>
                  <td>
                    <Link to={organizationPath(v.organization.creditCode)}>{v.organization.name}</Link>
                  </td>
                  <td>{t(`liaisonKind.${v.liaisonPoint.kind}`)}</td>
                  <td>{v.visitor}</td>
                  <td>{v.ownerIntention ? t(`intention.${v.ownerIntention}`) : '—'}</td>
                  <td>{v.membersIntention ? t(`intention.${v.membersIntention}`) : '—'}</td>
                  <td>{v.problems || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedResult>
    </div>
  );
}
