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

describe('workingCommittees', () => {
  it('pages forward and backward in every order', async () => {
    expect(await walkBothWays(app, 'workingCommittees')).toEqual([1, 2, 3]);
    // 中共 + 历 < 市 < 济 (Unicode code points).
    expect(await walkBothWays(app, 'workingCommittees', 'orderBy: { field: NAME }', 1)).toEqual([2, 3, 1]);
    expect(await walkBothWays(app, 'workingCommittees', 'orderBy: { field: ESTABLISHED_ON, direction: DESC }', 2)).toEqual([3, 2, 1]);
  });

  it('refuses first > 100', async () => {
    await expectPageSizeRefused(app, 'workingCommittees');
  });

  it('narrows by each filter field', async () => {
    expect(await ids(app, 'workingCommittees', 'filter: { scope: "370102" }')).toEqual([2]);
    expect(await ids(app, 'workingCommittees', 'filter: { scope: "370100" }')).toEqual([1, 2, 3]);
    expect(await ids(app, 'workingCommittees', `filter: { scope: "${globalId('Area', 10)}" }`)).toEqual([]);
    expect(await ids(app, 'workingCommittees', 'filter: { level: [DISTRICT] }')).toEqual([2, 3]);
    expect(await ids(app, 'workingCommittees', 'filter: { establishedOn: { from: "2018-01-01" } }')).toEqual([2, 3]);
    expect(await ids(app, 'workingCommittees', 'filter: { text: "历下" }')).toEqual([2]);
    expect(await ids(app, 'workingCommittees', 'filter: { memberUnitCount: { min: 2 } }')).toEqual([1, 2]);
    expect(await ids(app, 'workingCommittees', 'filter: { memberUnitCount: { max: 1 } }')).toEqual([3]);
  });

  it('combines with and / or / not', async () => {
    expect(await ids(app, 'workingCommittees', 'filter: { or: [{ level: [CITY] }, { text: "市中" }] }')).toEqual([1, 3]);
    expect(await ids(app, 'workingCommittees', 'filter: { not: { level: [CITY] }, and: [{ memberUnitCount: { min: 2 } }] }')).toEqual([2]);
  });
});

describe('working committee relations', () => {
  it('Area.workingCommittee for the city and districts, null below; WorkingCommittee.area back', async () => {
    const { data } = await measured(`{
      city: area(code: "370100") { workingCommittee { name level establishedOn area { code } } }
      district: area(code: "370102") { workingCommittee { name } }
      none: area(code: "370104") { workingCommittee { name } }
      street: area(code: "370102001") { workingCommittee { name } }
    }`);
    expect(data).toEqual({
      city: { workingCommittee: { name: '中共济南市两新组织工作委员会', level: 'CITY', establishedOn: '2017-05-01', area: { code: '370100' } } },
      district: { workingCommittee: { name: '中共历下区两新组织工作委员会' } },
      none: { workingCommittee: null },
      street: { workingCommittee: null },
    });
  });

  it('loads the committees of many areas in one statement', async () => {
    const { data, statements } = await measured('{ areas(first: 100) { nodes { workingCommittee { level } } } }');
    expect(data.areas.nodes.filter((a: any) => a.workingCommittee).length).toBe(3);
    expect(statements).toHaveLength(2);
  });

  it('answers committees → member units → supervised organizations with one statement per level', async () => {
    const query = (n: number) => `{
      workingCommittees(first: ${n}) { nodes { area { name } memberUnits { totalCount nodes { committee { name } supervisedOrganizations { totalCount nodes { name supervisoryUnit { name } } } } } } }
    }`;
    const one = await measured(query(1));
    const all = await measured(query(3));
    expect(all.data.workingCommittees.nodes.map((c: any) => c.memberUnits.totalCount)).toEqual([3, 2, 1]);
    // committees; areas; member units page with count; organizations page with count (the
    // committees and the member units are primed by the lists that fetched them).
    expect(all.statements).toHaveLength(4);
    expect(one.statements).toHaveLength(4);
  });

  it('is reachable by node(id)', async () => {
    const { data } = await measured(`{ node(id: "${globalId('WorkingCommittee', 3)}") { __typename id ... on WorkingCommittee { name level } } }`);
    expect(data.node).toEqual({ __typename: 'WorkingCommittee', id: globalId('WorkingCommittee', 3), name: '中共市中区两新组织工作委员会', level: 'DISTRICT' });
  });
});
