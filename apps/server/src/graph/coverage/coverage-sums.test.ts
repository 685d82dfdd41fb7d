import type { TestDatabase } from '@liangxin/db';
import { loadDataset } from '@liangxin/datagen';
import { classifyCoverage, tallyCoverage, type CoverageCounts } from '@liangxin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';

/*
 * On the demo data set: the streets of each district add up to the district and the districts
 * to the city, at several dates; and the city's figures equal the domain's classifyCoverage run
 * in TypeScript over facts read with plain queries (so SQL and domain agree on every rule).
 */

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await testDatabase();
  await loadDataset(db.url, { scale: 0.05, seed: 1, asOf: '2026-11-28' });
  app = await startTestApp(db.url);
}, 600_000);

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const FIELDS = 'inScope organizationCovered workCovered blindSpots standaloneEligibleUncovered weakPartyOrganizations';
type Stats = CoverageCounts & { standaloneEligibleUncovered: number; weakPartyOrganizations: number };
interface Level {
  code: string;
  coverage: Stats;
  children?: { nodes: Level[] };
}

const pick = (s: Stats): CoverageCounts => ({
  inScope: s.inScope,
  organizationCovered: s.organizationCovered,
  workCovered: s.workCovered,
  blindSpots: s.blindSpots,
});
const sum = (list: CoverageCounts[]): CoverageCounts =>
  list.reduce((a, b) => ({
    inScope: a.inScope + b.inScope,
    organizationCovered: a.organizationCovered + b.organizationCovered,
    workCovered: a.workCovered + b.workCovered,
    blindSpots: a.blindSpots + b.blindSpots,
  }));

async function cityCode(): Promise<string> {
  const { rows } = await sql(db.url, `SELECT code FROM area WHERE level = 'CITY'`);
  return String(rows[0].code);
}

/** The domain's classification of every in-scope organization on `asOf`, from plain queries. */
async function domainTally(asOf: string, windowDays: number): Promise<CoverageCounts> {
  const { rows } = await sql(
    db.url,
    `SELECT o.id,
       EXISTS (SELECT 1 FROM party_organization_coverage c JOIN party_organization p ON p.id = c.party_organization_id
               WHERE c.organization_id = o.id AND c.since <= $1 AND (c.until IS NULL OR c.until > $1)
                 AND p.established_on <= $1 AND (p.dissolved_on IS NULL OR p.dissolved_on > $1)) AS covered,
       EXISTS (SELECT 1 FROM liaison_point l WHERE l.organization_id = o.id AND l.kind = 'INSTRUCTOR'
               AND l.since <= $1 AND (l.until IS NULL OR l.until > $1)) AS instructor,
       (SELECT max(v.visited_on)::text FROM visit v WHERE v.organization_id = o.id AND v.visited_on <= $1) AS last_visit
     FROM organization o
     WHERE o.registered_on <= $1 AND (o.deregistered_on IS NULL OR o.deregistered_on > $1)`,
    [asOf],
  );
  return tallyCoverage(
    rows.map((r) => classifyCoverage({ organizationCovered: r.covered, hasInstructor: r.instructor, lastVisitOn: r.last_visit, asOf, windowDays })),
  );
}

describe('sums agree on the demo data', () => {
  it.each(['2024-06-30', '2025-12-31', '2026-11-28'])('on %s: streets → districts → city, and the domain agrees', async (asOf) => {
    const city = await cityCode();
    const { body } = await app.gql<{ area: Level }>(
      `query ($code: String!, $asOf: Date) { area(code: $code) { code coverage(asOf: $asOf) { ${FIELDS} }
        children(first: 100) { nodes { code coverage(asOf: $asOf) { ${FIELDS} }
          children(first: 100) { nodes { code coverage(asOf: $asOf) { ${FIELDS} } } } } } } }`,
      { code: city, asOf },
    );
    expect(body.errors).toBeUndefined();
    const root = body.data!.area;
    const districts = root.children!.nodes;
    expect(districts.length).toBe(12);
    for (const district of districts) {
      const streets = district.children!.nodes;
      expect(streets.length).toBeGreaterThan(0);
      expect(sum(streets.map((s) => pick(s.coverage))), district.code).toEqual(pick(district.coverage));
      // Eligibility is a property of each organization, so it adds up as well.
      expect(streets.reduce((n, s) => n + s.coverage.standaloneEligibleUncovered, 0)).toBe(district.coverage.standaloneEligibleUncovered);
    }
    expect(sum(districts.map((d) => pick(d.coverage)))).toEqual(pick(root.coverage));
    const c = root.coverage;
    expect(c.organizationCovered + c.workCovered + c.blindSpots).toBe(c.inScope);
    expect(c.inScope).toBeGreaterThan(0);
    expect(c.organizationCovered).toBeGreaterThan(0);
    expect(c.blindSpots).toBeGreaterThan(0);
    expect(pick(c)).toEqual(await domainTally(asOf, 90));
    // The list of blind spots (correlated SQL) agrees with the counts (set-based SQL).
    const spots = await app.gql<{ blindSpots: { totalCount: number } }>('query ($asOf: Date) { blindSpots(asOf: $asOf) { totalCount } }', { asOf });
    expect(spots.body.data!.blindSpots.totalCount).toBe(c.blindSpots);
  });

  it('the parks, buildings and business districts add up to the CONTAINER_TYPE rows', async () => {
    const { body } = await app.gql<{
      parks: { nodes: { coverage: Stats }[] };
      buildings: { nodes: { coverage: Stats }[] };
      businessDistricts: { nodes: { coverage: Stats }[] };
      coverage: { rows: { key: string; stats: Stats }[] };
    }>(`{
      parks(first: 100) { nodes { coverage(asOf: "2025-12-31") { ${FIELDS} } } }
      buildings(first: 100) { nodes { coverage(asOf: "2025-12-31") { ${FIELDS} } } }
      businessDistricts(first: 100) { nodes { coverage(asOf: "2025-12-31") { ${FIELDS} } } }
      coverage(asOf: "2025-12-31", groupBy: CONTAINER_TYPE) { rows { key stats { ${FIELDS} } } }
    }`);
    expect(body.errors).toBeUndefined();
    const data = body.data!;
    const row = (key: string) => pick(data.coverage.rows.find((r) => r.key === key)!.stats);
    for (const [list, key] of [[data.parks, 'PARK'], [data.buildings, 'BUILDING'], [data.businessDistricts, 'BUSINESS_DISTRICT']] as const) {
      expect(list.nodes.length, key).toBeLessThan(100);
      expect(sum(list.nodes.map((n) => pick(n.coverage))), key).toEqual(row(key));
    }
  });

  it('the root breakdown by child area agrees with the area fields, and blindSpots counts the blind spots', async () => {
    const city = await cityCode();
    const { body } = await app.gql<{
      coverage: { totals: Stats; rows: { key: string; stats: Stats }[] };
      area: { coverage: Stats; children: { nodes: Level[] } };
      blindSpots: { totalCount: number };
    }>(
      `query ($code: String!) {
        coverage(scope: $code, asOf: "2025-12-31", groupBy: CHILD_AREA) { totals { ${FIELDS} } rows { key stats { ${FIELDS} } } }
        area(code: $code) { coverage(asOf: "2025-12-31") { ${FIELDS} } children(first: 100) { nodes { code coverage(asOf: "2025-12-31") { ${FIELDS} } } } }
        blindSpots(scope: $code, asOf: "2025-12-31") { totalCount }
      }`,
      { code: city },
    );
    expect(body.errors).toBeUndefined();
    const { coverage, area, blindSpots } = body.data!;
    expect(coverage.totals).toEqual(area.coverage);
    const byCode = Object.fromEntries(area.children.nodes.map((d) => [d.code, d.coverage]));
    // A direct row appears only if something sits directly in the city (its own committees).
    for (const row of coverage.rows) if (row.key !== city) expect(row.stats, row.key).toEqual(byCode[row.key]);
    expect(blindSpots.totalCount).toBe(area.coverage.blindSpots);
  });

  it('answers every street of the city in a handful of statements', async () => {
    const city = await cityCode();
    const { result, statements } = await app.server.statements.capture(() =>
      app.gql<{ area: { streets: { nodes: unknown[] } } }>(
        `query ($code: String!) { area(code: $code) { streets(first: 100) { nodes { code coverage(asOf: "2026-11-28") { ${FIELDS} } } } } }`,
        { code: city },
      ),
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.area.streets.nodes.length).toBeGreaterThan(50);
    // The city by code, then the streets with each street's tally row joined (graph/row-extras.ts).
    expect(statements).toHaveLength(2);
  });

  it('gives a list the same coverage as each place asked alone, for every place type and every argument', async () => {
    const city = await cityCode();
    const STATS = `${FIELDS} organizationCoverageRate workCoverageRate overallCoverageRate asOf window`;
    // Two dates in one list (two joined probes), and a window the tally does not hold (the loader).
    const listed = await app.gql<Record<string, { nodes: ({ id: string; code?: string } & Record<string, Stats>)[] }>>(
      `query ($code: String!) {
        area(code: $code) { streets(first: 100) { nodes { id code now: coverage(asOf: "2026-11-28") { ${STATS} } before: coverage(asOf: "2025-06-30") { ${STATS} } short: coverage(asOf: "2026-11-28", window: 30) { ${STATS} } } } }
        parks(first: 100) { nodes { id now: coverage(asOf: "2026-11-28") { ${STATS} } } }
        buildings(first: 100) { nodes { id now: coverage(asOf: "2026-11-28") { ${STATS} } } }
        businessDistricts(first: 100) { nodes { id now: coverage(asOf: "2026-11-28") { ${STATS} } } }
      }`,
      { code: city },
    );
    expect(listed.body.errors).toBeUndefined();
    const data = listed.body.data! as unknown as {
      area: { streets: { nodes: ({ id: string } & Record<string, Stats>)[] } };
      parks: { nodes: ({ id: string } & Record<string, Stats>)[] };
      buildings: { nodes: ({ id: string } & Record<string, Stats>)[] };
      businessDistricts: { nodes: ({ id: string } & Record<string, Stats>)[] };
    };
    const lists = [data.area.streets.nodes, data.parks.nodes, data.buildings.nodes, data.businessDistricts.nodes];
    for (const nodes of lists) expect(nodes.length).toBeGreaterThan(0);
    // Each place alone, by `node(id)`: the coverage loader, one statement for all of them.
    const places = lists.flat();
    const ask = (ids: string[]) =>
      app.gql<{ nodes: Record<string, Stats>[] }>(
        `query ($ids: [ID!]!) { nodes(ids: $ids) { ...A ...C } }
        fragment S on CoverageStats { ${STATS} }
        fragment A on Area { now: coverage(asOf: "2026-11-28") { ...S } before: coverage(asOf: "2025-06-30") { ...S } short: coverage(asOf: "2026-11-28", window: 30) { ...S } }
        fragment C on Node { ... on Park { now: coverage(asOf: "2026-11-28") { ...S } } ... on Building { now: coverage(asOf: "2026-11-28") { ...S } } ... on BusinessDistrict { now: coverage(asOf: "2026-11-28") { ...S } } }`,
        { ids },
      );
    const alone: Record<string, Stats>[] = [];
    for (let i = 0; i < places.length; i += 100) {
      const { body } = await ask(places.slice(i, i + 100).map((p) => p.id));
      expect(body.errors).toBeUndefined();
      alone.push(...body.data!.nodes);
    }
    places.forEach((place, i) => {
      const { id, code: _code, ...listedCoverage } = place as typeof place & { code?: string };
      expect(listedCoverage, id).toEqual(alone[i]);
    });
    // The figures are not all zero (a join that found nothing would agree with an empty loader).
    expect(data.area.streets.nodes.some((s) => s.now!.inScope > 0 && s.before!.inScope !== s.now!.inScope)).toBe(true);
  });

  it('reports a list\'s bad coverage arguments at each coverage field, as without the join', async () => {
    const { body } = await app.gql(`{ areas(level: DISTRICT, first: 2) { nodes { code coverage(window: 0) { inScope } } } }`);
    expect(body.errors!.length).toBeGreaterThan(0);
    for (const error of body.errors!) {
      expect(error.path).toEqual(['areas', 'nodes', expect.any(Number), 'coverage']);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['window'] });
    }
  });

  it('computes no coverage in a list under row-level security (the tally counts the whole city)', async () => {
    const district = (await sql(db.url, `SELECT id, code FROM area WHERE level = 'DISTRICT' ORDER BY code LIMIT 1`)).rows[0] as { id: number; code: string };
    const worker = await app.authorizationAs({ role: 'DISTRICT_OFFICER', areaId: district.id });
    const query = `query ($code: String!) { area(code: $code) { children(first: 100) { nodes { code coverage(asOf: "2026-11-28") { inScope } } } } }`;
    type Answer = { area: { children: { nodes: { code: string; coverage: { inScope: number } }[] } } };
    const { result, statements } = await app.server.statements.capture(() => app.gql<Answer>(query, { code: district.code }, { authorization: worker }));
    expect(result.body.errors).toBeUndefined();
    expect(statements.some((s) => s.includes('FROM area'))).toBe(true);
    expect(statements.some((s) => s.includes('coverage_tally'))).toBe(false);
    const admin = await app.gql<Answer>(query, { code: district.code });
    // The district's own streets: the analyst sees all of its organizations, so the counts agree.
    expect(result.body.data!.area.children.nodes).toEqual(admin.body.data!.area.children.nodes);
  });
});
