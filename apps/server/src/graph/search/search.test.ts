import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';
import { rowId } from '../../../test/pagination.js';
import { insertPlacesFixture, PLACE_CODES } from '../../../test/places-fixture.js';

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

interface Hit {
  type: string;
  id: number;
  name: string;
  match: string;
}

const SEARCH = `query ($text: String!, $types: [SearchType!], $first: Int, $after: String, $last: Int, $before: String) {
  search(text: $text, types: $types, first: $first, after: $after, last: $last, before: $before) {
    totalCount truncated
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      cursor match score
      node {
        __typename
        ... on Node { id }
        ... on Organization { name creditCode }
        ... on PartyOrganization { name }
        ... on Area { name code }
        ... on Park { name }
        ... on Building { name }
        ... on BusinessDistrict { name }
      }
    }
  }
}`;

async function search(variables: Record<string, unknown>) {
  const { result, statements } = await app.server.statements.capture(() => app.gql<any>(SEARCH, variables));
  expect(result.body.errors).toBeUndefined();
  const connection = result.body.data!.search;
  const hits: Hit[] = connection.edges.map((e: any) => ({ type: e.node.__typename, id: rowId(e.node.id), name: e.node.name, match: e.match }));
  return { connection, hits, statements };
}

describe('search', () => {
  it('finds an organization by its exact credit code first, whatever the case and spaces', async () => {
    for (const text of [PLACE_CODES.software, ` ${PLACE_CODES.software.toLowerCase()} `]) {
      const { hits } = await search({ text });
      expect(hits[0]).toEqual({ type: 'Organization', id: 1, name: '济南示例软件有限公司', match: 'EXACT_CODE' });
      expect(hits).toHaveLength(1);
    }
  });

  it('finds organizations by the start of a credit code (9 characters or more)', async () => {
    const { hits } = await search({ text: PLACE_CODES.software.slice(0, 10) });
    expect(hits.map((h) => [h.id, h.match])).toEqual([
      [1, 'CODE_PREFIX'],
      [4, 'CODE_PREFIX'],
      [3, 'CODE_PREFIX'],
    ]);
  });

  it('finds an area by division code, then the areas beneath by code prefix', async () => {
    const { hits } = await search({ text: '370102' });
    expect(hits.map((h) => [h.type, h.id, h.match])).toEqual([
      ['Area', 2, 'EXACT_CODE'],
      ['Area', 10, 'CODE_PREFIX'],
      ['Area', 11, 'CODE_PREFIX'],
      ['Area', 100, 'CODE_PREFIX'],
    ]);
  });

  it('ranks an exact name before names starting with the text, and those before names containing it', async () => {
    const { hits } = await search({ text: '历下区' });
    expect(hits.map((h) => [h.name, h.match])).toEqual([
      ['历下区', 'EXACT_NAME'],
      ['历下区慈善基金会', 'NAME_PREFIX'],
      ['历下区青年创业协会', 'NAME_PREFIX'],
    ]);
    const { hits: quancheng } = await search({ text: '泉城' });
    expect(quancheng.map((h) => h.match)).toEqual(['NAME_PREFIX', 'NAME_PREFIX', 'NAME_PREFIX', 'NAME_CONTAINS']);
    expect(quancheng[3]).toMatchObject({ type: 'Organization', name: '济南泉城金融服务有限公司' });
    expect(quancheng.slice(0, 3).map((h) => h.type).sort()).toEqual(['Building', 'BusinessDistrict', 'PartyOrganization']);
  });

  it('finds every kind of object in Chinese text', async () => {
    const { hits } = await search({ text: '千佛山' });
    expect(hits.map((h) => `${h.type}:${h.name}`).sort()).toEqual(
      ['Area:千佛山街道', 'Building:千佛山大厦', 'Park:千佛山科创园', 'PartyOrganization:千佛山街道综合党委'].sort(),
    );
  });

  it('finds similar names for longer texts', async () => {
    const { hits } = await search({ text: '济南示例软件公司' });
    expect(hits).toEqual([{ type: 'Organization', id: 1, name: '济南示例软件有限公司', match: 'SIMILAR_NAME' }]);
  });

  it('keeps to the kinds asked for', async () => {
    const { hits } = await search({ text: '泉城', types: ['BUILDING', 'ORGANIZATION'] });
    expect(hits.map((h) => h.type)).toEqual(['Building', 'Organization']);
  });

  it('treats % and _ as text, not as wildcards', async () => {
    expect((await search({ text: '%' })).hits).toEqual([]);
    expect((await search({ text: '_' })).hits).toEqual([]);
  });

  it('costs one statement for the ranking and one per kind of object on the page', async () => {
    const { hits, statements } = await search({ text: '大观园' });
    expect(new Set(hits.map((h) => h.type))).toEqual(new Set(['Area', 'Building', 'BusinessDistrict', 'PartyOrganization']));
    expect(statements).toHaveLength(5);
  });

  it('pages forward and backward through the ranked hits', async () => {
    const all = (await search({ text: '街道', first: 100 })).hits;
    expect(all).toHaveLength(6);
    const forward: Hit[] = [];
    let after: string | null = null;
    for (;;) {
      const { connection, hits } = await search({ text: '街道', first: 4, after });
      forward.push(...hits);
      expect(connection.totalCount).toBe(6);
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(forward).toEqual(all);
    const backward: Hit[] = [];
    let before: string | null = null;
    for (;;) {
      const { connection, hits } = await search({ text: '街道', last: 4, before });
      backward.unshift(...hits);
      if (!connection.pageInfo.hasPreviousPage) break;
      before = connection.pageInfo.startCursor;
    }
    expect(backward).toEqual(all);
  });

  it('refuses empty text, a page over 100 and a cursor of another search, with BAD_USER_INPUT', async () => {
    const empty = await app.gql(SEARCH, { text: '  ' });
    expect(empty.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['text'] });
    const big = await app.gql(SEARCH, { text: '街道', first: 101 });
    expect(big.body.errors?.[0]).toMatchObject({ path: ['search'], extensions: { code: 'BAD_USER_INPUT', field: ['first'] } });
    const { connection } = await search({ text: '街道', first: 1 });
    const other = await app.gql(SEARCH, { text: '大观园', after: connection.pageInfo.endCursor });
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
  });

  it(`caps the hits and says so`, async () => {
    await sql(
      db.url,
      `INSERT INTO building (id, name, street_id, annual_tax_fen, opened_on) SELECT 1000 + n, '批量楼宇' || n, 13, 0, '2021-01-01' FROM generate_series(1, 205) AS n`,
    );
    const { connection } = await search({ text: '批量楼宇', first: 100 });
    expect(connection).toMatchObject({ totalCount: 200, truncated: true, pageInfo: { hasNextPage: true } });
    const second = await search({ text: '批量楼宇', first: 100, after: connection.pageInfo.endCursor });
    expect(second.connection.pageInfo.hasNextPage).toBe(false);
    expect(second.hits).toHaveLength(100);
    expect((await search({ text: '街道' })).connection.truncated).toBe(false);
  });
});
