import { dataOf, type Scenario } from './types.js';

/**
 * Q1, the nested analyst query: every district → its first 10 streets → their first 5
 * buildings → their first 5 organizations → the Party organizations covering each now, with
 * totalCount at every level. Five levels, one connection per level per parent.
 */
const OURS = /* GraphQL */ `query Q1Nested {
  areas(level: DISTRICT, first: 20) {
    totalCount
    nodes {
      code name
      streets(first: 10) {
        totalCount
        nodes {
          code name
          buildings(first: 5) {
            totalCount
            nodes {
              name
              organizations(first: 5) {
                totalCount
                nodes {
                  creditCode name
                  partyOrganizations(first: 5) { totalCount nodes { name kind } }
                }
              }
            }
          }
        }
      }
    }
  }
}`;

/** PostGraphile 4, default inflection: relations are named after their foreign keys. */
const POSTGRAPHILE = /* GraphQL */ `query Q1Nested {
  allAreas(condition: { level: "DISTRICT" }, orderBy: CODE_ASC, first: 20) {
    totalCount
    nodes {
      code name
      areasByParentId(condition: { level: "STREET" }, orderBy: CODE_ASC, first: 10) {
        totalCount
        nodes {
          code name
          buildingsByStreetId(orderBy: PRIMARY_KEY_ASC, first: 5) {
            totalCount
            nodes {
              name
              organizationsByBuildingId(orderBy: PRIMARY_KEY_ASC, first: 5) {
                totalCount
                nodes {
                  creditCode name
                  partyOrganizationCoveragesByOrganizationId(condition: { until: null }, orderBy: PARTY_ORGANIZATION_ID_ASC, first: 5) {
                    totalCount
                    nodes { partyOrganizationByPartyOrganizationId { name kind } }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}`;

/** The same tree as one statement: correlated json_agg per level, counts beside each page. */
const FLOOR = /* sql */ `
SELECT json_build_object(
  'total', (SELECT count(*) FROM area WHERE level = 'DISTRICT'),
  'districts', coalesce((SELECT json_agg(json_build_object(
    'code', d.code, 'name', d.name,
    'streets', json_build_object(
      'total', (SELECT count(*) FROM area s WHERE s.parent_id = d.id AND s.level = 'STREET'),
      'nodes', coalesce((SELECT json_agg(json_build_object(
        'code', s.code, 'name', s.name,
        'buildings', json_build_object(
          'total', (SELECT count(*) FROM building b WHERE b.street_id = s.id),
          'nodes', coalesce((SELECT json_agg(json_build_object(
            'name', b.name,
            'organizations', json_build_object(
              'total', (SELECT count(*) FROM organization o WHERE o.building_id = b.id),
              'nodes', coalesce((SELECT json_agg(json_build_object(
                'creditCode', o.credit_code, 'name', o.name,
                'partyOrganizations', json_build_object(
                  'total', (SELECT count(DISTINCT c.party_organization_id) FROM party_organization_coverage c WHERE c.organization_id = o.id AND c.until IS NULL),
                  'nodes', coalesce((SELECT json_agg(json_build_object('name', p.name, 'kind', p.kind) ORDER BY p.id)
                    FROM (SELECT p.* FROM party_organization p
                          WHERE p.id IN (SELECT c.party_organization_id FROM party_organization_coverage c WHERE c.organization_id = o.id AND c.until IS NULL)
                          ORDER BY p.id LIMIT 5) p), '[]'))) ORDER BY o.id)
                FROM (SELECT * FROM organization o WHERE o.building_id = b.id ORDER BY o.id LIMIT 5) o), '[]'))) ORDER BY b.id)
            FROM (SELECT * FROM building b WHERE b.street_id = s.id ORDER BY b.id LIMIT 5) b), '[]'))) ORDER BY s.code)
        FROM (SELECT * FROM area s WHERE s.parent_id = d.id AND s.level = 'STREET' ORDER BY s.code LIMIT 10) s), '[]'))) ORDER BY d.code)
    FROM (SELECT * FROM area d WHERE d.level = 'DISTRICT' ORDER BY d.code LIMIT 20) d), '[]')
) AS json`;

const page = (total: number, nodes: unknown[]) => ({ total: Number(total), nodes });

export const q1: Scenario = {
  id: 'Q1',
  title: 'Q1 nested: districts → streets → buildings → organizations → covering Party organizations, totalCount at each level',
  floorSql: FLOOR,
  async prepare() {
    return {
      ours: { body: { query: OURS } },
      postgraphile: { body: { query: POSTGRAPHILE } },
      floor: { params: [] },
      normalise: {
        ours(response) {
          const a = dataOf(response).areas;
          return {
            total: a.totalCount,
            districts: a.nodes.map((d: any) => ({
              code: d.code,
              name: d.name,
              streets: page(d.streets.totalCount, d.streets.nodes.map((s: any) => ({
                code: s.code,
                name: s.name,
                buildings: page(s.buildings.totalCount, s.buildings.nodes.map((b: any) => ({
                  name: b.name,
                  organizations: page(b.organizations.totalCount, b.organizations.nodes.map((o: any) => ({
                    creditCode: o.creditCode,
                    name: o.name,
                    partyOrganizations: page(o.partyOrganizations.totalCount, o.partyOrganizations.nodes.map((p: any) => ({ name: p.name, kind: p.kind }))),
                  }))),
                }))),
              }))),
            })),
          };
        },
        postgraphile(response) {
          const a = dataOf(response).allAreas;
          return {
            total: a.totalCount,
            districts: a.nodes.map((d: any) => ({
              code: d.code,
              name: d.name,
              streets: page(d.areasByParentId.totalCount, d.areasByParentId.nodes.map((s: any) => ({
                code: s.code,
                name: s.name,
                buildings: page(s.buildingsByStreetId.totalCount, s.buildingsByStreetId.nodes.map((b: any) => ({
                  name: b.name,
                  organizations: page(b.organizationsByBuildingId.totalCount, b.organizationsByBuildingId.nodes.map((o: any) => {
                    const c = o.partyOrganizationCoveragesByOrganizationId;
                    return {
                      creditCode: o.creditCode,
                      name: o.name,
                      partyOrganizations: page(c.totalCount, c.nodes.map((e: any) => ({ name: e.partyOrganizationByPartyOrganizationId.name, kind: e.partyOrganizationByPartyOrganizationId.kind }))),
                    };
                  })),
                }))),
              }))),
            })),
          };
        },
        floor: (json) => json,
      },
    };
  },
};
