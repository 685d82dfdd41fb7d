import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';
import { rowId } from '../../../test/pagination.js';
import { insertCoverageFixture } from './coverage-fixture.js';

/*
 * The lists behind the coverage figures (issue 7: "every number links to the list behind it"):
 * `OrganizationFilter.coverage`, `OrganizationFilter.newlyCovered` and
 * `PartyOrganizationFilter.weakAt`, on the hand-made fixture whose figures coverage.test.ts works
 * out by hand — here the rows themselves, not only their number. D = 2025-06-30, window 90.
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

interface Listed {
  totalCount: number;
  nodes: { id: string }[];
}
const ids = (list: Listed) => list.nodes.map((n) => rowId(n.id)).sort((a, b) => a - b);

async function organizations(filter: Record<string, unknown>): Promise<number[]> {
  const { body } = await app.gql<{ organizations: Listed }>(
    'query ($filter: OrganizationFilter) { organizations(first: 100, filter: $filter) { totalCount nodes { id } } }',
    { filter },
  );
  expect(body.errors).toBeUndefined();
  const list = body.data!.organizations;
  expect(list.totalCount).toBe(list.nodes.length);
  return ids(list);
}

async function partyOrganizations(filter: Record<string, unknown>): Promise<number[]> {
  const { body } = await app.gql<{ partyOrganizations: Listed }>(
    'query ($filter: PartyOrganizationFilter) { partyOrganizations(first: 100, filter: $filter) { totalCount nodes { id } } }',
    { filter },
  );
  expect(body.errors).toBeUndefined();
  return ids(body.data!.partyOrganizations);
}

describe('OrganizationFilter.coverage', () => {
  it.each([
    // The city on D: in scope O1–O7, O9, O11; organization O1–O4; work O5 (instructor), O7 (visit 04-02);
    //   blind O6 (visit 04-01, outside), O9, O11 (instructor ended); eligible uncovered O9.
    ['370100', '2025-06-30', undefined, { any: [1, 2, 3, 4, 5, 6, 7, 9, 11], org: [1, 2, 3, 4], work: [5, 7], blind: [6, 9, 11], eligible: [9] }],
    ['370102001', '2025-06-30', undefined, { any: [1, 2, 5, 9, 11], org: [1, 2], work: [5], blind: [9, 11], eligible: [9] }],
    // 91 days: O6's visit of 04-01 is inside.
    ['370100', '2025-06-30', 91, { any: [1, 2, 3, 4, 5, 6, 7, 9, 11], org: [1, 2, 3, 4], work: [5, 6, 7], blind: [9, 11], eligible: [9] }],
    // 2024-06-30: O8 still in scope, O5 covered by P4, O11 has its instructor, no visit yet; M3 not yet full.
    ['370100', '2024-06-30', undefined, { any: [1, 2, 3, 4, 5, 6, 7, 8, 9, 11], org: [1, 2, 3, 4, 5], work: [11], blind: [6, 7, 8, 9], eligible: [] }],
  ] as const)('%s on %s (window %s): the rows of each count', async (scope, asOf, window, expected) => {
    const at = { asOf, ...(window ? { window } : {}) };
    expect(await organizations({ scope, coverage: at })).toEqual(expected.any);
    expect(await organizations({ scope, coverage: { ...at, status: ['ORGANIZATION_COVERED'] } })).toEqual(expected.org);
    expect(await organizations({ scope, coverage: { ...at, status: ['WORK_COVERED'] } })).toEqual(expected.work);
    expect(await organizations({ scope, coverage: { ...at, status: ['BLIND_SPOT'] } })).toEqual(expected.blind);
    expect(await organizations({ scope, coverage: { ...at, status: ['ORGANIZATION_COVERED', 'WORK_COVERED'] } })).toEqual(
      [...expected.org, ...expected.work].sort((a, b) => a - b),
    );
    expect(await organizations({ scope, coverage: { ...at, status: ['WORK_COVERED', 'BLIND_SPOT'], standaloneEligible: true } })).toEqual(expected.eligible);
    // The blind spots are blindSpots' rows.
    const { body } = await app.gql<{ blindSpots: { nodes: { organization: { id: string } }[] } }>(
      'query ($scope: String, $asOf: Date, $window: Int) { blindSpots(scope: $scope, asOf: $asOf, window: $window, first: 100) { totalCount nodes { organization { id } } } }',
      { scope, asOf, window },
    );
    expect(ids({ totalCount: 0, nodes: body.data!.blindSpots.nodes.map((n) => n.organization) })).toEqual(expected.blind);
  });

  it('counts eligibility on its own, covered or not', async () => {
    // O9 is the only organization with 3 full members on D (M3 full on D itself); none the day before.
    expect(await organizations({ coverage: { asOf: '2025-06-30', standaloneEligible: true } })).toEqual([9]);
    expect(await organizations({ coverage: { asOf: '2025-06-29', standaloneEligible: true } })).toEqual([]);
    expect(await organizations({ coverage: { asOf: '2025-06-30', standaloneEligible: false } })).toEqual([1, 2, 3, 4, 5, 6, 7, 11]);
  });

  it('works in relations and combinators like every other condition', async () => {
    const { body } = await app.gql<{ area: { organizations: Listed } }>(
      `{ area(code: "370102001") { organizations(first: 100, filter: { not: { coverage: { asOf: "2025-06-30", status: [ORGANIZATION_COVERED] } } }) { totalCount nodes { id } } } }`,
    );
    expect(body.errors).toBeUndefined();
    // Not (in scope and organization-covered): O5, O9, O11 of street 10.
    expect(ids(body.data!.area.organizations)).toEqual([5, 9, 11]);
    expect(
      await organizations({ or: [{ coverage: { asOf: '2025-06-30', status: ['WORK_COVERED'] } }, { coverage: { asOf: '2024-06-30', status: ['WORK_COVERED'] } }] }),
    ).toEqual([5, 7, 11]);
  });
});

describe('OrganizationFilter.newlyCovered', () => {
  it.each([
    // 2020: O5 by P4 (2020-06-01); nothing was in scope before 2020-01-01.
    ['2020-01-01', '2020-12-31', [5]],
    ['2022-01-01', '2022-12-31', [2]],
    // P3 covers O3 and O4 from its first day.
    ['2023-01-01', '2023-12-31', [3, 4]],
    ['2023-01-02', '2023-12-31', []],
    // O10, registered 2025-07-15, covered by its own P6 from 2025-08-01.
    ['2025-07-01', '2025-07-31', []],
    ['2025-08-01', '2025-08-01', [10]],
    ['2025-07-01', '2025-12-31', [10]],
  ] as const)('%s … %s', async (from, to, expected) => {
    expect(await organizations({ newlyCovered: { from, to } })).toEqual(expected);
  });

  it("lists the cadence report's organizationsNewlyCovered", async () => {
    for (const [period, date] of [
      ['YEAR', '2023-06-01'],
      ['MONTH', '2025-08-15'],
      ['YEAR', '2025-01-01'],
    ] as const) {
      const { body } = await app.gql<{ report: { start: string; end: string; totals: { organizationsNewlyCovered: number } } }>(
        `query ($period: Period!, $date: Date) { report(period: $period, date: $date) { start end totals { organizationsNewlyCovered } } }`,
        { period, date },
      );
      expect(body.errors).toBeUndefined();
      const { start, end, totals } = body.data!.report;
      expect((await organizations({ newlyCovered: { from: start, to: end } })).length, `${period} ${date}`).toBe(totals.organizationsNewlyCovered);
    }
  });
});

describe('PartyOrganizationFilter.weakAt', () => {
  it.each([
    // D: weak P2 (activity 04-01, outside) and P5 (none); P1, P3 active; P4 dissolved; P6 not yet.
    ['2025-06-30', undefined, undefined, [2, 5], [1, 3]],
    // 91 days: P2's activity is inside.
    ['2025-06-30', 91, undefined, [5], [1, 2, 3]],
    // D + 1: P3's activity (04-02) falls out.
    ['2025-07-01', undefined, undefined, [2, 3, 5], [1]],
    ['2024-06-30', undefined, undefined, [1, 2, 3, 4, 5], []],
    // Street 10's: P1, P2, P4, P5 belong to it.
    ['2025-06-30', undefined, '370102001', [2, 5], [1]],
  ] as const)('on %s (window %s, scope %s)', async (asOf, window, scope, weak, active) => {
    const at = { asOf, ...(window ? { window } : {}) };
    expect(await partyOrganizations({ scope, weakAt: at })).toEqual(weak);
    expect(await partyOrganizations({ scope, weakAt: { ...at, weak: true } })).toEqual(weak);
    expect(await partyOrganizations({ scope, weakAt: { ...at, weak: false } })).toEqual(active);
  });
});

describe('refusals', () => {
  it.each([
    ['organizations', 'OrganizationFilter', { newlyCovered: { from: '2025-01-01' } }, ['filter', 'newlyCovered', 'to'], 'RANGE_OPEN'],
    ['organizations', 'OrganizationFilter', { newlyCovered: { to: '2025-01-01' } }, ['filter', 'newlyCovered', 'from'], 'RANGE_OPEN'],
    ['organizations', 'OrganizationFilter', { newlyCovered: { from: '2025-02-01', to: '2025-01-01' } }, ['filter', 'newlyCovered', 'to'], 'RANGE_ORDER'],
    ['organizations', 'OrganizationFilter', { coverage: { window: 0 } }, ['filter', 'coverage', 'window'], 'WINDOW'],
    ['organizations', 'OrganizationFilter', { coverage: { asOf: '2199-01-01' } }, ['filter', 'coverage', 'asOf'], 'FUTURE'],
    ['organizations', 'OrganizationFilter', { or: [{}, { coverage: { asOf: '1900-01-01' } }] }, ['filter', 'or', 1, 'coverage', 'asOf'], 'PAST'],
    ['partyOrganizations', 'PartyOrganizationFilter', { weakAt: { window: 4000 } }, ['filter', 'weakAt', 'window'], 'WINDOW'],
  ] as const)('%s %j → %j', async (field, type, filter, path, reason) => {
    const { body } = await app.gql(`query ($filter: ${type}) { ${field}(first: 1, filter: $filter) { totalCount } }`, { filter });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: path, reason });
    const localized = body.errors?.[0]?.extensions?.localizedMessage as { zh: string } | undefined;
    expect(localized?.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
