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

describe('parks', () => {
  it('pages forward and backward in every order', async () => {
    expect(await walkBothWays(app, 'parks')).toEqual([1, 2, 3, 4]);
    // Unicode code points: 千 < 市 < 槐 < 济.
    expect(await walkBothWays(app, 'parks', 'orderBy: { field: NAME }', 3)).toEqual([4, 2, 3, 1]);
    expect(await walkBothWays(app, 'parks', 'orderBy: { field: ESTABLISHED_ON, direction: DESC }', 1)).toEqual([4, 3, 2, 1]);
  });

  it('refuses first > 100', async () => {
    await expectPageSizeRefused(app, 'parks');
  });

  it('narrows by each filter field', async () => {
    // Parks administered by 历下区 or its streets: the national park and the street's park.
    expect(await ids(app, 'parks', 'filter: { scope: "370102" }')).toEqual([1, 4]);
    expect(await ids(app, 'parks', 'filter: { scope: "370102002" }')).toEqual([4]);
    expect(await ids(app, 'parks', 'filter: { scope: "370100" }')).toEqual([1, 2, 3, 4]);
    expect(await ids(app, 'parks', `filter: { scope: "${globalId('Park', 2)}" }`)).toEqual([2]);
    expect(await ids(app, 'parks', 'filter: { level: [MUNICIPAL] }')).toEqual([3, 4]);
    expect(await ids(app, 'parks', 'filter: { level: [NATIONAL, PROVINCIAL] }')).toEqual([1, 2]);
    expect(await ids(app, 'parks', 'filter: { establishedOn: { from: "2000-01-01", to: "2015-12-31" } }')).toEqual([2, 3]);
    expect(await ids(app, 'parks', 'filter: { text: "开发区" }')).toEqual([1, 2]);
    expect(await ids(app, 'parks', 'filter: { hasPartyOrganization: true }')).toEqual([1]);
    expect(await ids(app, 'parks', 'filter: { hasPartyOrganization: false }')).toEqual([2, 3, 4]);
    // Park 1 holds one active and one deregistered organization.
    expect(await ids(app, 'parks', 'filter: { organizationCount: { min: 1 } }')).toEqual([1]);
    expect(await ids(app, 'parks', 'filter: { organizationCount: { min: 2 } }')).toEqual([]);
    expect(await ids(app, 'parks', 'filter: { organizationCount: { max: 0 } }')).toEqual([2, 3, 4]);
  });

  it('combines with and / or / not', async () => {
    expect(await ids(app, 'parks', 'filter: { or: [{ level: [NATIONAL] }, { text: "槐荫" }] }')).toEqual([1, 3]);
    expect(await ids(app, 'parks', 'filter: { not: { level: [MUNICIPAL] } }')).toEqual([1, 2]);
    expect(await ids(app, 'parks', 'filter: { and: [{ level: [MUNICIPAL] }, { scope: "370102" }] }')).toEqual([4]);
  });

  it('refuses a range that ends before it starts, naming the field', async () => {
    const { body } = await app.gql('{ parks(filter: { establishedOn: { from: "2020-01-01", to: "2019-01-01" } }) { totalCount } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'establishedOn', 'to'] });
  });
});

describe('park relations', () => {
  it('Area.parks holds the parks of the area and beneath; Park.area goes back', async () => {
    const { data } = await measured(`{
      city: area(code: "370100") { parks { totalCount } }
      district: area(code: "370102") { parks { nodes { name level area { code } } } }
      street: area(code: "370103001") { parks { totalCount } }
    }`);
    expect(data.city.parks.totalCount).toBe(4);
    expect(data.district.parks.nodes).toEqual([
      { name: '济南高新技术产业开发区', level: 'NATIONAL', area: { code: '370102' } },
      { name: '千佛山科创园', level: 'MUNICIPAL', area: { code: '370102002' } },
    ]);
    expect(data.street.parks.totalCount).toBe(0);
  });

  it('loads a nested query over any number of parks with the same statements', async () => {
    const query = (n: number) => `{
      parks(first: ${n}) { nodes { name area { name } buildings { totalCount nodes { name street { name } } } organizations { totalCount } } }
    }`;
    const one = await measured(query(1));
    const all = await measured(query(4));
    expect(all.data.parks.nodes.map((p: any) => [p.buildings.totalCount, p.organizations.totalCount])).toEqual([
      [1, 2],
      [1, 0],
      [0, 0],
      [1, 0],
    ]);
    // parks; areas; buildings page with count, its streets joined in; organizations page with count.
    expect(all.statements).toHaveLength(4);
    expect(one.statements).toHaveLength(4);
  });

  it('is reachable by node(id)', async () => {
    const { data } = await measured(`{ node(id: "${globalId('Park', 3)}") { __typename ... on Park { name level establishedOn } } }`);
    expect(data.node).toEqual({ __typename: 'Park', name: '槐荫工业园', level: 'MUNICIPAL', establishedOn: '2012-09-01' });
  });
});
