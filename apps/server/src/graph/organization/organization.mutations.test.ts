import { addDays, makeCreditCode, todayInShanghai } from '@liangxin/domain';
import { describe, expect, it } from 'vitest';
import { CODES, insertJinanFixture, sql } from '../../../test/helpers.js';
import { useMutationTestApp } from '../../../test/mutation-app.js';
import { globalId as gid, rowId } from '../../../test/pagination.js';
import { assertRefusal } from '../../../test/refusals.js';
import { snapshotDatabase } from '../../../test/snapshot.js';

/** A fresh, valid enterprise code for each call (body counts up), registered in 历下区. */
let serial = 0;
function freshCode(authorityChar = '9', categoryChar = '1', divisionCode = '370102'): string {
  serial += 1;
  return makeCreditCode({ authorityChar, categoryChar, divisionCode, organizationBody: `MA${String(serial).padStart(6, '0')}` });
}

const DEREGISTERED_CODE = makeCreditCode({ authorityChar: '9', categoryChar: '1', divisionCode: '370103', organizationBody: 'MA9DEREG' });

const { db, app } = useMutationTestApp(async (url) => {
  await insertJinanFixture(url);
  // Beyond the Jinan fixture: a second park and building and district elsewhere, a member unit,
  // and a deregistered organization.
  await sql(
    url,
    `INSERT INTO park (id, name, level, area_id, established_on) VALUES (2, '市中经济开发区', 'PROVINCIAL', 3, '2006-04-01');
     INSERT INTO building (id, name, street_id, park_id, opened_on) VALUES (2, '千佛山大厦', 11, NULL, '2010-05-01');
     INSERT INTO business_district (id, name, kind, street_id, opened_on) VALUES (2, '大观园商圈', 'BUSINESS_DISTRICT', 12, '1990-01-01');
     INSERT INTO working_committee (id, name, level, area_id, established_on) VALUES (1, '中共济南市两新组织工作委员会', 'CITY', 1, '2017-05-01');
     INSERT INTO member_unit (id, committee_id, name, domain, joined_on) VALUES (1, 1, '市民政局', 'CIVIL_AFFAIRS', '2017-05-01');
     INSERT INTO organization (id, credit_code, name, category, industry, employees, registered_on, deregistered_on, status, street_id, source)
       VALUES (3, '${DEREGISTERED_CODE}', '已注销示例公司', 'NON_PUBLIC_ECONOMIC', 'F', 3, '2016-01-01', '2020-01-01', 'DEREGISTERED', 12, 'GENERATED');`,
  );
});

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterOrganizationInput!) {
    registerOrganization(input: $input) {
      organization { id name creditCode category industry employees registeredOn status version isKey address
        street { code } park { name } building { name } businessDistrict { name } }
    }
  }`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $input: UpdateOrganizationInput!) {
    updateOrganization(id: $id, version: $version, input: $input) {
      organization { id name creditCode category employees version street { code } building { name } park { name } }
    }
  }`;
const DEREGISTER = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $deregisteredOn: Date!, $reason: String) {
    deregisterOrganization(id: $id, version: $version, deregisteredOn: $deregisteredOn, reason: $reason) {
      organization { id status deregisteredOn version }
    }
  }`;
const AUDIT = /* GraphQL */ `
  query ($nodeId: ID!, $first: Int, $after: String) {
    auditLog(nodeId: $nodeId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { at actor operation nodeId before after }
    }
  }`;

function validInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: '济南示例制造有限公司', creditCode: freshCode(), industry: 'C', employees: 25, registeredOn: '2021-04-01', street: '370102001', ...overrides };
}

interface Organization {
  id: string;
  version: number;
  [key: string]: unknown;
}

async function register(input: Record<string, unknown>): Promise<Organization> {
  const { body } = await app.gql<{ registerOrganization: { organization: Organization } }>(REGISTER, { input });
  expect(body.errors).toBeUndefined();
  return body.data!.registerOrganization.organization;
}

const TOMORROW = addDays(todayInShanghai(), 1);

describe('registerOrganization', () => {
  it('stores the normalized organization, derives the category, and returns it at version 1', async () => {
    const code = freshCode('5', '2');
    const organization = await register(
      validInput({ name: '  济南示例培训学校 ', creditCode: ` ${code.toLowerCase()} `, industry: 'p', building: gid('Building', 1), address: '舜华路1号' }),
    );
    expect(organization).toMatchObject({
      name: '济南示例培训学校',
      creditCode: code,
      category: 'SOCIAL',
      industry: 'P',
      employees: 25,
      registeredOn: '2021-04-01',
      status: 'ACTIVE',
      version: 1,
      isKey: false,
      address: '舜华路1号',
      street: { code: '370102001' },
      building: { name: '齐鲁软件大厦' },
      // The building lies in the high-tech park, so the organization does too.
      park: { name: '济南高新技术产业开发区' },
      businessDistrict: null,
    });
  });

  it('accepts the street as an Area id as well as a code', async () => {
    const organization = await register(validInput({ street: gid('Area', 12) }));
    expect(organization.street).toEqual({ code: '370103001' });
  });

  it('stores SQL and spreadsheet-formula text verbatim: it is data, never executed (exports neutralise formulas)', async () => {
    const names = ["Robert'); DROP TABLE organization;--", "=cmd|' /C calc'!A0", '@SUM(1+1)*cmd|', '1; SELECT pg_sleep(10)'];
    for (const name of names) {
      const organization = await register(validInput({ name }));
      expect(organization.name).toBe(name);
    }
    const { rows } = await sql(db.url, 'SELECT count(*)::int AS n FROM organization');
    expect(rows[0].n).toBeGreaterThan(4);
  });

  it('reads its own writes: a second registration in the same request sees the first in the street’s count', async () => {
    const { rows } = await sql(db.url, 'SELECT count(*)::int AS n FROM organization WHERE street_id = 11');
    const before = rows[0].n as number;
    const selection = '{ organization { street { organizations { totalCount } coverage { inScope blindSpots } } } }';
    const { body } = await app.gql<Record<string, { organization: { street: { organizations: { totalCount: number }; coverage: { inScope: number; blindSpots: number } } } }>>(
      `mutation ($a: RegisterOrganizationInput!, $b: RegisterOrganizationInput!) {
         first: registerOrganization(input: $a) ${selection}
         second: registerOrganization(input: $b) ${selection}
       }`,
      { a: validInput({ street: '370102002' }), b: validInput({ street: '370102002' }) },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.first!.organization.street.organizations.totalCount).toBe(before + 1);
    expect(body.data!.second!.organization.street.organizations.totalCount).toBe(before + 2);
    // A new organization has no Party organization yet: one more in scope, one more blind spot.
    const [first, second] = [body.data!.first!.organization.street.coverage, body.data!.second!.organization.street.coverage];
    expect(second).toEqual({ inScope: first.inScope + 1, blindSpots: first.blindSpots + 1 });
  });

  it('writes an audit entry: who, which operation, the row after', async () => {
    const organization = await register(validInput({ name: '审计示例公司' }));
    const { body } = await app.gql<{ auditLog: { totalCount: number; nodes: Record<string, unknown>[] } }>(AUDIT, { nodeId: organization.id });
    expect(body.data!.auditLog.totalCount).toBe(1);
    const [entry] = body.data!.auditLog.nodes;
    expect(entry).toMatchObject({ actor: 'account:test-admin', operation: 'registerOrganization', nodeId: organization.id, before: null });
    expect(entry!.after).toMatchObject({ id: rowId(organization.id), name: '审计示例公司', version: 1, street_id: 10, source: 'MANUAL' });
    expect(Date.parse(entry!.at as string)).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('updateOrganization', () => {
  it('changes only the fields given, raises the version, and audits before and after', async () => {
    const created = await register(validInput({ name: '修改前公司', employees: 10 }));
    const { body } = await app.gql<{ updateOrganization: { organization: Organization } }>(UPDATE, {
      id: created.id,
      version: 1,
      input: { name: '修改后公司', employees: 12 },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.updateOrganization.organization).toMatchObject({ name: '修改后公司', employees: 12, version: 2, street: { code: '370102001' } });

    const audit = await app.gql<{ auditLog: { nodes: { operation: string; before: Record<string, unknown>; after: Record<string, unknown> }[] } }>(AUDIT, {
      nodeId: created.id,
    });
    const [latest, first] = audit.body.data!.auditLog.nodes;
    expect(first!.operation).toBe('registerOrganization');
    expect(latest!.operation).toBe('updateOrganization');
    expect(latest!.before).toMatchObject({ name: '修改前公司', employees: 10, version: 1 });
    expect(latest!.after).toMatchObject({ name: '修改后公司', employees: 12, version: 2 });
  });

  it('moves an organization between streets and containers, and clears a container with null', async () => {
    const created = await register(validInput({ building: gid('Building', 1) }));
    const moved = await app.gql<{ updateOrganization: { organization: Organization } }>(UPDATE, {
      id: created.id,
      version: 1,
      input: { street: '370102002', building: gid('Building', 2), park: null },
    });
    expect(moved.body.errors).toBeUndefined();
    expect(moved.body.data!.updateOrganization.organization).toMatchObject({ street: { code: '370102002' }, building: { name: '千佛山大厦' }, park: null });
  });

  it('derives the category again when a mistyped code is corrected', async () => {
    const created = await register(validInput());
    const social = freshCode('5', '1');
    const { body } = await app.gql<{ updateOrganization: { organization: Organization } }>(UPDATE, { id: created.id, version: 1, input: { creditCode: social } });
    expect(body.data!.updateOrganization.organization).toMatchObject({ creditCode: social, category: 'SOCIAL', version: 2 });
  });

  it('writes nothing when nothing changes: same version, no audit entry', async () => {
    const created = await register(validInput({ employees: 7 }));
    const { body } = await app.gql<{ updateOrganization: { organization: Organization } }>(UPDATE, { id: created.id, version: 1, input: { employees: 7 } });
    expect(body.data!.updateOrganization.organization.version).toBe(1);
    const audit = await app.gql<{ auditLog: { totalCount: number } }>(AUDIT, { nodeId: created.id });
    expect(audit.body.data!.auditLog.totalCount).toBe(1);
  });

  it('refuses a stale version with CONFLICT and the current version, changing nothing', async () => {
    const created = await register(validInput());
    await app.gql(UPDATE, { id: created.id, version: 1, input: { employees: 30 } });
    const before = await snapshotDatabase(db.url);
    const { body } = await app.gql(UPDATE, { id: created.id, version: 1, input: { employees: 31 } });
    expect(body.data).toBeNull();
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', currentVersion: 2 });
    expect(body.errors![0]!.message).toMatch(/changed by someone else.*version 1.*version 2/);
    expect(await snapshotDatabase(db.url)).toEqual(before);
  });

  it('lets exactly one of two concurrent updates on the same version win', async () => {
    const created = await register(validInput());
    const results = await Promise.all(
      [40, 41, 42].map((employees) => app.gql(UPDATE, { id: created.id, version: 1, input: { employees } })),
    );
    const codes = results.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
    const { rows } = await sql(db.url, 'SELECT version FROM organization WHERE id = $1', [rowId(created.id)]);
    expect(rows[0].version).toBe(2);
  });
});

describe('deregisterOrganization', () => {
  it('deregisters, raises the version, and keeps the reason in the audit trail', async () => {
    const created = await register(validInput({ registeredOn: '2018-01-01' }));
    const { body } = await app.gql<{ deregisterOrganization: { organization: Organization } }>(DEREGISTER, {
      id: created.id,
      version: 1,
      deregisteredOn: '2024-06-30',
      reason: '迁出本市',
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.deregisterOrganization.organization).toMatchObject({ status: 'DEREGISTERED', deregisteredOn: '2024-06-30', version: 2 });
    const audit = await app.gql<{ auditLog: { nodes: { operation: string; before: Record<string, unknown>; after: Record<string, unknown> }[] } }>(AUDIT, {
      nodeId: created.id,
      first: 1,
    });
    const [entry] = audit.body.data!.auditLog.nodes;
    expect(entry).toMatchObject({ operation: 'deregisterOrganization', before: { status: 'ACTIVE', deregistered_on: null } });
    expect(entry!.after).toMatchObject({ status: 'DEREGISTERED', deregistered_on: '2024-06-30', _reason: '迁出本市' });
  });
});

describe('auditLog', () => {
  it('pages newest first', async () => {
    const created = await register(validInput({ employees: 1 }));
    for (let version = 1; version <= 3; version++) {
      await app.gql(UPDATE, { id: created.id, version, input: { employees: version + 1 } });
    }
    const first = await app.gql<{ auditLog: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { after: { employees: number } }[] } }>(
      AUDIT,
      { nodeId: created.id, first: 2 },
    );
    const page1 = first.body.data!.auditLog;
    expect(page1.totalCount).toBe(4);
    expect(page1.nodes.map((n) => n.after.employees)).toEqual([4, 3]);
    const second = await app.gql<{ auditLog: { nodes: { after: { employees: number } }[] } }>(AUDIT, { nodeId: created.id, first: 2, after: page1.pageInfo.endCursor });
    expect(second.body.data!.auditLog.nodes.map((n) => n.after.employees)).toEqual([2, 1]);
  });

  it('is empty for a node never changed through the API, and refuses a malformed id', async () => {
    const empty = await app.gql<{ auditLog: { totalCount: number } }>(AUDIT, { nodeId: gid('Organization', 2) });
    expect(empty.body.data!.auditLog.totalCount).toBe(0);
    const bad = await app.gql(AUDIT, { nodeId: 'not an id' });
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['nodeId'], reason: 'INVALID_ID' });
  });
});

/*
 * The bad-input corpus: every case is refused with the expected code, at the expected path,
 * with a message saying why (in English, and in Chinese beside it), and the database — every
 * table, the audit trail included — is exactly as it was.
 */

type Operation = 'register' | 'update' | 'deregister';

interface BadCase {
  title: string;
  operation: Operation;
  /** For register: overrides of a valid input. For update: the input. For deregister: the arguments. */
  args: Record<string, unknown>;
  code: 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND';
  /** extensions.field; for NOT_FOUND and CONFLICT on a version, undefined. */
  field?: (string | number)[];
  reason?: string;
  message: RegExp;
}

const ORG1 = gid('Organization', 1);
const long = (n: number, ch = '企') => ch.repeat(n);
const withCheck = (code: string, ch: string) => code.slice(0, 17) + ch;
const VALID = CODES.enterprise; // 91370102MA3C4D5E7Q, organization 1

const REGISTER_CASES: Omit<BadCase, 'operation'>[] = [
  // Credit codes: every way a clerk mistypes one.
  { title: 'empty credit code', args: { creditCode: '' }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'EMPTY', message: /credit code is missing/ },
  { title: 'blank credit code', args: { creditCode: '   ' }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'EMPTY', message: /missing/ },
  { title: '17 characters', args: { creditCode: VALID.slice(0, 17) }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'LENGTH', message: /18 characters; this one has 17/ },
  { title: '19 characters', args: { creditCode: `${VALID}1` }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'LENGTH', message: /this one has 19/ },
  { title: 'wrong check character', args: { creditCode: withCheck(VALID, 'R') }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'CHECK_DIGIT', message: /Character 18.*expected Q, found R/ },
  { title: 'wrong check character, lower case', args: { creditCode: withCheck(VALID, 'r').toLowerCase() }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'CHECK_DIGIT', message: /expected Q, found R/ },
  { title: 'two characters swapped', args: { creditCode: '91370102MA3C4D5E7Q'.replace('4D', 'D4') }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'ORGANIZATION_CODE_CHECK', message: /Character 17/ },
  { title: 'letter O for zero', args: { creditCode: VALID.replace('0', 'O') }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'ILLEGAL_CHARACTER', message: /never uses I, O, Z, S or V/ },
  { title: 'letter I for one', args: { creditCode: VALID.replace('1', 'I') }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'ILLEGAL_CHARACTER', message: /Character 2 \("I"\)/ },
  { title: 'full-width digit', args: { creditCode: `９${VALID.slice(1)}` }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'ILLEGAL_CHARACTER', message: /full-width/ },
  { title: 'space inside', args: { creditCode: `${VALID.slice(0, 8)} ${VALID.slice(9)}` }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'ILLEGAL_CHARACTER', message: /a space/ },
  { title: 'unknown registration authority', args: { creditCode: `8${VALID.slice(1)}` }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'UNKNOWN_AUTHORITY', message: /registration authority/ },
  { title: 'unknown category of the authority', args: { creditCode: `94${VALID.slice(2)}` }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'UNKNOWN_CATEGORY', message: /market regulation/ },
  { title: 'letter in the division code', args: { creditCode: `9137A102${VALID.slice(8)}` }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'DIVISION_CODE', message: /must be digits/ },
  { title: 'unknown province in the division', args: { creditCode: freshCode('9', '1', '990102') }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'UNKNOWN_DIVISION', message: /not an administrative division/ },
  { title: 'an organ, not a two-new organization', args: { creditCode: freshCode('1', '1') }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'NOT_TWO_NEW', message: /not a "two new" organization/ },
  { title: 'authority Y: category unknown', args: { creditCode: freshCode('Y', '1') }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'CATEGORY_UNKNOWN', message: /does not tell/ },
  { title: 'SQL in the credit code', args: { creditCode: "' OR '1'='1" }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'LENGTH', message: /18 characters/ },
  { title: 'duplicate credit code', args: { creditCode: VALID }, code: 'CONFLICT', field: ['input', 'creditCode'], reason: 'DUPLICATE', message: /already registered to "济南示例软件有限公司"/ },
  { title: 'duplicate credit code, lower case and spaces', args: { creditCode: ` ${VALID.toLowerCase()} ` }, code: 'CONFLICT', field: ['input', 'creditCode'], reason: 'DUPLICATE', message: /already registered/ },
  { title: 'duplicate of a deregistered organization', args: { creditCode: DEREGISTERED_CODE }, code: 'CONFLICT', field: ['input', 'creditCode'], reason: 'DUPLICATE', message: /已注销示例公司/ },
  // Names.
  { title: 'empty name', args: { name: '' }, code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'EMPTY', message: /name cannot be empty/ },
  { title: 'blank name', args: { name: ' \u3000 ' }, code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'EMPTY', message: /cannot be empty/ },
  { title: '201-character name', args: { name: long(201) }, code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'TOO_LONG', message: /at most 200 characters; this one has 201/ },
  { title: '10,000-character name', args: { name: long(10_000, 'x') }, code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'TOO_LONG', message: /this one has 10000/ },
  { title: 'line break in the name', args: { name: '济南\n科技' }, code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'CONTROL_CHARACTER', message: /U\+000A/ },
  { title: 'NUL byte in the name', args: { name: '济南\u0000科技' }, code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'CONTROL_CHARACTER', message: /U\+0000/ },
  { title: 'tab in the name', args: { name: '济南\t科技' }, code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'CONTROL_CHARACTER', message: /U\+0009/ },
  { title: 'right-to-left override in the name', args: { name: '济南\u202e司公技科' }, code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'CONTROL_CHARACTER', message: /U\+202E/ },
  // Industry, counts, dates.
  { title: 'industry U', args: { industry: 'U' }, code: 'BAD_USER_INPUT', field: ['input', 'industry'], reason: 'UNKNOWN_INDUSTRY', message: /A to T/ },
  { title: 'empty industry', args: { industry: '' }, code: 'BAD_USER_INPUT', field: ['input', 'industry'], reason: 'UNKNOWN_INDUSTRY', message: /GB\/T 4754/ },
  { title: 'industry division code instead of section', args: { industry: 'C13' }, code: 'BAD_USER_INPUT', field: ['input', 'industry'], reason: 'UNKNOWN_INDUSTRY', message: /one letter/ },
  { title: 'SQL in the industry', args: { industry: "C'; DROP TABLE organization;--" }, code: 'BAD_USER_INPUT', field: ['input', 'industry'], reason: 'UNKNOWN_INDUSTRY', message: /not a GB\/T 4754 section/ },
  { title: 'negative employees', args: { employees: -1 }, code: 'BAD_USER_INPUT', field: ['input', 'employees'], reason: 'OUT_OF_RANGE', message: /between 0 and 1,000,000; it is -1/ },
  { title: 'a million and one employees', args: { employees: 1_000_001 }, code: 'BAD_USER_INPUT', field: ['input', 'employees'], reason: 'OUT_OF_RANGE', message: /it is 1000001/ },
  { title: 'the largest Int as employees', args: { employees: 2_147_483_647 }, code: 'BAD_USER_INPUT', field: ['input', 'employees'], reason: 'OUT_OF_RANGE', message: /between 0 and/ },
  { title: 'negative declared Party members', args: { declaredPartyMembers: -5 }, code: 'BAD_USER_INPUT', field: ['input', 'declaredPartyMembers'], reason: 'OUT_OF_RANGE', message: /declared number of Party members/ },
  { title: 'registered tomorrow', args: { registeredOn: TOMORROW }, code: 'BAD_USER_INPUT', field: ['input', 'registeredOn'], reason: 'FUTURE_DATE', message: /cannot be in the future/ },
  { title: 'registered in 2999', args: { registeredOn: '2999-12-31' }, code: 'BAD_USER_INPUT', field: ['input', 'registeredOn'], reason: 'FUTURE_DATE', message: /after today/ },
  { title: 'registered in 1899', args: { registeredOn: '1899-12-31' }, code: 'BAD_USER_INPUT', field: ['input', 'registeredOn'], reason: 'TOO_EARLY', message: /check the year/ },
  { title: '301-character address', args: { address: long(301) }, code: 'BAD_USER_INPUT', field: ['input', 'address'], reason: 'TOO_LONG', message: /address can have at most 300/ },
  { title: 'carriage return in the address', args: { address: '舜华路\r1号' }, code: 'BAD_USER_INPUT', field: ['input', 'address'], reason: 'CONTROL_CHARACTER', message: /control character/ },
  // References: streets.
  { title: 'district code as street', args: { street: '370102' }, code: 'BAD_USER_INPUT', field: ['input', 'street'], reason: 'NOT_A_STREET_CODE', message: /9-digit division code/ },
  { title: 'community code as street', args: { street: '370102001001' }, code: 'BAD_USER_INPUT', field: ['input', 'street'], reason: 'NOT_A_STREET_CODE', message: /not a street code/ },
  { title: 'unknown street code', args: { street: '370102999' }, code: 'BAD_USER_INPUT', field: ['input', 'street'], reason: 'UNKNOWN_STREET', message: /no street or town with the code 370102999/ },
  { title: 'district id as street', args: { street: gid('Area', 2) }, code: 'BAD_USER_INPUT', field: ['input', 'street'], reason: 'NOT_A_STREET', message: /"历下区" is not a street/ },
  { title: 'building id as street', args: { street: gid('Building', 1) }, code: 'BAD_USER_INPUT', field: ['input', 'street'], reason: 'WRONG_TYPE', message: /id of a Building, not of a street/ },
  { title: 'unknown area id as street', args: { street: gid('Area', 999) }, code: 'BAD_USER_INPUT', field: ['input', 'street'], reason: 'UNKNOWN_REFERENCE', message: /no street with the id/ },
  { title: 'garbage as street', args: { street: 'garbage' }, code: 'BAD_USER_INPUT', field: ['input', 'street'], reason: 'INVALID_ID', message: /not a valid street id/ },
  { title: 'SQL as street', args: { street: "370102001' OR '1'='1" }, code: 'BAD_USER_INPUT', field: ['input', 'street'], reason: 'INVALID_ID', message: /not a valid street id/ },
  { title: 'empty street', args: { street: '' }, code: 'BAD_USER_INPUT', field: ['input', 'street'], reason: 'INVALID_ID', message: /not a valid street id/ },
  // References: containers and units.
  { title: 'building id as park', args: { park: gid('Building', 1) }, code: 'BAD_USER_INPUT', field: ['input', 'park'], reason: 'WRONG_TYPE', message: /not of a park/ },
  { title: 'unknown park', args: { park: gid('Park', 999) }, code: 'BAD_USER_INPUT', field: ['input', 'park'], reason: 'UNKNOWN_REFERENCE', message: /no park with the id/ },
  { title: 'organization id as building', args: { building: ORG1 }, code: 'BAD_USER_INPUT', field: ['input', 'building'], reason: 'WRONG_TYPE', message: /id of a Organization, not of a building/ },
  { title: 'building in another street', args: { building: gid('Building', 2) }, code: 'BAD_USER_INPUT', field: ['input', 'building'], reason: 'NOT_IN_STREET', message: /"千佛山大厦" lies in 千佛山街道/ },
  { title: 'building in another park than the one given', args: { building: gid('Building', 1), park: gid('Park', 2) }, code: 'BAD_USER_INPUT', field: ['input', 'park'], reason: 'NOT_IN_PARK', message: /belongs to another park/ },
  { title: 'business district in another street', args: { businessDistrict: gid('BusinessDistrict', 2) }, code: 'BAD_USER_INPUT', field: ['input', 'businessDistrict'], reason: 'NOT_IN_STREET', message: /"大观园商圈" lies in 大观园街道/ },
  { title: '10,000-character business district id', args: { businessDistrict: long(10_000, 'A') }, code: 'BAD_USER_INPUT', field: ['input', 'businessDistrict'], reason: 'INVALID_ID', message: /not a valid business district or market id/ },
  { title: 'supervisory unit of an enterprise', args: { supervisoryUnit: gid('MemberUnit', 1) }, code: 'BAD_USER_INPUT', field: ['input', 'supervisoryUnit'], reason: 'NOT_SOCIAL', message: /Only social organizations/ },
  { title: 'unknown supervisory unit', args: { creditCode: freshCode('5', '1'), supervisoryUnit: gid('MemberUnit', 999) }, code: 'BAD_USER_INPUT', field: ['input', 'supervisoryUnit'], reason: 'UNKNOWN_REFERENCE', message: /no supervisory unit/ },
];

const UPDATE_CASES: (Omit<BadCase, 'operation' | 'args'> & { id?: string; version?: number; input: Record<string, unknown> })[] = [
  { title: 'malformed id', id: 'xyz', input: { employees: 5 }, code: 'BAD_USER_INPUT', field: ['id'], reason: 'INVALID_ID', message: /not a valid Organization id/ },
  { title: 'a building’s id', id: gid('Building', 1), input: { employees: 5 }, code: 'BAD_USER_INPUT', field: ['id'], reason: 'WRONG_TYPE', message: /id of a Building/ },
  { title: 'unknown organization', id: gid('Organization', 99_999), input: { employees: 5 }, code: 'NOT_FOUND', message: /No Organization has this id/ },
  { title: 'stale version', version: 7, input: { employees: 5 }, code: 'CONFLICT', reason: 'STALE_VERSION', message: /you edited version 7, it is now at version 1/ },
  { title: 'name cleared', input: { name: null }, code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'REQUIRED', message: /name is missing/ },
  { title: 'name blank', input: { name: '   ' }, code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'EMPTY', message: /cannot be empty/ },
  { title: 'negative employees', input: { employees: -3 }, code: 'BAD_USER_INPUT', field: ['input', 'employees'], reason: 'OUT_OF_RANGE', message: /it is -3/ },
  { title: 'registration date in the future', input: { registeredOn: TOMORROW }, code: 'BAD_USER_INPUT', field: ['input', 'registeredOn'], reason: 'FUTURE_DATE', message: /future/ },
  { title: 'street cleared', input: { street: null }, code: 'BAD_USER_INPUT', field: ['input', 'street'], reason: 'REQUIRED', message: /street or town is missing/ },
  { title: 'street moved away from its building', input: { street: '370103001' }, code: 'BAD_USER_INPUT', field: ['input', 'street'], reason: 'NOT_IN_STREET', message: /"齐鲁软件大厦" lies in 解放路街道/ },
  { title: 'key flag cleared', input: { isKey: null }, code: 'BAD_USER_INPUT', field: ['input', 'isKey'], reason: 'REQUIRED', message: /cannot be cleared/ },
  { title: 'credit code of another organization', input: { creditCode: CODES.socialGroup }, code: 'CONFLICT', field: ['input', 'creditCode'], reason: 'DUPLICATE', message: /济南示例行业协会/ },
  { title: 'credit code mistyped', input: { creditCode: withCheck(VALID, '0') }, code: 'BAD_USER_INPUT', field: ['input', 'creditCode'], reason: 'CHECK_DIGIT', message: /expected Q, found 0/ },
  { title: 'park of another kind', input: { park: gid('BusinessDistrict', 1) }, code: 'BAD_USER_INPUT', field: ['input', 'park'], reason: 'WRONG_TYPE', message: /BusinessDistrict/ },
  { title: 'a social organization’s supervisory unit on an enterprise', input: { supervisoryUnit: gid('MemberUnit', 1) }, code: 'BAD_USER_INPUT', field: ['input', 'supervisoryUnit'], reason: 'NOT_SOCIAL', message: /Only social organizations/ },
];

const DEREGISTER_CASES: (Omit<BadCase, 'operation' | 'args'> & { id?: string; version?: number; deregisteredOn: string; reason_?: string })[] = [
  { title: 'before registration', deregisteredOn: '2019-03-14', code: 'BAD_USER_INPUT', field: ['deregisteredOn'], reason: 'DATES_OUT_OF_ORDER', message: /before the registration date \(2019-03-15\)/ },
  { title: 'tomorrow', deregisteredOn: TOMORROW, code: 'BAD_USER_INPUT', field: ['deregisteredOn'], reason: 'FUTURE_DATE', message: /cannot be in the future/ },
  { title: 'a 501-character reason', deregisteredOn: '2024-01-01', reason_: long(501), code: 'BAD_USER_INPUT', field: ['reason'], reason: 'TOO_LONG', message: /at most 500/ },
  { title: 'a control character in the reason', deregisteredOn: '2024-01-01', reason_: '迁出\u0007', code: 'BAD_USER_INPUT', field: ['reason'], reason: 'CONTROL_CHARACTER', message: /U\+0007/ },
  { title: 'stale version', version: 2, deregisteredOn: '2024-01-01', code: 'CONFLICT', reason: 'STALE_VERSION', message: /version 2, it is now at version 1/ },
  { title: 'unknown organization', id: gid('Organization', 424_242), deregisteredOn: '2024-01-01', code: 'NOT_FOUND', message: /No Organization/ },
  { title: 'already deregistered', id: gid('Organization', 3), deregisteredOn: '2024-01-01', code: 'CONFLICT', reason: 'ALREADY_DEREGISTERED', message: /already deregistered on 2020-01-01/ },
  { title: 'a park’s id', id: gid('Park', 1), deregisteredOn: '2024-01-01', code: 'BAD_USER_INPUT', field: ['id'], reason: 'WRONG_TYPE', message: /id of a Park/ },
];

/** Cases refused by GraphQL itself (the value is not of the field's type): before any resolver runs. */
const TYPE_CASES: { title: string; input: Record<string, unknown>; path: string; message: RegExp }[] = [
  { title: 'fractional employees', input: { employees: 2.5 }, path: 'input.employees', message: /Int cannot represent non-integer value: 2.5/ },
  { title: 'employees beyond 32 bits', input: { employees: 3e10 }, path: 'input.employees', message: /Int cannot represent non 32-bit signed integer/ },
  { title: 'employees as text', input: { employees: '12' }, path: 'input.employees', message: /Int cannot represent non-integer value: "12"/ },
  { title: '30 February', input: { registeredOn: '2025-02-30' }, path: 'input.registeredOn', message: /Date/ },
  { title: 'date with slashes', input: { registeredOn: '2025/01/01' }, path: 'input.registeredOn', message: /Date/ },
  { title: 'missing name', input: { name: null }, path: 'input.name', message: /Expected non-nullable type "String!" not to be null/ },
];

describe('the bad-input corpus: refused with code, path and message, and nothing changed', () => {
  it('has at least 80 cases', () => {
    expect(REGISTER_CASES.length + UPDATE_CASES.length + DEREGISTER_CASES.length + TYPE_CASES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(REGISTER_CASES)('registerOrganization: $title', async (c) => {
    await assertRefusal(app, db.url, { ...c, query: REGISTER, variables: { input: validInput(c.args) } });
  });

  it.each(UPDATE_CASES)('updateOrganization: $title', async (c) => {
    const extensions = c.reason === 'STALE_VERSION' ? { currentVersion: 1 } : undefined;
    await assertRefusal(app, db.url, { ...c, extensions, query: UPDATE, variables: { id: c.id ?? ORG1, version: c.version ?? 1, input: c.input } });
  });

  it.each(DEREGISTER_CASES)('deregisterOrganization: $title', async (c) => {
    await assertRefusal(app, db.url, { ...c, query: DEREGISTER, variables: { id: c.id ?? ORG1, version: c.version ?? 1, deregisteredOn: c.deregisteredOn, reason: c.reason_ } });
  });

  it.each(TYPE_CASES)('refused by the GraphQL types: $title', async (c) => {
    const before = await snapshotDatabase(db.url);
    const { body } = await app.gql(REGISTER, { input: { ...validInput(), ...c.input } });
    expect(body.data ?? null).toBeNull();
    const [error] = body.errors!;
    expect(error!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error!.message).toContain(`at "${c.path}"`);
    expect(error!.message).toMatch(c.message);
    expect(await snapshotDatabase(db.url)).toEqual(before);
  });

  it('reports every issue of one input at once, each at its path', async () => {
    const { body } = await app.gql(REGISTER, {
      input: validInput({ name: '', creditCode: withCheck(VALID, 'R'), industry: 'Z', employees: -1, registeredOn: TOMORROW, street: '370102' }),
    });
    const issues = body.errors![0]!.extensions!.issues as { path: string[]; reason: string; zh: string; en: string }[];
    expect(issues.map((i) => `${i.path.join('.')}:${i.reason}`)).toEqual([
      'input.name:EMPTY',
      'input.creditCode:CHECK_DIGIT',
      'input.industry:UNKNOWN_INDUSTRY',
      'input.employees:OUT_OF_RANGE',
      'input.registeredOn:FUTURE_DATE',
      'input.street:NOT_A_STREET_CODE',
    ]);
    expect(body.errors![0]!.message).toMatch(/5 more problems/);
    for (const found of issues) expect(found.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

