import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../auth/AuthProvider';
import { AsOfPicker } from '../../components/AsOfPicker';
import { Breadcrumbs, type Crumb } from '../../components/Breadcrumbs';
import { BlindSpotList } from '../../components/BlindSpotList';
import { CoverageTiles } from '../../components/CoverageTiles';
import { OrganizationTable } from '../../components/OrganizationTable';
import { Empty, ErrorState, Loading } from '../../components/states';
import { graphql } from '../../gql';
import type { AreaPageQuery } from '../../gql/graphql';
import { isIsoDate, todayInShanghai } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { areaPath, blindSpotsPath, containerPath, organizationsPath } from '../../lib/paths';
import { organizationOrderFor } from '../../lib/listFilters';

export const areaPageQuery = graphql(`
  query AreaPage($code: String!, $asOf: Date!, $isStreet: Boolean!, $withParks: Boolean!, $orderField: OrganizationOrderField!, $orderDirection: SortDirection!) {
    area(code: $code) {
      id
      code
      name
      level
      parent {
        code
        name
        parent {
          code
          name
          parent {
            code
            name
          }
        }
      }
      coverage(asOf: $asOf) {
        ...CoverageFigures_stats
      }
      children(first: 100) @skip(if: $isStreet) {
        totalCount
        nodes {
          id
          code
          name
          level
          coverage(asOf: $asOf) {
            inScope
            blindSpots
            overallCoverageRate
            organizationCoverageRate
          }
        }
      }
      parks(first: 50) @include(if: $withParks) {
        totalCount
        nodes {
          id
          name
          level
          coverage(asOf: $asOf) {
            ...ContainerFigures_stats
          }
        }
      }
      buildings(first: 50, orderBy: { field: ANNUAL_TAX, direction: DESC }) @include(if: $isStreet) {
        totalCount
        nodes {
          id
          name
          isHundredMillionTaxBuilding
          coverage(asOf: $asOf) {
            ...ContainerFigures_stats
          }
        }
      }
      businessDistricts(first: 50) @include(if: $isStreet) {
        totalCount
        nodes {
          id
          name
          kind
          coverage(asOf: $asOf) {
            ...ContainerFigures_stats
          }
        }
      }
      organizations(first: 50, orderBy: { field: $orderField, direction: $orderDirection }, filter: { status: [ACTIVE] }) @include(if: $isStreet) {
        totalCount
        nodes {
          ...OrgRow_organization
        }
      }
    }
    blindSpots(scope: $code, asOf: $asOf, first: 100, orderBy: { field: $orderField, direction: $orderDirection }) {
      totalCount
      nodes {
        ...BlindSpot_row
      }
    }
  }
`);

graphql(`
  fragment ContainerFigures_stats on CoverageStats {
    inScope
    blindSpots
    overallCoverageRate
  }
`);

type AreaData = NonNullable<AreaPageQuery['area']>;

export function areaCrumbs(area: { code: string; name: string; parent?: { code: string; name: string; parent?: { code: string; name: string; parent?: { code: string; name: string } | null } | null } | null }): Crumb[] {
  const chain: Crumb[] = [];
  let a: typeof area | null | undefined = area;
  while (a) {
    chain.unshift({ label: a.name, to: areaPath(a.code) });
    a = a.parent;
  }
  return chain;
}

export function AreaPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('asOf');
  const asOf = isIsoDate(asOfParam) ? asOfParam : todayInShanghai();
  const isStreet = code.length === 9;
  const withParks = isStreet || (code.length === 6 && !code.endsWith('00'));
  // A street worker's own organizations (专包) first, in the street's list and its blind spots.
  const order = organizationOrderFor(useSession().account.role);
  const { data, loading, error, refetch } = useQuery(areaPageQuery, { variables: { code, asOf, isStreet, withParks, ...order } });

  const blindSpotIds = useMemo(() => new Set(data?.blindSpots.nodes.map((b) => b.organization.id) ?? []), [data]);

  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  if (!data) return <Loading />;
  const area = data.area;
  if (!area) return <Empty>{t('area.notFound', { code })}</Empty>;

  return (
    <div className="page">
      <Breadcrumbs items={areaCrumbs(area)} />
      <header className="page-header">
        <h1>
          {area.name} <span className="muted small">{t(`areaLevel.${area.level}`)} · {area.code}</span>
        </h1>
        <AsOfPicker value={asOf} onChange={(d) => setParams((p) => (p.set('asOf', d), p))} />
      </header>
      {loading && <Loading label={t('state.refreshing')} />}
      <CoverageTiles stats={area.coverage} scope={area.code} />

      {area.children && area.children.nodes.length > 0 && <ChildAreas area={area} asOf={asOf} />}
      {area.parks && <Containers title={t('area.parks')} total={area.parks.totalCount} rows={area.parks.nodes.map((p) => ({ id: p.id, name: p.name, tag: t(`parkLevel.${p.level}`), stats: p.coverage }))} />}
      {area.buildings && (
        <Containers
          title={t('area.buildings')}
          total={area.buildings.totalCount}
          rows={area.buildings.nodes.map((b) => ({ id: b.id, name: b.name, tag: b.isHundredMillionTaxBuilding ? t('building.hundredMillion') : undefined, stats: b.coverage }))}
        />
      )}
      {area.businessDistricts && (
        <Containers title={t('area.businessDistricts')} total={area.businessDistricts.totalCount} rows={area.businessDistricts.nodes.map((b) => ({ id: b.id, name: b.name, tag: t(`businessDistrictKind.${b.kind}`), stats: b.coverage }))} />
      )}
      {area.organizations && (
        <section className="card" aria-labelledby="orgs-heading">
          <h2 id="orgs-heading">
            {t('area.organizations')} <span className="muted small">({t('common.showingOf', { shown: area.organizations.nodes.length, total: area.organizations.totalCount })})</span>
          </h2>
          <OrganizationTable organizations={area.organizations.nodes} blindSpotIds={blindSpotIds} blindSpotsComplete={data.blindSpots.totalCount <= data.blindSpots.nodes.length} caption={t('area.organizations')} />
          <Link to={organizationsPath({ scope: area.code })}>{t('common.seeAll')}</Link>
        </section>
      )}
      <section className="card" aria-labelledby="blind-heading">
        <h2 id="blind-heading">
          {t('coverage.blindSpots')} <span className="muted small">({data.blindSpots.totalCount})</span>
        </h2>
        <BlindSpotList rows={data.blindSpots.nodes.slice(0, 10)} caption={t('coverage.blindSpots')} />
        {data.blindSpots.totalCount > 0 && <Link to={blindSpotsPath({ scope: area.code, asOf })}>{t('common.seeAll')}</Link>}
      </section>
    </div>
  );
}

function ChildAreas({ area, asOf }: { area: AreaData; asOf: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const children = area.children?.nodes ?? [];
  return (
    <section className="card" aria-labelledby="children-heading">
      <h2 id="children-heading">{t('area.children')}</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.area')}</th>
            <th scope="col" className="num">{t('coverage.inScopeShort')}</th>
            <th scope="col" className="num">{t('coverage.organizationRate')}</th>
            <th scope="col" className="num">{t('coverage.overallRate')}</th>
            <th scope="col" className="num">{t('coverage.blindSpots')}</th>
          </tr>
        </thead>
        <tbody>
          {children.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={areaPath(c.code)}>{c.name}</Link>
              </td>
              <td className="num">{f.num(c.coverage.inScope)}</td>
              <td className="num">{f.pct(c.coverage.organizationCoverageRate)}</td>
              <td className="num">
                <Meter value={c.coverage.overallCoverageRate} label={f.pct(c.coverage.overallCoverageRate)} />
              </td>
              <td className="num">
                <Link to={blindSpotsPath({ scope: c.code, asOf })}>{f.num(c.coverage.blindSpots)}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function Meter({ value, label }: { value: number; label: string }) {
  return (
    <span className="meter">
      <span className="meter-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(value * 100)}%` }} />
      </span>
      {label}
    </span>
  );
}

function Containers({ title, total, rows }: { title: string; total: number; rows: { id: string; name: string; tag?: string; stats: { inScope: number; blindSpots: number; overallCoverageRate: number } }[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="card" aria-label={title}>
      <h2>
        {title} <span className="muted small">({f.num(total)})</span>
      </h2>
      {rows.length === 0 ? (
        <Empty />
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col" className="num">{t('coverage.inScopeShort')}</th>
              <th scope="col" className="num">{t('coverage.overallRate')}</th>
              <th scope="col" className="num">{t('coverage.blindSpots')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={containerPath(r.id)}>{r.name}</Link> {r.tag && <span className="badge">{r.tag}</span>}
                </td>
                <td className="num">{f.num(r.stats.inScope)}</td>
                <td className="num">
                  <Meter value={r.stats.overallCoverageRate} label={f.pct(r.stats.overallCoverageRate)} />
                </td>
                <td className="num">{f.num(r.stats.blindSpots)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
