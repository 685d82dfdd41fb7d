import type { TestDatabase } from '@liangxin/db';
import { loadDataset } from '@liangxin/datagen';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';

/*
 * On the demo data set: the street rows of a district (with the district's own row) add up to
 * the district's row of the city-wide answer, for the cadence report and the ledgers; and the
 * district rows add up to the city's totals.
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

const COUNTS = [
  'partyOrganizationsEstablished',
  'organizationsNewlyCovered',
  'blindSpotsAtStart',
  'blindSpotsAtEnd',
  'visits',
  'membersTransferred',
  'identitiesRevealed',
  'inScopeAtStart',
  'inScopeAtEnd',
] as const;

function sumRows(rows: any[], keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, rows.reduce((a, r) => a + r[k], 0)]));
}

describe('sums agree on the demo data', () => {
  it.each([
    ['MONTH', '2026-11-15'],
    ['YEAR', '2026-06-01'],
  ])('report %s %s: streets add up to districts, districts to the city', async (period, date) => {
    const q = `query($period: Period!, $date: Date, $scope: String) { report(period: $period, date: $date, scope: $scope) {
      totals { areaCode ${COUNTS.join(' ')} overallCoverageRateAtEnd } rows { areaCode ${COUNTS.join(' ')} } } }`;
    const city = (await app.gql<{ report: any }>(q, { period, date })).body.data!.report;
    expect(city.rows.length).toBe(12);
    expect(sumRows(city.rows, COUNTS)).toEqual(sumRows([city.totals], COUNTS));
    const active = city.rows.reduce((a: number, r: any) => a + r.visits + r.partyOrganizationsEstablished + r.organizationsNewlyCovered, 0);
    expect(active).toBeGreaterThan(0);
    for (const district of city.rows) {
      const res = await app.gql<{ report: any }>(q, { period, date, scope: district.areaCode });
      expect(res.body.errors).toBeUndefined();
      const d = res.body.data!.report;
      expect(sumRows(d.rows, COUNTS), district.areaCode).toEqual(sumRows([district], COUNTS));
    }
  });

  it.each(['2026-11-28', '2025-06-30'])('ledgers on %s: streets add up to districts, districts to the city', async (asOf) => {
    const keys = ['held', 'transferred', 'identityRevealed', 'identityNotRevealed'];
    const q = `query($scope: String, $asOf: Date) { ledgers(scope: $scope, asOf: $asOf) {
      totals { ${keys.join(' ')} } rows { areaCode ${keys.join(' ')} } } }`;
    const city = (await app.gql<{ ledgers: any }>(q, { asOf })).body.data!.ledgers;
    expect(sumRows(city.rows, keys)).toEqual(sumRows([city.totals], keys));
    expect(city.totals.held + city.totals.transferred).toBeGreaterThan(0);
    for (const district of city.rows) {
      const d = (await app.gql<{ ledgers: any }>(q, { asOf, scope: district.areaCode })).body.data!.ledgers;
      expect(sumRows(d.rows, keys), district.areaCode).toEqual(sumRows([district], keys));
    }
  });

  it('funds of 2026: streets add up to districts', async () => {
    const keys = ['workingFundMembers', 'newPartyOrganizations', 'entitledFen', 'allocatedFen', 'disbursedFen', 'outstandingFen'];
    const q = `query($scope: String) { fundsSummary(year: 2026, scope: $scope) { budgetFen totals { ${keys.join(' ')} } rows { areaCode ${keys.join(' ')} } } }`;
    const city = (await app.gql<{ fundsSummary: any }>(q, {})).body.data!.fundsSummary;
    expect(sumRows(city.rows, keys)).toEqual(sumRows([city.totals], keys));
    for (const district of city.rows.filter((r: any) => r.areaCode.length === 6 && r.areaCode !== '370100')) {
      const d = (await app.gql<{ fundsSummary: any }>(q, { scope: district.areaCode })).body.data!.fundsSummary;
      expect(sumRows(d.rows, keys), district.areaCode).toEqual(sumRows([district], keys));
    }
  });
});
