import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';
import { expectPageSizeRefused, globalId, ids, walkBothWays } from '../../../test/pagination.js';
import { insertPlacesFixture } from '../../../test/places-fixture.js';

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await testDatabase();
  await insertPlacesFixture(db.url);
  app = await startTestApp(db.url);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function measured(query: string) {
  const { result, statements } = await app.server.statements.capture(() => app.gql(query));
  expect(result.body.errors).toBeUndefined();
  return { data: result.body.data as Record<string, any>, statements };
}

describe('businessDistricts', () => {
  it('pages forward and backward in every order', async () => {
    expect(await walkBothWays(app, 'businessDistricts')).toEqual([1, 2, 3, 4]);
    // Unicode code points: 八 < 大 < 泉 < 芙.
    expect(await walkBothWays(app, 'businessDistricts', 'orderBy: { field: NAME }', 3)).toEqual([4, 3, 1, 2]);
    expect(await walkBothWays(app, 'businessDistricts', 'orderBy: { field: OPENED_ON }', 1)).toEqual([3, 1, 2, 4]);
    expect(await walkBothWays(app, 'businessDistricts', 'orderBy: { field: OPENED_ON, direction: DESC }', 3)).toEqual([4, 2, 1, 3]);
  });

  it('refuses first > 100', async () => {
    await expectPageSizeRefused(app, 'businessDistricts');
  });

  it('narrows by each filter field', async () => {
    expect(await ids(app, 'businessDistricts', 'filter: { scope: "370102" }')).toEqual([1, 2]);
    expect(await ids(app, 'businessDistricts', 'filter: { scope: "370103002" }')).toEqual([4]);
    expect(await ids(app, 'businessDistricts', `filter: { scope: "${globalId('BusinessDistrict', 3)}" }`)).toEqual([3]);
    expect(await ids(app, 'businessDistricts', 'filter: { kind: [MARKET] }')).toEqual([2, 4]);
    expect(await ids(app, 'businessDistricts', 'filter: { kind: [BUSINESS_DISTRICT, MARKET] }')).toEqual([1, 2, 3, 4]);
    expect(await ids(app, 'businessDistricts', 'filter: { openedOn: { to: "2000-12-31" } }')).toEqual([1, 3]);
    expect(await ids(app, 'businessDistricts', 'filter: { text: "商圈" }')).toEqual([1, 3]);
    expect(await ids(app, 'businessDistricts', 'filter: { hasPartyOrganization: true }')).toEqual([1]);
    expect(await ids(app, 'businessDistricts', 'filter: { hasPartyOrganization: false }')).toEqual([2, 3, 4]);
    expect(await ids(app, 'businessDistricts', 'filter: { organizationCount: { min: 1 } }')).toEqual([1]);
  });

  it('combines with and / or / not', async () => {
    expect(await ids(app, 'businessDistricts', 'filter: { or: [{ kind: [MARKET], scope: "370102" }, { text: "大观" }] }')).toEqual([2, 3]);
    expect(await ids(app, 'businessDistricts', 'filter: { not: { kind: [MARKET] }, scope: "370103" }')).toEqual([3]);
  });

  it('refuses a scope of the wrong kind', async () => {
    const { body } = await app.gql(`{ businessDistricts(filter: { scope: "${globalId('Park', 1)}" }) { totalCount } }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'scope'] });
  });
});

describe('business district relations', () => {
  it('Area.businessDistricts (beneath) and back through street', async () => {
    const { data } = await measured(`{
      city: area(code: "370100") { businessDistricts { totalCount } }
      district: area(code: "370103") { businessDistricts(filter: { kind: [MARKET] }) { nodes { name kind openedOn street { name } } } }
    }`);
    expect(data.city.businessDistricts.totalCount).toBe(4);
    expect(data.district.businessDistricts.nodes).toEqual([{ name: '八里桥市场', kind: 'MARKET', openedOn: '2010-08-01', street: { name: '杆石桥街道' } }]);
  });

  it('answers a nested query with one statement per level, whatever the number of parents', async () => {
    const query = (n: number) => `{
      areas(level: DISTRICT, first: ${n}) { nodes { businessDistricts { totalCount nodes { street { name } organizations { totalCount } } } } }
    }`;
    const one = await measured(query(1));
    const all = await measured(query(3));
    expect(all.data.areas.nodes.map((a: any) => a.businessDistricts.totalCount)).toEqual([2, 2, 0]);
    // districts; business districts page with count; streets; organizations page with count.
    expect(all.statements).toHaveLength(4);
    expect(one.statements).toHaveLength(4);
  });

  it('is reachable by node(id)', async () => {
    const { data } = await measured(`{ node(id: "${globalId('BusinessDistrict', 2)}") { __typename ... on BusinessDistrict { name kind } } }`);
    expect(data.node).toEqual({ __typename: 'BusinessDistrict', name: '芙蓉街市场', kind: 'MARKET' });
  });
});
