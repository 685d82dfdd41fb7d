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

/** Sends `query` and returns its data with the SQL statements it cost. */
async function measured(query: string, variables?: Record<string, unknown>) {
  const { result, statements } = await app.server.statements.capture(() => app.gql(query, variables));
  expect(result.body.errors).toBeUndefined();
  return { data: result.body.data as Record<string, any>, statements };
}

describe('areas', () => {
  it('lists one level in code order, as a connection', async () => {
    const { data } = await measured('{ areas(level: STREET) { totalCount nodes { code name level } } }');
    expect(data.areas).toEqual({
      totalCount: 4,
      nodes: [
        { code: '370102001', name: '解放路街道', level: 'STREET' },
        { code: '370102002', name: '千佛山街道', level: 'STREET' },
        { code: '370103001', name: '大观园街道', level: 'STREET' },
        { code: '370103002', name: '杆石桥街道', level: 'STREET' },
      ],
    });
  });

  it('lists the children of a parent, and nothing under an unknown one', async () => {
    const { data } = await measured('{ a: areas(parentCode: "370102") { nodes { code } } b: areas(parentCode: "370199") { totalCount nodes { code } } }');
    expect(data).toEqual({ a: { nodes: [{ code: '370102001' }, { code: '370102002' }] }, b: { totalCount: 0, nodes: [] } });
  });

  it('refuses a malformed parent code', async () => {
    const { body } = await app.gql('{ areas(parentCode: "abc") { totalCount } }');
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['parentCode'] });
  });

  it('pages forward and backward with cursors, in every order, without gaps or duplicates', async () => {
    expect(await walkBothWays(app, 'areas')).toEqual([1, 2, 10, 100, 11, 3, 12, 13, 4]);
    expect(await walkBothWays(app, 'areas', 'orderBy: { field: CODE, direction: DESC }', 3)).toEqual([4, 13, 12, 3, 11, 100, 10, 2, 1]);
    const byName = await walkBothWays(app, 'areas', 'orderBy: { field: NAME }', 4);
    expect(byName).toHaveLength(9);
    expect(await walkBothWays(app, 'areas', 'level: DISTRICT, orderBy: { field: ID, direction: DESC }', 1)).toEqual([4, 3, 2]);
  });

  it('refuses first > 100 with BAD_USER_INPUT on the argument', async () => {
    await expectPageSizeRefused(app, 'areas');
  });

  it('refuses a cursor made for another order', async () => {
    const { body: first } = await app.gql<any>('{ areas(first: 1) { pageInfo { endCursor } } }');
    const cursor = first.data.areas.pageInfo.endCursor;
    const { body } = await app.gql('query ($c: String) { areas(orderBy: { field: NAME }, after: $c) { totalCount } }', { c: cursor });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
  });

  describe('filter', () => {
    it('narrows by scope (code or id, the area itself and everything beneath)', async () => {
      expect(await ids(app, 'areas', 'filter: { scope: "370102" }')).toEqual([2, 10, 100, 11]);
      expect(await ids(app, 'areas', `filter: { scope: "${globalId('Area', 3)}" }`)).toEqual([3, 12, 13]);
      expect(await ids(app, 'areas', 'filter: { scope: "370199" }')).toEqual([]);
    });

    it('refuses a scope that is neither an area code nor an Area id', async () => {
      const { body } = await app.gql(`{ areas(filter: { scope: "${globalId('Park', 1)}" }) { totalCount } }`);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'scope'], reason: 'SCOPE' });
    });

    it('narrows by level, text (name or code), committee, comprehensive Party committee and work group', async () => {
      expect(await ids(app, 'areas', 'filter: { level: [CITY, COMMUNITY] }')).toEqual([1, 100]);
      expect(await ids(app, 'areas', 'filter: { text: "解放路" }')).toEqual([10, 100]);
      expect(await ids(app, 'areas', 'filter: { text: "370103" }')).toEqual([3, 12, 13]);
      expect(await ids(app, 'areas', 'filter: { hasWorkingCommittee: true }')).toEqual([1, 2, 3]);
      expect(await ids(app, 'areas', 'filter: { level: [DISTRICT], hasWorkingCommittee: false }')).toEqual([4]);
      // 千佛山街道's comprehensive Party committee is dissolved.
      expect(await ids(app, 'areas', 'filter: { level: [STREET], hasComprehensivePartyCommittee: true }')).toEqual([10]);
      expect(await ids(app, 'areas', 'filter: { level: [STREET], hasComprehensivePartyCommittee: false }')).toEqual([11, 12, 13]);
      // 解放路街道 has one serving and one former member; 杆石桥街道 has none.
      expect(await ids(app, 'areas', 'filter: { level: [STREET], hasWorkGroup: false }')).toEqual([13]);
    });

    it('combines with and / or / not', async () => {
      expect(await ids(app, 'areas', 'filter: { or: [{ level: [CITY] }, { text: "千佛山" }] }')).toEqual([1, 11]);
      expect(await ids(app, 'areas', 'filter: { level: [STREET], not: { scope: "370102" } }')).toEqual([12, 13]);
      expect(await ids(app, 'areas', 'filter: { and: [{ scope: "370102" }, { level: [STREET] }], not: { hasWorkGroup: false } }')).toEqual([10, 11]);
    });
  });
});

describe('area relations', () => {
  it('children is one level down, streets everything at street level beneath', async () => {
    const { data } = await measured(`{
      city: area(code: "370100") { children { totalCount nodes { code } } streets { totalCount nodes { code } } }
      district: area(code: "370102") { children { nodes { code } } streets { nodes { code } } }
      street: area(code: "370102001") { children { nodes { code } } streets { totalCount } }
    }`);
    expect(data.city).toEqual({
      children: { totalCount: 3, nodes: [{ code: '370102' }, { code: '370103' }, { code: '370104' }] },
      streets: { totalCount: 4, nodes: [{ code: '370102001' }, { code: '370102002' }, { code: '370103001' }, { code: '370103002' }] },
    });
    expect(data.district).toEqual({ children: { nodes: [{ code: '370102001' }, { code: '370102002' }] }, streets: { nodes: [{ code: '370102001' }, { code: '370102002' }] } });
    expect(data.street).toEqual({ children: { nodes: [{ code: '370102001001' }] }, streets: { totalCount: 0 } });
  });

  it('filters, orders and pages children', async () => {
    const { data } = await measured(`{
      area(code: "370100") {
        a: children(orderBy: { field: CODE, direction: DESC }, first: 2) { nodes { code } pageInfo { hasNextPage } }
        b: children(filter: { hasWorkingCommittee: false }) { nodes { code } }
      }
    }`);
    expect(data.area).toEqual({ a: { nodes: [{ code: '370104' }, { code: '370103' }], pageInfo: { hasNextPage: true } }, b: { nodes: [{ code: '370104' }] } });
  });

  it('loads the parents of a list in one statement (DataLoader)', async () => {
    const { data, statements } = await measured('{ areas(level: STREET) { nodes { code parent { name } } } }');
    expect(data.areas.nodes.map((a: any) => a.parent.name)).toEqual(['历下区', '历下区', '市中区', '市中区']);
    expect(statements).toHaveLength(2);
  });

  it('loads children and grandchildren level by level, one statement per level whatever the number of parents', async () => {
    const query = (n: number) => `{
      areas(level: DISTRICT, first: ${n}) { nodes { code children { totalCount nodes { code parent { code parent { code } } children { nodes { code } } } } } }
    }`;
    const one = await measured(query(1));
    const all = await measured(query(3));
    expect(all.data.areas.nodes).toMatchObject([
      {
        code: '370102',
        children: {
          totalCount: 2,
          nodes: [
            { code: '370102001', parent: { code: '370102', parent: { code: '370100' } }, children: { nodes: [{ code: '370102001001' }] } },
            { code: '370102002', parent: { code: '370102', parent: { code: '370100' } }, children: { nodes: [] } },
          ],
        },
      },
      { code: '370103', children: { totalCount: 2 } },
      { code: '370104', children: { totalCount: 0, nodes: [] } },
    ]);
    // districts; their children with the children's count (one statement); the grandchildren; the
    // children's parents, the districts again (the list fetched only their code and id: rows with
    // some columns are not primed, selected-columns.ts); the city.
    expect(all.statements).toHaveLength(5);
    expect(one.statements).toHaveLength(5);
  });

  it('counts in the page statement when totalCount is selected, also through a fragment, and not otherwise', async () => {
    const counted = await measured(`{ areas(level: DISTRICT) { ...Total nodes { code children { ...Total nodes { code } } } } }
      fragment Total on AreaConnection { totalCount }`);
    expect(counted.data.areas.totalCount).toBe(3);
    expect(counted.data.areas.nodes.map((a: any) => a.children.totalCount)).toEqual([2, 2, 0]);
    // the districts with their count; the streets with their counts.
    expect(counted.statements).toHaveLength(2);
    expect(counted.statements.every((text) => /count\(\*\)/.test(text))).toBe(true);
    const uncounted = await measured('{ areas(level: DISTRICT) { nodes { code children { nodes { code } } } } }');
    expect(uncounted.statements).toHaveLength(2);
    expect(uncounted.statements.some((text) => /count\(\*\)/.test(text))).toBe(false);
  });

  it('still counts a list whose page is empty because the cursor is past its end', async () => {
    const { data: first } = await measured('{ areas(level: DISTRICT) { edges { cursor } nodes { children { edges { cursor } } } } }');
    const lastDistrict = first.areas.edges.at(-1).cursor;
    const lastStreet = first.areas.nodes[0].children.edges.at(-1).cursor;
    const { data } = await measured(`{
      past: areas(level: DISTRICT, after: "${lastDistrict}") { totalCount nodes { code } }
      districts: areas(level: DISTRICT) { nodes { code children(after: "${lastStreet}") { totalCount nodes { code } } } }
    }`);
    expect(data.past).toEqual({ totalCount: 3, nodes: [] });
    // 370102's page is past its end, 370103's cursor (of another list) orders before its rows, 370104 has none.
    expect(data.districts.nodes.map((a: any) => [a.code, a.children.totalCount, a.children.nodes.length])).toEqual([
      ['370102', 2, 0],
      ['370103', 2, 2],
      ['370104', 0, 0],
    ]);
  });

  it('answers the same area under two aliases with one statement', async () => {
    const { statements } = await measured('{ a: area(code: "370102") { name } b: area(code: "370102") { name } }');
    expect(statements).toHaveLength(1);
  });

  it('is reachable by node(id)', async () => {
    const { data } = await measured(`{ node(id: "${globalId('Area', 10)}") { __typename id ... on Area { code name } } }`);
    expect(data.node).toEqual({ __typename: 'Area', id: globalId('Area', 10), code: '370102001', name: '解放路街道' });
  });
});
