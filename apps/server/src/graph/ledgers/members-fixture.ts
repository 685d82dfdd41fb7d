import { fixtureCode } from '../coverage/coverage-fixture.js';
import { sql } from '../../../test/helpers.js';

/**
 * A hand-made piece of Jinan for the ledgers, member stages and funds tests (answers worked
 * out by hand in ledgers.test.ts and funds-summary.test.ts).
 *
 *   济南市 (1) ─ 历下区 (2, 370102) ─ 解放路街道 (10, 370102001), 千佛山街道 (11, 370102002)
 *              └ 市中区 (3, 370103) ─ 大观园街道 (12, 370103001)
 *
 *   org  street  registered  deregistered
 *   O1   10      2020-01-01  —
 *   O2   11      2020-01-01  —
 *   O3   12      2020-01-01  —
 *   O4   12      2020-01-01  2026-06-01
 *
 *   Party organizations: P1 on O1 (area 10, 2020-06-01), P2 on O3 (area 12, 2024-06-01),
 *   P3 street 11's comprehensive committee (STREET 11, 2026-03-01),
 *   P4 a district committee of 历下区 (AREA, area 2, 2026-05-01).
 *
 *   Full members (applied 2010-01-01 … full 2012-06-01), all employed since 2020-01-01 except M8:
 *   M1 O1  ledger PERSONNEL_AGENCY since 2021-01-01, still there; revealed 2026-06-15
 *   M2 O1  ledger TALENT_CENTER (area 2) since 2021-01-01, transferred to P1 on 2026-06-30
 *   M3 O2  ledger COMMUNITY (area 11) since 2026-06-01, still there; revealed 2026-06-01
 *   M4 O3  ledger PERSONNEL_AGENCY since 2022-01-01, transferred to P2 on 2025-01-01
 *   M5 O4  ledger PERSONNEL_AGENCY since 2021-01-01, still there (O4 deregistered 2026-06-01)
 *   M6 O1  never in a ledger: relation in P1 (probationary 2011-06-01)
 *   M8 O3  ledger TALENT_CENTER (area 3) since 2021-01-01, but employed at O3 only from 2026-07-01
 *   And M7 O2: applied 2026-06-10, activist 2026-06-20 (stage ACTIVIST, no relation).
 *
 *   Fund entries: 2026 ALLOCATED WORKING area 2 100,000; DISBURSED WORKING area 10 20,000;
 *   DISBURSED STARTUP area 11 (P3) 200,000; ALLOCATED STARTUP area 3 (P2) 200,000; and 2025
 *   DISBURSED WORKING area 2 50,000 (another year). Budget 2026: 1,000,000,000 fen.
 */
export async function insertMembersFixture(url: string): Promise<void> {
  const orgs = [
    [1, 10, null],
    [2, 11, null],
    [3, 12, null],
    [4, 12, '2026-06-01'],
  ] as const;
  const orgRows = orgs
    .map(([id, street, dereg]) =>
      `(${id}, '${fixtureCode(id)}', '组织${id}', 'NON_PUBLIC_ECONOMIC', 'I', 10, '2020-01-01', ${dereg ? `'${dereg}'` : 'NULL'}, '${dereg ? 'DEREGISTERED' : 'ACTIVE'}', ${street})`,
    )
    .join(',\n');
  const full = `'FULL', '2010-01-01', '2010-06-01', '2011-01-01', '2011-06-01', '2012-06-01'`;
  // id, org, employed, stage+dates, holder, po, ledger, ledger_area, ledger_since, transferred, revealed_on
  const members: string[] = [
    `(1, 1, '2020-01-01', ${full}, 'PERSONNEL_AGENCY', NULL, 'PERSONNEL_AGENCY', NULL, '2021-01-01', NULL, '2026-06-15')`,
    `(2, 1, '2020-01-01', ${full}, 'PARTY_ORGANIZATION', 1, 'TALENT_CENTER', 2, '2021-01-01', '2026-06-30', NULL)`,
    `(3, 2, '2020-01-01', ${full}, 'COMMUNITY', NULL, 'COMMUNITY', 11, '2026-06-01', NULL, '2026-06-01')`,
    `(4, 3, '2020-01-01', ${full}, 'PARTY_ORGANIZATION', 2, 'PERSONNEL_AGENCY', NULL, '2022-01-01', '2025-01-01', NULL)`,
    `(5, 4, '2020-01-01', ${full}, 'PERSONNEL_AGENCY', NULL, 'PERSONNEL_AGENCY', NULL, '2021-01-01', NULL, NULL)`,
    `(6, 1, '2020-01-01', ${full}, 'PARTY_ORGANIZATION', 1, NULL, NULL, NULL, NULL, NULL)`,
    `(7, 2, '2020-01-01', 'ACTIVIST', '2026-06-10', '2026-06-20', NULL, NULL, NULL, 'NONE', NULL, NULL, NULL, NULL, NULL, NULL)`,
    `(8, 3, '2026-07-01', ${full}, 'TALENT_CENTER', NULL, 'TALENT_CENTER', 3, '2021-01-01', NULL, NULL)`,
  ];
  const memberRows = members
    .map((m, i) => {
      const revealed = m.trim().endsWith(`NULL)`) ? 'false' : 'true';
      return `(${m.slice(1, -1)}, ${revealed}, '成员${i + 1}', 'M', '1990-01-01', '3701021990010100${String(i + 1).padStart(2, '0')}')`;
    })
    .join(',\n');
  await sql(
    url,
    `
    INSERT INTO area (id, code, name, level, parent_id, path) VALUES
      (1, '370100', '济南市', 'CITY', NULL, '{1}'),
      (2, '370102', '历下区', 'DISTRICT', 1, '{1,2}'),
      (3, '370103', '市中区', 'DISTRICT', 1, '{1,3}'),
      (10, '370102001', '解放路街道', 'STREET', 2, '{1,2,10}'),
      (11, '370102002', '千佛山街道', 'STREET', 2, '{1,2,11}'),
      (12, '370103001', '大观园街道', 'STREET', 3, '{1,3,12}');
    INSERT INTO organization (id, credit_code, name, category, industry, employees, registered_on, deregistered_on, status, street_id) VALUES
      ${orgRows};
    INSERT INTO party_organization (id, name, kind, formation, anchor, area_id, organization_id, established_on) VALUES
      (1, 'P1', 'BRANCH', 'STANDALONE', 'ORGANIZATION', 10, 1, '2020-06-01'),
      (2, 'P2', 'BRANCH', 'STANDALONE', 'ORGANIZATION', 12, 3, '2024-06-01'),
      (3, 'P3', 'COMMITTEE', 'JOINT', 'STREET', 11, NULL, '2026-03-01'),
      (4, 'P4', 'COMMITTEE', 'JOINT', 'AREA', 2, NULL, '2026-05-01');
    INSERT INTO party_member (id, organization_id, employed_since, stage, applied_on, activist_on, candidate_on, probationary_on, full_on,
        relation_holder, party_organization_id, ledger, ledger_area_id, ledger_since, transferred_on, revealed_on,
        identity_revealed, name, gender, birth_date, id_number) VALUES
      ${memberRows};
    INSERT INTO fund_entry (fund, entry, area_id, party_organization_id, year, amount_fen, entered_on) VALUES
      ('WORKING', 'ALLOCATED', 2, NULL, 2026, 100000, '2026-02-01'),
      ('WORKING', 'DISBURSED', 10, NULL, 2026, 20000, '2026-03-01'),
      ('STARTUP', 'DISBURSED', 11, 3, 2026, 200000, '2026-04-01'),
      ('STARTUP', 'ALLOCATED', 3, 2, 2026, 200000, '2026-01-10'),
      ('WORKING', 'DISBURSED', 2, NULL, 2025, 50000, '2025-12-01');
    INSERT INTO fund_budget (year, area_id, amount_fen) VALUES (2026, 1, 1000000000);
    `,
  );
}
