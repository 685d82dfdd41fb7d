import { makeCreditCode } from '@liangxin/domain';
import { sql } from '../../../test/helpers.js';

/**
 * A hand-made piece of Jinan whose coverage is worked out by hand in coverage.test.ts.
 *
 *   济南市 (1) ─ 历下区 (2) ─ 解放路街道 (10), 千佛山街道 (11)
 *              └ 市中区 (3) ─ 大观园街道 (12)
 *   park 1 (历下区) ⊃ building 1 (street 10); business district 1 (street 10)
 *
 *   org  street  containers      registered   facts
 *   O1   10      park 1, bldg 1  2020-01-01   own Party organization P1 (2021-01-01)
 *   O2   10      bldg 1          2020-01-01   building joint branch P2 (2022-01-01)
 *   O3   12      —   (social)    2020-01-01   joint branch P3 of street 11 (2023-01-01): covers O3 and O4, two streets, two districts
 *   O4   11      —               2020-01-01   P3 (2023-01-01)
 *   O5   10      bd 1            2020-01-01   business-district branch P4 (2020-06-01), dissolved 2024-12-31 (the
 *                                             trigger ends the edge); instructor from 2025-03-01
 *   O6   11      —               2020-01-01   work-group liaison from 2024-01-01, one visit on 2025-04-01
 *   O7   11      —               2020-01-01   work-group liaison from 2024-01-01, one visit on 2025-04-02
 *   O8   12      —               2020-01-01   deregistered 2025-03-01, nothing else
 *   O9   10      —               2020-01-01   no tie; full members M1 (2020), M2 (2022), M3 (full on 2025-06-30),
 *                                             M4 full since 2018 but employed there only from 2025-07-01
 *   O10  12      —               2025-07-15   own Party organization P6 from 2025-08-01
 *   O11  10      park 1          2020-01-01   instructor 2024-01-01 … 2025-05-01 (ended)
 *
 *   Party organizations: P1 (area 10, activity 2025-06-01), P2 (area 10, activity 2025-04-01),
 *   P3 (STREET 11, activity 2025-04-02), P4 (area 10, dissolved 2024-12-31), P5 street 10's
 *   comprehensive committee (STREET 10, 2019-01-01, no activity, covers nothing), P6 (area 12, 2025-08-01).
 *   All industry I except O3 (S).
 */
export function fixtureCode(n: number, social = false): string {
  return makeCreditCode({
    authorityChar: social ? '5' : '9',
    categoryChar: '1',
    divisionCode: '370102',
    organizationBody: `MA${String(n).padStart(6, '0')}`,
  });
}

export async function insertCoverageFixture(url: string): Promise<void> {
  const orgs: [id: number, street: number, park: number | null, building: number | null, bd: number | null, registered: string, deregistered: string | null][] = [
    [1, 10, 1, 1, null, '2020-01-01', null],
    [2, 10, null, 1, null, '2020-01-01', null],
    [3, 12, null, null, null, '2020-01-01', null],
    [4, 11, null, null, null, '2020-01-01', null],
    [5, 10, null, null, 1, '2020-01-01', null],
    [6, 11, null, null, null, '2020-01-01', null],
    [7, 11, null, null, null, '2020-01-01', null],
    [8, 12, null, null, null, '2020-01-01', '2025-03-01'],
    [9, 10, null, null, null, '2020-01-01', null],
    [10, 12, null, null, null, '2025-07-15', null],
    [11, 10, 1, null, null, '2020-01-01', null],
  ];
  const v = (x: string | number | null) => (x === null ? 'NULL' : typeof x === 'number' ? String(x) : `'${x}'`);
  const orgRows = orgs
    .map(([id, street, park, building, bd, registered, deregistered]) => {
      const social = id === 3;
      return `(${id}, '${fixtureCode(id, social)}', '覆盖测试组织${id}', '${social ? 'SOCIAL' : 'NON_PUBLIC_ECONOMIC'}', '${social ? 'S' : 'I'}', 10,
        ${v(registered)}, ${v(deregistered)}, '${deregistered ? 'DEREGISTERED' : 'ACTIVE'}', ${street}, ${v(park)}, ${v(building)}, ${v(bd)})`;
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
    INSERT INTO park (id, name, level, area_id, established_on) VALUES (1, '济南高新技术产业开发区', 'NATIONAL', 2, '1991-03-06');
    INSERT INTO building (id, name, street_id, park_id, opened_on) VALUES (1, '齐鲁软件大厦', 10, 1, '2008-09-01');
    INSERT INTO business_district (id, name, kind, street_id, opened_on) VALUES (1, '泉城路商圈', 'BUSINESS_DISTRICT', 10, '1999-01-01');
    INSERT INTO organization (id, credit_code, name, category, industry, employees, registered_on, deregistered_on, status, street_id, park_id, building_id, business_district_id) VALUES
      ${orgRows};
    INSERT INTO party_organization (id, name, kind, formation, anchor, area_id, organization_id, building_id, business_district_id, established_on) VALUES
      (1, 'P1 组织1支部', 'BRANCH', 'STANDALONE', 'ORGANIZATION', 10, 1, NULL, NULL, '2021-01-01'),
      (2, 'P2 楼宇联合支部', 'BRANCH', 'JOINT', 'BUILDING', 10, NULL, 1, NULL, '2022-01-01'),
      (3, 'P3 千佛山联合支部', 'BRANCH', 'JOINT', 'STREET', 11, NULL, NULL, NULL, '2023-01-01'),
      (4, 'P4 商圈联合支部', 'BRANCH', 'JOINT', 'BUSINESS_DISTRICT', 10, NULL, NULL, 1, '2020-06-01'),
      (5, 'P5 解放路街道综合党委', 'COMMITTEE', 'JOINT', 'STREET', 10, NULL, NULL, NULL, '2019-01-01'),
      (6, 'P6 组织10支部', 'BRANCH', 'STANDALONE', 'ORGANIZATION', 12, 10, NULL, NULL, '2025-08-01');
    INSERT INTO party_organization_coverage (party_organization_id, organization_id, since) VALUES
      (1, 1, '2021-01-01'), (2, 2, '2022-01-01'), (3, 3, '2023-01-01'), (3, 4, '2023-01-01'), (4, 5, '2020-06-01'), (6, 10, '2025-08-01');
    -- Dissolution through the database: the trigger ends P4's open edge on 2024-12-31.
    UPDATE party_organization SET dissolved_on = '2024-12-31' WHERE id = 4;
    INSERT INTO activity (party_organization_id, kind, title, held_on, participants) VALUES
      (1, 'REGULAR_MEETING', '支部例会', '2025-06-01', 5),
      (2, 'TRAINING', '培训', '2025-04-01', 8),
      (3, 'LECTURE', '红色大讲堂', '2025-04-02', 20);
    INSERT INTO instructor (id, name, pool_area_id, joined_pool_on) VALUES (1, '王指导', 2, '2020-01-01');
    INSERT INTO work_group_member (id, street_id, name, phone, joined_on) VALUES (1, 11, '陈工作组', '0531-86001001', '2020-01-01');
    INSERT INTO liaison_point (id, kind, organization_id, instructor_id, work_group_member_id, since, until) VALUES
      (1, 'INSTRUCTOR', 5, 1, NULL, '2025-03-01', NULL),
      (2, 'WORK_GROUP', 6, NULL, 1, '2024-01-01', NULL),
      (3, 'WORK_GROUP', 7, NULL, 1, '2024-01-01', NULL),
      (4, 'INSTRUCTOR', 11, 1, NULL, '2024-01-01', '2025-05-01');
    INSERT INTO visit (liaison_point_id, organization_id, visited_on, visitor) VALUES
      (2, 6, '2025-04-01', '陈工作组'),
      (3, 7, '2025-04-02', '陈工作组');
    INSERT INTO party_member (id, name, gender, birth_date, id_number, organization_id, employed_since, stage, applied_on, activist_on, candidate_on, probationary_on, full_on, relation_holder, ledger, ledger_since) VALUES
      (1, '党员甲', 'M', '1980-01-01', '370102198001010011', 9, '2019-01-01', 'FULL', '2015-01-01', '2015-06-01', '2016-01-01', '2019-06-01', '2020-06-01', 'PERSONNEL_AGENCY', 'PERSONNEL_AGENCY', '2020-06-01'),
      (2, '党员乙', 'F', '1985-01-01', '370102198501010022', 9, '2019-01-01', 'FULL', '2018-01-01', '2018-06-01', '2019-01-01', '2021-06-01', '2022-06-01', 'PERSONNEL_AGENCY', 'PERSONNEL_AGENCY', '2022-06-01'),
      (3, '党员丙', 'M', '1990-01-01', '370102199001010033', 9, '2019-01-01', 'FULL', '2021-01-01', '2022-06-01', '2023-01-01', '2024-06-30', '2025-06-30', 'PERSONNEL_AGENCY', 'PERSONNEL_AGENCY', '2024-06-30'),
      (4, '党员丁', 'F', '1975-01-01', '370102197501010044', 9, '2025-07-01', 'FULL', '2010-01-01', '2011-01-01', '2012-01-01', '2017-01-01', '2018-01-01', 'PERSONNEL_AGENCY', 'PERSONNEL_AGENCY', '2018-01-01');
    `,
  );
}
