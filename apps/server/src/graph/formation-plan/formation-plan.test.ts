import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';
import { globalId, rowId } from '../../../test/pagination.js';
import { fixtureCode } from '../coverage/coverage-fixture.js';

/*
 * A hand-made street pair whose plan is worked out below.
 *
 *   济南市 (1) ─ 历下区 (2) ─ 解放路街道 (10), 千佛山街道 (11); buildings 1 and 2 in street 10.
 *
 *   org  street  building  full members (full_on)                     on 2025-06-30
 *   O1   10      1         1                                          uncovered
 *   O2   10      1         2                                          uncovered
 *   O3   10      2         2                                          uncovered
 *   O4   10      —         1                                          uncovered
 *   O5   10      —         4                                          uncovered
 *   O6   11      —         0                                          uncovered
 *   O7   10      1         1                                          covered by its own P1 (2021) → not planned
 *   O8   10      —         5                                          deregistered 2025-01-01 → not planned
 *   O9   11      —         2, and a third full on 2025-07-01          uncovered
 *
 * 2025-06-30: O5 (4) → STANDALONE branch. Building 1: O1 + O2 = 3 → JOINT at BUILDING (O7 is covered,
 * so it is not a neighbour to group). Building 2: O3 alone (2) falls through; street 10: O3 + O4 = 3 →
 * JOINT at STREET. Street 11: O6 (0) + O9 (2) = 2 < 3 → both WORK_COVERAGE.
 * 2025-07-01: O9 has 3 → STANDALONE; O6 alone in street 11 with 0 → WORK_COVERAGE.
 */

let db: TestDatabase;
let app: TestApp;

async function insertFixture(url: string): Promise<void> {
  const orgs: [id: number, street: number, building: number | null, deregistered: string | null][] = [
    [1, 10, 1, null],
    [2, 10, 1, null],
    [3, 10, 2, null],
    [4, 10, null, null],
    [5, 10, null, null],
    [6, 11, null, null],
    [7, 10, 1, null],
    [8, 10, null, '2025-01-01'],
    [9, 11, null, null],
  ];
  const orgRows = orgs
    .map(
      ([id, street, building, dereg]) =>
        `(${id}, '${fixtureCode(id)}', '规划组织${id}', 'NON_PUBLIC_ECONOMIC', 'I', 10, '2020-01-01', ${dereg ? `'${dereg}'` : 'NULL'}, '${dereg ? 'DEREGISTERED' : 'ACTIVE'}', ${street}, ${building ?? 'NULL'})`,
    )
    .join(',\n');
  // [organization, full_on] per member.
  const members: [number, string][] = [
    [1, '2020-06-01'],
    [2, '2020-06-01'],
    [2, '2021-06-01'],
    [3, '2020-06-01'],
    [3, '2020-06-01'],
    [4, '2020-06-01'],
    [5, '2020-06-01'],
    [5, '2020-06-01'],
    [5, '2020-06-01'],
    [5, '2020-06-01'],
    [7, '2020-06-01'],
    ...Array.from({ length: 5 }, (): [number, string] => [8, '2020-06-01']),
    [9, '2020-06-01'],
    [9, '2020-06-01'],
    [9, '2025-07-01'],
  ];
  const memberRows = members
    .map(
      ([org, fullOn], i) =>
        `(${i + 1}, '党员${i + 1}', 'M', '1980-01-01', '3701021980010${String(i + 1).padStart(4, '0')}1', ${org}, '2019-01-01', 'FULL', '2015-01-01', '2015-06-01', '2016-01-01', '2019-06-01', '${fullOn}', 'PERSONNEL_AGENCY', 'PERSONNEL_AGENCY', '2019-06-01')`,
    )
    .join(',\n');
  await sql(
    url,
    `
    INSERT INTO area (id, code, name, level, parent_id, path) VALUES
      (1, '370100', '济南市', 'CITY', NULL, '{1}'),
      (2, '370102', '历下区', 'DISTRICT', 1, '{1,2}'),
      (10, '370102001', '解放路街道', 'STREET', 2, '{1,2,10}'),
      (11, '370102002', '千佛山街道', 'STREET', 2, '{1,2,11}');
    INSERT INTO building (id, name, street_id, opened_on) VALUES (1, '规划大厦一', 10, '2008-09-01'), (2, '规划大厦二', 10, '2008-09-01');
    INSERT INTO organization (id, credit_code, name, category, industry, employees, registered_on, deregistered_on, status, street_id, building_id) VALUES
      ${orgRows};
    INSERT INTO party_organization (id, name, kind, formation, anchor, area_id, organization_id, established_on) VALUES
      (1, 'P1 组织7支部', 'BRANCH', 'STANDALONE', 'ORGANIZATION', 10, 7, '2021-01-01');
    INSERT INTO party_organization_coverage (party_organization_id, organization_id, since) VALUES (1, 7, '2021-01-01');
    INSERT INTO party_member (id, name, gender, birth_date, id_number, organization_id, employed_since, stage, applied_on, activist_on, candidate_on, probationary_on, full_on, relation_holder, ledger, ledger_since) VALUES
      ${memberRows};
    `,
  );
}

beforeAll(async () => {
  db = await testDatabase();
  await insertFixture(db.url);
  app = await startTestApp(db.url);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

interface Plan {
  scope: string | null;
  asOf: string;
  uncoveredOrganizations: number;
  standalone: number;
  joint: number;
  jointOrganizations: number;
  workCoverage: number;
  partyOrganizationsToSetUp: number;
  proposals: {
    recommendation: string;
    kind: string | null;
    groupedBy: string | null;
    fullMembers: number;
    reason: { zh: string; en: string };
    organizations: { id: string; name: string }[];
  }[];
}

const PLAN = `scope asOf uncoveredOrganizations standalone joint jointOrganizations workCoverage partyOrganizationsToSetUp
  proposals { recommendation kind groupedBy fullMembers reason { zh en } organizations { id name } }`;

async function plan(scope: string | null, asOf: string): Promise<Plan> {
  const { body } = await app.gql<{ formationPlan: Plan }>(`query ($scope: String, $asOf: Date) { formationPlan(scope: $scope, asOf: $asOf) { ${PLAN} } }`, {
    scope,
    asOf,
  });
  expect(body.errors).toBeUndefined();
  return body.data!.formationPlan;
}

const shape = (p: Plan) => p.proposals.map((x) => [x.recommendation, x.kind, x.groupedBy, x.organizations.map((o) => rowId(o.id)), x.fullMembers]);

describe('formationPlan', () => {
  it('plans the city on 2025-06-30 as worked out above', async () => {
    const p = await plan(null, '2025-06-30');
    expect(shape(p)).toEqual([
      ['STANDALONE', 'BRANCH', null, [5], 4],
      ['JOINT', 'BRANCH', 'BUILDING', [1, 2], 3],
      ['JOINT', 'BRANCH', 'STREET', [3, 4], 3],
      ['WORK_COVERAGE', null, null, [6], 0],
      ['WORK_COVERAGE', null, null, [9], 2],
    ]);
    expect(p).toMatchObject({
      scope: null,
      asOf: '2025-06-30',
      uncoveredOrganizations: 7,
      standalone: 1,
      joint: 2,
      jointOrganizations: 4,
      workCoverage: 2,
      partyOrganizationsToSetUp: 3,
    });
    expect(p.proposals[1]!.organizations.map((o) => o.name)).toEqual(['规划组织1', '规划组织2']);
    expect(p.proposals[1]!.reason.zh).toBe('2个未覆盖单位各自正式党员不足3名，同在一个楼宇，合计正式党员3名，建议联合组建党支部');
    expect(p.proposals[4]!.reason.en).toContain('have only 2 together');
  });

  it('counts full members on the date: a member full on asOf counts that day', async () => {
    const p = await plan(null, '2025-07-01');
    expect(shape(p)).toEqual([
      ['STANDALONE', 'BRANCH', null, [5], 4],
      ['STANDALONE', 'BRANCH', null, [9], 3],
      ['JOINT', 'BRANCH', 'BUILDING', [1, 2], 3],
      ['JOINT', 'BRANCH', 'STREET', [3, 4], 3],
      ['WORK_COVERAGE', null, null, [6], 0],
    ]);
  });

  it('plans within the scope only: a street code, a building id', async () => {
    expect(shape(await plan('370102002', '2025-06-30'))).toEqual([
      ['WORK_COVERAGE', null, null, [6], 0],
      ['WORK_COVERAGE', null, null, [9], 2],
    ]);
    // Building 2 holds only O3 (2 full members): its neighbours outside the scope are not seen.
    const building = await plan(globalId('Building', 2), '2025-06-30');
    expect(shape(building)).toEqual([['WORK_COVERAGE', null, null, [3], 2]]);
    expect(building.scope).toBe(globalId('Building', 2));
  });

  it('before O8 was deregistered it is in scope and standalone; before O7 was covered, O7 groups in building 1', async () => {
    // 2020-12-31: O8 (5) standalone; P1 not yet established, so O7 (1) is uncovered and in building 1:
    // O1 (1) + O2 (1; its second member is full only from 2021-06-01) + O7 (1) = 3 at BUILDING.
    // O3 (2) + O4 (1) = 3 at STREET; O5 (4) standalone; street 11: O6 (0) + O9 (2) = 2 → work coverage.
    expect(shape(await plan('370102', '2020-12-31'))).toEqual([
      ['STANDALONE', 'BRANCH', null, [5], 4],
      ['STANDALONE', 'BRANCH', null, [8], 5],
      ['JOINT', 'BRANCH', 'BUILDING', [1, 2, 7], 3],
      ['JOINT', 'BRANCH', 'STREET', [3, 4], 3],
      ['WORK_COVERAGE', null, null, [6], 0],
      ['WORK_COVERAGE', null, null, [9], 2],
    ]);
  });

  it('costs two statements: the plan, then the organizations of all proposals in one batch', async () => {
    const { result, statements } = await app.server.statements.capture(() =>
      app.gql(`{ formationPlan(asOf: "2025-06-30") { proposals { organizations { id name } } } }`),
    );
    expect(result.body.errors).toBeUndefined();
    expect(statements).toHaveLength(2);
    const bare = await app.server.statements.capture(() => app.gql(`{ formationPlan(asOf: "2025-06-30") { joint proposals { recommendation } } }`));
    expect(bare.statements).toHaveLength(1);
  });

  it('refuses a bad scope or date with BAD_USER_INPUT', async () => {
    const bad = await app.gql(`{ formationPlan(scope: "nope", asOf: "2025-06-30") { joint } }`);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const early = await app.gql(`{ formationPlan(asOf: "1900-01-01") { joint } }`);
    expect(early.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
