import { dataOf, type PrepareContext, type Scenario } from './types.js';

/**
 * Q2: active non-public-economic organizations (a filter every server can express: equality on
 * two columns), 20 a page in id order, with totalCount and hasNextPage; page 1, and page 500
 * reached with the cursor a client would hold after walking 499 pages. Each server gets its
 * own kind of cursor: ours from its cursor format, PostGraphile's as it hands them out; the
 * floor takes the last id of the previous page (what a keyset cursor carries).
 */
const PAGE = 20;
const DEEP_PAGE = 500;

const OURS = /* GraphQL */ `query Q2Organizations($after: String) {
  organizations(first: ${PAGE}, after: $after, filter: { category: [NON_PUBLIC_ECONOMIC], status: [ACTIVE] }) {
    totalCount
    pageInfo { hasNextPage }
    nodes { creditCode name employees registeredOn street { code name } }
  }
}`;

const POSTGRAPHILE = /* GraphQL */ `query Q2Organizations($after: Cursor) {
  allOrganizations(first: ${PAGE}, after: $after, orderBy: PRIMARY_KEY_ASC, condition: { category: "NON_PUBLIC_ECONOMIC", status: "ACTIVE" }) {
    totalCount
    pageInfo { hasNextPage }
    nodes { creditCode name employees registeredOn areaByStreetId { code name } }
  }
}`;

const FLOOR = /* sql */ `
WITH page AS (
  SELECT o.id, o.credit_code, o.name, o.employees, o.registered_on, o.street_id
  FROM organization o
  WHERE o.category = 'NON_PUBLIC_ECONOMIC' AND o.status = 'ACTIVE' AND o.id > $1
  ORDER BY o.id LIMIT ${PAGE + 1}
)
SELECT json_build_object(
  'totalCount', (SELECT count(*) FROM organization o WHERE o.category = 'NON_PUBLIC_ECONOMIC' AND o.status = 'ACTIVE'),
  'hasNextPage', (SELECT count(*) > ${PAGE} FROM page),
  'nodes', coalesce((SELECT json_agg(json_build_object('creditCode', p.credit_code, 'name', p.name, 'employees', p.employees,
      'registeredOn', p.registered_on, 'street', json_build_object('code', s.code, 'name', s.name)) ORDER BY p.id)
    FROM (SELECT * FROM page ORDER BY id LIMIT ${PAGE}) p JOIN area s ON s.id = p.street_id), '[]')
) AS json`;

const normaliseNodes = (nodes: any[], street: (n: any) => any) =>
  nodes.map((n) => ({ creditCode: n.creditCode, name: n.name, employees: n.employees, registeredOn: n.registeredOn, street: { code: street(n).code, name: street(n).name } }));

function scenario(deep: boolean): Scenario {
  return {
    id: deep ? 'Q2b' : 'Q2a',
    title: deep ? `Q2 organizations under a filter, page ${DEEP_PAGE} (or the last full page at small scales)` : 'Q2 organizations under a filter, page 1',
    floorSql: FLOOR,
    async prepare(ctx: PrepareContext) {
      // The id of the last row before the page: page k starts after row (k − 1) × 20.
      let afterId = 0;
      let oursAfter: string | null = null;
      let pgAfter: string | null = null;
      if (deep) {
        const total = Number((await ctx.db.query(`SELECT count(*) FROM organization WHERE category = 'NON_PUBLIC_ECONOMIC' AND status = 'ACTIVE'`)).rows[0].count);
        const pageNo = Math.max(2, Math.min(DEEP_PAGE, Math.floor(total / PAGE)));
        const offset = (pageNo - 1) * PAGE;
        afterId = (await ctx.db.query(
          `SELECT id FROM organization WHERE category = 'NON_PUBLIC_ECONOMIC' AND status = 'ACTIVE' ORDER BY id OFFSET $1 LIMIT 1`,
          [offset - 1],
        )).rows[0].id;
        // Our cursors are base64url JSON {o: ordering, i: id}; take the ordering key from a real one.
        const first = dataOf(await ctx.ours({ query: `{ organizations(first: 1, filter: { category: [NON_PUBLIC_ECONOMIC], status: [ACTIVE] }) { pageInfo { endCursor } } }` }));
        const payload = JSON.parse(Buffer.from(first.organizations.pageInfo.endCursor, 'base64url').toString('utf8'));
        oursAfter = Buffer.from(JSON.stringify({ ...payload, i: afterId }), 'utf8').toString('base64url');
        const pgRow = dataOf(await ctx.postgraphile({
          query: `{ allOrganizations(first: 1, offset: ${offset - 1}, orderBy: PRIMARY_KEY_ASC, condition: { category: "NON_PUBLIC_ECONOMIC", status: "ACTIVE" }) { edges { cursor } } }`,
        }));
        pgAfter = pgRow.allOrganizations.edges[0].cursor;
      }
      return {
        ours: { body: { query: OURS, variables: { after: oursAfter } } },
        postgraphile: { body: { query: POSTGRAPHILE, variables: { after: pgAfter } } },
        floor: { params: [afterId] },
        normalise: {
          ours(response) {
            const c = dataOf(response).organizations;
            return { totalCount: c.totalCount, hasNextPage: c.pageInfo.hasNextPage, nodes: normaliseNodes(c.nodes, (n) => n.street) };
          },
          postgraphile(response) {
            const c = dataOf(response).allOrganizations;
            return { totalCount: c.totalCount, hasNextPage: c.pageInfo.hasNextPage, nodes: normaliseNodes(c.nodes, (n) => n.areaByStreetId) };
          },
          floor(json) {
            return { totalCount: Number(json.totalCount), hasNextPage: json.hasNextPage, nodes: normaliseNodes(json.nodes, (n) => n.street) };
          },
        },
      };
    },
  };
}

export const q2FirstPage = scenario(false);
export const q2DeepPage = scenario(true);
