import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHomeScope } from '../dashboard/DashboardPage';
import { ScopeFilter } from '../../components/ScopeFilter';
import { Empty, ErrorState, Loading } from '../../components/states';
import { graphql } from '../../gql';
import { todayInShanghai } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { useParamState } from '../../lib/useParam';

export const fundsQuery = graphql(`
  query Funds($scope: String, $year: Int!) {
    fundsSummary(scope: $scope, year: $year) {
      year
      budgetFen
      budgetBalanceFen
      entitledShareOfBudget
      totals {
        ...FundsRow_row
      }
      rows {
        ...FundsRow_row
      }
    }
  }
`);

graphql(`
  fragment FundsRow_row on FundsRow {
    areaCode
    areaName
    workingFundMembers
    entitledWorkingFen
    newPartyOrganizations
    entitledStartupFen
    entitledFen
    allocatedFen
    disbursedFen
    outstandingFen
  }
`);

/** Working funds (300 CNY per member) and startup funds (2,000 CNY per new Party organization) of a year. */
export function FundsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const home = useHomeScope();
  const [params, set] = useParamState();
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : thisYear;
  const scope = params.get('scope') || home;
  const { data, error, loading, refetch } = useQuery(fundsQuery, { variables: { scope, year } });
  const s = data?.fundsSummary;

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('funds.title')}</h1>
      </header>
      <div className="filters" role="group" aria-label={t('common.filters')}>
        <label>
          {t('funds.year')}
          <select value={year} onChange={(e) => set('year', e.target.value)}>
            {Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <ScopeFilter value={params.get('scope') ?? ''} placeholder={home ?? t('dashboard.city')} onChange={(v) => set('scope', v)} />
      </div>
      {error && !data ? (
        <ErrorState error={error} retry={refetch} />
      ) : !s ? (
        <Loading />
      ) : (
        <>
          <section className="tiles" aria-label={t('funds.summary')}>
            <div className="tile">
              <div className="tile-label">{t('funds.budget')}</div>
              <div className="tile-value">{s.budgetFen == null ? '—' : f.fen(s.budgetFen)}</div>
            </div>
            <div className="tile">
              <div className="tile-label">{t('funds.entitled')}</div>
              <div className="tile-value">{f.fen(s.totals.entitledFen)}</div>
              <div className="tile-detail">{s.entitledShareOfBudget == null ? null : t('funds.share', { pct: f.pct(s.entitledShareOfBudget) })}</div>
            </div>
            <div className="tile">
              <div className="tile-label">{t('funds.disbursed')}</div>
              <div className="tile-value">{f.fen(s.totals.disbursedFen)}</div>
            </div>
            <div className="tile">
              <div className="tile-label">{t('funds.outstanding')}</div>
              <div className="tile-value">{f.fen(s.totals.outstandingFen)}</div>
            </div>
          </section>
          <section className="card" aria-busy={loading} aria-label={t('funds.title')}>
            {s.rows.length === 0 ? (
              <Empty />
            ) : (
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.area')}</th>
                    <th scope="col" className="num">{t('funds.members')}</th>
                    <th scope="col" className="num">{t('funds.working')}</th>
                    <th scope="col" className="num">{t('funds.newPartyOrganizations')}</th>
                    <th scope="col" className="num">{t('funds.startup')}</th>
                    <th scope="col" className="num">{t('funds.entitled')}</th>
                    <th scope="col" className="num">{t('funds.allocated')}</th>
                    <th scope="col" className="num">{t('funds.disbursed')}</th>
                    <th scope="col" className="num">{t('funds.outstanding')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...s.rows, { ...s.totals, areaName: t('reports.total') }].map((r, i) => (
                    <tr key={`${r.areaCode}-${i}`}>
                      <td>{i === s.rows.length ? <strong>{r.areaName}</strong> : <Link to={`/funds?scope=${r.areaCode}&year=${year}`}>{r.areaName}</Link>}</td>
                      <td className="num">{f.num(r.workingFundMembers)}</td>
                      <td className="num">{f.fen(r.entitledWorkingFen)}</td>
                      <td className="num">{f.num(r.newPartyOrganizations)}</td>
                      <td className="num">{f.fen(r.entitledStartupFen)}</td>
                      <td className="num">{f.fen(r.entitledFen)}</td>
                      <td className="num">{f.fen(r.allocatedFen)}</td>
                      <td className="num">{f.fen(r.disbursedFen)}</td>
                      <td className="num">{f.fen(r.outstandingFen)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </div>
  );
}
