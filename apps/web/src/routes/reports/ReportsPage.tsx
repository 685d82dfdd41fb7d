import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHomeScope } from '../dashboard/DashboardPage';
import { ScopeFilter } from '../../components/ScopeFilter';
import { Empty, ErrorState, Loading } from '../../components/states';
import { graphql } from '../../gql';
import type { Period } from '../../gql/graphql';
import { downloadFile } from '../../lib/authFetch';
import { isIsoDate, todayInShanghai } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { areaPath } from '../../lib/paths';
import { useParamState } from '../../lib/useParam';

export const reportsQuery = graphql(`
  query Reports($scope: String, $date: Date, $period: Period!) {
    report(scope: $scope, date: $date, period: $period) {
      period
      label
      start
      end
      totals {
        ...ReportRow_row
      }
      rows {
        ...ReportRow_row
      }
      ranking {
        ...ReportRow_row
      }
    }
  }
`);

graphql(`
  fragment ReportRow_row on ReportRow {
    areaCode
    areaName
    partyOrganizationsEstablished
    organizationsNewlyCovered
    blindSpotsAtStart
    blindSpotsAtEnd
    visits
    membersTransferred
    identitiesRevealed
    overallCoverageRateAtEnd
    coverageRateChange
    score
    rank
  }
`);

const PERIODS: Period[] = ['DAY', 'WEEK', 'MONTH', 'YEAR'];

/** Cadence reports (日调度、周通报、月总结、年考核) with the ranking of districts (or streets). */
export function ReportsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const home = useHomeScope();
  const [params, set] = useParamState();
  const period = (PERIODS as string[]).includes(params.get('period') ?? '') ? (params.get('period') as Period) : 'WEEK';
  const dateParam = params.get('date');
  const date = isIsoDate(dateParam) ? dateParam : todayInShanghai();
  const scope = params.get('scope') || home;
  const { data, error, loading, refetch } = useQuery(reportsQuery, { variables: { scope, date, period } });
  const [exportError, setExportError] = useState<string | null>(null);

  async function exportXlsx() {
    const q = new URLSearchParams({ period, date });
    if (scope) q.set('scope', scope);
    setExportError(null);
    try {
      await downloadFile(`/export/report.xlsx?${q}`, `report-${period}-${date}.xlsx`);
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e));
    }
  }

  const report = data?.report;
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('reports.title')}</h1>
        <button type="button" onClick={() => void exportXlsx()}>
          {t('blindSpots.export')}
        </button>
      </header>
      {exportError && (
        <p role="alert" className="error-text">
          {t('blindSpots.exportFailed', { message: exportError })}
        </p>
      )}
      <div className="filters" role="group" aria-label={t('common.filters')}>
        <fieldset className="segmented">
          <legend>{t('reports.period')}</legend>
          {PERIODS.map((p) => (
            <label key={p}>
              <input type="radio" name="period" value={p} checked={period === p} onChange={() => set('period', p)} />
              {t(`period.${p}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('reports.date')}
          <input type="date" value={date} onChange={(e) => e.target.value && set('date', e.target.value)} />
        </label>
        <ScopeFilter value={params.get('scope') ?? ''} placeholder={home ?? t('dashboard.city')} onChange={(s) => set('scope', s)} />
      </div>
      {error && !data ? (
        <ErrorState error={error} retry={refetch} />
      ) : !report ? (
        <Loading />
      ) : (
        <section className="card" aria-busy={loading} aria-labelledby="report-heading">
          <h2 id="report-heading">
            {t(`period.${report.period}`)} {report.label} <span className="muted small">{f.date(report.start)} – {f.date(report.end)}</span>
          </h2>
          {report.ranking.length === 0 ? (
            <Empty />
          ) : (
            <table className="data">
              <caption className="visually-hidden">{t('reports.ranking')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.rank')}</th>
                  <th scope="col">{t('dashboard.area')}</th>
                  <th scope="col" className="num">{t('reports.score')}</th>
                  <th scope="col" className="num">{t('bulletin.established')}</th>
                  <th scope="col" className="num">{t('bulletin.newlyCovered')}</th>
                  <th scope="col" className="num">{t('bulletin.blindSpotsStart')}</th>
                  <th scope="col" className="num">{t('bulletin.blindSpotsEnd')}</th>
                  <th scope="col" className="num">{t('bulletin.visits')}</th>
                  <th scope="col" className="num">{t('bulletin.transferred')}</th>
                  <th scope="col" className="num">{t('bulletin.revealed')}</th>
                  <th scope="col" className="num">{t('coverage.overallRate')}</th>
                  <th scope="col" className="num">{t('bulletin.rateChange')}</th>
                </tr>
              </thead>
              <tbody>
                {[...report.ranking, { ...report.totals, areaName: t('reports.total') }].map((r, i) => (
                  <tr key={`${r.areaCode}-${i}`} className={i === report.ranking.length ? 'total' : undefined}>
                    <td>{r.rank == null ? '' : f.num(r.rank)}</td>
                    <td>{i === report.ranking.length ? <strong>{r.areaName}</strong> : <Link to={areaPath(r.areaCode)}>{r.areaName}</Link>}</td>
                    <td className="num">{r.score == null ? '—' : f.dec(r.score)}</td>
                    <td className="num">{f.num(r.partyOrganizationsEstablished)}</td>
                    <td className="num">{f.num(r.organizationsNewlyCovered)}</td>
                    <td className="num">{f.num(r.blindSpotsAtStart)}</td>
                    <td className="num">{f.num(r.blindSpotsAtEnd)}</td>
                    <td className="num">{f.num(r.visits)}</td>
                    <td className="num">{f.num(r.membersTransferred)}</td>
                    <td className="num">{f.num(r.identitiesRevealed)}</td>
                    <td className="num">{f.pct(r.overallCoverageRateAtEnd)}</td>
                    <td className="num">{f.signedPct(r.coverageRateChange)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
