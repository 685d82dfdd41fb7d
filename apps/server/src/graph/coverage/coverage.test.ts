import type { TestDatabase } from '@liangxin/db';
import { addDays, DEFAULT_WINDOW_DAYS, isWithinWindow, todayInShanghai, windowStart } from '@liangxin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';
import { globalId, rowId } from '../../../test/pagination.js';
import { coverageAt } from './coverage.args.js';
import { insertCoverageFixture } from './coverage-fixture.js';

/*
 * Every expected figure below is worked out by hand from the table in coverage-fixture.ts.
 * D = 2025-06-30 with the 90-day window: D − 90 = 2025-04-01 is outside, 2025-04-02 inside.
 */

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await testDatabase();
  await insertCoverageFixture(db.url);
  app = await startTestApp(db.url);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const COUNTS = 'inScope organizationCovered workCovered blindSpots standaloneEligibleUncovered weakPartyOrganizations';
type Counts = [inScope: number, org: number, work: number, blind: number, eligible: number, weak: number];
const counts = (c: Record<string, number>): Counts => [
  c.inScope!,
  c.organizationCovered!,
  c.workCovered!,
  c.blindSpots!,
  c.standaloneEligibleUncovered!,
  c.weakPartyOrganizations!,
];

async function areaCoverage(code: string, asOf: string, window?: number): Promise<Counts> {
  const { body } = await app.gql<{ area: { coverage: Record<string, number> } }>(
    `query ($code: String!, $asOf: Date, $window: Int) { area(code: $code) { coverage(asOf: $asOf, window: $window) { ${COUNTS} } } }`,
    { code, asOf, window },
  );
  expect(body.errors).toBeUndefined();
  return counts(body.data!.area.coverage);
}

describe('the window rule', () => {
  it('matches the domain: D − window excluded, D − window + 1 included', () => {
    expect(windowStart('2025-06-30', 90)).toBe('2025-04-02');
    expect(isWithinWindow('2025-04-01', '2025-06-30', 90)).toBe(false);
    expect(isWithinWindow('2025-04-02', '2025-06-30', 90)).toBe(true);
    expect(isWithinWindow('2025-04-02', '2025-07-01', 90)).toBe(false);
  });
});

describe('coverage on areas', () => {
  it.each([
    // D = 2025-06-30. In scope: O1–O7, O9, O11 (O8 deregistered 2025-03-01, O10 registered 2025-07-15).
    //   organization: O1 (P1), O2 (P2), O3 and O4 (joint P3, two streets); work: O5 (instructor), O7 (visit 04-02);
    //   blind: O6 (visit 04-01, on the edge: out), O9, O11 (instructor ended 05-01).
    //   eligible: O9 (M1, M2, and M3 full on D itself; M4 employed only from 07-01).
    //   weak: P2 (activity 04-01, out), P5 (none); P1 and P3 active; P4 dissolved; P6 not yet established.
    ['370100', '2025-06-30', [9, 4, 2, 3, 1, 2]],
    ['370102', '2025-06-30', [8, 3, 2, 3, 1, 2]],
    ['370103', '2025-06-30', [1, 1, 0, 0, 0, 0]],
    ['370102001', '2025-06-30', [5, 2, 1, 2, 1, 2]], // O1 O2 | O5 | O9 O11; weak P2 P5
    ['370102002', '2025-06-30', [3, 1, 1, 1, 0, 0]], // O4 | O7 | O6; P3 active
    ['370103001', '2025-06-30', [1, 1, 0, 0, 0, 0]], // O3 (covered from street 11's joint branch)
    // D − 1 = 2025-06-29: O6's visit (04-01) is now inside, O9 has only 2 full members, and P2's
    //   activity (04-01) is inside too: only P5 is weak.
    ['370100', '2025-06-29', [9, 4, 3, 2, 0, 1]],
    // D + 1 = 2025-07-01: O7's visit (04-02) falls out; P3's activity (04-02) too, so P3 is weak.
    ['370100', '2025-07-01', [9, 4, 1, 4, 1, 3]],
    ['370102002', '2025-07-01', [3, 1, 0, 2, 0, 1]],
    // 2024-06-30: O8 still registered; O5 covered by P4 (not yet dissolved); O11 has its instructor;
    //   no visit has happened yet. Every standing Party organization (P1–P5) is weak.
    ['370100', '2024-06-30', [10, 5, 1, 4, 0, 5]],
    ['370102001', '2024-06-30', [5, 3, 1, 1, 0, 4]],
    ['370102002', '2024-06-30', [3, 1, 0, 2, 0, 1]],
    ['370103001', '2024-06-30', [2, 1, 0, 1, 0, 0]],
    // P4's dissolution: covered on 2024-12-30, not on its dissolution day, and O5 has no instructor yet.
    ['370102001', '2024-12-30', [5, 3, 1, 1, 0, 4]],
    ['370102001', '2024-12-31', [5, 2, 1, 2, 0, 3]],
    // 2025-08-01: O10 registered and covered by P6 (its own, established that day); O8 gone.
    ['370103', '2025-08-01', [2, 2, 0, 0, 0, 1]],
  ] as [string, string, Counts][])('%s on %s', async (code, asOf, expected) => {
    expect(await areaCoverage(code, asOf)).toEqual(expected);
  });

  it('takes the window as a parameter', async () => {
    // 91 days: 2025-04-01 is inside on D, so O6 is work-covered and P2 active.
    expect(await areaCoverage('370100', '2025-06-30', 91)).toEqual([9, 4, 3, 2, 1, 1]);
    // 1 day: only D itself; no visit or activity on D. O5 keeps its instructor.
    expect(await areaCoverage('370100', '2025-06-30', 1)).toEqual([9, 4, 1, 4, 1, 4]);
  });

  it('gives rates from 0 to 1, asOf and window back, and zeros for an empty area', async () => {
    const { body } = await app.gql<{ city: { coverage: Record<string, number | string> }; empty: { coverage: Record<string, number> } }>(`{
      city: area(code: "370100") { coverage(asOf: "2025-06-30") { organizationCoverageRate workCoverageRate overallCoverageRate asOf window } }
      empty: area(code: "370103001") { coverage(asOf: "2019-01-01") { inScope organizationCoverageRate overallCoverageRate } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.city.coverage).toEqual({
      organizationCoverageRate: 4 / 9,
      workCoverageRate: 2 / 9,
      overallCoverageRate: 6 / 9,
      asOf: '2025-06-30',
      window: 90,
    });
    expect(body.data!.empty.coverage).toEqual({ inScope: 0, organizationCoverageRate: 0, overallCoverageRate: 0 });
  });

  it('defaults to today in Asia/Shanghai and 90 days', async () => {
    const { body } = await app.gql<{ area: { coverage: { asOf: string; window: number; inScope: number } } }>(
      '{ area(code: "370100") { coverage { asOf window inScope } } }',
    );
    expect(body.errors).toBeUndefined();
    // Today is after every fixture date: O8 gone, O10 in; everything else as on 2025-08-01.
    expect(body.data!.area.coverage).toEqual({ asOf: todayInShanghai(), window: DEFAULT_WINDOW_DAYS, inScope: 10 });
  });
});

describe('coverage on containers', () => {
  it('counts the organizations located in each, and the Party organizations anchored on or in it', async () => {
    const q = (type: string, id: number) =>
      `${type}${id}: node(id: "${globalId(type, id)}") { ... on ${type} { coverage(asOf: "2025-06-30") { ${COUNTS} } } }`;
    const { body } = await app.gql<Record<string, { coverage: Record<string, number> }>>(
      `{ ${q('Park', 1)} ${q('Building', 1)} ${q('BusinessDistrict', 1)} }`,
    );
    expect(body.errors).toBeUndefined();
    const got = Object.fromEntries(Object.entries(body.data!).map(([k, v]) => [k, counts(v.coverage)]));
    expect(got).toEqual({
      // O1 (covered), O11 (blind); weak: P2 (on a building in the park); P1 (on O1) is active.
      Park1: [2, 1, 0, 1, 0, 1],
      // O1, O2 (both covered); weak: P2.
      Building1: [2, 2, 0, 0, 0, 1],
      // O5 (instructor); P4 dissolved.
      BusinessDistrict1: [1, 0, 1, 0, 0, 0],
    });
  });
});

describe('arguments', () => {
  it.each([
    ['window: 0', 'window', 'WINDOW'],
    ['window: 3651', 'window', 'WINDOW'],
    [`asOf: "${addDays(todayInShanghai(), 367)}"`, 'asOf', 'FUTURE'],
    ['asOf: "1900-01-01"', 'asOf', 'PAST'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (args, field, reason) => {
    const { body } = await app.gql(`{ area(code: "370100") { coverage(${args}) { inScope } } }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: [field], reason });
  });

  it('refuses a malformed asOf given as a variable with BAD_USER_INPUT naming it', async () => {
    const { body } = await app.gql('query ($d: Date) { coverage(asOf: $d) { totals { inScope } } }', { d: '2025-02-30' });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('$d');
  });

  it('accepts the edges: window 1 and 3650, asOf a year ahead', async () => {
    expect(() => coverageAt('2025-06-30', 1)).not.toThrow();
    expect(() => coverageAt('2025-06-30', 3650)).not.toThrow();
    const now = new Date('2026-01-01T00:00:00+08:00');
    expect(coverageAt(null, null, now)).toEqual({ asOf: '2026-01-01', window: 90 });
    expect(() => coverageAt('2027-01-02', 90, now)).not.toThrow();
    expect(() => coverageAt('2027-01-03', 90, now)).toThrow(/asOf/);
  });
});

describe('statements', () => {
  it('answers the coverage of all streets of an area in one statement, whatever their number', async () => {
    const query = (code: string) => `{ area(code: "${code}") { streets(first: 100) { nodes { code coverage(asOf: "2025-06-30") { inScope } } } } }`;
    const city = await app.server.statements.capture(() => app.gql<{ area: { streets: { nodes: unknown[] } } }>(query('370100')));
    const district = await app.server.statements.capture(() => app.gql<{ area: { streets: { nodes: unknown[] } } }>(query('370102')));
    expect(city.result.body.data!.area.streets.nodes).toHaveLength(3);
    expect(district.result.body.data!.area.streets.nodes).toHaveLength(2);
    // The area by code, then the streets page with each street's tally row joined to it
    // (graph/row-extras.ts): no coverage statement of its own.
    expect(city.statements).toHaveLength(2);
    expect(district.statements).toHaveLength(2);
  });

  it('batches per level and (type, asOf, window): not one statement per row', async () => {
    const { result, statements } = await app.server.statements.capture(() =>
      app.gql(`{ area(code: "370100") { a: coverage(asOf: "2025-06-30") { inScope } children { nodes {
        a: coverage(asOf: "2025-06-30") { inScope } b: coverage(asOf: "2024-06-30") { inScope } } } } }`),
    );
    expect(result.body.errors).toBeUndefined();
    // The area, the city's coverage (level 1), and the children page with the districts' coverage
    // on both dates joined to it (level 2: two tally probes per row, in the page's statement).
    expect(statements).toHaveLength(3);
  });
});

describe('root coverage breakdown', () => {
  type Row = { key: string; label: string; stats: Record<string, number> };
  async function breakdown(args: string): Promise<{ scope: string | null; totals: Counts; rows: [string, Counts][] }> {
    const { body } = await app.gql<{ coverage: { scope: string | null; totals: Record<string, number>; rows: Row[] } }>(
      `{ coverage(${args}) { scope totals { ${COUNTS} } rows { key label stats { ${COUNTS} } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const c = body.data!.coverage;
    return { scope: c.scope, totals: counts(c.totals), rows: c.rows.map((r) => [r.key, counts(r.stats)]) };
  }

  it('defaults to the city and groups by child area', async () => {
    expect(await breakdown('asOf: "2025-06-30", groupBy: CHILD_AREA')).toEqual({
      scope: null,
      totals: [9, 4, 2, 3, 1, 2],
      rows: [
        ['370102', [8, 3, 2, 3, 1, 2]],
        ['370103', [1, 1, 0, 0, 0, 0]],
      ],
    });
  });

  it('gives a street scope a row for what sits directly in it', async () => {
    const { rows } = await breakdown('scope: "370102001", asOf: "2025-06-30", groupBy: CHILD_AREA');
    expect(rows).toEqual([['370102001', [5, 2, 1, 2, 1, 2]]]);
  });

  it('groups by container type, an organization in a building in a park counted in both', async () => {
    expect((await breakdown('asOf: "2025-06-30", groupBy: CONTAINER_TYPE')).rows).toEqual([
      ['PARK', [2, 1, 0, 1, 0, 1]], // O1, O11; P2 (building in the park)
      ['BUILDING', [2, 2, 0, 0, 0, 1]], // O1, O2; P2
      ['BUSINESS_DISTRICT', [1, 0, 1, 0, 0, 0]], // O5; P4 dissolved
      ['NONE', [5, 2, 1, 2, 1, 1]], // O3 O4 | O7 | O6 O9; P5 (street committee)
    ]);
  });

  it('groups by category and by industry', async () => {
    expect((await breakdown('asOf: "2025-06-30", groupBy: CATEGORY')).rows).toEqual([
      // weak: P1's organization is non-public (P1 is active); P2, P5 belong to no one organization.
      ['NON_PUBLIC_ECONOMIC', [8, 3, 2, 3, 1, 0]],
      ['SOCIAL', [1, 1, 0, 0, 0, 0]],
    ]);
    expect((await breakdown('asOf: "2025-06-30", groupBy: INDUSTRY')).rows).toEqual([
      ['I', [8, 3, 2, 3, 1, 0]],
      ['S', [1, 1, 0, 0, 0, 0]],
    ]);
  });

  it('takes a container id as scope', async () => {
    const { totals } = await breakdown(`scope: "${globalId('Park', 1)}", asOf: "2025-06-30"`);
    expect(totals).toEqual([2, 1, 0, 1, 0, 1]);
  });

  it('refuses CHILD_AREA for a container scope and a scope it cannot read', async () => {
    const a = await app.gql(`{ coverage(scope: "${globalId('Park', 1)}", groupBy: CHILD_AREA) { totals { inScope } } }`);
    expect(a.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['groupBy'] });
    const b = await app.gql('{ coverage(scope: "nowhere") { totals { inScope } } }');
    expect(b.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['scope'], reason: 'SCOPE' });
  });
});

describe('blindSpots', () => {
  type Spot = { organization: { id: string }; fullMembers: number; standaloneEligible: boolean; lastVisitOn: string | null; hasWorkGroupContact: boolean; hasLiaisonPoint: boolean; lacks: string[] };
  const FIELDS = 'organization { id } fullMembers standaloneEligible lastVisitOn hasWorkGroupContact hasLiaisonPoint lacks';

  it('lists the blind spots with what each lacks', async () => {
    const { body } = await app.gql<{ blindSpots: { totalCount: number; nodes: Spot[] } }>(
      `{ blindSpots(asOf: "2025-06-30") { totalCount nodes { ${FIELDS} } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.blindSpots.totalCount).toBe(3);
    expect(body.data!.blindSpots.nodes.map((n) => ({ ...n, organization: rowId(n.organization.id) }))).toEqual([
      {
        organization: 6,
        fullMembers: 0,
        standaloneEligible: false,
        lastVisitOn: '2025-04-01',
        hasWorkGroupContact: true,
        hasLiaisonPoint: true,
        lacks: ['PARTY_ORGANIZATION', 'INSTRUCTOR', 'RECENT_VISIT'],
      },
      {
        organization: 9,
        fullMembers: 3,
        standaloneEligible: true,
        lastVisitOn: null,
        hasWorkGroupContact: false,
        hasLiaisonPoint: false,
        lacks: ['PARTY_ORGANIZATION', 'INSTRUCTOR', 'RECENT_VISIT', 'WORK_GROUP_CONTACT', 'LIAISON_POINT'],
      },
      {
        organization: 11,
        fullMembers: 0,
        standaloneEligible: false,
        lastVisitOn: null,
        hasWorkGroupContact: false,
        hasLiaisonPoint: false,
        lacks: ['PARTY_ORGANIZATION', 'INSTRUCTOR', 'RECENT_VISIT', 'WORK_GROUP_CONTACT', 'LIAISON_POINT'],
      },
    ]);
  });

  it.each([
    ['asOf: "2025-07-01"', [6, 7, 9, 11]],
    ['asOf: "2024-06-30"', [6, 7, 8, 9]],
    ['asOf: "2025-06-30", scope: "370102002"', [6]],
    [`asOf: "2025-06-30", scope: "${globalId('Park', 1)}"`, [11]],
    ['asOf: "2025-06-30", filter: { inPark: false }', [6, 9]],
    ['asOf: "2025-06-30", orderBy: { field: ID, direction: DESC }', [11, 9, 6]],
  ])('%s', async (args, expected) => {
    const { body } = await app.gql<{ blindSpots: { nodes: Spot[] } }>(`{ blindSpots(${args}) { nodes { organization { id } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.blindSpots.nodes.map((n) => rowId(n.organization.id))).toEqual(expected);
  });

  it('pages with cursors, in two statements a page', async () => {
    const first = await app.server.statements.capture(() =>
      app.gql<{ blindSpots: { edges: { cursor: string; node: Spot }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
        `{ blindSpots(asOf: "2025-06-30", first: 2) { edges { cursor node { ${FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      ),
    );
    const page1 = first.result.body.data!.blindSpots;
    expect(page1.edges.map((e) => rowId(e.node.organization.id))).toEqual([6, 9]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(first.statements).toHaveLength(2);
    const { body } = await app.gql<{ blindSpots: { nodes: Spot[]; pageInfo: { hasNextPage: boolean } } }>(
      `query ($after: String) { blindSpots(asOf: "2025-06-30", first: 2, after: $after) { nodes { organization { id } } pageInfo { hasNextPage } } }`,
      { after: page1.pageInfo.endCursor },
    );
    expect(body.data!.blindSpots.nodes.map((n) => rowId(n.organization.id))).toEqual([11]);
    expect(body.data!.blindSpots.pageInfo.hasNextPage).toBe(false);
  });
});

describe('weak Party organizations', () => {
  it('filters partyOrganizations by weak today (90 days)', async () => {
    // Today every fixture activity is older than 90 days: standing P1, P2, P3, P5, P6 are all weak.
    const weak = await app.gql<{ partyOrganizations: { nodes: { id: string }[] } }>('{ partyOrganizations(filter: { weak: true }) { nodes { id } } }');
    expect(weak.body.errors).toBeUndefined();
    expect(weak.body.data!.partyOrganizations.nodes.map((n) => rowId(n.id))).toEqual([1, 2, 3, 5, 6]);
    // An activity yesterday makes P5 active; the dissolved P4 matches neither.
    await sql(db.url, `INSERT INTO activity (party_organization_id, kind, title, held_on, participants) VALUES (5, 'TRAINING', '培训', $1, 3)`, [
      addDays(todayInShanghai(), -1),
    ]);
    const again = await app.gql<{ w: { nodes: { id: string }[] }; a: { nodes: { id: string }[] } }>(
      '{ w: partyOrganizations(filter: { weak: true }) { nodes { id } } a: partyOrganizations(filter: { weak: false }) { nodes { id } } }',
    );
    expect(again.body.data!.w.nodes.map((n) => rowId(n.id))).toEqual([1, 2, 3, 6]);
    expect(again.body.data!.a.nodes.map((n) => rowId(n.id))).toEqual([5]);
    await sql(db.url, `DELETE FROM activity WHERE party_organization_id = 5`);
  });
});
