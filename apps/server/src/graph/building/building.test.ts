import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';
import { expectPageSizeRefused, globalId, ids, walkBothWays } from '../../../test/pagination.js';
import { BUILDINGS_BY_TAX, insertPlacesFixture } from '../../../test/places-fixture.js';

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

describe('buildings', () => {
  it('pages forward and backward, stable under ties on tax', async () => {
    expect(await walkBothWays(app, 'buildings', '', 3)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await walkBothWays(app, 'buildings', 'orderBy: { field: ANNUAL_TAX }', 2)).toEqual([...BUILDINGS_BY_TAX]);
    expect(await walkBothWays(app, 'buildings', 'orderBy: { field: ANNUAL_TAX, direction: DESC }', 4)).toEqual([...BUILDINGS_BY_TAX].reverse());
    expect(await walkBothWays(app, 'buildings', 'orderBy: { field: OPENED_ON }', 3)).toEqual([4, 1, 3, 2, 5, 6, 7, 8, 9, 10]);
    expect(await walkBothWays(app, 'buildings', 'orderBy: { field: NAME, direction: DESC }', 3)).toHaveLength(10);
  });

  it('refuses first > 100 and last > 100', async () => {
    await expectPageSizeRefused(app, 'buildings');
    const { body } = await app.gql('{ buildings(last: 500) { totalCount } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['last'] });
  });

  it('shows money in fen (beyond 32 bits) and in yuan, and the 亿元楼宇 flag', async () => {
    const { data } = await measured(`{ buildings(first: 2) { nodes { name annualTaxFen annualTaxYuan isHundredMillionTaxBuilding floors address openedOn } } }`);
    expect(data.buildings.nodes).toEqual([
      { name: '齐鲁软件大厦', annualTaxFen: 12000000000, annualTaxYuan: 120000000, isHundredMillionTaxBuilding: true, floors: 28, address: '舜华路1号', openedOn: '2008-09-01' },
      { name: '泉城金融中心', annualTaxFen: 10000000000, annualTaxYuan: 100000000, isHundredMillionTaxBuilding: true, floors: 40, address: '泉城路2号', openedOn: '2015-01-01' },
    ]);
  });

  it('narrows by each filter field', async () => {
    expect(await ids(app, 'buildings', 'filter: { scope: "370102" }')).toEqual([1, 2, 3, 6, 7, 8, 9, 10]);
    expect(await ids(app, 'buildings', 'filter: { scope: "370103" }')).toEqual([4, 5]);
    expect(await ids(app, 'buildings', `filter: { scope: "${globalId('Park', 1)}" }`)).toEqual([1]);
    expect(await ids(app, 'buildings', `filter: { scope: "${globalId('Building', 5)}" }`)).toEqual([5]);
    expect(await ids(app, 'buildings', 'filter: { inPark: true }')).toEqual([1, 3, 4]);
    expect(await ids(app, 'buildings', 'filter: { inPark: false }')).toEqual([2, 5, 6, 7, 8, 9, 10]);
    expect(await ids(app, 'buildings', 'filter: { isHundredMillionTaxBuilding: true }')).toEqual([1, 2]);
    expect(await ids(app, 'buildings', 'filter: { isHundredMillionTaxBuilding: false }')).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await ids(app, 'buildings', 'filter: { annualTaxFen: { min: 500000000, max: 10000000000 } }')).toEqual([2, 3, 4]);
    expect(await ids(app, 'buildings', 'filter: { annualTaxFen: { min: 10000000001 } }')).toEqual([1]);
    expect(await ids(app, 'buildings', 'filter: { floors: { min: 7, max: 12 } }')).toEqual([3, 8, 9, 10]);
    expect(await ids(app, 'buildings', 'filter: { openedOn: { from: "2019-01-01" } }')).toEqual([5, 6, 7, 8, 9, 10]);
    expect(await ids(app, 'buildings', 'filter: { text: "解放路" }')).toEqual([6, 7, 8, 9, 10]);
    expect(await ids(app, 'buildings', 'filter: { text: "泉城路" }')).toEqual([2]);
    // 大观园商厦's Party branch is dissolved.
    expect(await ids(app, 'buildings', 'filter: { hasPartyOrganization: true }')).toEqual([1]);
    expect(await ids(app, 'buildings', 'filter: { hasPartyOrganization: false, scope: "370103001" }')).toEqual([4]);
    // Building 1 holds one active and one deregistered organization.
    expect(await ids(app, 'buildings', 'filter: { organizationCount: { min: 1 } }')).toEqual([1, 2, 3]);
  });

  it('combines with and / or / not', async () => {
    expect(await ids(app, 'buildings', 'filter: { or: [{ inPark: true }, { isHundredMillionTaxBuilding: true }] }')).toEqual([1, 2, 3, 4]);
    expect(await ids(app, 'buildings', 'filter: { scope: "370102001", not: { text: "解放路" } }')).toEqual([1, 2]);
    expect(await ids(app, 'buildings', 'filter: { and: [{ inPark: true }, { not: { scope: "370102" } }] }')).toEqual([4]);
  });

  it('refuses a tax range that ends before it starts', async () => {
    const { body } = await app.gql('{ buildings(filter: { annualTaxFen: { min: 10, max: 5 } }) { totalCount } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'annualTaxFen', 'max'] });
  });
});

describe('building relations', () => {
  it('Area.buildings (beneath) and Park.buildings, and back through park and street', async () => {
    const { data } = await measured(`{
      city: area(code: "370100") { buildings { totalCount } }
      district: area(code: "370103") { buildings { nodes { name street { code } park { name } } } }
      park: node(id: "${globalId('Park', 4)}") { ... on Park { buildings { nodes { name park { name } } } } }
    }`);
    expect(data.city.buildings.totalCount).toBe(10);
    expect(data.district.buildings.nodes).toEqual([
      { name: '大观园商厦', street: { code: '370103001' }, park: { name: '市中经济开发区' } },
      { name: '杆石桥写字楼', street: { code: '370103002' }, park: null },
    ]);
    expect(data.park.buildings.nodes).toEqual([{ name: '千佛山大厦', park: { name: '千佛山科创园' } }]);
  });

  it('filters and orders a relation: the 亿元楼宇 of a district, richest first', async () => {
    const { data } = await measured(`{
      area(code: "370102") { buildings(filter: { isHundredMillionTaxBuilding: true }, orderBy: { field: ANNUAL_TAX, direction: DESC }) { nodes { name } } }
    }`);
    expect(data.area.buildings.nodes).toEqual([{ name: '齐鲁软件大厦' }, { name: '泉城金融中心' }]);
  });

  it('answers a nested query with one statement per level, whatever the number of parents', async () => {
    const query = (n: number) => `{
      areas(level: STREET, first: ${n}) { nodes { buildings { totalCount nodes { park { name } street { name } organizations { totalCount nodes { name } } } } } }
    }`;
    const one = await measured(query(1));
    const all = await measured(query(4));
    expect(all.data.areas.nodes.map((a: any) => a.buildings.totalCount)).toEqual([7, 1, 1, 1]);
    // streets; buildings page with count, its parks and streets joined in; organizations page with count.
    expect(all.statements).toHaveLength(3);
    expect(one.statements).toHaveLength(3);
  });

  it('is reachable by node(id)', async () => {
    const { data } = await measured(`{ node(id: "${globalId('Building', 2)}") { __typename id ... on Building { name } } }`);
    expect(data.node).toEqual({ __typename: 'Building', id: globalId('Building', 2), name: '泉城金融中心' });
  });
});
