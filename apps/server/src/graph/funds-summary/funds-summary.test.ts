import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';
import { insertMembersFixture } from '../ledgers/members-fixture.js';

/*
 * The fixture is drawn in ledgers/members-fixture.ts. Mid-year rule: a member counts for the
 * working fund of year Y when the relation sat in a standing Party organization on 1 January Y.
 *
 * 2026 (1 January 2026):
 *   working members: M4 (transferred 2025-01-01 into P2, O3, 市中区) and M6 (never in a ledger,
 *   probationary 2011, P1, O1, 解放路街道). M2 is transferred on 2026-06-30: counts from 2027.
 *   → 历下区 1 × 30,000; 市中区 1 × 30,000.
 *   startup: P3 (street 11, 2026-03-01) and P4 (district 历下区 itself, 2026-05-01) → 历下区 2 × 200,000.
 *   entries 2026: 历下区 allocated 100,000 (area 2), disbursed 20,000 (area 10) + 200,000 (area 11);
 *   市中区 allocated 200,000 (area 3). The 2025 entry does not count.
 *   历下区: entitled 430,000, allocated 100,000, disbursed 220,000, outstanding 210,000.
 *   市中区: entitled 30,000, allocated 200,000, disbursed 0, outstanding 30,000.
 *   totals: entitled 460,000, allocated 300,000, disbursed 220,000, outstanding 240,000;
 *   budget 1,000,000,000 → balance 999,540,000, share 0.00046.
 *
 * 历下区 by street: 解放路街道 working 30,000, disbursed 20,000, outstanding 10,000; 千佛山街道 startup
 * 200,000 disbursed 200,000, outstanding 0; 历下区 itself (own row): startup P4 200,000, allocated
 * 100,000, outstanding 200,000.
 *
 * 2027: M2 now counts too (transferred 2026-06-30 ≤ 2027-01-01): 历下区 2 members, 市中区 1; no new
 * Party organizations, no entries, no budget.
 */

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await testDatabase();
  await insertMembersFixture(db.url);
  app = await startTestApp(db.url);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const ROW =
  'areaCode areaName workingFundMembers entitledWorkingFen newPartyOrganizations entitledStartupFen entitledFen allocatedFen disbursedFen outstandingFen';
const Q = `query($year: Int!, $scope: String) { fundsSummary(year: $year, scope: $scope) {
  year budgetFen budgetBalanceFen entitledShareOfBudget totals { ${ROW} } rows { ${ROW} } } }`;

function row(areaCode: string, members: number, newPos: number, allocatedFen: number, disbursedFen: number) {
  const entitledFen = members * 30_000 + newPos * 200_000;
  return {
    areaCode,
    workingFundMembers: members,
    entitledWorkingFen: members * 30_000,
    newPartyOrganizations: newPos,
    entitledStartupFen: newPos * 200_000,
    entitledFen,
    allocatedFen,
    disbursedFen,
    outstandingFen: entitledFen - disbursedFen,
  };
}

async function funds(year: number, scope?: string) {
  const res = await app.gql<{ fundsSummary: any }>(Q, { year, scope });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.fundsSummary;
}

describe('fundsSummary', () => {
  it('per district, with the 1 January rule, against the budget', async () => {
    const r = await funds(2026);
    expect(r.rows).toMatchObject([row('370102', 1, 2, 100_000, 220_000), row('370103', 1, 0, 200_000, 0)]);
    expect(r.totals).toMatchObject(row('370100', 2, 2, 300_000, 220_000));
    expect(r.totals.entitledFen).toBe(460_000);
    expect(r.totals.outstandingFen).toBe(240_000);
    expect(r.budgetFen).toBe(1_000_000_000);
    expect(r.budgetBalanceFen).toBe(999_540_000);
    expect(r.entitledShareOfBudget).toBeCloseTo(0.00046, 10);
  });

  it('per street inside a district, with the district’s own row', async () => {
    const r = await funds(2026, '370102');
    expect(r.rows).toMatchObject([row('370102001', 1, 0, 0, 20_000), row('370102002', 0, 1, 0, 200_000), row('370102', 0, 1, 100_000, 0)]);
    expect(r.rows[2].areaName).toContain('历下区');
    expect(r.totals).toMatchObject(row('370102', 1, 2, 100_000, 220_000));
  });

  it('a member transferred mid-year counts from the next year', async () => {
    const r = await funds(2027);
    expect(r.rows).toMatchObject([row('370102', 2, 0, 0, 0), row('370103', 1, 0, 0, 0)]);
    expect(r.budgetFen).toBeNull();
    expect(r.budgetBalanceFen).toBeNull();
  });

  it('refuses a year out of range', async () => {
    const res = await app.gql(Q, { year: 1999 });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
