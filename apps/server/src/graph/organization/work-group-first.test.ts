import { todayInShanghai } from '@liangxin/domain';
import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, insertJinanFixture, sql, startTestApp, testDatabase, type GraphQLResponse, type TestApp } from '../../../test/helpers.js';
import { fixtureCode } from '../coverage/coverage-fixture.js';

/**
 * Issue 6: a street worker sees "the organizations they 专包 first". 解放路街道 (street 10) holds
 * organizations 1 and 3–8; the worker 周专包 (work-group entry 900) looks after 5 and 7 today.
 * 3 was theirs until 2024; 8 becomes theirs next month; 4 is a colleague's (901). So: 5, 7, then
 * 1, 3, 4, 6, 8.
 */
let db: TestDatabase;
let app: TestApp;
let worker: string;
let workerWithoutEntry: string;
let analyst: string;

const nextMonth = (() => {
  const d = new Date(`${todayInShanghai()}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
})();

beforeAll(async () => {
  db = await testDatabase();
  await insertJinanFixture(db.url);
  await sql(
    db.url,
    `INSERT INTO organization (id, credit_code, name, category, industry, employees, registered_on, street_id) VALUES
       (3, '${fixtureCode(3)}', '组织三', 'NON_PUBLIC_ECONOMIC', 'I', 10, '2019-01-01', 10),
       (4, '${fixtureCode(4)}', '组织四', 'NON_PUBLIC_ECONOMIC', 'I', 10, '2019-01-01', 10),
       (5, '${fixtureCode(5)}', '组织五', 'NON_PUBLIC_ECONOMIC', 'I', 10, '2019-01-01', 10),
       (6, '${fixtureCode(6)}', '组织六', 'NON_PUBLIC_ECONOMIC', 'I', 10, '2019-01-01', 10),
       (7, '${fixtureCode(7)}', '组织七', 'NON_PUBLIC_ECONOMIC', 'I', 10, '2019-01-01', 10),
       (8, '${fixtureCode(8)}', '组织八', 'NON_PUBLIC_ECONOMIC', 'I', 10, '2019-01-01', 10);
     INSERT INTO work_group_member (id, street_id, name, phone, joined_on) VALUES
       (900, 10, '周专包', '0531-86009000', '2020-01-01'), (901, 10, '吴同事', '0531-86009001', '2020-01-01');
     INSERT INTO liaison_point (kind, organization_id, work_group_member_id, since, until) VALUES
       ('WORK_GROUP', 3, 900, '2020-01-01', '2024-06-01'),
       ('WORK_GROUP', 3, 901, '2024-06-01', NULL),
       ('WORK_GROUP', 4, 901, '2020-01-01', NULL),
       ('WORK_GROUP', 5, 900, '2024-06-01', NULL),
       ('WORK_GROUP', 7, 900, '2021-01-01', NULL),
       ('WORK_GROUP', 8, 900, '${nextMonth}', NULL)`,
  );
  await addAccount(db.url, 'zhou', 'zhou-password', 'STREET_WORKER', 10);
  await sql(db.url, `UPDATE account SET work_group_member_id = 900 WHERE username = 'zhou'`);
  await addAccount(db.url, 'nobody', 'nobody-password', 'STREET_WORKER', 10);
  const ids = Object.fromEntries((await sql(db.url, `SELECT username, id FROM account`)).rows.map((r) => [r.username, r.id]));
  app = await startTestApp(db.url);
  worker = await app.authorizationAs({ role: 'STREET_WORKER', areaId: 10, username: 'zhou', id: ids.zhou });
  workerWithoutEntry = await app.authorizationAs({ role: 'STREET_WORKER', areaId: 10, username: 'nobody', id: ids.nobody });
  analyst = await app.authorizationAs({ role: 'CITY_ANALYST', username: 'analyst' });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const names = (body: { data?: Record<string, unknown> | null; errors?: unknown }, ...path: string[]) => {
  expect(body.errors).toBeUndefined();
  let at: unknown = body.data;
  for (const key of path) at = (at as Record<string, unknown>)[key];
  return (at as { nodes: { name: string }[] }).nodes.map((n) => n.name);
};

const MINE_FIRST = ['组织五', '组织七', '济南示例软件有限公司', '组织三', '组织四', '组织六', '组织八'];
const BY_ID = ['济南示例软件有限公司', '组织三', '组织四', '组织五', '组织六', '组织七', '组织八'];

describe("a street worker's 专包 organizations first", () => {
  it('is the default order of the root list, of the street’s list and of the blind spots for the worker', async () => {
    const root = await app.gql(`{ organizations(first: 20) { nodes { name } } }`, {}, { authorization: worker });
    expect(names(root.body, 'organizations')).toEqual(MINE_FIRST);
    const street = await app.gql(`{ area(code: "370102001") { organizations(first: 20) { nodes { name } } } }`, {}, { authorization: worker });
    expect(names(street.body, 'area', 'organizations')).toEqual(MINE_FIRST);
    // No Party organization and no visit anywhere in the fixture: every organization is a blind spot.
    const spots = await app.gql<{ blindSpots: { nodes: { organization: { name: string } }[] } }>(
      `{ blindSpots(scope: "370102001", first: 20) { nodes { organization { name } } } }`,
      {},
      { authorization: worker },
    );
    expect(spots.body.errors).toBeUndefined();
    expect(spots.body.data!.blindSpots.nodes.map((n) => n.organization.name)).toEqual(MINE_FIRST);
  });

  it('pages through the same order with cursors, forwards and backwards', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    type Page = { organizations: { nodes: { name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    for (;;) {
      const response: GraphQLResponse<Page> = await app.gql<Page>(
        `query ($after: String) { organizations(first: 2, after: $after) { nodes { name } pageInfo { hasNextPage endCursor } } }`,
        { after },
        { authorization: worker },
      );
      expect(response.body.errors).toBeUndefined();
      const page = response.body.data!.organizations;
      seen.push(...page.nodes.map((n) => n.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(MINE_FIRST);

    const last = await app.gql<{ organizations: { nodes: { name: string }[]; pageInfo: { startCursor: string } } }>(
      `{ organizations(last: 4) { nodes { name } pageInfo { startCursor } } }`,
      {},
      { authorization: worker },
    );
    expect(names(last.body, 'organizations')).toEqual(MINE_FIRST.slice(3));
    const before = await app.gql(
      `query ($before: String) { organizations(last: 10, before: $before) { nodes { name } } }`,
      { before: last.body.data!.organizations.pageInfo.startCursor },
      { authorization: worker },
    );
    expect(names(before.body, 'organizations')).toEqual(MINE_FIRST.slice(0, 3));
  });

  it('yields to an order the worker asks for, and reverses with DESC', async () => {
    const byId = await app.gql(`{ organizations(first: 20, orderBy: { field: ID }) { nodes { name } } }`, {}, { authorization: worker });
    expect(names(byId.body, 'organizations')).toEqual(BY_ID);
    const reversed = await app.gql(`{ organizations(first: 20, orderBy: { field: WORK_GROUP_FIRST, direction: DESC }) { nodes { name } } }`, {}, {
      authorization: worker,
    });
    expect(names(reversed.body, 'organizations')).toEqual([...MINE_FIRST].reverse());
  });

  it('is by id for a worker whose account names no work-group entry, and for an analyst who asks for it', async () => {
    const unnamed = await app.gql(`{ organizations(first: 20) { nodes { name } } }`, {}, { authorization: workerWithoutEntry });
    expect(names(unnamed.body, 'organizations')).toEqual(BY_ID);
    const city = await app.gql(`{ area(code: "370102001") { organizations(first: 20, orderBy: { field: WORK_GROUP_FIRST }) { nodes { name } } } }`, {}, {
      authorization: analyst,
    });
    expect(names(city.body, 'area', 'organizations')).toEqual(BY_ID);
    const cityDefault = await app.gql(`{ area(code: "370102001") { organizations(first: 20) { nodes { name } } } }`, {}, { authorization: analyst });
    expect(names(cityDefault.body, 'area', 'organizations')).toEqual(BY_ID);
  });

  it("refuses a cursor of another order (a worker's default cursor under orderBy ID)", async () => {
    const first = await app.gql<{ organizations: { pageInfo: { endCursor: string } } }>(`{ organizations(first: 1) { pageInfo { endCursor } } }`, {}, { authorization: worker });
    const response = await app.gql(
      `query ($after: String) { organizations(first: 1, after: $after, orderBy: { field: ID }) { nodes { name } } }`,
      { after: first.body.data!.organizations.pageInfo.endCursor },
      { authorization: worker },
    );
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
  });
});
