import type { ErrorLike } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../auth/AuthProvider';
import { Chart, preloadCharts } from '../../components/Chart';
import { CoverageTiles } from '../../components/CoverageTiles';
import { AsOfPicker } from '../../components/AsOfPicker';
import { Empty, ErrorState, Loading } from '../../components/states';
import { graphql } from '../../gql';
import type { DashboardContainersQuery } from '../../gql/graphql';
import { isIsoDate, monthlyTrendDates, todayInShanghai } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { areaPath, blindSpotsPath, organizationsPath, type ContainerParam, type CoverageStatusParam } from '../../lib/paths';
import { Bulletin } from './Bulletin';

export const dashboardQuery = graphql(`
  query Dashboard(
    $scope: String
    $asOf: Date!
    $m1: Date!
    $m2: Date!
    $m3: Date!
    $m4: Date!
    $m5: Date!
    $m6: Date!
    $m7: Date!
    $m8: Date!
    $m9: Date!
    $m10: Date!
    $m11: Date!
  ) {
    overview: coverage(scope: $scope, asOf: $asOf, groupBy: CHILD_AREA) {
      scope
      totals {
        ...CoverageFigures_stats
      }
      rows {
        key
        label
        stats {
          inScope
          blindSpots
          overallCoverageRate
          organizationCoverageRate
        }
      }
    }
    m1: coverage(scope: $scope, asOf: $m1) { totals { ...Trend_point } }
    m2: coverage(scope: $scope, asOf: $m2) { totals { ...Trend_point } }
    m3: coverage(scope: $scope, asOf: $m3) { totals { ...Trend_point } }
    m4: coverage(scope: $scope, asOf: $m4) { totals { ...Trend_point } }
    m5: coverage(scope: $scope, asOf: $m5) { totals { ...Trend_point } }
    m6: coverage(scope: $scope, asOf: $m6) { totals { ...Trend_point } }
    m7: coverage(scope: $scope, asOf: $m7) { totals { ...Trend_point } }
    m8: coverage(scope: $scope, asOf: $m8) { totals { ...Trend_point } }
    m9: coverage(scope: $scope, asOf: $m9) { totals { ...Trend_point } }
    m10: coverage(scope: $scope, asOf: $m10) { totals { ...Trend_point } }
    m11: coverage(scope: $scope, asOf: $m11) { totals { ...Trend_point } }
    bulletin: report(scope: $scope, date: $asOf, period: WEEK) {
      ...Bulletin_report
    }
  }
`);

/**
 * The blind spots by container type, in a query of their own sent alongside `Dashboard`: the
 * server counts them from the facts (≈ 0.5–1 s for the city at scale 1) while every other figure
 * of the dashboard comes from the precomputed coverage tally in milliseconds. In one query they
 * held all the figures back; on their own the tiles, ranking, trend and bulletin render first and
 * this card fills in when its answer comes (docs/benchmarks.md, "Dashboard in the browser").
 */
export const dashboardContainersQuery = graphql(`
  query DashboardContainers($scope: String, $asOf: Date!) {
    containers: coverage(scope: $scope, asOf: $asOf, groupBy: CONTAINER_TYPE) {
      rows {
        key
        stats {
          inScope
          blindSpots
          overallCoverageRate
        }
      }
    }
  }
`);

graphql(`
  fragment Trend_point on CoverageStats {
    asOf
    overallCoverageRate
    organizationCoverageRate
    blindSpots
  }
`);

const CONTAINER_KEYS: readonly ContainerParam[] = ['PARK', 'BUILDING', 'BUSINESS_DISTRICT', 'NONE'];

/** The organizations a rate counts on its date: covered (overall rate) or organization-covered. */
const COVERED: CoverageStatusParam[] = ['ORGANIZATION_COVERED', 'WORK_COVERED'];
const ORGANIZATION_COVERED: CoverageStatusParam[] = ['ORGANIZATION_COVERED'];

/** The dashboard's scope: the city for city roles, the officer's district, the worker's street. */
export function useHomeScope(): string | null {
  const session = useSession();
  return session.account.role === 'CITY_ANALYST' || session.account.role === 'CITY_ADMIN' ? null : (session.account.area?.code ?? null);
}

export function dashboardVariables(scope: string | null, asOf: string) {
  const [m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11] = monthlyTrendDates(asOf) as [string, string, string, string, string, string, string, string, string, string, string];
  return { scope, asOf, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11 };
}

export function DashboardPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const scope = useHomeScope();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('asOf');
  const asOf = isIsoDate(asOfParam) ? asOfParam : todayInShanghai();
  const variables = useMemo(() => dashboardVariables(scope, asOf), [scope, asOf]);
  const { data, loading, error, refetch } = useQuery(dashboardQuery, { variables });
  const containers = useQuery(dashboardContainersQuery, { variables: { scope, asOf } });
  // ECharts (a lazy chunk) is fetched and evaluated while the figures are on their way, not after.
  useEffect(() => {
    void preloadCharts();
  }, []);

  const ranked = useMemo(() => {
    const rows = data?.overview.rows.filter((r) => r.key !== scope && r.stats.inScope > 0) ?? [];
    return [...rows].sort((a, b) => b.stats.overallCoverageRate - a.stats.overallCoverageRate);
  }, [data, scope]);

  const trend = useMemo(() => {
    if (!data) return [];
    const points = [data.m1, data.m2, data.m3, data.m4, data.m5, data.m6, data.m7, data.m8, data.m9, data.m10, data.m11].map((c) => c.totals);
    const now = data.overview.totals;
    return [...points, { asOf: now.asOf, overallCoverageRate: now.overallCoverageRate, organizationCoverageRate: now.organizationCoverageRate, blindSpots: now.blindSpots }];
  }, [data]);

  const placeName = session.account.area?.name ?? t('dashboard.city');
  // The trend's axis starts at the 5 % step below its lowest rate, so small changes show.
  const trendFloor = trend.length ? Math.max(0, Math.floor(Math.min(...trend.flatMap((p) => [p.overallCoverageRate, p.organizationCoverageRate])) * 20) / 20) : 0;

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('dashboard.title', { place: scope ? placeName : t('dashboard.city') })}</h1>
        <AsOfPicker value={asOf} onChange={(d) => setParams((p) => (p.set('asOf', d), p))} />
      </header>
      {error && !data ? (
        <ErrorState error={error} retry={refetch} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          {loading && <Loading label={t('state.refreshing')} />}
          <CoverageTiles stats={data.overview.totals} scope={scope} heading={t('dashboard.coverageHeading')} />

          <div className="grid-2">
            <section className="card" aria-labelledby="ranking-heading">
              <h2 id="ranking-heading">{scope ? t('dashboard.rankingStreets') : t('dashboard.rankingDistricts')}</h2>
              {ranked.length === 0 ? (
                <Empty />
              ) : (
                <>
                  <Chart
                    label={t('dashboard.rankingChart')}
                    height={Math.max(220, ranked.length * 26 + 40)}
                    onClickName={(_n, i) => {
                      const row = [...ranked].reverse()[i];
                      if (row) navigate(areaPath(row.key));
                    }}
                    option={{
                      grid: { left: 90, right: 40, top: 10, bottom: 20 },
                      tooltip: { trigger: 'axis', valueFormatter: (v) => f.pct(Number(v)) },
                      xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => f.pct(v) } },
                      yAxis: { type: 'category', data: [...ranked].reverse().map((r) => r.label) },
                      series: [{ type: 'bar', name: t('coverage.overallRate'), data: [...ranked].reverse().map((r) => r.stats.overallCoverageRate), itemStyle: { color: '#c0392b' }, cursor: 'pointer' }],
                    }}
                  />
                  <table className="data">
                    <caption className="visually-hidden">{t('dashboard.rankingTable')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('dashboard.rank')}</th>
                        <th scope="col">{t('dashboard.area')}</th>
                        <th scope="col" className="num">{t('coverage.overallRate')}</th>
                        <th scope="col" className="num">{t('coverage.organizationRate')}</th>
                        <th scope="col" className="num">{t('coverage.blindSpots')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {ranked.map((r, i) => (
                        <tr key={r.key}>
                          <td>{f.num(i + 1)}</td>
                          <td>
                            <Link to={areaPath(r.key)}>{r.label}</Link>
                          </td>
                          <td className="num">
                            <Link to={organizationsPath({ scope: r.key, asOf, coverage: COVERED })}>{f.pct(r.stats.overallCoverageRate)}</Link>
                          </td>
                          <td className="num">
                            <Link to={organizationsPath({ scope: r.key, asOf, coverage: ORGANIZATION_COVERED })}>{f.pct(r.stats.organizationCoverageRate)}</Link>
                          </td>
                          <td className="num">
                            <Link to={blindSpotsPath({ scope: r.key, asOf })}>{f.num(r.stats.blindSpots)}</Link>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </section>

            <section className="card" aria-labelledby="trend-heading">
              <h2 id="trend-heading">{t('dashboard.trend')}</h2>
              <Chart
                label={t('dashboard.trendChart')}
                onClickName={(_n, i, series) => {
                  // A point of a rate opens the organizations it counts on that date.
                  const point = trend[i];
                  if (point) navigate(organizationsPath({ scope, asOf: point.asOf, coverage: series === 1 ? ORGANIZATION_COVERED : COVERED }));
                }}
                option={{
                  grid: { left: 50, right: 20, top: 20, bottom: 30 },
                  tooltip: { trigger: 'axis', valueFormatter: (v) => f.pct(Number(v)) },
                  xAxis: { type: 'category', data: trend.map((p) => f.month(p.asOf)) },
                  yAxis: { type: 'value', min: trendFloor, max: 1, interval: trendFloor >= 0.7 ? 0.05 : 0.1, axisLabel: { formatter: (v: number) => f.pct(v) } },
                  series: [
                    { type: 'line', name: t('coverage.overallRate'), data: trend.map((p) => p.overallCoverageRate), itemStyle: { color: '#c0392b' }, cursor: 'pointer' },
                    { type: 'line', name: t('coverage.organizationRate'), data: trend.map((p) => p.organizationCoverageRate), itemStyle: { color: '#2c3e50' }, cursor: 'pointer' },
                  ],
                }}
              />
              <table className="data compact">
                <caption className="visually-hidden">{t('dashboard.trendTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.month')}</th>
                    <th scope="col" className="num">{t('coverage.overallRate')}</th>
                    <th scope="col" className="num">{t('coverage.organizationRate')}</th>
                    <th scope="col" className="num">{t('coverage.blindSpots')}</th>
                  </tr>
                </thead>
                <tbody>
                  {trend.map((p) => (
                    <tr key={p.asOf}>
                      <td>{f.date(p.asOf)}</td>
                      <td className="num">
                        <Link to={organizationsPath({ scope, asOf: p.asOf, coverage: COVERED })}>{f.pct(p.overallCoverageRate)}</Link>
                      </td>
                      <td className="num">
                        <Link to={organizationsPath({ scope, asOf: p.asOf, coverage: ORGANIZATION_COVERED })}>{f.pct(p.organizationCoverageRate)}</Link>
                      </td>
                      <td className="num">
                        <Link to={blindSpotsPath({ scope, asOf: p.asOf })}>{f.num(p.blindSpots)}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>

            <ContainersCard data={containers.data} error={containers.error} retry={containers.refetch} scope={scope} asOf={asOf} />

            <Bulletin report={data.bulletin} scope={scope} />
          </div>
        </>
      )}
    </div>
  );
}

/** Blind spots by container type: its own query (dashboardContainersQuery), its own loading and error states. */
function ContainersCard({ data, error, retry, scope, asOf }: { data: DashboardContainersQuery | undefined; error: ErrorLike | undefined; retry: () => unknown; scope: string | null; asOf: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="card" aria-labelledby="containers-heading">
      <h2 id="containers-heading">{t('dashboard.byContainer')}</h2>
      {error && !data ? (
        <ErrorState error={error} retry={retry} />
      ) : !data ? (
        <Loading />
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.containerType')}</th>
              <th scope="col" className="num">{t('coverage.inScopeShort')}</th>
              <th scope="col" className="num">{t('coverage.overallRate')}</th>
              <th scope="col" className="num">{t('coverage.blindSpots')}</th>
            </tr>
          </thead>
          <tbody>
            {CONTAINER_KEYS.map((key) => {
              const row = data.containers.rows.find((r) => r.key === key);
              if (!row) return null;
              return (
                <tr key={key}>
                  <td>{t(`containerType.${key}`)}</td>
                  <td className="num">
                    <Link to={organizationsPath({ scope, asOf, container: key })}>{f.num(row.stats.inScope)}</Link>
                  </td>
                  <td className="num">
                    <Link to={organizationsPath({ scope, asOf, container: key, coverage: COVERED })}>{f.pct(row.stats.overallCoverageRate)}</Link>
                  </td>
                  <td className="num">
                    <Link to={blindSpotsPath({ scope, asOf, container: key })}>{f.num(row.stats.blindSpots)}</Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
