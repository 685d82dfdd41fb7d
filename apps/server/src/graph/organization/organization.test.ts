import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES, insertJinanFixture, sql, startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await testDatabase();
  await insertJinanFixture(db.url);
  app = await startTestApp(db.url);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const QUERY = 'query ($code: String!) { organization(creditCode: $code) { name } }';

describe('organization(creditCode:)', () => {
  it('refuses a wrong check character with BAD_USER_INPUT saying which and why', async () => {
    const wrong = `${CODES.enterprise.slice(0, 17)}0`;
    const { status, body } = await app.gql(QUERY, { code: wrong });
    expect(status).toBe(200);
    expect(body.data).toEqual({ organization: null });
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors!;
    expect(error!.path).toEqual(['organization']);
    expect(error!.message).toMatch(/^Character 18, the check character, is wrong: expected Q, found 0/);
    expect(error!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: ['creditCode'],
      reason: 'CHECK_DIGIT',
      position: 18,
      expected: 'Q',
      found: '0',
      localizedMessage: { zh: expect.stringContaining('第18位校验码错误'), en: error!.message },
    });
  });

  it.each([
    ['', 'EMPTY'],
    ['12345', 'LENGTH'],
    ['91370102MA3C4D5EIQ', 'ILLEGAL_CHARACTER'],
    ['81370102MA3C4D5E7Q', 'UNKNOWN_AUTHORITY'],
  ])('refuses %j (%s)', async (code, reason) => {
    const { body } = await app.gql(QUERY, { code });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['creditCode'], reason });
    expect(body.errors?.[0]?.message).not.toBe('Internal server error');
  });

  it('reports a missing argument as a validation error, not as BAD_USER_INPUT of ours', async () => {
    const { status, body } = await app.gql('{ organization { name } }', undefined, { accept: 'application/graphql-response+json' });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('loads the streets of several organizations in one statement', async () => {
    const { result, statements } = await app.server.statements.capture(() =>
      app.gql(`{
        a: organization(creditCode: "${CODES.enterprise}") { street { name } }
        b: organization(creditCode: "${CODES.socialGroup}") { street { name } }
      }`),
    );
    expect(result.body.data).toEqual({ a: { street: { name: '解放路街道' } }, b: { street: { name: '大观园街道' } } });
    expect(statements).toHaveLength(2);
  });
});

describe('organizations under enum filters', () => {
  // One pooled connection, so pg_prepared_statements on it shows what the requests prepared.
  let single: TestApp;
  beforeAll(async () => {
    single = await startTestApp(db.url, { poolSize: 1 });
  });
  afterAll(async () => {
    await single?.close();
  });
  const prepared = async () =>
    ((await single.server.dataSource.query(`SELECT statement FROM pg_prepared_statements WHERE NOT from_sql`)) as { statement: string }[]).map((r) => r.statement);
  const count = async (where: string) => Number((await sql(db.url, `SELECT count(*) FROM organization WHERE ${where}`)).rows[0].count);
  const LIST = `query ($category: [OrganizationCategory!], $status: [OrganizationStatus!], $industry: [String!]) {
    organizations(first: 1, filter: { category: $category, status: $status, industry: $industry }) { totalCount nodes { name } }
  }`;

  it('run prepared, each set of values with its own text, and count what the database counts', async () => {
    for (const [category, status] of [['SOCIAL', 'ACTIVE'], ['NON_PUBLIC_ECONOMIC', 'ACTIVE'], ['SOCIAL', 'DEREGISTERED']] as const) {
      const { body } = await single.gql<{ organizations: { totalCount: number } }>(LIST, { category: [category], status: [status] });
      expect(body.errors).toBeUndefined();
      expect(body.data!.organizations.totalCount).toBe(await count(`category = '${category}' AND status = '${status}'`));
      const statements = await prepared();
      expect(statements.filter((s) => s.includes(`o.category = '${category}'`) && s.includes(`o.status = '${status}'`) && s.includes('LIMIT 2'))).toHaveLength(1);
    }
    const both = await single.gql<{ organizations: { totalCount: number } }>(LIST, { category: ['SOCIAL', 'NON_PUBLIC_ECONOMIC'] });
    expect(both.body.data!.organizations.totalCount).toBe(await count(`category IN ('SOCIAL', 'NON_PUBLIC_ECONOMIC')`));
    expect((await prepared()).some((s) => s.includes(`o.category IN ('SOCIAL', 'NON_PUBLIC_ECONOMIC')`))).toBe(true);
    const none = await single.gql<{ organizations: { totalCount: number } }>(LIST, { category: [] });
    expect(none.body.data!.organizations.totalCount).toBe(0);
  });

  it('run unprepared when a filter sends parameters (industry letters are strings)', async () => {
    const { body } = await single.gql<{ organizations: { totalCount: number } }>(LIST, { category: ['NON_PUBLIC_ECONOMIC'], industry: ['I'] });
    expect(body.data!.organizations.totalCount).toBe(await count(`category = 'NON_PUBLIC_ECONOMIC' AND industry = 'I'`));
    expect((await prepared()).filter((s) => s.includes('industry'))).toEqual([]);
  });
});
