import { makeCreditCode } from '@liangxin/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing.js';

/**
 * The database refuses what the model forbids, whoever writes. A small valid graph is built
 * once; each case then tries one forbidden write inside a savepoint and expects PostgreSQL's
 * refusal (SQLSTATE) and an unchanged table.
 */

const CHECK = '23514';
const UNIQUE = '23505';
const FOREIGN_KEY = '23503';
const NOT_NULL = '23502';

const code = (body: string, authority = '9', category = '1', division = '370102') =>
  makeCreditCode({ authorityChar: authority, categoryChar: category, divisionCode: division, organizationBody: body });

const ORG_CODE = code('MA3C0001');
const SOCIAL_CODE = code('50000001', '5', '1');

const FIXTURE = `
INSERT INTO area (id, code, name, level, parent_id, path) VALUES
  (1, '370100', '济南市', 'CITY', NULL, '{1}'),
  (2, '370102', '历下区', 'DISTRICT', 1, '{1,2}'),
  (3, '370102001', '示例街道', 'STREET', 2, '{1,2,3}'),
  (4, '370102001001', '示例社区', 'COMMUNITY', 3, '{1,2,3,4}');
INSERT INTO working_committee (id, name, level, area_id, established_on) VALUES
  (1, '济南市两新工委', 'CITY', 1, '2018-01-01');
INSERT INTO member_unit (id, committee_id, name, domain, joined_on) VALUES (1, 1, '市委宣传部', 'PROPAGANDA', '2018-01-01');
INSERT INTO park (id, name, level, area_id, established_on) VALUES (1, '示例高新区', 'NATIONAL', 2, '2000-01-01');
INSERT INTO building (id, name, street_id, park_id, annual_tax_fen, opened_on) VALUES (1, '示例大厦', 3, 1, 20000000000, '2010-01-01');
INSERT INTO business_district (id, name, kind, street_id, opened_on) VALUES (1, '示例商圈', 'BUSINESS_DISTRICT', 3, '2005-01-01');
INSERT INTO organization (id, credit_code, name, category, industry, employees, registered_on, street_id, building_id)
  VALUES (1, '${ORG_CODE}', '示例科技有限公司', 'NON_PUBLIC_ECONOMIC', 'I', 120, '2015-03-01', 3, 1);
INSERT INTO party_organization (id, name, kind, formation, anchor, area_id, organization_id, established_on)
  VALUES (1, '示例科技有限公司党支部', 'BRANCH', 'STANDALONE', 'ORGANIZATION', 3, 1, '2019-07-01'),
         (2, '示例街道综合党委', 'COMMITTEE', 'JOINT', 'STREET', 3, NULL, '2018-01-01');
UPDATE party_organization SET parent_id = 2 WHERE id = 1;
INSERT INTO party_member (id, name, gender, birth_date, id_number, organization_id, employed_since, stage, applied_on,
    activist_on, candidate_on, probationary_on, full_on, relation_holder, party_organization_id, ledger, ledger_area_id,
    ledger_since, transferred_on)
  VALUES (1, '张示例', 'M', '1985-05-05', '370102198505050011', 1, '2016-01-01', 'FULL', '2005-01-01', '2005-06-01',
    '2006-01-01', '2006-07-01', '2007-07-01', 'PARTY_ORGANIZATION', 1, 'TALENT_CENTER', 2, '2010-01-01', '2019-08-01');
INSERT INTO instructor (id, name, pool_area_id, joined_pool_on) VALUES (1, '李指导', 2, '2019-01-01');
INSERT INTO work_group_member (id, street_id, name, phone, joined_on) VALUES (1, 3, '王专包', '053188880000', '2020-01-01');
INSERT INTO liaison_point (id, kind, organization_id, work_group_member_id, since) VALUES (1, 'WORK_GROUP', 1, 1, '2020-01-01');
`;

interface Case {
  name: string;
  sql: string;
  code: string;
  table: string;
}

const CASES: Case[] = [
  // credit codes (GB 32100-2015)
  { name: 'a credit code with a wrong check character at 18', table: 'organization', code: CHECK,
    sql: `INSERT INTO organization (credit_code, name, category, industry, employees, registered_on, street_id)
          VALUES ('${ORG_CODE.slice(0, 17)}${ORG_CODE[17] === '0' ? '1' : '0'}', 'x', 'NON_PUBLIC_ECONOMIC', 'I', 1, '2020-01-01', 3)` },
  { name: 'a credit code with a wrong organization-code check at 17', table: 'organization', code: CHECK,
    sql: `INSERT INTO organization (credit_code, name, category, industry, employees, registered_on, street_id)
          VALUES ('${ORG_CODE.slice(0, 16)}${ORG_CODE[16] === '0' ? '1' : '0'}${ORG_CODE[17]}', 'x', 'NON_PUBLIC_ECONOMIC', 'I', 1, '2020-01-01', 3)` },
  { name: 'a credit code with a letter never used (O)', table: 'organization', code: CHECK,
    sql: `INSERT INTO organization (credit_code, name, category, industry, employees, registered_on, street_id)
          VALUES ('91370102MA3C0O01XX', 'x', 'NON_PUBLIC_ECONOMIC', 'I', 1, '2020-01-01', 3)` },
  { name: 'a credit code of 17 characters', table: 'organization', code: CHECK,
    sql: `INSERT INTO organization (credit_code, name, category, industry, employees, registered_on, street_id)
          VALUES ('${ORG_CODE.slice(0, 17)}', 'x', 'NON_PUBLIC_ECONOMIC', 'I', 1, '2020-01-01', 3)` },
  { name: 'a duplicate credit code', table: 'organization', code: UNIQUE,
    sql: `INSERT INTO organization (credit_code, name, category, industry, employees, registered_on, street_id)
          VALUES ('${ORG_CODE}', 'x', 'NON_PUBLIC_ECONOMIC', 'I', 1, '2020-01-01', 3)` },
  { name: 'a civil-affairs (5x) code filed as non-public economic', table: 'organization', code: CHECK,
    sql: `INSERT INTO organization (credit_code, name, category, industry, employees, registered_on, street_id)
          VALUES ('${SOCIAL_CODE}', 'x', 'NON_PUBLIC_ECONOMIC', 'S', 1, '2020-01-01', 3)` },
  // organizations
  { name: 'negative employees', table: 'organization', code: CHECK,
    sql: `UPDATE organization SET employees = -1 WHERE id = 1` },
  { name: 'deregistered before registered', table: 'organization', code: CHECK,
    sql: `UPDATE organization SET deregistered_on = '2010-01-01', status = 'DEREGISTERED' WHERE id = 1` },
  { name: 'deregistered without a date', table: 'organization', code: CHECK,
    sql: `UPDATE organization SET status = 'DEREGISTERED' WHERE id = 1` },
  { name: 'an organization in a street that does not exist', table: 'organization', code: FOREIGN_KEY,
    sql: `UPDATE organization SET street_id = 999 WHERE id = 1` },
  { name: 'an unknown industry', table: 'organization', code: CHECK,
    sql: `UPDATE organization SET industry = 'Z' WHERE id = 1` },
  { name: 'an unknown category', table: 'organization', code: CHECK,
    sql: `UPDATE organization SET category = 'STATE_OWNED' WHERE id = 1` },
  // areas and containers
  { name: 'a city with a parent', table: 'area', code: CHECK,
    sql: `INSERT INTO area (id, code, name, level, parent_id, path) VALUES (9, '370200', 'x', 'CITY', 1, '{1,9}')` },
  { name: 'a district without a parent', table: 'area', code: CHECK,
    sql: `INSERT INTO area (id, code, name, level, parent_id, path) VALUES (9, '370199', 'x', 'DISTRICT', NULL, '{9}')` },
  { name: 'a malformed division code', table: 'area', code: CHECK,
    sql: `INSERT INTO area (id, code, name, level, parent_id, path) VALUES (9, '37A102', 'x', 'DISTRICT', 1, '{1,9}')` },
  { name: 'negative building tax', table: 'building', code: CHECK,
    sql: `UPDATE building SET annual_tax_fen = -1 WHERE id = 1` },
  { name: 'an unknown park level', table: 'park', code: CHECK,
    sql: `UPDATE park SET level = 'COUNTY' WHERE id = 1` },
  // Party organizations
  { name: 'a Party organization as its own parent', table: 'party_organization', code: CHECK,
    sql: `UPDATE party_organization SET parent_id = 1 WHERE id = 1` },
  { name: 'a Party organization as its own ancestor (cycle of two)', table: 'party_organization', code: CHECK,
    sql: `UPDATE party_organization SET parent_id = 1 WHERE id = 2` },
  { name: 'dissolved before established', table: 'party_organization', code: CHECK,
    sql: `UPDATE party_organization SET dissolved_on = '2019-01-01' WHERE id = 1` },
  { name: 'a standalone Party organization anchored on a building', table: 'party_organization', code: CHECK,
    sql: `INSERT INTO party_organization (name, kind, formation, anchor, area_id, building_id, established_on)
          VALUES ('x', 'BRANCH', 'STANDALONE', 'BUILDING', 3, 1, '2020-01-01')` },
  { name: 'an organization-anchored Party organization without its organization', table: 'party_organization', code: CHECK,
    sql: `INSERT INTO party_organization (name, kind, formation, anchor, area_id, established_on)
          VALUES ('x', 'BRANCH', 'STANDALONE', 'ORGANIZATION', 3, '2020-01-01')` },
  { name: 'coverage that ends before it starts', table: 'party_organization_coverage', code: CHECK,
    sql: `INSERT INTO party_organization_coverage VALUES (1, 1, '2020-01-01', '2019-01-01')` },
  // members
  { name: 'a full member without a date of full membership', table: 'party_member', code: CHECK,
    sql: `UPDATE party_member SET full_on = NULL WHERE id = 1` },
  { name: 'an applicant whose relation is held somewhere', table: 'party_member', code: CHECK,
    sql: `UPDATE party_member SET stage = 'APPLICANT', activist_on = NULL, candidate_on = NULL, probationary_on = NULL, full_on = NULL WHERE id = 1` },
  { name: 'a transfer without a date', table: 'party_member', code: CHECK,
    sql: `UPDATE party_member SET transferred_on = NULL WHERE id = 1` },
  { name: 'a relation in a Party organization without naming it', table: 'party_member', code: CHECK,
    sql: `UPDATE party_member SET party_organization_id = NULL WHERE id = 1` },
  { name: 'stage dates out of order', table: 'party_member', code: CHECK,
    sql: `UPDATE party_member SET full_on = '2006-01-01' WHERE id = 1` },
  { name: 'a community ledger without its community', table: 'party_member', code: CHECK,
    sql: `UPDATE party_member SET ledger = 'COMMUNITY', ledger_area_id = NULL WHERE id = 1` },
  { name: 'a duplicate identity number', table: 'party_member', code: UNIQUE,
    sql: `INSERT INTO party_member (name, gender, birth_date, id_number, organization_id, employed_since, stage, applied_on, relation_holder)
          VALUES ('x', 'F', '1990-01-01', '370102198505050011', 1, '2020-01-01', 'APPLICANT', '2020-01-01', 'NONE')` },
  // liaison points and visits
  { name: 'a liaison point that ends before it starts', table: 'liaison_point', code: CHECK,
    sql: `UPDATE liaison_point SET until = '2019-01-01' WHERE id = 1` },
  { name: 'a work-group liaison point without its member', table: 'liaison_point', code: CHECK,
    sql: `INSERT INTO liaison_point (kind, organization_id, instructor_id, since) VALUES ('WORK_GROUP', 1, 1, '2020-01-01')` },
  { name: 'a visit on a liaison point of another organization', table: 'visit', code: FOREIGN_KEY,
    sql: `INSERT INTO visit (liaison_point_id, organization_id, visited_on, visitor) VALUES (1, 2, '2021-01-01', 'x')` },
  { name: 'a visit without a visitor', table: 'visit', code: NOT_NULL,
    sql: `INSERT INTO visit (liaison_point_id, organization_id, visited_on, visitor) VALUES (1, 1, '2021-01-01', NULL)` },
  // activities and funds
  { name: 'negative participants', table: 'activity', code: CHECK,
    sql: `INSERT INTO activity (party_organization_id, kind, title, held_on, participants) VALUES (1, 'TRAINING', 'x', '2021-01-01', -3)` },
  { name: 'an unknown activity kind', table: 'activity', code: CHECK,
    sql: `INSERT INTO activity (party_organization_id, kind, title, held_on, participants) VALUES (1, 'PARTY', 'x', '2021-01-01', 3)` },
  { name: 'a negative fund amount', table: 'fund_entry', code: CHECK,
    sql: `INSERT INTO fund_entry (fund, entry, area_id, year, amount_fen, entered_on) VALUES ('WORKING', 'ALLOCATED', 2, 2026, -100, '2026-03-01')` },
  { name: 'a startup fund without its Party organization', table: 'fund_entry', code: CHECK,
    sql: `INSERT INTO fund_entry (fund, entry, area_id, year, amount_fen, entered_on) VALUES ('STARTUP', 'ENTITLED', 2, 2026, 200000, '2026-03-01')` },
  { name: 'a second startup entitlement for one Party organization', table: 'fund_entry', code: UNIQUE,
    sql: `INSERT INTO fund_entry (fund, entry, area_id, party_organization_id, year, amount_fen, entered_on)
          VALUES ('STARTUP', 'ENTITLED', 2, 1, 2026, 200000, '2026-03-01'), ('STARTUP', 'ENTITLED', 2, 1, 2026, 200000, '2026-03-02')` },
];

describe('the database refuses what the model forbids', () => {
  let db: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase(inject('pgServerUrl'), inject('pgTemplate'));
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(FIXTURE);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('accepts the valid fixture', async () => {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM organization WHERE credit_code_is_valid(credit_code)`);
    expect(rows[0].n).toBe(1);
  });

  it.each(CASES)('refuses $name', async ({ sql, code: expected, table }) => {
    const snapshot = async () => (await client.query(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM ${table} t`)).rows[0].h;
    const before = await snapshot();
    await client.query('BEGIN');
    let error: { code?: string } | undefined;
    try {
      await client.query(sql);
    } catch (e) {
      error = e as { code?: string };
    }
    await client.query('ROLLBACK');
    expect(error?.code).toBe(expected);
    expect(await snapshot()).toBe(before);
  });

  it('allows at most 10 current direct liaison points per working committee', async () => {
    await client.query('BEGIN');
    try {
      for (let i = 0; i < 10; i++) {
        const orgCode = code(`MA3D${String(i).padStart(4, '0')}`);
        const { rows } = await client.query(
          `INSERT INTO organization (credit_code, name, category, industry, employees, registered_on, street_id)
           VALUES ($1, $2, 'NON_PUBLIC_ECONOMIC', 'C', 10, '2020-01-01', 3) RETURNING id`,
          [orgCode, `直联企业${i}`],
        );
        await client.query(`INSERT INTO liaison_point (kind, organization_id, committee_id, since) VALUES ('DIRECT', $1, 1, '2024-01-01')`, [rows[0].id]);
      }
      await expect(
        client.query(`INSERT INTO liaison_point (kind, organization_id, committee_id, since) VALUES ('DIRECT', 1, 1, '2024-01-01')`),
      ).rejects.toMatchObject({ code: CHECK });
    } finally {
      await client.query('ROLLBACK');
    }
  });
});

describe('dissolving a Party organization', () => {
  let db: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase(inject('pgServerUrl'), inject('pgTemplate'));
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(FIXTURE);
    await client.query(`INSERT INTO party_organization_coverage VALUES (1, 1, '2019-07-01', NULL)`);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('ends the coverage still open on the dissolution date, whoever writes', async () => {
    await client.query(`UPDATE party_organization SET dissolved_on = '2024-03-31' WHERE id = 1`);
    const { rows } = await client.query(`SELECT since::text, until::text FROM party_organization_coverage WHERE party_organization_id = 1`);
    expect(rows).toEqual([{ since: '2019-07-01', until: '2024-03-31' }]);
  });
});
