import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, insertJinanFixture, sql, startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';
import { toGlobalId } from '../../relay/cursor.js';

/** The city-wide audit log (`auditEntries`): the administrator's, newest first, filtered. */
let db: TestDatabase;
let app: TestApp;
let boss: string;

const ENTRIES = `query ($filter: AuditEntryFilter, $first: Int, $after: String) {
  auditEntries(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { at actor operation nodeType nodeId }
  }
}`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { at: string; actor: string; operation: string; nodeType: string; nodeId: string }[];
}
const entries = async (variables: Record<string, unknown>) => {
  const { body } = await app.gql(ENTRIES, variables, { authorization: boss });
  expect(body.errors).toBeUndefined();
  return (body.data as { auditEntries: Page }).auditEntries;
};

beforeAll(async () => {
  db = await testDatabase();
  await insertJinanFixture(db.url);
  // Entries either side of midnight in Shanghai on 2026-12-01 (16:00 UTC the day before).
  await sql(
    db.url,
    `INSERT INTO audit_log (at, actor, operation, node_type, node_id, before, after) VALUES
       ('2026-11-30T15:59:00Z', 'account:zhao', 'recordVisit', 'Visit', 1, NULL, '{"id": 1}'),
       ('2026-11-30T16:01:00Z', 'account:zhao', 'transferOrganization', 'Organization', 1, '{"id": 1}', '{"id": 1}'),
       ('2026-12-01T09:00:00Z', 'token:erp', 'import:organizations', 'Organization', 2, NULL, '{"id": 2}')`,
  );
  await addAccount(db.url, 'boss', 'boss-password', 'CITY_ADMIN', null);
  const bossId = (await sql(db.url, `SELECT id FROM account WHERE username = 'boss'`)).rows[0].id as number;
  app = await startTestApp(db.url);
  boss = await app.authorizationAs({ role: 'CITY_ADMIN', username: 'boss', id: bossId });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('auditEntries', () => {
  it('lists every change newest first, the administration made through the API included', async () => {
    const made = await app.gql(
      `mutation { createAccount(input: { username: "qian", displayName: "钱分析员", role: CITY_ANALYST }) { account { username } } }`,
      {},
      { authorization: boss },
    );
    expect(made.body.errors).toBeUndefined();
    const all = await entries({ first: 100 });
    const total = Number((await sql(db.url, 'SELECT count(*) FROM audit_log')).rows[0].count);
    expect(all.totalCount).toBe(total);
    expect(all.nodes[0]).toMatchObject({ actor: 'account:boss', operation: 'createAccount', nodeType: 'Account' });
    const times = all.nodes.map((n) => n.at);
    expect(times).toEqual([...times].sort().reverse());

    const byBoss = await entries({ filter: { actor: 'account:boss' } });
    expect(byBoss.nodes.map((n) => n.operation)).toEqual(['createAccount']);
  });

  it('filters by operation, node type and the day in Shanghai, and pages with the cursor', async () => {
    const onFirst = await entries({ filter: { madeOn: { from: '2026-12-01', to: '2026-12-01' } } });
    expect(onFirst.nodes.map((n) => [n.operation, n.nodeId])).toEqual([
      ['import:organizations', toGlobalId('Organization', 2)],
      ['transferOrganization', toGlobalId('Organization', 1)],
    ]);
    const lastOfNovember = await entries({ filter: { madeOn: { to: '2026-11-30' }, actor: 'account:zhao' } });
    expect(lastOfNovember.nodes.map((n) => n.operation)).toEqual(['recordVisit']);

    const organizations = await entries({ filter: { nodeType: ['Organization'], operation: ['transferOrganization', 'import:organizations'] }, first: 1 });
    expect(organizations.totalCount).toBe(2);
    expect(organizations.nodes.map((n) => n.operation)).toEqual(['import:organizations']);
    expect(organizations.pageInfo.hasNextPage).toBe(true);
    const next = await entries({ filter: { nodeType: ['Organization'], operation: ['transferOrganization', 'import:organizations'] }, first: 1, after: organizations.pageInfo.endCursor });
    expect(next.nodes.map((n) => n.operation)).toEqual(['transferOrganization']);
    expect(next.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a bad filter with BAD_USER_INPUT at its field', async () => {
    const refused = async (filter: Record<string, unknown>) => {
      const { status, body } = await app.gql(ENTRIES, { filter }, { authorization: boss });
      expect(status).toBe(200);
      expect(body.data).toBeNull();
      return body.errors!.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field, reason: e.extensions?.reason }));
    };
    expect(await refused({ madeOn: { from: '2026-12-02', to: '2026-12-01' } })).toEqual([{ code: 'BAD_USER_INPUT', field: ['filter', 'madeOn', 'to'], reason: 'RANGE_ORDER' }]);
    expect(await refused({ operation: [] })).toEqual([{ code: 'BAD_USER_INPUT', field: ['filter', 'operation'], reason: 'COUNT' }]);
    expect(await refused({ nodeType: ['Organization', 'x'.repeat(201)] })).toEqual([{ code: 'BAD_USER_INPUT', field: ['filter', 'nodeType', 1], reason: 'LENGTH' }]);
  });
});
