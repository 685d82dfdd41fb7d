import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';
import { fixtureCode } from '../coverage/coverage-fixture.js';

/*
 *   济南市 (1) ─ 历下区 (2, 370102) ─ 解放路街道 (10, 370102001), 千佛山街道 (11, 370102002)
 *              └ 市中区 (3, 370103) ─ 大观园街道 (12, 370103001)
 *
 *   org  street  registered   facts
 *   R1   10      2020-01-01   own Party organization P1 since 2020-01-01; member M1 (ledger PA since 2021)
 *                             transferred into P1 on 2026-06-11, revealed 2026-06-13
 *   R2   10      2020-01-01   own Party organization P5 established 2026-06-09 (edge from 06-09)
 *   R3   11      2020-01-01   work-group liaison point from 2024-01-01, one visit on 2026-06-12
 *   R4   12      2020-01-01   nothing; member M2 (ledger PA) revealed 2026-06-05
 *   R5   12      2026-06-10   nothing
 *   R6   12      2020-01-01   own Party organization P6 established 2026-06-03 (edge from 06-03)
 *
 * WEEK of 2026-06-10 = Mon 06-08 … Sun 06-14; start snapshot 06-07, end 06-14 (window 90).
 *   历下区: start R1 covered, R2 and R3 blind → rate 1/3, blind 2; end R1, R2 organization-covered,
 *     R3 work-covered (visit 06-12) → rate 1, blind 0; established P5 1; newly covered R2 1; visits 1;
 *     transferred M1 1; revealed M1 1; change 2/3.
 *     score = 100 × 1 + 50 × 2/3 + 10 × min(1, 1/2) = 100 + 33.3333 + 5 = 138.3333
 *   市中区: start R4 blind, R6 covered (R5 not registered yet) → rate 1/2, blind 1; end R4, R5 blind,
 *     R6 covered → rate 1/3, blind 2; nothing happened; change −1/6.
 *     score = 100/3 − 50/6 + 0 = 25
 *   ranking: 历下区 1, 市中区 2.
 * WEEK of 2026-06-07 (Sunday) = 06-01 … 06-07, start snapshot 05-31 — across the boundary:
 *   历下区: rate 1/3 at both ends, blind 2 and 2, nothing happened → score 33.3333
 *   市中区: start R4, R6 blind → rate 0, blind 2; end R6 covered (P6 06-03) → rate 1/2, blind 1;
 *     established 1, newly covered 1, revealed M2 1; change 1/2 → score 50 + 25 = 75
 *   ranking flips: 市中区 1, 历下区 2.
 * 历下区 by street, week of 2026-06-10:
 *   解放路街道 (R1, R2): rate 1/2 → 1, blind 1 → 0, established 1, newly covered 1, transferred 1,
 *     revealed 1, no visit → score 100 + 25 + 0 = 125
 *   千佛山街道 (R3): rate 0 → 1, blind 1 → 0, visit 1 → score 100 + 50 + 10 × min(1, 1/1) = 160
 *   ranking: 千佛山街道 1, 解放路街道 2.
 */

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await testDatabase();
  const orgs: [number, number, string][] = [
    [1, 10, '2020-01-01'],
    [2, 10, '2020-01-01'],
    [3, 11, '2020-01-01'],
    [4, 12, '2020-01-01'],
    [5, 12, '2026-06-10'],
    [6, 12, '2020-01-01'],
  ];
  const full = `'FULL', '2010-01-01', '2010-06-01', '2011-01-01', '2011-06-01', '2012-06-01'`;
  await sql(
    db.url,
    `
    INSERT INTO area (id, code, name, level, parent_id, path) VALUES
      (1, '370100', '济南市', 'CITY', NULL, '{1}'),
      (2, '370102', '历下区', 'DISTRICT', 1, '{1,2}'),
      (3, '370103', '市中区', 'DISTRICT', 1, '{1,3}'),
      (10, '370102001', '解放路街道', 'STREET', 2, '{1,2,10}'),
      (11, '370102002', '千佛山街道', 'STREET', 2, '{1,2,11}'),
      (12, '370103001', '大观园街道', 'STREET', 3, '{1,3,12}');
    INSERT INTO organization (id, credit_code, name, category, industry, employees, registered_on, street_id) VALUES
      ${orgs.map(([id, street, reg]) => `(${id}, '${fixtureCode(id)}', 'R${id}', 'NON_PUBLIC_ECONOMIC', 'I', 10, '${reg}', ${street})`).join(',\n')};
    INSERT INTO party_organization (id, name, kind, formation, anchor, area_id, organization_id, established_on) VALUES
      (1, 'P1', 'BRANCH', 'STANDALONE', 'ORGANIZATION', 10, 1, '2020-01-01'),
      (5, 'P5', 'BRANCH', 'STANDALONE', 'ORGANIZATION', 10, 2, '2026-06-09'),
      (6, 'P6', 'BRANCH', 'STANDALONE', 'ORGANIZATION', 12, 6, '2026-06-03');
    INSERT INTO party_organization_coverage (party_organization_id, organization_id, since) VALUES
      (1, 1, '2020-01-01'), (5, 2, '2026-06-09'), (6, 6, '2026-06-03');
    INSERT INTO work_group_member (id, street_id, name, phone, joined_on) VALUES (1, 11, '组员甲', '0531-0000001', '2023-01-01');
    INSERT INTO liaison_point (id, kind, organization_id, work_group_member_id, since) VALUES (1, 'WORK_GROUP', 3, 1, '2024-01-01');
    INSERT INTO visit (liaison_point_id, organization_id, visited_on, visitor) VALUES (1, 3, '2026-06-12', '组员甲');
    INSERT INTO party_member (id, organization_id, employed_since, stage, applied_on, activist_on, candidate_on, probationary_on, full_on,
        relation_holder, party_organization_id, ledger, ledger_area_id, ledger_since, transferred_on, revealed_on,
        identity_revealed, name, gender, birth_date, id_number) VALUES
      (1, 1, '2020-01-01', ${full}, 'PARTY_ORGANIZATION', 1, 'PERSONNEL_AGENCY', NULL, '2021-01-01', '2026-06-11', '2026-06-13', true, '甲', 'M', '1990-01-01', '370102199001010011'),
      (2, 4, '2020-01-01', ${full}, 'PERSONNEL_AGENCY', NULL, 'PERSONNEL_AGENCY', NULL, '2021-01-01', NULL, '2026-06-05', true, '乙', 'F', '1990-01-01', '370102199001010022');
    `,
  );
  app = await startTestApp(db.url);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const ROW = `areaCode partyOrganizationsEstablished organizationsNewlyCovered blindSpotsAtStart blindSpotsAtEnd visits membersTransferred
  identitiesRevealed inScopeAtStart inScopeAtEnd overallCoverageRateAtStart overallCoverageRateAtEnd coverageRateChange score rank`;
const Q = `query($period: Period!, $date: Date, $scope: String) { report(period: $period, date: $date, scope: $scope) {
  period label start end totals { ${ROW} } rows { ${ROW} } ranking { areaCode score rank } } }`;

async function report(period: string, date: string, scope?: string) {
  const res = await app.gql<{ report: any }>(Q, { period, date, scope });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.report;
}

function expectRow(actual: any, e: Record<string, number | string>) {
  for (const [k, v] of Object.entries(e)) {
    if (typeof v === 'number' && !Number.isInteger(v)) expect(actual[k], k).toBeCloseTo(v, 4);
    else expect(actual[k], k).toBe(v);
  }
}

describe('report', () => {
  it('a weekly bulletin: the ISO week of Wednesday 2026-06-10', async () => {
    const r = await report('WEEK', '2026-06-10');
    expect(r).toMatchObject({ period: 'WEEK', label: '2026-W24', start: '2026-06-08', end: '2026-06-14' });
    expect(r.rows.map((x: any) => x.areaCode)).toEqual(['370102', '370103']);
    expectRow(r.rows[0], {
      partyOrganizationsEstablished: 1, organizationsNewlyCovered: 1, blindSpotsAtStart: 2, blindSpotsAtEnd: 0, visits: 1,
      membersTransferred: 1, identitiesRevealed: 1, inScopeAtStart: 3, inScopeAtEnd: 3,
      overallCoverageRateAtStart: 1 / 3, overallCoverageRateAtEnd: 1, coverageRateChange: 2 / 3, score: 138.3333, rank: 1,
    });
    expectRow(r.rows[1], {
      partyOrganizationsEstablished: 0, organizationsNewlyCovered: 0, blindSpotsAtStart: 1, blindSpotsAtEnd: 2, visits: 0,
      membersTransferred: 0, identitiesRevealed: 0, inScopeAtStart: 2, inScopeAtEnd: 3,
      overallCoverageRateAtStart: 1 / 2, overallCoverageRateAtEnd: 1 / 3, coverageRateChange: -1 / 6, score: 25, rank: 2,
    });
    expect(r.ranking.map((x: any) => [x.areaCode, x.rank])).toEqual([['370102', 1], ['370103', 2]]);
    // Totals: 6 organizations at the end, 3 blind at start (R2, R3, R4), 2 at end (R4, R5); rate 2/5 → 4/6.
    expectRow(r.totals, {
      areaCode: '370100', partyOrganizationsEstablished: 1, organizationsNewlyCovered: 1, blindSpotsAtStart: 3, blindSpotsAtEnd: 2,
      visits: 1, inScopeAtStart: 5, inScopeAtEnd: 6, overallCoverageRateAtStart: 2 / 5, overallCoverageRateAtEnd: 4 / 6,
    });
    expect(r.totals.score).toBeNull();
  });

  it('the week before (Sunday 2026-06-07) is a different week, and the ranking flips', async () => {
    const r = await report('WEEK', '2026-06-07');
    expect(r).toMatchObject({ label: '2026-W23', start: '2026-06-01', end: '2026-06-07' });
    expectRow(r.rows[0], {
      areaCode: '370102', partyOrganizationsEstablished: 0, organizationsNewlyCovered: 0, blindSpotsAtStart: 2, blindSpotsAtEnd: 2,
      visits: 0, membersTransferred: 0, identitiesRevealed: 0, coverageRateChange: 0, score: 33.3333, rank: 2,
    });
    expectRow(r.rows[1], {
      areaCode: '370103', partyOrganizationsEstablished: 1, organizationsNewlyCovered: 1, blindSpotsAtStart: 2, blindSpotsAtEnd: 1,
      identitiesRevealed: 1, overallCoverageRateAtStart: 0, overallCoverageRateAtEnd: 0.5, coverageRateChange: 0.5, score: 75, rank: 1,
    });
    expect(r.ranking.map((x: any) => x.areaCode)).toEqual(['370103', '370102']);
  });

  it('per street inside a district', async () => {
    const r = await report('WEEK', '2026-06-10', '370102');
    expectRow(r.rows[0], {
      areaCode: '370102001', partyOrganizationsEstablished: 1, organizationsNewlyCovered: 1, blindSpotsAtStart: 1, blindSpotsAtEnd: 0,
      visits: 0, membersTransferred: 1, identitiesRevealed: 1, overallCoverageRateAtStart: 0.5, overallCoverageRateAtEnd: 1, score: 125, rank: 2,
    });
    expectRow(r.rows[1], {
      areaCode: '370102002', blindSpotsAtStart: 1, blindSpotsAtEnd: 0, visits: 1, overallCoverageRateAtStart: 0, overallCoverageRateAtEnd: 1,
      score: 160, rank: 1,
    });
    expect(r.rows).toHaveLength(2);
  });

  it('a DAY report compares the day with the day before; four statements', async () => {
    // 2026-06-09: P5 established → 解放路街道's R2 newly covered, 历下区 rate 1/3 → 2/3.
    const { statements } = await app.server.statements.capture(async () => {
      const r = await report('DAY', '2026-06-09');
      expectRow(r.rows[0], { areaCode: '370102', partyOrganizationsEstablished: 1, organizationsNewlyCovered: 1, coverageRateChange: 1 / 3 });
    });
    expect(statements.length).toBeLessThanOrEqual(4);
  });
});
