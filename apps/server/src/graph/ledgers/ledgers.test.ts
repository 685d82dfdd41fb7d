import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';
import { insertMembersFixture } from './members-fixture.js';

/* The fixture and its facts are drawn in members-fixture.ts; every answer below is worked out by hand. */

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

const ROW = 'areaCode held transferred identityRevealed identityNotRevealed ledgers { ledger held transferred identityRevealed identityNotRevealed }';
const LEDGERS = `query($scope: String, $asOf: Date) { ledgers(scope: $scope, asOf: $asOf) { asOf totals { ${ROW} } rows { ${ROW} } } }`;

type Fig = { held: number; transferred: number; identityRevealed: number; identityNotRevealed: number };
const f = (held: number, transferred: number, identityRevealed: number): Fig => ({ held, transferred, identityRevealed, identityNotRevealed: held - identityRevealed });

function row(areaCode: string, pa: Fig, tc: Fig, co: Fig) {
  const all = [pa, tc, co];
  const s = (k: keyof Fig) => all.reduce((a, x) => a + x[k], 0);
  return {
    areaCode,
    held: s('held'),
    transferred: s('transferred'),
    identityRevealed: s('identityRevealed'),
    identityNotRevealed: s('identityNotRevealed'),
    ledgers: [
      { ledger: 'PERSONNEL_AGENCY', ...pa },
      { ledger: 'TALENT_CENTER', ...tc },
      { ledger: 'COMMUNITY', ...co },
    ],
  };
}
const Z = f(0, 0, 0);

async function ledgers(scope: string | null, asOf: string) {
  const res = await app.gql<{ ledgers: any }>(LEDGERS, { scope, asOf });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.ledgers;
}

describe('ledgers', () => {
  it('on 2026-06-30 a member transferred that very day counts as transferred, not held', async () => {
    // 历下区: PA M1 held, revealed 06-15 ≤ asOf → held 1 revealed 1. TC M2 transferred on asOf → held 0,
    // transferred 1. COMMUNITY M3 held since 06-01, revealed 06-01 → held 1 revealed 1.
    // 市中区: PA M4 transferred 2025 → transferred 1; M5's O4 was deregistered 06-01 → out. TC M8 employed
    // only from 07-01 → out.
    const r = await ledgers(null, '2026-06-30');
    expect(r.rows).toEqual([row('370102', f(1, 0, 1), f(0, 1, 0), f(1, 0, 1)), row('370103', f(0, 1, 0), Z, Z)]);
    expect(r.totals).toEqual(row('370100', f(1, 1, 1), f(0, 1, 0), f(1, 0, 1)));
  });

  it('on 2026-05-31 the same members stand differently', async () => {
    // 历下区: M1 held, not yet revealed (06-15). M2 held (transfer 06-30 not yet). M3 not yet in the ledger (06-01).
    // 市中区: M4 transferred (2025); M5 held (O4 still registered on 05-31).
    const r = await ledgers('370100', '2026-05-31');
    expect(r.rows).toEqual([row('370102', f(1, 0, 0), f(1, 0, 0), Z), row('370103', f(1, 1, 0), Z, Z)]);
    expect(r.totals.held).toBe(3);
    expect(r.totals.transferred).toBe(1);
    expect(r.totals.identityRevealed).toBe(0);
  });

  it('a district scope breaks down by street; a street scope is one row', async () => {
    // 解放路街道 (O1): M1 PA held revealed, M2 TC transferred on asOf. 千佛山街道 (O2): M3 COMMUNITY held revealed.
    const r = await ledgers('370102', '2026-06-30');
    expect(r.rows).toEqual([row('370102001', f(1, 0, 1), f(0, 1, 0), Z), row('370102002', Z, Z, f(1, 0, 1))]);
    const s = await ledgers('370102002', '2026-06-30');
    expect(s.rows).toEqual([row('370102002', Z, Z, f(1, 0, 1))]);
  });

  it('refuses a scope that is not an area', async () => {
    const res = await app.gql(LEDGERS, { scope: 'nonsense', asOf: '2026-06-30' });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('memberStages and membersDeveloped', () => {
  const STOCK = `query($scope: String, $asOf: Date) { memberStages(scope: $scope, asOf: $asOf) { asOf total stages { stage count } } }`;
  const DEV = `query($scope: String, $period: Period!, $date: Date) { membersDeveloped(scope: $scope, period: $period, date: $date) { period start end stages { stage count } } }`;
  const stages = (a: number, ac: number, c: number, p: number, fl: number) => [
    { stage: 'APPLICANT', count: a },
    { stage: 'ACTIVIST', count: ac },
    { stage: 'CANDIDATE', count: c },
    { stage: 'PROBATIONARY', count: p },
    { stage: 'FULL', count: fl },
  ];

  it('counts the stock by the stage reached on asOf', async () => {
    // 2026-06-30: FULL M1, M2, M3, M4, M6 (M5's organization deregistered, M8 not employed yet); M7 activist since 06-20.
    let res = await app.gql<{ memberStages: any }>(STOCK, { asOf: '2026-06-30' });
    expect(res.body.data!.memberStages).toEqual({ asOf: '2026-06-30', total: 6, stages: stages(0, 1, 0, 0, 5) });
    // 2026-06-15: M7 only an applicant (06-10); 2026-05-31: M5 still counts (O4 registered), M7 not yet applied.
    res = await app.gql(STOCK, { asOf: '2026-06-15' });
    expect(res.body.data!.memberStages.stages).toEqual(stages(1, 0, 0, 0, 5));
    res = await app.gql(STOCK, { asOf: '2026-05-31' });
    expect(res.body.data!.memberStages.stages).toEqual(stages(0, 0, 0, 0, 6));
    res = await app.gql(STOCK, { scope: '370103', asOf: '2026-05-31' });
    expect(res.body.data!.memberStages.stages).toEqual(stages(0, 0, 0, 0, 2)); // M4, M5
  });

  it('counts members reaching each stage in the period', async () => {
    // June 2026: M7 applied 06-10 and became an activist 06-20.
    let res = await app.gql<{ membersDeveloped: any }>(DEV, { period: 'MONTH', date: '2026-06-15' });
    expect(res.body.data!.membersDeveloped).toEqual({ period: 'MONTH', start: '2026-06-01', end: '2026-06-30', stages: stages(1, 1, 0, 0, 0) });
    // ISO week of Saturday 2026-06-20: 06-15 … 06-21: only the activist step.
    res = await app.gql(DEV, { period: 'WEEK', date: '2026-06-20' });
    expect(res.body.data!.membersDeveloped).toMatchObject({ start: '2026-06-15', end: '2026-06-21', stages: stages(0, 1, 0, 0, 0) });
    // 2011: M1–M6 and M8 became candidates (01-01) and probationary (06-01), 7 each.
    res = await app.gql(DEV, { period: 'YEAR', date: '2011-03-01' });
    expect(res.body.data!.membersDeveloped.stages).toEqual(stages(0, 0, 7, 7, 0));
    res = await app.gql(DEV, { scope: '370103', period: 'YEAR', date: '2011-03-01' });
    expect(res.body.data!.membersDeveloped.stages).toEqual(stages(0, 0, 3, 3, 0)); // M4, M5, M8
  });
});
