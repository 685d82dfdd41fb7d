import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertJinanFixture, startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';

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

/** Sends `query` and returns its data with the SQL statements it cost. */
async function measured(query: string) {
  const { result, statements } = await app.server.statements.capture(() => app.gql(query));
  expect(result.body.errors).toBeUndefined();
  return { data: result.body.data, statements };
}

describe('areas', () => {
  it('lists one level in code order', async () => {
    const { data } = await measured('{ areas(level: STREET) { code name level } }');
    expect(data).toEqual({
      areas: [
        { code: '370102001', name: '解放路街道', level: 'STREET' },
        { code: '370102002', name: '千佛山街道', level: 'STREET' },
        { code: '370103001', name: '大观园街道', level: 'STREET' },
      ],
    });
  });

  it('lists the children of a parent, and nothing under an unknown one', async () => {
    const { data } = await measured('{ a: areas(parentCode: "370102") { code } b: areas(parentCode: "370199") { code } }');
    expect(data).toEqual({ a: [{ code: '370102001' }, { code: '370102002' }], b: [] });
  });

  it('refuses a malformed parent code', async () => {
    const { body } = await app.gql('{ areas(parentCode: "abc") { code } }');
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['parentCode'] });
  });

  it('loads the parents of a list in one statement (DataLoader)', async () => {
    const { data, statements } = await measured('{ areas(level: STREET) { code parent { name } } }');
    expect(data).toEqual({
      areas: [
        { code: '370102001', parent: { name: '历下区' } },
        { code: '370102002', parent: { name: '历下区' } },
        { code: '370103001', parent: { name: '市中区' } },
      ],
    });
    expect(statements).toHaveLength(2);
    expect(statements[1]).toMatch(/FROM "area" "t" WHERE "t"\."id" = ANY\(\$1\)/);
  });

  it('loads children and grandparents level by level, one statement per level', async () => {
    const { data, statements } = await measured(`{
      areas(level: DISTRICT) { code children { code parent { code parent { code } } children { code } } }
    }`);
    expect(data).toMatchObject({
      areas: [
        {
          code: '370102',
          children: [
            { code: '370102001', parent: { code: '370102', parent: { code: '370100' } }, children: [{ code: '370102001001' }] },
            { code: '370102002', parent: { code: '370102', parent: { code: '370100' } }, children: [] },
          ],
        },
        { code: '370103', children: [{ code: '370103001', children: [] }] },
      ],
    });
    // list of districts, their children, the grandchildren; the parents are the districts
    // already loaded (primed by the list), the grandparent (the city) one more statement.
    expect(statements).toHaveLength(4);
  });

  it('answers the same area under two aliases with one statement', async () => {
    const { statements } = await measured('{ a: area(code: "370102") { name } b: area(code: "370102") { name } }');
    expect(statements).toHaveLength(1);
  });
});
