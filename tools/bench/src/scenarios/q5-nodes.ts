import { dataOf, type Scenario } from './types.js';

/**
 * Q5: 50 node lookups by global id in one request — 30 organizations, 10 Party organizations,
 * 10 buildings, spread over the id range — each with a few fields (an organization also its
 * street's code). Ours answers `nodes(ids:)`; PostGraphile has `node(nodeId:)` only, so its
 * document is 50 aliased `node` fields; the floor takes the decoded (type, id) pairs.
 */
const FIELDS_OURS = `__typename
  ... on Organization { creditCode name employees street { code } }
  ... on PartyOrganization { name kind establishedOn }
  ... on Building { name floors }`;

const FIELDS_PG = `__typename
  ... on Organization { creditCode name employees areaByStreetId { code } }
  ... on PartyOrganization { name kind establishedOn }
  ... on Building { name floors }`;

const OURS = /* GraphQL */ `query Q5Nodes($ids: [ID!]!) { nodes(ids: $ids) { ${FIELDS_OURS} } }`;

const FLOOR = /* sql */ `
SELECT json_agg(CASE k.t
  WHEN 'Organization' THEN (SELECT json_build_object('__typename', 'Organization', 'creditCode', o.credit_code, 'name', o.name,
      'employees', o.employees, 'street', json_build_object('code', s.code)) FROM organization o JOIN area s ON s.id = o.street_id WHERE o.id = k.id)
  WHEN 'PartyOrganization' THEN (SELECT json_build_object('__typename', 'PartyOrganization', 'name', p.name, 'kind', p.kind,
      'establishedOn', p.established_on) FROM party_organization p WHERE p.id = k.id)
  WHEN 'Building' THEN (SELECT json_build_object('__typename', 'Building', 'name', b.name, 'floors', b.floors) FROM building b WHERE b.id = k.id)
  END ORDER BY k.ord) AS json
FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS k(t, id, ord)`;

const TABLES = [
  { type: 'Organization', table: 'organization', n: 30 },
  { type: 'PartyOrganization', table: 'party_organization', n: 10 },
  { type: 'Building', table: 'building', n: 10 },
] as const;

function canonical(n: any, street: (n: any) => any) {
  if (!n) return null;
  switch (n.__typename) {
    case 'Organization':
      return { type: 'Organization', creditCode: n.creditCode, name: n.name, employees: n.employees, street: street(n)?.code };
    case 'PartyOrganization':
      return { type: 'PartyOrganization', name: n.name, kind: n.kind, establishedOn: n.establishedOn };
    case 'Building':
      return { type: 'Building', name: n.name, floors: n.floors };
    default:
      return { type: n.__typename };
  }
}

export const q5: Scenario = {
  id: 'Q5',
  title: 'Q5 50 node lookups by id in one request (30 organizations, 10 Party organizations, 10 buildings)',
  floorSql: FLOOR,
  async prepare(ctx) {
    const picks: { type: string; table: string; id: number }[] = [];
    for (const { type, table, n } of TABLES) {
      // Evenly spread over the table, interleaved below so the types are mixed in the request.
      const { rows } = await ctx.db.query(
        `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS r, count(*) OVER () AS c FROM ${table}) x
         WHERE (r - 1) % greatest(c / $1, 1) = 0 ORDER BY id LIMIT $1`,
        [n],
      );
      for (const row of rows) picks.push({ type, table, id: row.id });
    }
    picks.sort((a, b) => (a.id * 7 + a.type.length) % 50 - (b.id * 7 + b.type.length) % 50 || a.id - b.id);
    const oursIds = picks.map((p) => Buffer.from(`${p.type}:${p.id}`, 'utf8').toString('base64url'));
    // PostGraphile's node ids, as it hands them out (one aliased lookup by primary key each).
    const lookup = picks
      .map((p, i) => `n${i}: ${p.type[0]!.toLowerCase()}${p.type.slice(1)}ById(id: ${p.id}) { nodeId }`)
      .join('\n');
    const pgIdsData = dataOf(await ctx.postgraphile({ query: `{ ${lookup} }` }));
    const pgIds = picks.map((_, i) => pgIdsData[`n${i}`].nodeId as string);
    const pgQuery = `query Q5Nodes {\n${pgIds.map((id, i) => `  n${i}: node(nodeId: ${JSON.stringify(id)}) { ${FIELDS_PG} }`).join('\n')}\n}`;
    return {
      ours: { body: { query: OURS, variables: { ids: oursIds } } },
      postgraphile: { body: { query: pgQuery } },
      floor: { params: [picks.map((p) => p.type), picks.map((p) => p.id)] },
      normalise: {
        ours: (response) => dataOf(response).nodes.map((n: any) => canonical(n, (x) => x.street)),
        postgraphile(response) {
          const data = dataOf(response);
          return picks.map((_, i) => canonical(data[`n${i}`], (x) => x.areaByStreetId));
        },
        floor: (json) => json.map((n: any) => canonical(n, (x) => x.street)),
      },
    };
  },
};
