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

describe('workGroupMembers', () => {
  it('pages forward and backward in every order, stable under ties on the date', async () => {
    expect(await walkBothWays(app, 'workGroupMembers', '', 3)).toEqual([1, 2, 3, 4]);
    expect(await walkBothWays(app, 'workGroupMembers', 'orderBy: { field: JOINED_ON, direction: DESC }', 1)).toEqual([4, 3, 2, 1]);
    expect(await walkBothWays(app, 'workGroupMembers', 'orderBy: { field: NAME }', 2)).toHaveLength(4);
  });

  it('refuses first > 100', async () => {
    await expectPageSizeRefused(app, 'workGroupMembers');
  });

  it('shows the public contact and whether the member still serves', async () => {
    const { data } = await measured('{ workGroupMembers(first: 2) { nodes { name phone title joinedOn leftOn isCurrent street { name } } } }');
    expect(data.workGroupMembers.nodes).toEqual([
      { name: '张晓明', phone: '0531-86000001', title: '组长', joinedOn: '2021-01-01', leftOn: null, isCurrent: true, street: { name: '解放路街道' } },
      { name: '李建国', phone: '0531-86000002', title: null, joinedOn: '2021-01-01', leftOn: '2025-06-30', isCurrent: false, street: { name: '解放路街道' } },
    ]);
  });

  it('narrows by each filter field', async () => {
    expect(await ids(app, 'workGroupMembers', 'filter: { scope: "370102" }')).toEqual([1, 2, 3]);
    expect(await ids(app, 'workGroupMembers', `filter: { scope: "${globalId('Area', 12)}" }`)).toEqual([4]);
    expect(await ids(app, 'workGroupMembers', 'filter: { isCurrent: true }')).toEqual([1, 3, 4]);
    expect(await ids(app, 'workGroupMembers', 'filter: { isCurrent: false }')).toEqual([2]);
    expect(await ids(app, 'workGroupMembers', 'filter: { joinedOn: { from: "2022-01-01" } }')).toEqual([3, 4]);
    expect(await ids(app, 'workGroupMembers', 'filter: { leftOn: { from: "2025-01-01" } }')).toEqual([2]);
    expect(await ids(app, 'workGroupMembers', 'filter: { text: "组长" }')).toEqual([1, 3]);
    expect(await ids(app, 'workGroupMembers', 'filter: { text: "王" }')).toEqual([3]);
    expect(await ids(app, 'workGroupMembers', 'filter: { hasLiaisonPoint: true }')).toEqual([1]);
  });

  it('combines with and / or / not', async () => {
    expect(await ids(app, 'workGroupMembers', 'filter: { scope: "370102", not: { isCurrent: false } }')).toEqual([1, 3]);
    expect(await ids(app, 'workGroupMembers', 'filter: { or: [{ isCurrent: false }, { scope: "370103" }] }')).toEqual([2, 4]);
  });
});

describe('work group member relations', () => {
  it('Area.workGroupMembers: a street its own, a district all its streets\'', async () => {
    const { data } = await measured(`{
      district: area(code: "370102") { workGroupMembers { totalCount } serving: workGroupMembers(filter: { isCurrent: true }) { nodes { name } } }
      street: area(code: "370103002") { workGroupMembers { totalCount } }
    }`);
    expect(data).toEqual({
      district: { workGroupMembers: { totalCount: 3 }, serving: { nodes: [{ name: '张晓明' }, { name: '王丽' }] } },
      street: { workGroupMembers: { totalCount: 0 } },
    });
  });

  it('loads the work groups of many streets with one statement per level', async () => {
    const query = (n: number) => `{ areas(level: STREET, first: ${n}) { nodes { workGroupMembers { totalCount nodes { street { code } } } } } }`;
    const one = await measured(query(1));
    const all = await measured(query(4));
    expect(all.data.areas.nodes.map((a: any) => a.workGroupMembers.totalCount)).toEqual([2, 1, 1, 0]);
    // streets; members page with count (their streets are primed by the list).
    expect(all.statements).toHaveLength(2);
    expect(one.statements).toHaveLength(2);
  });

  it('is reachable by node(id)', async () => {
    const { data } = await measured(`{ node(id: "${globalId('WorkGroupMember', 4)}") { __typename ... on WorkGroupMember { name street { code } } } }`);
    expect(data.node).toEqual({ __typename: 'WorkGroupMember', name: '赵强', street: { code: '370103001' } });
  });
});
