import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';
import { globalId } from '../../../test/pagination.js';
import { fixtureCode } from '../coverage/coverage-fixture.js';

/*
 * 济南市 (1) ─ 历下区 (2) ─ 解放路街道 (10), 千佛山街道 (11)
 * Working committees: city WC1 (2018-01-01), district WC2 (2019-01-01); member unit MU1 of WC2.
 * Street committees: 解放路 P1 (street 10, 2019-03-01); 千佛山 P2 (street 11, 2018-01-01, dissolved 2024-01-01).
 * O1, O2 in street 10; O3, O4 in street 11.
 *
 *   lp  kind         org  body                 since       until        visits
 *   1   WORK_GROUP   O1   李旧 (WGM2)           2020-01-01  2024-06-01   2024-01-01
 *   2   WORK_GROUP   O1   张专包 (WGM1)          2024-06-01  —            2025-03-01, 2025-06-30, 2025-07-15
 *   3   INSTRUCTOR   O1   王指导 (I1)            2023-01-01  —            2025-01-10
 *   4   INSTRUCTOR   O1   赵指导 (I2)            2022-05-01  —
 *   5   MEMBER_UNIT  O1   区民政局 (MU1)         2021-01-01  —
 *   6   DIRECT       O1   WC2                   2022-01-01  —            2024-12-01
 *   7   DIRECT       O1   WC1                   2023-03-01  —
 *   8   WORK_GROUP   O2   张专包 (WGM1)          2024-06-01  —
 *   9   WORK_GROUP   O3   张专包 (WGM1)          2025-08-01  —            (not yet on 2025-06-30)
 */

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await testDatabase();
  await sql(
    db.url,
    `
    INSERT INTO area (id, code, name, level, parent_id, path) VALUES
      (1, '370100', '济南市', 'CITY', NULL, '{1}'),
      (2, '370102', '历下区', 'DISTRICT', 1, '{1,2}'),
      (10, '370102001', '解放路街道', 'STREET', 2, '{1,2,10}'),
      (11, '370102002', '千佛山街道', 'STREET', 2, '{1,2,11}');
    INSERT INTO working_committee (id, name, level, area_id, established_on) VALUES
      (1, '济南市两新工委', 'CITY', 1, '2018-01-01'), (2, '历下区两新工委', 'DISTRICT', 2, '2019-01-01');
    INSERT INTO member_unit (id, committee_id, name, domain, joined_on) VALUES (1, 2, '区民政局', 'CIVIL_AFFAIRS', '2019-01-01');
    INSERT INTO work_group_member (id, street_id, name, phone, joined_on) VALUES
      (1, 10, '张专包', '0531-86001001', '2020-01-01'), (2, 10, '李旧', '0531-86001002', '2020-01-01');
    INSERT INTO instructor (id, name, pool_area_id, joined_pool_on) VALUES (1, '王指导', 2, '2020-01-01'), (2, '赵指导', 1, '2020-01-01');
    INSERT INTO organization (id, credit_code, name, category, industry, employees, registered_on, street_id) VALUES
      (1, '${fixtureCode(1)}', '责任组织1', 'NON_PUBLIC_ECONOMIC', 'I', 10, '2019-01-01', 10),
      (2, '${fixtureCode(2)}', '责任组织2', 'NON_PUBLIC_ECONOMIC', 'I', 10, '2019-01-01', 10),
      (3, '${fixtureCode(3)}', '责任组织3', 'NON_PUBLIC_ECONOMIC', 'I', 10, '2019-01-01', 11),
      (4, '${fixtureCode(4)}', '责任组织4', 'NON_PUBLIC_ECONOMIC', 'I', 10, '2019-01-01', 11);
    INSERT INTO party_organization (id, name, kind, formation, anchor, area_id, established_on, dissolved_on) VALUES
      (1, '解放路街道综合党委', 'COMMITTEE', 'JOINT', 'STREET', 10, '2019-03-01', NULL),
      (2, '千佛山街道综合党委', 'COMMITTEE', 'JOINT', 'STREET', 11, '2018-01-01', '2024-01-01');
    INSERT INTO liaison_point (id, kind, organization_id, work_group_member_id, instructor_id, member_unit_id, committee_id, since, until) VALUES
      (1, 'WORK_GROUP', 1, 2, NULL, NULL, NULL, '2020-01-01', '2024-06-01'),
      (2, 'WORK_GROUP', 1, 1, NULL, NULL, NULL, '2024-06-01', NULL),
      (3, 'INSTRUCTOR', 1, NULL, 1, NULL, NULL, '2023-01-01', NULL),
      (4, 'INSTRUCTOR', 1, NULL, 2, NULL, NULL, '2022-05-01', NULL),
      (5, 'MEMBER_UNIT', 1, NULL, NULL, 1, NULL, '2021-01-01', NULL),
      (6, 'DIRECT', 1, NULL, NULL, NULL, 2, '2022-01-01', NULL),
      (7, 'DIRECT', 1, NULL, NULL, NULL, 1, '2023-03-01', NULL),
      (8, 'WORK_GROUP', 2, 1, NULL, NULL, NULL, '2024-06-01', NULL),
      (9, 'WORK_GROUP', 3, 1, NULL, NULL, NULL, '2025-08-01', NULL);
    INSERT INTO visit (liaison_point_id, organization_id, visited_on, visitor) VALUES
      (1, 1, '2024-01-01', '李旧'),
      (2, 1, '2025-03-01', '张专包'), (2, 1, '2025-06-30', '张专包'), (2, 1, '2025-07-15', '张专包'),
      (3, 1, '2025-01-10', '王指导'),
      (6, 1, '2024-12-01', '区工委');
    `,
  );
  app = await startTestApp(db.url);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const CHAIN = `asOf
  workGroupMember { since lastVisitOn member { name phone } liaisonPoint { kind } }
  instructors { since lastVisitOn instructor { name } }
  memberUnit { since lastVisitOn memberUnit { name } }
  directCommittees { since lastVisitOn committee { name } }
  streetCommittee { since partyOrganization { name } }
  districtCommittee { since committee { name } }
  cityCommittee { since committee { name } }`;

async function chain(id: number, asOf: string) {
  const { body } = await app.gql<{ node: { responsibility: Record<string, unknown> } }>(
    `query ($id: ID!, $asOf: Date) { node(id: $id) { ... on Organization { responsibility(asOf: $asOf) { ${CHAIN} } } } }`,
    { id: globalId('Organization', id), asOf },
  );
  expect(body.errors).toBeUndefined();
  return body.data!.node.responsibility;
}

const CITY = { since: '2018-01-01', committee: { name: '济南市两新工委' } };
const DISTRICT = { since: '2019-01-01', committee: { name: '历下区两新工委' } };

describe('Organization.responsibility', () => {
  it('gives the whole chain of O1 on 2025-06-30', async () => {
    expect(await chain(1, '2025-06-30')).toEqual({
      asOf: '2025-06-30',
      // lp2 holds (lp1 ended 2024-06-01); its visits on or before asOf: 03-01 and 06-30 (asOf itself) → 06-30.
      workGroupMember: { since: '2024-06-01', lastVisitOn: '2025-06-30', member: { name: '张专包', phone: '0531-86001001' }, liaisonPoint: { kind: 'WORK_GROUP' } },
      // By since: 赵 (2022-05-01, never visited), 王 (2023-01-01, visited 2025-01-10).
      instructors: [
        { since: '2022-05-01', lastVisitOn: null, instructor: { name: '赵指导' } },
        { since: '2023-01-01', lastVisitOn: '2025-01-10', instructor: { name: '王指导' } },
      ],
      memberUnit: { since: '2021-01-01', lastVisitOn: null, memberUnit: { name: '区民政局' } },
      directCommittees: [
        { since: '2022-01-01', lastVisitOn: '2024-12-01', committee: { name: '历下区两新工委' } },
        { since: '2023-03-01', lastVisitOn: null, committee: { name: '济南市两新工委' } },
      ],
      streetCommittee: { since: '2019-03-01', partyOrganization: { name: '解放路街道综合党委' } },
      districtCommittee: DISTRICT,
      cityCommittee: CITY,
    });
  });

  it('follows the interval rule at earlier dates', async () => {
    const r = await chain(1, '2024-01-01');
    // lp1 (李旧) holds until 2024-06-01, visited on 2024-01-01 itself; lp6's visit (2024-12-01) has not happened.
    expect(r.workGroupMember).toEqual({ since: '2020-01-01', lastVisitOn: '2024-01-01', member: { name: '李旧', phone: '0531-86001002' }, liaisonPoint: { kind: 'WORK_GROUP' } });
    expect(r.directCommittees).toEqual([
      { since: '2022-01-01', lastVisitOn: null, committee: { name: '历下区两新工委' } },
      { since: '2023-03-01', lastVisitOn: null, committee: { name: '济南市两新工委' } },
    ]);
    // On lp2's first day lp1 no longer holds.
    expect((await chain(1, '2024-06-01')).workGroupMember).toMatchObject({ since: '2024-06-01', lastVisitOn: null, member: { name: '张专包' } });
    // 2018-06-30: nothing but the city committee (the district's dates from 2019).
    expect(await chain(1, '2018-06-30')).toEqual({
      asOf: '2018-06-30',
      workGroupMember: null,
      instructors: [],
      memberUnit: null,
      directCommittees: [],
      streetCommittee: null,
      districtCommittee: null,
      cityCommittee: CITY,
    });
  });

  it('drops a dissolved street committee and a liaison point not yet begun', async () => {
    // O3: lp9 begins 2025-08-01; 千佛山 P2 dissolved 2024-01-01.
    expect(await chain(3, '2025-06-30')).toEqual({
      asOf: '2025-06-30',
      workGroupMember: null,
      instructors: [],
      memberUnit: null,
      directCommittees: [],
      streetCommittee: null,
      districtCommittee: DISTRICT,
      cityCommittee: CITY,
    });
    expect((await chain(3, '2023-12-31')).streetCommittee).toEqual({ since: '2018-01-01', partyOrganization: { name: '千佛山街道综合党委' } });
    expect((await chain(3, '2025-08-01')).workGroupMember).toMatchObject({ since: '2025-08-01', lastVisitOn: null, member: { name: '张专包' } });
  });

  it('is batched: the same few statements for one organization or four', async () => {
    const query = (first: number) => `{ organizations(first: ${first}) { nodes { name responsibility(asOf: "2025-06-30") { ${CHAIN} } } } }`;
    const one = await app.server.statements.capture(() => app.gql<{ organizations: { nodes: unknown[] } }>(query(1)));
    const four = await app.server.statements.capture(() => app.gql<{ organizations: { nodes: unknown[] } }>(query(10)));
    expect(one.result.body.errors).toBeUndefined();
    expect(four.result.body.errors).toBeUndefined();
    expect(one.result.body.data!.organizations.nodes).toHaveLength(1);
    expect(four.result.body.data!.organizations.nodes).toHaveLength(4);
    // The page; the chains (one statement); then one per type of body: work-group members, liaison
    // points, instructors, member units, working committees (direct, district and city together),
    // Party organizations.
    expect(four.statements.length).toBe(one.statements.length);
    expect(four.statements).toHaveLength(8);
    // Asking for dates only costs the page and the chain.
    const light = await app.server.statements.capture(() =>
      app.gql(`{ organizations(first: 10) { nodes { responsibility(asOf: "2025-06-30") { workGroupMember { since lastVisitOn } cityCommittee { since } } } } }`),
    );
    expect(light.statements).toHaveLength(2);
  });
});
