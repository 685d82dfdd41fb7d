import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES, insertJinanFixture, startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';

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
