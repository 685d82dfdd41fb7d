import { identityNumberCheckChar, makeCreditCode } from '@liangxin/domain';
import { sql } from '../../../test/helpers.js';

/**
 * Beyond test/party-fixture.ts, for the tests of the Party organization and Party member
 * mutations: organizations whose full members are known, so the Party Constitution's threshold
 * and the kind-for-size rule can be tested on both sides.
 *
 *   org 11 (street 10, building 1, park 1; registered 2018): 5 full members since 2020
 *   org 12 (street 10, building 1, park 1; registered 2021): 3 full members, employed 2021-02-01
 *   org 13 (street 10; registered 2017): 2 full members
 *   org 14 (street 10; deregistered 2020-01-01)
 *   org 15 (street 11; registered 2016): 1 full member
 */
export async function insertMutationFixture(url: string): Promise<void> {
  const code = (body: string) => makeCreditCode({ authorityChar: '9', categoryChar: '1', divisionCode: '370102', organizationBody: body });
  await sql(
    url,
    `INSERT INTO organization (id, credit_code, name, category, industry, employees, registered_on, deregistered_on, status, street_id, park_id, building_id, source) VALUES
       (11, '${code('MA7M0011')}', '济南示例七号科技有限公司', 'NON_PUBLIC_ECONOMIC', 'I', 80, '2018-01-01', NULL, 'ACTIVE', 10, 1, 1, 'GENERATED'),
       (12, '${code('MA7M0012')}', '济南示例新设软件有限公司', 'NON_PUBLIC_ECONOMIC', 'I', 40, '2021-01-01', NULL, 'ACTIVE', 10, 1, 1, 'GENERATED'),
       (13, '${code('MA7M0013')}', '济南示例小微商贸有限公司', 'NON_PUBLIC_ECONOMIC', 'F', 15, '2017-01-01', NULL, 'ACTIVE', 10, NULL, NULL, 'GENERATED'),
       (14, '${code('MA7M0014')}', '已注销示例餐饮有限公司', 'NON_PUBLIC_ECONOMIC', 'H', 5, '2010-01-01', '2020-01-01', 'DEREGISTERED', 10, NULL, NULL, 'GENERATED'),
       (15, '${code('MA7M0015')}', '千佛山示例咨询有限公司', 'NON_PUBLIC_ECONOMIC', 'L', 9, '2016-01-01', NULL, 'ACTIVE', 11, NULL, NULL, 'GENERATED');`,
  );
  const members: [number, number, string][] = [
    [101, 11, '2019-01-01'],
    [102, 11, '2019-01-01'],
    [103, 11, '2019-01-01'],
    [104, 11, '2019-01-01'],
    [105, 11, '2019-01-01'],
    [106, 12, '2021-02-01'],
    [107, 12, '2021-02-01'],
    [108, 12, '2021-02-01'],
    [109, 13, '2017-06-01'],
    [110, 13, '2017-06-01'],
    [111, 15, '2016-06-01'],
  ];
  const values = members.map(([id, organization, employed]) => {
    const idNumber = identityNumber('19850101', id);
    return `(${id}, '测试党员${id}', 'M', '1985-01-01', '${idNumber}', ${organization}, '${employed}', 'FULL',
             '2010-01-01', '2010-06-01', '2011-01-01', '2011-06-01', '2012-06-01', 'COMMUNITY', 'COMMUNITY', 100, '2015-01-01')`;
  });
  await sql(
    url,
    `INSERT INTO party_member (id, name, gender, birth_date, id_number, organization_id, employed_since, stage,
        applied_on, activist_on, candidate_on, probationary_on, full_on, relation_holder, ledger, ledger_area_id, ledger_since)
     VALUES ${values.join(',\n')};
     UPDATE party_member SET full_on = '2020-06-01' WHERE id BETWEEN 101 AND 105;`,
  );
}

/** A valid (fictitious) resident identity number: Jinan 历下区, the birth date, a sequence, its check character. */
export function identityNumber(birth: string, sequence: number): string {
  const first17 = `370102${birth}${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + identityNumberCheckChar(first17);
}
