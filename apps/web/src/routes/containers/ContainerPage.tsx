import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { AsOfPicker } from '../../components/AsOfPicker';
import { BlindSpotList } from '../../components/BlindSpotList';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { CoverageTiles } from '../../components/CoverageTiles';
import { coverageStatus, OrganizationTable } from '../../components/OrganizationTable';
import { Empty, ErrorState, Loading } from '../../components/states';
import { graphql } from '../../gql';
import type { ContainerPageQuery } from '../../gql/graphql';
import { isIsoDate, todayInShanghai } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { areaPath, blindSpotsPath, organizationsPath } from '../../lib/paths';
import { areaCrumbs } from '../areas/AreaPage';
import type { GraphModel } from './graph-model';
import { buildGraphModel } from './graph-model';

// Cytoscape (~130 KB gzip) loads only when a container page is opened.
const GraphView = lazy(() => import('./GraphView'));

export const containerPageQuery = graphql(`
  query ContainerPage($id: ID!, $scope: String!, $asOf: Date!) {
    node(id: $id) {
      __typename
      id
      ... on Park {
        name
        level
        establishedOn
        area {
          ...AreaCrumb_area
        }
        coverage(asOf: $asOf) {
          ...CoverageFigures_stats
        }
        organizations(first: 100, filter: { status: [ACTIVE] }, orderBy: { field: EMPLOYEES, direction: DESC }) {
          totalCount
          nodes {
            ...Graph_organization
          }
        }
        partyOrganizations(first: 50) {
          totalCount
          nodes {
            ...ContainerPartyOrg_partyOrganization
          }
        }
      }
      ... on Building {
        name
        address
        floors
        annualTaxYuan
        isHundredMillionTaxBuilding
        openedOn
        street {
          ...AreaCrumb_area
        }
        park {
          id
          name
        }
        coverage(asOf: $asOf) {
          ...CoverageFigures_stats
        }
        organizations(first: 100, filter: { status: [ACTIVE] }, orderBy: { field: EMPLOYEES, direction: DESC }) {
          totalCount
          nodes {
            ...Graph_organization
          }
        }
        partyOrganizations(first: 50) {
          totalCount
          nodes {
            ...ContainerPartyOrg_partyOrganization
          }
        }
      }
      ... on BusinessDistrict {
        name
        kind
        openedOn
        street {
          ...AreaCrumb_area
        }
        coverage(asOf: $asOf) {
          ...CoverageFigures_stats
        }
        organizations(first: 100, filter: { status: [ACTIVE] }, orderBy: { field: EMPLOYEES, direction: DESC }) {
          totalCount
          nodes {
            ...Graph_organization
          }
        }
        partyOrganizations(first: 50) {
          totalCount
          nodes {
            ...ContainerPartyOrg_partyOrganization
          }
        }
      }
    }
    blindSpots(scope: $scope, asOf: $asOf, first: 100, orderBy: { field: EMPLOYEES, direction: DESC }) {
      totalCount
      nodes {
        ...BlindSpot_row
      }
    }
  }
`);

graphql(`
  fragment AreaCrumb_area on Area {
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
`);

graphql(`
  fragment ContainerPartyOrg_partyOrganization on PartyOrganization {
    id
    name
    kind
    formation
    establishedOn
    coveredOrganizations(first: 0) {
      totalCount
    }
  }
`);

graphql(`
  fragment Graph_organization on Organization {
    ...OrgRow_organization
    coveringPartyOrganizations: partyOrganizations(first: 5) {
      nodes {
        id
        name
        kind
      }
    }
    instructors(first: 5, filter: { inPool: true }) {
      nodes {
        id
        name
      }
    }
    liaisonPoints(first: 5, filter: { current: true }) {
      nodes {
        id
        kind
        responsible {
          __typename
          ... on WorkGroupMember {
            id
            name
          }
          ... on Instructor {
            id
            name
          }
          ... on MemberUnit {
            id
            name
          }
          ... on WorkingCommittee {
            id
            name
          }
        }
      }
    }
  }
`);

type ContainerNode = Extract<NonNullable<ContainerPageQuery['node']>, { name: string }>;

export function ContainerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('asOf');
  const asOf = isIsoDate(asOfParam) ? asOfParam : todayInShanghai();
  const { data, loading, error, refetch } = useQuery(containerPageQuery, { variables: { id, scope: id, asOf } });

  const node = data?.node && 'name' in data.node ? (data.node as ContainerNode) : null;
  const blindSpotIds = useMemo(() => new Set(data?.blindSpots.nodes.map((b) => b.organization.id) ?? []), [data]);
  const complete = !!data && data.blindSpots.totalCount <= data.blindSpots.nodes.length;
  const model: GraphModel | null = useMemo(() => {
    if (!node) return null;
    return buildGraphModel(
      { id: node.id, name: node.name },
      node.organizations.nodes.map((o) => ({ ...o, status: coverageStatus(o, blindSpotIds, complete) })),
    );
  }, [node, blindSpotIds, complete]);

  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  if (!data) return <Loading />;
  if (!node || !model) return <Empty>{t('container.notFound')}</Empty>;

  const kind = node.__typename;
  const area = 'area' in node ? node.area : node.street;
  const facts: [string, React.ReactNode][] = [];
  if (node.__typename === 'Park') {
    facts.push([t('container.level'), t(`parkLevel.${node.level}`)], [t('container.established'), f.date(node.establishedOn)]);
  } else if (node.__typename === 'Building') {
    facts.push(
      [t('container.address'), node.address ?? '—'],
      [t('container.floors'), node.floors == null ? '—' : f.num(node.floors)],
      [t('container.annualTax'), f.fen(node.annualTaxYuan * 100)],
      [t('container.opened'), f.date(node.openedOn)],
    );
    if (node.park) facts.push([t('container.park'), <Link key="p" to={`/containers/${encodeURIComponent(node.park.id)}`}>{node.park.name}</Link>]);
  } else {
    facts.push([t('container.kind'), t(`businessDistrictKind.${node.kind}`)], [t('container.opened'), f.date(node.openedOn)]);
  }

  return (
    <div className="page">
      <Breadcrumbs items={[...areaCrumbs(area), { label: node.name }]} />
      <header className="page-header">
        <h1>
          {node.name} <span className="muted small">{t(`containerKind.${kind}`)}</span>
          {node.__typename === 'Building' && node.isHundredMillionTaxBuilding && <span className="badge badge-key">{t('building.hundredMillion')}</span>}
        </h1>
        <AsOfPicker value={asOf} onChange={(d) => setParams((p) => (p.set('asOf', d), p))} />
      </header>
      {loading && <Loading label={t('state.refreshing')} />}
      <dl className="facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        <div>
          <dt>{t('organization.street')}</dt>
          <dd>
            <Link to={areaPath(area.code)}>{area.name}</Link>
          </dd>
        </div>
      </dl>
      <CoverageTiles stats={node.coverage} scope={node.id} />

      <section className="card" aria-labelledby="graph-heading">
        <h2 id="graph-heading">{t('graph.heading')}</h2>
        <p className="muted">{t('graph.hint')}</p>
        <Suspense fallback={<Loading label={t('graph.loading')} />}>
          <GraphView model={model} />
        </Suspense>
      </section>

      <section className="card" aria-labelledby="c-orgs-heading">
        <h2 id="c-orgs-heading">
          {t('area.organizations')} <span className="muted small">({t('common.showingOf', { shown: f.num(node.organizations.nodes.length), total: f.num(node.organizations.totalCount) })})</span>
        </h2>
        <OrganizationTable organizations={node.organizations.nodes} blindSpotIds={blindSpotIds} blindSpotsComplete={complete} caption={t('area.organizations')} />
        {node.organizations.totalCount > node.organizations.nodes.length && <Link to={organizationsPath({ scope: node.id })}>{t('common.seeAll')}</Link>}
      </section>

      <People model={model} />

      <section className="card" aria-labelledby="c-po-heading">
        <h2 id="c-po-heading">{t('container.partyOrganizations')}</h2>
        {node.partyOrganizations.nodes.length === 0 ? (
          <Empty>{t('container.noPartyOrganizations')}</Empty>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('partyOrg.kind')}</th>
                <th scope="col">{t('partyOrg.formation')}</th>
                <th scope="col">{t('partyOrg.established')}</th>
                <th scope="col" className="num">{t('partyOrg.covers')}</th>
              </tr>
            </thead>
            <tbody>
              {node.partyOrganizations.nodes.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{t(`partyOrgKind.${p.kind}`)}</td>
                  <td>{t(`formation.${p.formation}`)}</td>
                  <td>{f.date(p.establishedOn)}</td>
                  <td className="num">{f.num(p.coveredOrganizations.totalCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="c-blind-heading">
        <h2 id="c-blind-heading">
          {t('coverage.blindSpots')} <span className="muted small">({f.num(data.blindSpots.totalCount)})</span>
        </h2>
        <BlindSpotList rows={data.blindSpots.nodes} caption={t('coverage.blindSpots')} />
        {data.blindSpots.totalCount > data.blindSpots.nodes.length && <Link to={blindSpotsPath({ scope: node.id, asOf })}>{t('common.seeAll')}</Link>}
      </section>
    </div>
  );
}

/** Instructors and liaison people of the container's organizations, with how many each looks after. */
function People({ model }: { model: GraphModel }) {
  const { t } = useTranslation();
  const f = useFormat();
  const people = model.nodes
    .filter((n) => n.kind === 'instructor' || n.kind === 'workGroupMember' || n.kind === 'memberUnit' || n.kind === 'committee')
    .map((n) => ({ ...n, organizations: model.edges.filter((e) => e.target === n.id).length }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || b.organizations - a.organizations);
  return (
    <section className="card" aria-labelledby="c-people-heading">
      <h2 id="c-people-heading">{t('container.people')}</h2>
      {people.length === 0 ? (
        <Empty>{t('container.noPeople')}</Empty>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('container.role')}</th>
              <th scope="col" className="num">{t('container.looksAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>{p.label}</td>
                <td>{t(`graph.kind.${p.kind}`)}</td>
                <td className="num">{f.num(p.organizations)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
