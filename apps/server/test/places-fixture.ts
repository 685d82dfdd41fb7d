import { makeCreditCode } from '@liangxin/domain';
import { sql } from './helpers.js';

/**
 * Places and committees of a small, hand-made Jinan, where every list answer is known by
 * construction (the tests of areas, parks, buildings, business districts, working committees,
 * member units, work-group members and search read it). All names are fictitious.
 *
 *   济南市 370100 (1) ── 历下区 370102 (2) ── 解放路街道 370102001 (10) ── 解放路第一社区 (100)
 *                    │                   └─ 千佛山街道 370102002 (11)
 *                    ├─ 市中区 370103 (3) ── 大观园街道 370103001 (12)
 *                    │                   └─ 杆石桥街道 370103002 (13)
 *                    └─ 槐荫区 370104 (4)   (no streets, no committee)
 */
export const PLACE_CODES = {
  software: makeCreditCode({ authorityChar: '9', categoryChar: '1', divisionCode: '370102', organizationBody: 'MA3C4D5E' }),
  association: makeCreditCode({ authorityChar: '5', categoryChar: '1', divisionCode: '370103', organizationBody: 'MJD00001' }),
  finance: makeCreditCode({ authorityChar: '9', categoryChar: '1', divisionCode: '370102', organizationBody: 'MA3C4D6F' }),
  closed: makeCreditCode({ authorityChar: '9', categoryChar: '1', divisionCode: '370102', organizationBody: 'MA3C4D7G' }),
  foundation: makeCreditCode({ authorityChar: '5', categoryChar: '3', divisionCode: '370102', organizationBody: 'MJD00002' }),
  youth: makeCreditCode({ authorityChar: '5', categoryChar: '1', divisionCode: '370102', organizationBody: 'MJD00003' }),
} as const;

/** Building ids in ascending annual tax, ties broken by id (what ANNUAL_TAX ASC must give). */
export const BUILDINGS_BY_TAX = [5, 6, 7, 8, 9, 10, 3, 4, 2, 1] as const;

export async function insertPlacesFixture(url: string): Promise<void> {
  const c = PLACE_CODES;
  await sql(
    url,
    `
    INSERT INTO area (id, code, name, level, parent_id, path) VALUES
      (1, '370100', '济南市', 'CITY', NULL, '{1}'),
      (2, '370102', '历下区', 'DISTRICT', 1, '{1,2}'),
      (3, '370103', '市中区', 'DISTRICT', 1, '{1,3}'),
      (4, '370104', '槐荫区', 'DISTRICT', 1, '{1,4}'),
      (10, '370102001', '解放路街道', 'STREET', 2, '{1,2,10}'),
      (11, '370102002', '千佛山街道', 'STREET', 2, '{1,2,11}'),
      (12, '370103001', '大观园街道', 'STREET', 3, '{1,3,12}'),
      (13, '370103002', '杆石桥街道', 'STREET', 3, '{1,3,13}'),
      (100, '370102001001', '解放路第一社区', 'COMMUNITY', 10, '{1,2,10,100}');

    INSERT INTO working_committee (id, name, level, area_id, established_on) VALUES
      (1, '中共济南市两新组织工作委员会', 'CITY', 1, '2017-05-01'),
      (2, '中共历下区两新组织工作委员会', 'DISTRICT', 2, '2018-03-01'),
      (3, '中共市中区两新组织工作委员会', 'DISTRICT', 3, '2019-07-01');
    INSERT INTO member_unit (id, committee_id, name, domain, joined_on) VALUES
      (1, 1, '市委宣传部', 'PROPAGANDA', '2017-05-01'),
      (2, 1, '市民政局', 'CIVIL_AFFAIRS', '2017-05-01'),
      (3, 1, '市工商联', 'INDUSTRY_AND_COMMERCE', '2018-01-15'),
      (4, 2, '历下区委统战部', 'UNITED_FRONT', '2018-03-01'),
      (5, 2, '历下区民政局', 'CIVIL_AFFAIRS', '2018-03-01'),
      (6, 3, '市中区教育局', 'EDUCATION', '2019-07-01');

    INSERT INTO park (id, name, level, area_id, established_on) VALUES
      (1, '济南高新技术产业开发区', 'NATIONAL', 2, '1991-03-06'),
      (2, '市中经济开发区', 'PROVINCIAL', 3, '2006-04-01'),
      (3, '槐荫工业园', 'MUNICIPAL', 4, '2012-09-01'),
      (4, '千佛山科创园', 'MUNICIPAL', 11, '2018-06-01');

    -- Tax: 1 and 2 are 亿元楼宇 (2 exactly at the line), 3 and 4 tie, 6–10 tie.
    INSERT INTO building (id, name, street_id, park_id, address, floors, annual_tax_fen, opened_on) VALUES
      (1, '齐鲁软件大厦', 10, 1, '舜华路1号', 28, 12000000000, '2008-09-01'),
      (2, '泉城金融中心', 10, NULL, '泉城路2号', 40, 10000000000, '2015-01-01'),
      (3, '千佛山大厦', 11, 4, '千佛山路3号', 12, 500000000, '2010-05-01'),
      (4, '大观园商厦', 12, 2, NULL, NULL, 500000000, '2001-10-01'),
      (5, '杆石桥写字楼', 13, NULL, '杆石桥4号', 6, 0, '2019-03-01'),
      (6, '解放路一号楼', 10, NULL, NULL, 5, 100000000, '2020-01-01'),
      (7, '解放路二号楼', 10, NULL, NULL, 6, 100000000, '2020-01-02'),
      (8, '解放路三号楼', 10, NULL, NULL, 7, 100000000, '2020-01-03'),
      (9, '解放路四号楼', 10, NULL, NULL, 8, 100000000, '2020-01-04'),
      (10, '解放路五号楼', 10, NULL, NULL, 9, 100000000, '2020-01-05');

    INSERT INTO business_district (id, name, kind, street_id, opened_on) VALUES
      (1, '泉城路商圈', 'BUSINESS_DISTRICT', 10, '1999-01-01'),
      (2, '芙蓉街市场', 'MARKET', 10, '2005-05-01'),
      (3, '大观园商圈', 'BUSINESS_DISTRICT', 12, '1990-01-01'),
      (4, '八里桥市场', 'MARKET', 13, '2010-08-01');

    INSERT INTO organization (id, credit_code, name, category, industry, employees, registered_on, deregistered_on, status,
                              street_id, park_id, building_id, business_district_id, supervisory_unit_id, source) VALUES
      (1, '${c.software}', '济南示例软件有限公司', 'NON_PUBLIC_ECONOMIC', 'I', 120, '2019-03-15', NULL, 'ACTIVE', 10, 1, 1, NULL, NULL, 'GENERATED'),
      (2, '${c.association}', '济南示例行业协会', 'SOCIAL', 'S', 8, '2015-06-30', NULL, 'ACTIVE', 12, NULL, NULL, NULL, 2, 'GENERATED'),
      (3, '${c.finance}', '济南泉城金融服务有限公司', 'NON_PUBLIC_ECONOMIC', 'J', 45, '2016-02-01', NULL, 'ACTIVE', 10, NULL, 2, 1, NULL, 'GENERATED'),
      (4, '${c.closed}', '济南注销商贸有限公司', 'NON_PUBLIC_ECONOMIC', 'F', 3, '2012-02-01', '2020-02-01', 'DEREGISTERED', 10, 1, 1, NULL, NULL, 'GENERATED'),
      (5, '${c.foundation}', '历下区慈善基金会', 'SOCIAL', 'S', 5, '2018-08-08', NULL, 'ACTIVE', 11, NULL, NULL, NULL, 5, 'GENERATED'),
      (6, '${c.youth}', '历下区青年创业协会', 'SOCIAL', 'S', 6, '2020-08-08', NULL, 'ACTIVE', 11, NULL, 3, NULL, 5, 'GENERATED');

    -- Party organizations on containers and streets; 4 and 6 are dissolved.
    INSERT INTO party_organization (id, name, kind, formation, anchor, area_id, park_id, building_id, business_district_id, established_on, dissolved_on) VALUES
      (1, '齐鲁软件大厦联合党支部', 'BRANCH', 'JOINT', 'BUILDING', 10, NULL, 1, NULL, '2019-07-01', NULL),
      (2, '济南高新区两新组织党委', 'COMMITTEE', 'JOINT', 'PARK', 2, 1, NULL, NULL, '2010-07-01', NULL),
      (3, '解放路街道综合党委', 'COMMITTEE', 'JOINT', 'STREET', 10, NULL, NULL, NULL, '2018-07-01', NULL),
      (4, '千佛山街道综合党委', 'COMMITTEE', 'JOINT', 'STREET', 11, NULL, NULL, NULL, '2018-07-01', '2025-01-01'),
      (5, '泉城路商圈党委', 'COMMITTEE', 'JOINT', 'BUSINESS_DISTRICT', 10, NULL, NULL, 1, '2017-07-01', NULL),
      (6, '大观园商厦党支部', 'BRANCH', 'JOINT', 'BUILDING', 12, NULL, 4, NULL, '2015-07-01', '2024-01-01');
    INSERT INTO party_organization_coverage (party_organization_id, organization_id, since) VALUES (1, 1, '2019-07-01');

    INSERT INTO work_group_member (id, street_id, name, phone, title, joined_on, left_on) VALUES
      (1, 10, '张晓明', '0531-86000001', '组长', '2021-01-01', NULL),
      (2, 10, '李建国', '0531-86000002', NULL, '2021-01-01', '2025-06-30'),
      (3, 11, '王丽', '0531-86000003', '副组长', '2022-03-01', NULL),
      (4, 12, '赵强', '0531-86000004', NULL, '2023-05-01', NULL);

    INSERT INTO liaison_point (id, kind, organization_id, member_unit_id, work_group_member_id, since) VALUES
      (1, 'MEMBER_UNIT', 1, 1, NULL, '2024-01-01'),
      (2, 'WORK_GROUP', 1, NULL, 1, '2024-01-01');
    `,
  );
}
