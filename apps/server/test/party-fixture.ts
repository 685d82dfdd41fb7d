import { makeCreditCode } from '@liangxin/domain';
import { sql } from './helpers.js';

/**
 * The Party side of a small, hand-made Jinan, where every list answer is known by construction
 * (the tests of Party organizations, members, instructors, liaison points, visits, activities
 * and funds read it). Self-contained: its own areas, places and organizations. All names,
 * numbers and identity numbers are fictitious.
 *
 *   济南市 (1) ─ 历下区 (2) ─ 解放路街道 (10) ─ 解放路第一社区 (100)
 *              │            └ 千佛山街道 (11)
 *              └ 市中区 (3) ─ 大观园街道 (12)
 *   park 1 (历下区) ⊃ building 1 (street 10); business district 1 (street 10)
 *
 *   organizations: 1 street 10, park 1, building 1 · 2 street 12 (social) · 3 street 11
 *                  4 street 10, business district 1 · 5 street 12 (social) · 6 street 10, building 1
 *
 *   Party organizations (parent ← child):
 *     1 历下区两新综合党委 AREA(2) ← 2 解放路街道综合党委 STREET(10) ← 3 org 1 branch
 *                                                                ← 4 building 1 joint branch
 *                                                                ← 6 business district 1 (dissolved)
 *                                  ← 5 park 1 committee
 *     7 市中区软件行业党委 INDUSTRY(I, area 3) ← 8 org 2 branch
 */
export const PARTY_CODES = {
  software: makeCreditCode({ authorityChar: '9', categoryChar: '1', divisionCode: '370102', organizationBody: 'MA3C4D5E' }),
  association: makeCreditCode({ authorityChar: '5', categoryChar: '1', divisionCode: '370103', organizationBody: 'MJD00001' }),
  trading: makeCreditCode({ authorityChar: '9', categoryChar: '1', divisionCode: '370102', organizationBody: 'MA3C4D6F' }),
  store: makeCreditCode({ authorityChar: '9', categoryChar: '2', divisionCode: '370102', organizationBody: 'MA3C4D7G' }),
  foundation: makeCreditCode({ authorityChar: '5', categoryChar: '3', divisionCode: '370103', organizationBody: 'MJD00002' }),
  studio: makeCreditCode({ authorityChar: '9', categoryChar: '1', divisionCode: '370102', organizationBody: 'MA3C4D8H' }),
} as const;

/** The personal data the fixture stores, which must never reach a response unmasked. */
export const PERSONAL_DATA = {
  names: ['张三丰', '李四', '王五', '赵六', '钱七', '孙八', '周九', '吴十', '郑十一', '欧阳娜娜'],
  phones: ['13812341234', '13900005678', '13611112222', '13700002222', '13900001111', '13700003333'],
  idNumbers: [
    '370102199001010011',
    '370102198505050022',
    '370103199203030033',
    '370102199404040044',
    '370103199505050055',
    '370102199606060066',
    '370102199707070077',
    '370102199808080088',
    '37010219990909009X',
    '370102200010100101',
  ],
  addresses: ['历下区解放路1号', '市中区经七路100号'],
} as const;

export async function insertPartyFixture(url: string): Promise<void> {
  const c = PARTY_CODES;
  const p = PERSONAL_DATA;
  await sql(
    url,
    `
    INSERT INTO area (id, code, name, level, parent_id, path) VALUES
      (1, '370100', '济南市', 'CITY', NULL, '{1}'),
      (2, '370102', '历下区', 'DISTRICT', 1, '{1,2}'),
      (3, '370103', '市中区', 'DISTRICT', 1, '{1,3}'),
      (10, '370102001', '解放路街道', 'STREET', 2, '{1,2,10}'),
      (11, '370102002', '千佛山街道', 'STREET', 2, '{1,2,11}'),
      (12, '370103001', '大观园街道', 'STREET', 3, '{1,3,12}'),
      (100, '370102001001', '解放路第一社区', 'COMMUNITY', 10, '{1,2,10,100}');
    INSERT INTO park (id, name, level, area_id, established_on) VALUES
      (1, '济南高新技术产业开发区', 'NATIONAL', 2, '1991-03-06');
    INSERT INTO building (id, name, street_id, park_id, address, floors, annual_tax_fen, opened_on) VALUES
      (1, '齐鲁软件大厦', 10, 1, '舜华路1号', 28, 12000000000, '2008-09-01');
    INSERT INTO business_district (id, name, kind, street_id, opened_on) VALUES
      (1, '泉城路商圈', 'BUSINESS_DISTRICT', 10, '1999-01-01');
    INSERT INTO working_committee (id, name, level, area_id, established_on) VALUES
      (1, '中共济南市两新组织工作委员会', 'CITY', 1, '2017-05-01'),
      (2, '中共历下区两新组织工作委员会', 'DISTRICT', 2, '2018-03-01');
    INSERT INTO member_unit (id, committee_id, name, domain, joined_on) VALUES
      (1, 1, '市民政局', 'CIVIL_AFFAIRS', '2017-05-01');
    INSERT INTO work_group_member (id, street_id, name, phone, title, joined_on) VALUES
      (1, 10, '陈工作组', '0531-86001001', '组长', '2020-01-01'),
      (2, 12, '刘工作组', '0531-86002002', NULL, '2020-01-01');
    INSERT INTO organization (id, credit_code, name, category, industry, employees, registered_on, street_id, park_id, building_id, business_district_id, source) VALUES
      (1, '${c.software}', '济南示例软件有限公司', 'NON_PUBLIC_ECONOMIC', 'I', 120, '2019-03-15', 10, 1, 1, NULL, 'GENERATED'),
      (2, '${c.association}', '济南示例行业协会', 'SOCIAL', 'S', 8, '2015-06-30', 12, NULL, NULL, NULL, 'GENERATED'),
      (3, '${c.trading}', '济南示例商贸有限公司', 'NON_PUBLIC_ECONOMIC', 'F', 60, '2012-01-01', 11, NULL, NULL, NULL, 'GENERATED'),
      (4, '${c.store}', '泉城示例商店', 'NON_PUBLIC_ECONOMIC', 'F', 12, '2016-01-01', 10, NULL, NULL, 1, 'GENERATED'),
      (5, '${c.foundation}', '济南示例公益基金会', 'SOCIAL', 'S', 5, '2018-01-01', 12, NULL, NULL, NULL, 'GENERATED'),
      (6, '${c.studio}', '济南示例设计工作室', 'NON_PUBLIC_ECONOMIC', 'I', 30, '2020-01-01', 10, 1, 1, NULL, 'GENERATED');

    INSERT INTO party_organization (id, name, kind, formation, anchor, area_id, organization_id, park_id, building_id, business_district_id, industry, parent_id, established_on, dissolved_on) VALUES
      (1, '中共历下区两新组织综合委员会', 'COMMITTEE', 'JOINT', 'AREA', 2, NULL, NULL, NULL, NULL, NULL, NULL, '2010-01-01', NULL),
      (2, '中共解放路街道综合委员会', 'COMMITTEE', 'JOINT', 'STREET', 10, NULL, NULL, NULL, NULL, NULL, 1, '2012-03-01', NULL),
      (3, '中共济南示例软件有限公司支部委员会', 'BRANCH', 'STANDALONE', 'ORGANIZATION', 10, 1, NULL, NULL, NULL, NULL, 2, '2019-07-01', NULL),
      (4, '中共齐鲁软件大厦联合支部委员会', 'BRANCH', 'JOINT', 'BUILDING', 10, NULL, NULL, 1, NULL, NULL, 2, '2020-05-01', NULL),
      (5, '中共济南高新区园区委员会', 'COMMITTEE', 'JOINT', 'PARK', 2, NULL, 1, NULL, NULL, NULL, 1, '2015-01-01', NULL),
      (6, '中共泉城路商圈联合总支部委员会', 'GENERAL_BRANCH', 'JOINT', 'BUSINESS_DISTRICT', 10, NULL, NULL, NULL, 1, NULL, 2, '2018-01-01', '2024-06-30'),
      (7, '中共市中区软件行业委员会', 'COMMITTEE', 'JOINT', 'INDUSTRY', 3, NULL, NULL, NULL, NULL, 'I', NULL, '2016-01-01', NULL),
      (8, '中共济南示例行业协会支部委员会', 'BRANCH', 'STANDALONE', 'ORGANIZATION', 12, 2, NULL, NULL, NULL, NULL, 7, '2016-01-01', NULL);
    INSERT INTO party_organization_coverage (party_organization_id, organization_id, since, until) VALUES
      (3, 1, '2019-07-01', NULL),
      (4, 1, '2020-05-01', NULL),
      (4, 6, '2020-05-01', NULL),
      (5, 6, '2021-01-01', NULL),
      (6, 4, '2018-01-01', '2024-06-30'),
      (8, 2, '2016-01-01', NULL),
      (2, 3, '2013-01-01', NULL);

    INSERT INTO party_member (id, name, gender, birth_date, phone, id_number, address, organization_id, employed_since, stage,
        applied_on, activist_on, candidate_on, probationary_on, full_on,
        relation_holder, party_organization_id, ledger, ledger_area_id, ledger_since, transferred_on, identity_revealed, revealed_on) VALUES
      (1, '${p.names[0]}', 'M', '1990-01-01', '${p.phones[0]}', '${p.idNumbers[0]}', '${p.addresses[0]}', 1, '2019-03-15', 'FULL',
        '2010-01-01', '2010-06-01', '2011-01-01', '2011-06-01', '2012-06-01',
        'PARTY_ORGANIZATION', 3, 'TALENT_CENTER', 2, '2018-01-01', '2020-03-01', true, '2020-04-01'),
      (2, '${p.names[1]}', 'F', '1985-05-05', '${p.phones[1]}', '${p.idNumbers[1]}', '${p.addresses[1]}', 1, '2019-03-15', 'FULL',
        '2012-02-02', '2012-06-01', '2013-01-01', '2013-06-01', '2014-06-01',
        'PARTY_ORGANIZATION', 3, NULL, NULL, NULL, NULL, false, NULL),
      (3, '${p.names[2]}', 'M', '1992-03-03', NULL, '${p.idNumbers[2]}', NULL, 2, '2016-01-01', 'PROBATIONARY',
        '2020-01-01', '2020-06-01', '2021-01-01', '2025-06-01', NULL,
        'PARTY_ORGANIZATION', 8, 'COMMUNITY', 100, '2019-01-01', '2023-05-05', true, '2023-06-01'),
      (4, '${p.names[3]}', 'F', '1994-04-04', '${p.phones[2]}', '${p.idNumbers[3]}', NULL, 4, '2016-01-01', 'FULL',
        '2010-05-05', '2010-09-01', '2011-03-01', '2011-09-01', '2012-09-01',
        'TALENT_CENTER', NULL, 'TALENT_CENTER', 2, '2021-01-01', NULL, false, NULL),
      (5, '${p.names[4]}', 'M', '1995-05-05', NULL, '${p.idNumbers[4]}', NULL, 5, '2018-01-01', 'FULL',
        '2011-01-01', '2011-06-01', '2012-01-01', '2012-06-01', '2013-06-01',
        'PERSONNEL_AGENCY', NULL, 'PERSONNEL_AGENCY', NULL, '2022-01-01', NULL, false, NULL),
      (6, '${p.names[5]}', 'F', '1996-06-06', NULL, '${p.idNumbers[5]}', NULL, 3, '2012-01-01', 'FULL',
        '2012-06-06', '2012-09-01', '2013-03-01', '2013-09-01', '2014-09-01',
        'COMMUNITY', NULL, 'COMMUNITY', 100, '2020-02-02', NULL, true, '2021-01-01'),
      (7, '${p.names[6]}', 'M', '1997-07-07', NULL, '${p.idNumbers[6]}', NULL, 6, '2020-01-01', 'ACTIVIST',
        '2024-01-01', '2024-06-01', NULL, NULL, NULL,
        'NONE', NULL, NULL, NULL, NULL, NULL, false, NULL),
      (8, '${p.names[7]}', 'F', '1998-08-08', NULL, '${p.idNumbers[7]}', NULL, 6, '2020-01-01', 'APPLICANT',
        '2025-01-01', NULL, NULL, NULL, NULL,
        'NONE', NULL, NULL, NULL, NULL, NULL, false, NULL),
      (9, '${p.names[8]}', 'M', '1999-09-09', NULL, '${p.idNumbers[8]}', NULL, 1, '2019-03-15', 'CANDIDATE',
        '2023-01-01', '2023-06-01', '2024-01-01', NULL, NULL,
        'NONE', NULL, NULL, NULL, NULL, NULL, false, NULL),
      (10, '${p.names[9]}', 'F', '2000-10-10', '${p.phones[3]}', '${p.idNumbers[9]}', NULL, 3, '2012-01-01', 'FULL',
        '2010-01-01', '2010-06-01', '2011-01-01', '2011-06-01', '2012-06-01',
        'PARTY_ORGANIZATION', 2, 'PERSONNEL_AGENCY', NULL, '2015-01-01', '2016-01-01', false, NULL);
    UPDATE party_organization SET secretary_member_id = 1 WHERE id = 3;
    UPDATE party_organization SET secretary_member_id = 3 WHERE id = 8;

    INSERT INTO instructor (id, name, phone, pool_area_id, employer, joined_pool_on, left_pool_on) VALUES
      (1, '王指导', '${p.phones[4]}', 2, '历下区委组织部', '2020-01-01', NULL),
      (2, '李指导', NULL, 1, '市委组织部', '2019-05-01', '2024-12-31'),
      (3, '赵指导', '${p.phones[5]}', 3, '市中区人社局', '2021-03-01', NULL);

    INSERT INTO liaison_point (id, kind, organization_id, committee_id, member_unit_id, work_group_member_id, instructor_id, since, until) VALUES
      (1, 'DIRECT', 1, 2, NULL, NULL, NULL, '2022-01-01', NULL),
      (2, 'MEMBER_UNIT', 5, NULL, 1, NULL, NULL, '2023-01-01', NULL),
      (3, 'WORK_GROUP', 4, NULL, NULL, 1, NULL, '2021-06-01', NULL),
      (4, 'WORK_GROUP', 5, NULL, NULL, 2, NULL, '2021-06-01', '2023-12-31'),
      (5, 'INSTRUCTOR', 4, NULL, NULL, NULL, 1, '2022-03-01', NULL),
      (6, 'INSTRUCTOR', 3, NULL, NULL, NULL, 1, '2021-01-01', '2022-12-31'),
      (7, 'INSTRUCTOR', 5, NULL, NULL, NULL, 3, '2023-02-01', NULL),
      (8, 'INSTRUCTOR', 6, NULL, NULL, NULL, 1, '2023-03-01', NULL);

    INSERT INTO visit (id, liaison_point_id, organization_id, visited_on, visitor, owner_intention, members_intention, problems, help_given) VALUES
      (1, 3, 4, '2025-09-01', '陈工作组', 'WILLING', 'UNDECIDED', '缺少活动场地', '协调楼宇党群服务中心'),
      (2, 3, 4, '2025-10-15', '陈工作组', 'WILLING', 'WILLING', NULL, NULL),
      (3, 2, 5, '2025-09-01', '民政局刘科长', 'UNDECIDED', NULL, '党员人数不足3人', NULL),
      (4, 5, 4, '2025-11-01', '王指导', NULL, 'WILLING', NULL, '讲解组织关系转接流程'),
      (5, 7, 5, '2025-10-15', '赵指导', 'UNWILLING', NULL, '   ', NULL),
      (6, 1, 1, '2024-05-20', '历下区两新工委', 'WILLING', NULL, NULL, NULL);

    INSERT INTO activity (id, party_organization_id, kind, title, held_on, participants) VALUES
      (1, 3, 'RED_COLLAR_SALON', '红领沙龙：数字经济', '2025-10-01', 25),
      (2, 3, 'TRAINING', '党务培训', '2025-10-01', 12),
      (3, 4, 'LECTURE', '红色大讲堂第一讲', '2025-06-15', 80),
      (4, 2, 'REGULAR_MEETING', '三会一课', '2025-11-20', 40),
      (5, 8, 'THEMED_PARTY_DAY', '主题党日', '2024-07-01', 15),
      (6, 6, 'VOLUNTEER_SERVICE', '志愿服务', '2023-03-05', 30);

    INSERT INTO fund_entry (id, fund, entry, area_id, party_organization_id, year, amount_fen, entered_on, note) VALUES
      (1, 'STARTUP', 'ENTITLED', 10, 3, 2019, 200000, '2019-08-01', NULL),
      (2, 'STARTUP', 'ALLOCATED', 10, 3, 2019, 200000, '2019-09-01', NULL),
      (3, 'STARTUP', 'DISBURSED', 10, 3, 2020, 150000, '2020-01-15', '购置活动室设备'),
      (4, 'WORKING', 'ENTITLED', 2, NULL, 2025, 60000, '2025-01-10', NULL),
      (5, 'WORKING', 'ALLOCATED', 12, 8, 2025, 30000, '2025-03-01', NULL),
      (6, 'STARTUP', 'ENTITLED', 12, 8, 2016, 200000, '2016-07-01', NULL),
      (7, 'WORKING', 'ENTITLED', 3, NULL, 2025, 30000000000, '2025-02-01', '市中区年度工作经费');
    INSERT INTO fund_budget (year, area_id, amount_fen) VALUES
      (2019, 1, 500000000),
      (2025, 1, 1000000000);
    `,
  );
}
