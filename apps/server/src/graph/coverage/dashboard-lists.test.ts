import type { TestDatabase } from '@liangxin/db';
import { loadDataset } from '@liangxin/datagen';
import { addDays } from '@liangxin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';
import { globalId } from '../../../test/pagination.js';

/*
 * Issue 7, "every number links to the list behind it", on the demo data set: for a scope and a
 * date, the totalCount of each list the dashboard links to equals the figure it shows — the
 * coverage tiles (CoverageStats), the container-type and child-area rows, and the weekly bulletin
 * (the cadence report's totals) — for the city administrator and, under row-level security, for
 * a district officer and a street worker.
 */

let db: TestDatabase;
let app: TestApp;
const AS_OF = '2026-11-28';

interface Place {
  districtId: number;
  streetId: number;
  streetCode: string;
  park: string;
  building: string;
  businessDistrict: string;
}
let place: Place;

beforeAll(async () => {
  db = await testDatabase();
  await loadDataset(db.url, { scale: 0.05, seed: 1, asOf: AS_OF });
  app = await startTestApp(db.url);
  const first = async (text: string) => (await sql(db.url, text)).rows[0] as Record<string, unknown>;
  const district = await first(`SELECT id FROM area WHERE code = '370102'`);
  // The busiest street, park, building and business district of 历下区: figures worth comparing.
  const street = await first(
    `SELECT a.id, a.code FROM area a JOIN organization o ON o.street_id = a.id WHERE a.parent_id = ${Number(district.id)} GROUP BY a.id, a.code ORDER BY count(*) DESC, a.id LIMIT 1`,
  );
  const busiest = async (column: string) =>
    Number((await first(`SELECT ${column} AS id FROM organization WHERE ${column} IS NOT NULL GROUP BY ${column} ORDER BY count(*) DESC, ${column} LIMIT 1`)).id);
  place = {
    districtId: Number(district.id),
    streetId: Number(street.id),
    streetCode: String(street.code),
    park: globalId('Park', await busiest('park_id')),
    building: globalId('Building', await busiest('building_id')),
    businessDistrict: globalId('BusinessDistrict', await busiest('business_district_id')),
  };
}, 600_000);

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const STATS = 'inScope organizationCovered workCovered blindSpots standaloneEligibleUncovered weakPartyOrganizations';
type Stats = Record<'inScope' | 'organizationCovered' | 'workCovered' | 'blindSpots' | 'standaloneEligibleUncovered' | 'weakPartyOrganizations', number>;

/** The tiles' figures and, in the same request, the totalCount of the list each one links to. */
const TILES = `query ($scope: String, $asOf: Date, $window: Int) {
  coverage(scope: $scope, asOf: $asOf, window: $window) { totals { ${STATS} } }
  inScope: organizations(first: 0, filter: { scope: $scope, coverage: { asOf: $asOf, window: $window } }) { totalCount }
  organizationCovered: organizations(first: 0, filter: { scope: $scope, coverage: { asOf: $asOf, window: $window, status: [ORGANIZATION_COVERED] } }) { totalCount }
  workCovered: organizations(first: 0, filter: { scope: $scope, coverage: { asOf: $asOf, window: $window, status: [WORK_COVERED] } }) { totalCount }
  blindSpots: organizations(first: 0, filter: { scope: $scope, coverage: { asOf: $asOf, window: $window, status: [BLIND_SPOT] } }) { totalCount }
  blindSpotList: blindSpots(scope: $scope, asOf: $asOf, window: $window, first: 0) { totalCount }
  standaloneEligibleUncovered: organizations(first: 0, filter: { scope: $scope, coverage: { asOf: $asOf, window: $window, status: [WORK_COVERED, BLIND_SPOT], standaloneEligible: true } }) { totalCount }
  weakPartyOrganizations: partyOrganizations(first: 0, filter: { scope: $scope, weakAt: { asOf: $asOf, window: $window } }) { totalCount }
}`;

type TilesAnswer = { coverage: { totals: Stats } } & Record<keyof Stats | 'blindSpotList', { totalCount: number }>;

async function tiles(variables: Record<string, unknown>, authorization?: string) {
  const { body } = await app.gql<TilesAnswer>(TILES, variables, authorization ? { authorization } : {});
  expect(body.errors).toBeUndefined();
  const data = body.data!;
  const listed = Object.fromEntries(Object.keys(data.coverage.totals).map((k) => [k, data[k as keyof Stats].totalCount])) as Stats;
  return { shown: data.coverage.totals, listed, blindSpotList: data.blindSpotList.totalCount };
}

describe('coverage tiles: every count is its list’s totalCount', () => {
  const scopes = () => [
    ['the city', null],
    ['历下区', '370102'],
    ['a street', place.streetCode],
    ['a park', place.park],
    ['a building', place.building],
    ['a business district', place.businessDistrict],
  ] as const;

  it.each([
    [AS_OF, null],
    [AS_OF, 30],
    ['2025-12-31', null],
  ] as const)('on %s, window %s', async (asOf, window) => {
    let nonZero = 0;
    for (const [name, scope] of scopes()) {
      const { shown, listed, blindSpotList } = await tiles({ scope, asOf, window });
      expect(listed, `${name} ${asOf} ${window}`).toEqual(shown);
      expect(blindSpotList).toBe(shown.blindSpots);
      expect(shown.organizationCovered + shown.workCovered + shown.blindSpots).toBe(shown.inScope);
      nonZero += Object.values(shown).filter((n) => n > 0).length;
    }
    // The demo data has something in (nearly) every figure: the comparison is not of zeros.
    expect(nonZero).toBeGreaterThan(25);
  });

  it('the same under row-level security: a district officer and a street worker', async () => {
    const officer = await app.authorizationAs({ role: 'DISTRICT_OFFICER', areaId: place.districtId, username: 'officer' });
    const worker = await app.authorizationAs({ role: 'STREET_WORKER', areaId: place.streetId, username: 'worker' });
    for (const [authorization, scope] of [
      [officer, '370102'],
      [officer, place.streetCode],
      [worker, place.streetCode],
    ] as const) {
      const { shown, listed } = await tiles({ scope, asOf: AS_OF }, authorization);
      expect(listed).toEqual(shown);
      expect(shown.inScope).toBeGreaterThan(0);
    }
  });
});

describe('dashboard rows: container types and child areas', () => {
  const CONTAINER_FILTER: Record<string, Record<string, boolean>> = {
    PARK: { inPark: true },
    BUILDING: { inBuilding: true },
    BUSINESS_DISTRICT: { inBusinessDistrict: true },
    NONE: { inPark: false, inBuilding: false, inBusinessDistrict: false },
  };

  it('a container-type row: in scope, covered (organization or work) and blind spots', async () => {
    for (const scope of [null, '370102']) {
      const { body } = await app.gql<{ coverage: { rows: { key: string; stats: Stats }[] } }>(
        `query ($scope: String, $asOf: Date) { coverage(scope: $scope, asOf: $asOf, groupBy: CONTAINER_TYPE) { rows { key stats { ${STATS} } } } }`,
        { scope, asOf: AS_OF },
      );
      expect(body.errors).toBeUndefined();
      for (const row of body.data!.coverage.rows) {
        const container = CONTAINER_FILTER[row.key]!;
        const lists = await app.gql<Record<'inScope' | 'covered' | 'blind', { totalCount: number }>>(
          `query ($scope: String, $asOf: Date, $container: OrganizationFilter!) {
            inScope: organizations(first: 0, filter: { scope: $scope, coverage: { asOf: $asOf }, and: [$container] }) { totalCount }
            covered: organizations(first: 0, filter: { scope: $scope, coverage: { asOf: $asOf, status: [ORGANIZATION_COVERED, WORK_COVERED] }, and: [$container] }) { totalCount }
            blind: blindSpots(scope: $scope, asOf: $asOf, filter: $container, first: 0) { totalCount }
          }`,
          { scope, asOf: AS_OF, container },
        );
        expect(lists.body.errors).toBeUndefined();
        const got = lists.body.data!;
        expect([got.inScope.totalCount, got.covered.totalCount, got.blind.totalCount], `${scope} ${row.key}`).toEqual([
          row.stats.inScope,
          row.stats.organizationCovered + row.stats.workCovered,
          row.stats.blindSpots,
        ]);
      }
    }
  });

  it('a child-area row of the ranking and a trend point: covered and organization-covered', async () => {
    const { body } = await app.gql<{ coverage: { rows: { key: string; stats: Stats }[] } }>(
      `query ($asOf: Date) { coverage(asOf: $asOf, groupBy: CHILD_AREA) { rows { key stats { ${STATS} } } } }`,
      { asOf: '2026-06-30' },
    );
    const rows = body.data!.coverage.rows.filter((r) => r.stats.inScope > 0).slice(0, 4);
    expect(rows.length).toBe(4);
    for (const row of rows) {
      const lists = await app.gql<Record<'covered' | 'organization', { totalCount: number }>>(
        `query ($scope: String, $asOf: Date) {
          covered: organizations(first: 0, filter: { scope: $scope, coverage: { asOf: $asOf, status: [ORGANIZATION_COVERED, WORK_COVERED] } }) { totalCount }
          organization: organizations(first: 0, filter: { scope: $scope, coverage: { asOf: $asOf, status: [ORGANIZATION_COVERED] } }) { totalCount }
        }`,
        { scope: row.key, asOf: '2026-06-30' },
      );
      expect([lists.body.data!.covered.totalCount, lists.body.data!.organization.totalCount]).toEqual([
        row.stats.organizationCovered + row.stats.workCovered,
        row.stats.organizationCovered,
      ]);
    }
  });
});

const REPORT_COUNTS = 'areaCode partyOrganizationsEstablished organizationsNewlyCovered blindSpotsAtStart blindSpotsAtEnd visits membersTransferred identitiesRevealed';
type ReportTotals = Record<'partyOrganizationsEstablished' | 'organizationsNewlyCovered' | 'blindSpotsAtStart' | 'blindSpotsAtEnd' | 'visits' | 'membersTransferred' | 'identitiesRevealed', number> & {
  areaCode: string;
};

/** The bulletin's figures and the totalCount of the list each one links to. */
async function bulletin(period: string, date: string, scope: string | null, authorization?: string) {
  const headers: Record<string, string> = authorization ? { authorization } : {};
  const report = await app.gql<{ report: { start: string; end: string; totals: ReportTotals } }>(
    `query ($period: Period!, $date: Date, $scope: String) { report(period: $period, date: $date, scope: $scope) { start end totals { ${REPORT_COUNTS} } } }`,
    { period, date, scope },
    headers,
  );
  expect(report.body.errors).toBeUndefined();
  const { start, end, totals } = report.body.data!.report;
  const { areaCode, ...shown } = totals;
  const period_ = { from: start, to: end };
  // The lists take the report's own area code as scope: the city's code for the city.
  const lists = await app.gql<Record<keyof typeof shown, { totalCount: number }>>(
    `query ($scope: String, $period: DateRange, $before: Date, $end: Date) {
      partyOrganizationsEstablished: partyOrganizations(first: 0, filter: { scope: $scope, establishedOn: $period }) { totalCount }
      organizationsNewlyCovered: organizations(first: 0, filter: { scope: $scope, newlyCovered: $period }) { totalCount }
      blindSpotsAtStart: blindSpots(scope: $scope, asOf: $before, first: 0) { totalCount }
      blindSpotsAtEnd: blindSpots(scope: $scope, asOf: $end, first: 0) { totalCount }
      visits(first: 0, filter: { scope: $scope, visitedOn: $period }) { totalCount }
      membersTransferred: partyMembers(first: 0, filter: { scope: $scope, transferredOn: $period }) { totalCount }
      identitiesRevealed: partyMembers(first: 0, filter: { scope: $scope, revealedOn: $period }) { totalCount }
    }`,
    { scope: areaCode, period: period_, before: addDays(start, -1), end },
    headers,
  );
  expect(lists.body.errors).toBeUndefined();
  const listed = Object.fromEntries(Object.entries(lists.body.data!).map(([k, v]) => [k, v.totalCount]));
  return { shown, listed };
}

describe('the bulletin: every total is its list’s totalCount', () => {
  it.each([
    ['WEEK', AS_OF, null],
    ['WEEK', AS_OF, '370102'],
    ['MONTH', '2026-11-15', null],
    ['YEAR', '2026-06-01', null],
    ['YEAR', '2026-06-01', '370102'],
  ] as const)('%s of %s, scope %s', async (period, date, scope) => {
    const { shown, listed } = await bulletin(period, date, scope);
    expect(listed).toEqual(shown);
    // The city's year has something in every figure: the comparison is not of zeros.
    if (period === 'YEAR' && scope === null) for (const [k, v] of Object.entries(shown)) expect(v, k).toBeGreaterThan(0);
  });

  it('the same under row-level security', async () => {
    const officer = await app.authorizationAs({ role: 'DISTRICT_OFFICER', areaId: place.districtId, username: 'officer' });
    const { shown, listed } = await bulletin('YEAR', '2026-06-01', '370102', officer);
    expect(listed).toEqual(shown);
    expect(shown.visits).toBeGreaterThan(0);
  });
});
