import { makeCreditCode } from '@liangxin/domain';
import { sql } from './helpers.js';

/**
 * The fixture of the authorization matrix (src/auth/authorization-matrix.test.ts): a small,
 * hand-made Jinan with rows of EVERY node type in both districts and in more than one street,
 * so that each role has a home area and foreign areas to be kept out of. All names, numbers and
 * identity numbers are fictitious. Every name, phone, identity number, address, visitor, title
 * and note is distinct, and none of a row is part of the text of a row in another street: the
 * matrix searches response bodies for the text of the rows a role must not see (and checks that
 * no row the role may see contains it, so the search raises no false alarm).
 *
 *   济南市 (1) ─ 历下区 (2, district A) ─ 解放路街道 (10, street A1) ─ 解放路第一社区 (100)
 *              │                       └ 千佛山街道 (11, street A2) ─ 千佛山第一社区 (110)
 *              └ 市中区 (3, district B) ─ 大观园街道 (12, street B1) ─ 大观园第一社区 (120)
 *                                      └ 杆石桥街道 (13, street B2)
 *
 *   organizations: 1, 4, 6, 10, 11 (deregistered) in street 10 · 3, 8 in street 11
 *                  2, 5, 9 in street 12 · 7 in street 13
 *
 * Places and committees a street worker of street 10 sees (its district's and the city's) hold
 * rows of other streets: park 1 (历下区) holds organization 8 of street 11, the district committee
 * has a direct liaison point on it, the city's member unit 1 supervises organization 5 of street 12.
 *
 * Rows that cross areas on purpose (row-level security lets the home side see them):
 *   - member 3 works for organization 2 (street 12) but sits in the ledger of community 100;
 *   - member 6 works for organization 3 (street 11) and sits in the ledger of community 100;
 *   - member 10 works for organization 3 (street 11); its relation is held by Party organization 2 (street 10);
 *   - instructor 4 is from 市中区's pool and assigned to organization 4 (street 10);
 *   - Party organization 2 (street 10) covers organization 3 (street 11);
 *   - organization 10 (street 10) is covered only by Party organization 5, the district's park committee.
 */
export const MATRIX_CODES = {
  software: code('9', '1', '370102', 'MA3C4D5E'),
  association: code('5', '1', '370103', 'MJD00001'),
  trading: code('9', '1', '370102', 'MA3C4D6F'),
  store: code('9', '2', '370102', 'MA3C4D7G'),
  foundation: code('5', '3', '370103', 'MJD00002'),
  studio: code('9', '1', '370102', 'MA3C4D8H'),
  logistics: code('9', '1', '370103', 'MA3C4D9J'),
  catering: code('9', '1', '370102', 'MA3C4DAK'),
  factory: code('9', '1', '370103', 'MA3C4DBL'),
  consulting: code('9', '1', '370102', 'MA3C4DCM'),
  closed: code('9', '1', '370102', 'MA3C4DDN'),
} as const;

function code(authorityChar: string, categoryChar: string, divisionCode: string, organizationBody: string): string {
  return makeCreditCode({ authorityChar, categoryChar, divisionCode, organizationBody });
}

/** Area ids and codes the matrix refers to. */
export const MATRIX_AREAS = {
  city: { id: 1, code: '370100' },
  districtA: { id: 2, code: '370102' },
  districtB: { id: 3, code: '370103' },
  streetA1: { id: 10, code: '370102001' },
  streetA2: { id: 11, code: '370102002' },
  streetB1: { id: 12, code: '370103001' },
  streetB2: { id: 13, code: '370103002' },
} as const;

/** The dates the matrix asks about (fixed: the answers do not depend on the day the test runs). */
export const MATRIX_AS_OF = '2025-12-01';

export async function insertMatrixFixture(url: string): Promise<void> {
  const c = MATRIX_CODES;
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
      (13, '370103002', '杆石桥街道', 'STREET', 3, '{1,3,13}'),
      (100, '370102001001', '解放路第一社区', 'COMMUNITY', 10, '{1,2,10,100}'),
      (110, '370102002001', '千佛山第一社区', 'COMMUNITY', 11, '{1,2,11,110}'),
      (120, '370103001001', '大观园第一社区', 'COMMUNITY', 12, '{1,3,12,120}');

    INSERT INTO working_committee (id, name, level, area_id, established_on) VALUES
      (1, '中共济南市两新组织工作委员会', 'CITY', 1, '2017-05-01'),
      (2, '中共历下区两新组织工作委员会', 'DISTRICT', 2, '2018-03-01'),
      (3, '中共市中区两新组织工作委员会', 'DISTRICT', 3, '2019-07-01');
    INSERT INTO member_unit (id, committee_id, name, domain, joined_on) VALUES
      (1, 1, '市民政局', 'CIVIL_AFFAIRS', '2017-05-01'),
      (2, 2, '历下区委统战部', 'UNITED_FRONT', '2018-03-01'),
      (3, 3, '市中区教育局', 'EDUCATION', '2019-07-01');

    INSERT INTO park (id, name, level, area_id, established_on) VALUES
      (1, '高新示范园', 'NATIONAL', 2, '1991-03-06'),
      (2, '经开示范园', 'PROVINCIAL', 3, '2006-04-01'),
      (3, '解放科创园', 'MUNICIPAL', 10, '2018-06-01'),
      (4, '佛山创意园', 'MUNICIPAL', 11, '2019-06-01');
    INSERT INTO building (id, name, street_id, park_id, address, floors, annual_tax_fen, opened_on) VALUES
      (1, '齐鲁软件大厦', 10, 1, '舜华路1号', 28, 12000000000, '2008-09-01'),
      (2, '佛山金融大厦', 11, 4, '佛山路2号', 20, 500000000, '2012-01-01'),
      (3, '经开商务大厦', 12, 2, '经开路3号', 15, 300000000, '2010-01-01'),
      (4, '桥西写字楼', 13, NULL, '桥西路4号', 6, 0, '2019-03-01');
    INSERT INTO business_district (id, name, kind, street_id, opened_on) VALUES
      (1, '泉城路商圈', 'BUSINESS_DISTRICT', 10, '1999-01-01'),
      (2, '佛山路市场', 'MARKET', 11, '2005-05-01'),
      (3, '大观商圈', 'BUSINESS_DISTRICT', 12, '1990-01-01');
    INSERT INTO work_group_member (id, street_id, name, phone, title, joined_on) VALUES
      (1, 10, '陈工作组', '0531-86001001', '组长', '2020-01-01'),
      (2, 11, '孔工作组', '0531-86001002', NULL, '2020-01-01'),
      (3, 12, '刘工作组', '0531-86002002', NULL, '2020-01-01');

    INSERT INTO organization (id, credit_code, name, category, industry, employees, registered_on, deregistered_on, status,
                              street_id, park_id, building_id, business_district_id, supervisory_unit_id, address, source) VALUES
      (1, '${c.software}', '济南示例软件有限公司', 'NON_PUBLIC_ECONOMIC', 'I', 120, '2019-03-15', NULL, 'ACTIVE', 10, 1, 1, NULL, NULL, '舜华路1号5层', 'GENERATED'),
      (2, '${c.association}', '济南示例行业协会', 'SOCIAL', 'S', 8, '2015-06-30', NULL, 'ACTIVE', 12, NULL, NULL, NULL, 3, NULL, 'GENERATED'),
      (3, '${c.trading}', '济南示例商贸有限公司', 'NON_PUBLIC_ECONOMIC', 'F', 60, '2012-01-01', NULL, 'ACTIVE', 11, 4, 2, NULL, NULL, NULL, 'GENERATED'),
      (4, '${c.store}', '泉城示例商店', 'NON_PUBLIC_ECONOMIC', 'F', 12, '2016-01-01', NULL, 'ACTIVE', 10, NULL, NULL, 1, NULL, NULL, 'GENERATED'),
      (5, '${c.foundation}', '济南示例公益基金会', 'SOCIAL', 'S', 5, '2018-01-01', NULL, 'ACTIVE', 12, NULL, NULL, NULL, 1, NULL, 'GENERATED'),
      (6, '${c.studio}', '济南示例设计工作室', 'NON_PUBLIC_ECONOMIC', 'I', 30, '2020-01-01', NULL, 'ACTIVE', 10, 1, 1, NULL, NULL, NULL, 'GENERATED'),
      (7, '${c.logistics}', '桥西示例物流有限公司', 'NON_PUBLIC_ECONOMIC', 'G', 40, '2017-01-01', NULL, 'ACTIVE', 13, NULL, 4, NULL, NULL, NULL, 'GENERATED'),
      (8, '${c.catering}', '佛山示例餐饮有限公司', 'NON_PUBLIC_ECONOMIC', 'H', 15, '2018-05-01', NULL, 'ACTIVE', 11, 1, NULL, 2, NULL, NULL, 'GENERATED'),
      (9, '${c.factory}', '经开示例制造有限公司', 'NON_PUBLIC_ECONOMIC', 'C', 200, '2011-01-01', NULL, 'ACTIVE', 12, 2, 3, 3, NULL, NULL, 'GENERATED'),
      (10, '${c.consulting}', '解放示例咨询有限公司', 'NON_PUBLIC_ECONOMIC', 'L', 25, '2021-01-01', NULL, 'ACTIVE', 10, 1, NULL, NULL, NULL, NULL, 'GENERATED'),
      (11, '${c.closed}', '解放示例旧货商行', 'NON_PUBLIC_ECONOMIC', 'F', 3, '2012-02-01', '2020-02-01', 'DEREGISTERED', 10, NULL, NULL, NULL, NULL, NULL, 'GENERATED');

    INSERT INTO party_organization (id, name, kind, formation, anchor, area_id, organization_id, park_id, building_id, business_district_id, industry, parent_id, established_on, dissolved_on) VALUES
      (1, '中共历下区两新组织综合委员会', 'COMMITTEE', 'JOINT', 'AREA', 2, NULL, NULL, NULL, NULL, NULL, NULL, '2010-01-01', NULL),
      (2, '中共解放路街道综合委员会', 'COMMITTEE', 'JOINT', 'STREET', 10, NULL, NULL, NULL, NULL, NULL, 1, '2012-03-01', NULL),
      (3, '中共济南示例软件有限公司支部委员会', 'BRANCH', 'STANDALONE', 'ORGANIZATION', 10, 1, NULL, NULL, NULL, NULL, 2, '2019-07-01', NULL),
      (4, '中共齐鲁软件大厦联合支部委员会', 'BRANCH', 'JOINT', 'BUILDING', 10, NULL, NULL, 1, NULL, NULL, 2, '2020-05-01', NULL),
      (5, '中共高新示范园委员会', 'COMMITTEE', 'JOINT', 'PARK', 2, NULL, 1, NULL, NULL, NULL, 1, '2015-01-01', NULL),
      (6, '中共泉城路商圈联合总支部委员会', 'GENERAL_BRANCH', 'JOINT', 'BUSINESS_DISTRICT', 10, NULL, NULL, NULL, 1, NULL, 2, '2018-01-01', '2024-06-30'),
      (7, '中共市中区软件行业委员会', 'COMMITTEE', 'JOINT', 'INDUSTRY', 3, NULL, NULL, NULL, NULL, 'I', NULL, '2016-01-01', NULL),
      (8, '中共济南示例行业协会支部委员会', 'BRANCH', 'STANDALONE', 'ORGANIZATION', 12, 2, NULL, NULL, NULL, NULL, 7, '2016-01-01', NULL),
      (9, '中共千佛山街道综合委员会', 'COMMITTEE', 'JOINT', 'STREET', 11, NULL, NULL, NULL, NULL, NULL, 1, '2013-03-01', NULL),
      (10, '中共桥西示例物流有限公司支部委员会', 'BRANCH', 'STANDALONE', 'ORGANIZATION', 13, 7, NULL, NULL, NULL, NULL, NULL, '2018-07-01', NULL),
      (11, '中共佛山示例餐饮有限公司支部委员会', 'BRANCH', 'STANDALONE', 'ORGANIZATION', 11, 8, NULL, NULL, NULL, NULL, 9, '2019-07-01', NULL);
    INSERT INTO party_organization_coverage (party_organization_id, organization_id, since, until) VALUES
      (3, 1, '2019-07-01', NULL),
      (4, 1, '2020-05-01', NULL),
      (4, 6, '2020-05-01', NULL),
      (5, 6, '2021-01-01', NULL),
      (6, 4, '2018-01-01', '2024-06-30'),
      (8, 2, '2016-01-01', NULL),
      (2, 3, '2013-01-01', NULL),
      (5, 10, '2022-01-01', NULL),
      (10, 7, '2018-07-01', NULL),
      (11, 8, '2019-07-01', NULL);

    INSERT INTO party_member (id, name, gender, birth_date, phone, id_number, address, organization_id, employed_since, stage,
        applied_on, activist_on, candidate_on, probationary_on, full_on,
        relation_holder, party_organization_id, ledger, ledger_area_id, ledger_since, transferred_on, identity_revealed, revealed_on) VALUES
      (1, '张三丰', 'M', '1990-01-01', '13812341234', '370102199001010011', '解放路1号', 1, '2019-03-15', 'FULL',
        '2010-01-01', '2010-06-01', '2011-01-01', '2011-06-01', '2012-06-01',
        'PARTY_ORGANIZATION', 3, 'TALENT_CENTER', 2, '2018-01-01', '2020-03-01', true, '2020-04-01'),
      (2, '李思远', 'F', '1985-05-05', '13900005678', '370102198505050022', '经七路100号', 1, '2019-03-15', 'FULL',
        '2012-02-02', '2012-06-01', '2013-01-01', '2013-06-01', '2014-06-01',
        'PARTY_ORGANIZATION', 3, NULL, NULL, NULL, NULL, false, NULL),
      (3, '王五常', 'M', '1992-03-03', NULL, '370103199203030033', NULL, 2, '2016-01-01', 'PROBATIONARY',
        '2020-01-01', '2020-06-01', '2021-01-01', '2025-06-01', NULL,
        'PARTY_ORGANIZATION', 8, 'COMMUNITY', 100, '2019-01-01', '2023-05-05', true, '2023-06-01'),
      (4, '赵六合', 'F', '1994-04-04', '13611112222', '370102199404040044', NULL, 4, '2016-01-01', 'FULL',
        '2010-05-05', '2010-09-01', '2011-03-01', '2011-09-01', '2012-09-01',
        'TALENT_CENTER', NULL, 'TALENT_CENTER', 2, '2021-01-01', NULL, false, NULL),
      (5, '钱七巧', 'M', '1995-05-05', '13522223333', '370103199505050055', '经十路55号', 5, '2018-01-01', 'FULL',
        '2011-01-01', '2011-06-01', '2012-01-01', '2012-06-01', '2013-06-01',
        'PERSONNEL_AGENCY', NULL, 'PERSONNEL_AGENCY', NULL, '2022-01-01', NULL, false, NULL),
      (6, '孙八方', 'F', '1996-06-06', NULL, '370102199606060066', NULL, 3, '2012-01-01', 'FULL',
        '2012-06-06', '2012-09-01', '2013-03-01', '2013-09-01', '2014-09-01',
        'COMMUNITY', NULL, 'COMMUNITY', 100, '2020-02-02', NULL, true, '2021-01-01'),
      (7, '周九思', 'M', '1997-07-07', NULL, '370102199707070077', NULL, 6, '2020-01-01', 'ACTIVIST',
        '2024-01-01', '2024-06-01', NULL, NULL, NULL,
        'NONE', NULL, NULL, NULL, NULL, NULL, false, NULL),
      (8, '吴十安', 'F', '1998-08-08', NULL, '370102199808080088', NULL, 6, '2020-01-01', 'APPLICANT',
        '2025-01-01', NULL, NULL, NULL, NULL,
        'NONE', NULL, NULL, NULL, NULL, NULL, false, NULL),
      (9, '郑一鸣', 'M', '1999-09-09', NULL, '37010219990909009X', NULL, 1, '2019-03-15', 'CANDIDATE',
        '2023-01-01', '2023-06-01', '2024-01-01', NULL, NULL,
        'NONE', NULL, NULL, NULL, NULL, NULL, false, NULL),
      (10, '欧阳娜娜', 'F', '2000-10-10', '13700002222', '370102200010100101', NULL, 3, '2012-01-01', 'FULL',
        '2010-01-01', '2010-06-01', '2011-01-01', '2011-06-01', '2012-06-01',
        'PARTY_ORGANIZATION', 2, 'PERSONNEL_AGENCY', NULL, '2015-01-01', '2016-01-01', false, NULL),
      (11, '冯二宝', 'M', '1988-11-11', '13433334444', '370103198811110111', '桥西路11号', 7, '2017-01-01', 'FULL',
        '2009-01-01', '2009-06-01', '2010-01-01', '2010-06-01', '2011-06-01',
        'PARTY_ORGANIZATION', 10, NULL, NULL, NULL, NULL, true, '2024-02-02'),
      (12, '陈三省', 'F', '1987-12-12', '13344445555', '370102198712120122', '佛山路12号', 8, '2018-05-01', 'FULL',
        '2008-01-01', '2008-06-01', '2009-01-01', '2009-06-01', '2010-06-01',
        'PARTY_ORGANIZATION', 11, 'TALENT_CENTER', 2, '2017-01-01', '2019-08-01', false, NULL),
      (13, '褚四维', 'M', '1986-01-13', '13255556666', '370103198601130133', '经开路13号', 9, '2011-01-01', 'FULL',
        '2007-01-01', '2007-06-01', '2008-01-01', '2008-06-01', '2009-06-01',
        'COMMUNITY', NULL, 'COMMUNITY', 120, '2024-01-01', NULL, false, NULL),
      (14, '卫五福', 'F', '1989-02-14', '13166667777', '370102198902140144', '解放路14号', 10, '2021-01-01', 'FULL',
        '2015-01-01', '2015-06-01', '2016-01-01', '2016-06-01', '2017-06-01',
        'PARTY_ORGANIZATION', 5, NULL, NULL, NULL, NULL, true, '2023-03-03');
    UPDATE party_organization SET secretary_member_id = 1 WHERE id = 3;
    UPDATE party_organization SET secretary_member_id = 3 WHERE id = 8;
    UPDATE party_organization SET secretary_member_id = 12 WHERE id = 11;

    INSERT INTO instructor (id, name, phone, pool_area_id, employer, joined_pool_on, left_pool_on) VALUES
      (1, '王指导', '13900001111', 2, '历下区委组织部', '2020-01-01', NULL),
      (2, '李指导', NULL, 1, '市委组织部', '2019-05-01', '2024-12-31'),
      (3, '赵指导', '13700003333', 3, '市中区人社局', '2021-03-01', NULL),
      (4, '韩指导', '13600004444', 3, '人社服务中心', '2022-03-01', NULL);

    INSERT INTO liaison_point (id, kind, organization_id, committee_id, member_unit_id, work_group_member_id, instructor_id, since, until) VALUES
      (1, 'DIRECT', 1, 2, NULL, NULL, NULL, '2022-01-01', NULL),
      (2, 'MEMBER_UNIT', 5, NULL, 1, NULL, NULL, '2023-01-01', NULL),
      (3, 'WORK_GROUP', 4, NULL, NULL, 1, NULL, '2021-06-01', NULL),
      (4, 'WORK_GROUP', 5, NULL, NULL, 3, NULL, '2021-06-01', '2023-12-31'),
      (5, 'INSTRUCTOR', 4, NULL, NULL, NULL, 1, '2022-03-01', NULL),
      (6, 'INSTRUCTOR', 3, NULL, NULL, NULL, 1, '2021-01-01', '2022-12-31'),
      (7, 'INSTRUCTOR', 5, NULL, NULL, NULL, 3, '2023-02-01', NULL),
      (8, 'INSTRUCTOR', 6, NULL, NULL, NULL, 1, '2023-03-01', NULL),
      (9, 'INSTRUCTOR', 4, NULL, NULL, NULL, 4, '2024-01-01', NULL),
      (10, 'WORK_GROUP', 8, NULL, NULL, 2, NULL, '2022-01-01', NULL),
      (11, 'DIRECT', 9, 3, NULL, NULL, NULL, '2022-01-01', NULL),
      (12, 'MEMBER_UNIT', 7, NULL, 3, NULL, NULL, '2023-01-01', NULL),
      (13, 'DIRECT', 8, 2, NULL, NULL, NULL, '2024-01-01', NULL);

    INSERT INTO visit (id, liaison_point_id, organization_id, visited_on, visitor, owner_intention, members_intention, problems, help_given) VALUES
      (1, 3, 4, '2025-09-01', '访客甲', 'WILLING', 'UNDECIDED', '缺少活动场地甲', '协调党群服务中心甲'),
      (2, 3, 4, '2025-10-15', '访客乙', 'WILLING', 'WILLING', NULL, NULL),
      (3, 2, 5, '2025-09-01', '访客丙', 'UNDECIDED', NULL, '党员人数不足丙', NULL),
      (4, 5, 4, '2025-11-01', '访客丁', NULL, 'WILLING', NULL, '讲解转接流程丁'),
      (5, 7, 5, '2025-10-15', '访客戊', 'UNWILLING', NULL, '经费紧张戊', NULL),
      (6, 1, 1, '2024-05-20', '访客己', 'WILLING', NULL, NULL, NULL),
      (7, 10, 8, '2025-10-01', '访客庚', 'WILLING', NULL, '场地紧张庚', NULL),
      (8, 11, 9, '2025-11-10', '访客辛', 'UNDECIDED', NULL, '人员流动辛', '走访指导辛');

    INSERT INTO activity (id, party_organization_id, kind, title, held_on, participants) VALUES
      (1, 3, 'RED_COLLAR_SALON', '红领沙龙甲', '2025-10-01', 25),
      (2, 3, 'TRAINING', '党务培训乙', '2025-10-01', 12),
      (3, 4, 'LECTURE', '红色大讲堂丙', '2025-06-15', 80),
      (4, 2, 'REGULAR_MEETING', '三会一课丁', '2025-11-20', 40),
      (5, 8, 'THEMED_PARTY_DAY', '主题党日戊', '2025-07-01', 15),
      (6, 6, 'VOLUNTEER_SERVICE', '志愿服务己', '2023-03-05', 30),
      (7, 9, 'TRAINING', '街道培训庚', '2025-09-09', 20),
      (8, 10, 'LECTURE', '物流讲堂辛', '2025-09-10', 18),
      (9, 1, 'REGULAR_MEETING', '区委例会壬', '2025-08-08', 22);

    INSERT INTO fund_entry (id, fund, entry, area_id, party_organization_id, year, amount_fen, entered_on, note) VALUES
      (1, 'STARTUP', 'ENTITLED', 10, 3, 2019, 200000, '2019-08-01', NULL),
      (2, 'STARTUP', 'ALLOCATED', 10, 3, 2019, 200000, '2019-09-01', NULL),
      (3, 'STARTUP', 'DISBURSED', 10, 3, 2020, 150000, '2020-01-15', '购置设备甲'),
      (4, 'WORKING', 'ENTITLED', 2, NULL, 2025, 60000, '2025-01-10', '区级经费乙'),
      (5, 'WORKING', 'ALLOCATED', 12, 8, 2025, 30000, '2025-03-01', NULL),
      (6, 'STARTUP', 'ENTITLED', 12, 8, 2016, 200000, '2016-07-01', NULL),
      (7, 'WORKING', 'ENTITLED', 3, NULL, 2025, 30000000000, '2025-02-01', '年度工作经费丙'),
      (8, 'WORKING', 'ENTITLED', 11, NULL, 2025, 45000, '2025-02-02', '街道经费丁'),
      (9, 'WORKING', 'ALLOCATED', 10, NULL, 2025, 70000, '2025-04-04', '拨付经费戊'),
      (10, 'WORKING', 'ENTITLED', 13, NULL, 2025, 12345, '2025-05-05', '桥西经费己');
    INSERT INTO fund_budget (year, area_id, amount_fen) VALUES
      (2019, 1, 500000000),
      (2025, 1, 1000000000);

    -- Audit trails of nodes in every area (as an administrator's changes would leave them).
    INSERT INTO audit_log (actor, operation, node_type, node_id, before, after) VALUES
      ('account:test-admin', 'updateOrganization', 'Organization', 1, '{"name": "济南示例软件有限公司", "employees": 110}', '{"name": "济南示例软件有限公司", "employees": 120}'),
      ('account:test-admin', 'updateOrganization', 'Organization', 3, '{"name": "济南示例商贸有限公司", "employees": 50}', '{"name": "济南示例商贸有限公司", "employees": 60}'),
      ('account:test-admin', 'updateOrganization', 'Organization', 2, '{"name": "济南示例行业协会", "employees": 7}', '{"name": "济南示例行业协会", "employees": 8}'),
      ('account:test-admin', 'updateOrganization', 'Organization', 7, '{"name": "桥西示例物流有限公司", "employees": 30}', '{"name": "桥西示例物流有限公司", "employees": 40}'),
      ('account:test-admin', 'updatePartyMember', 'PartyMember', 3, '{"name": "[redacted]", "stage": "CANDIDATE"}', '{"name": "[redacted]", "stage": "PROBATIONARY"}'),
      ('account:test-admin', 'updatePartyMember', 'PartyMember', 13, '{"name": "[redacted]", "stage": "PROBATIONARY"}', '{"name": "[redacted]", "stage": "FULL"}');
    `,
  );
}
