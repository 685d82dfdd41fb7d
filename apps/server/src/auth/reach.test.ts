import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES, insertJinanFixture, sql, startTestApp, syncIdentities, testDatabase, type TestApp } from '../../test/helpers.js';
import { csv, ORG_HEADERS, orgRow } from '../import/import-fixture.js';
import { toGlobalId } from '../relay/cursor.js';
import { openScopedConnection } from './reach.js';

/**
 * Row-level security (auth/reach.ts, migration 1764748800000): what a district officer and a
 * street worker see and may change, and that their connection goes back to the pool clean.
 * The fixture: 历下区 (2) with streets 10 and 11, 市中区 (3) with street 12; organization 1 in
 * street 10, organization 2 in street 12; a member in each.
 */
let db: TestDatabase;
let app: TestApp;
let street10: string;
let district3: string;
let analyst: string;

const ORGANIZATIONS = '{ organizations(first: 50) { totalCount nodes { id name } } }';

beforeAll(async () => {
  db = await testDatabase();
  await insertJinanFixture(db.url);
  await sql(
    db.url,
    `INSERT INTO party_member (id, name, gender, birth_date, phone, id_number, address, organization_id, employed_since, stage,
        applied_on, activist_on, candidate_on, probationary_on, full_on, relation_holder)
     VALUES (1, '王小明', 'M', '1990-01-01', '13812341234', '370102199001010011', '历下区某路1号', 1, '2020-01-01', 'FULL',
             '2010-01-01', '2010-06-01', '2011-01-01', '2011-06-01', '2012-06-01', 'COMMUNITY'),
            (2, '李小红', 'F', '1991-02-02', '13912341234', '370103199102020022', '市中区某路2号', 2, '2020-01-01', 'FULL',
             '2010-01-01', '2010-06-01', '2011-01-01', '2011-06-01', '2012-06-01', 'COMMUNITY')`,
  );
  await syncIdentities(db.url);
  app = await startTestApp(db.url);
  street10 = await app.authorizationAs({ role: 'STREET_WORKER', areaId: 10, username: 'worker10' });
  district3 = await app.authorizationAs({ role: 'DISTRICT_OFFICER', areaId: 3, username: 'officer3' });
  analyst = await app.authorizationAs({ role: 'CITY_ANALYST', username: 'analyst' });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('row-level security', () => {
  it('shows a street worker the organizations of their street only, in lists, counts and node()', async () => {
    const list = await app.gql<{ organizations: { totalCount: number; nodes: { id: string; name: string }[] } }>(ORGANIZATIONS, {}, { authorization: street10 });
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data!.organizations.totalCount).toBe(1);
    expect(list.body.data!.organizations.nodes.map((n) => n.name)).toEqual(['济南示例软件有限公司']);

    const foreign = toGlobalId('Organization', 2);
    const node = await app.gql<{ node: unknown }>(`query ($id: ID!) { node(id: $id) { id } }`, { id: foreign }, { authorization: street10 });
    expect(node.body).toEqual({ data: { node: null } });

    // The same questions as the city administrator see both.
    const all = await app.gql<{ organizations: { totalCount: number } }>(ORGANIZATIONS);
    expect(all.body.data!.organizations.totalCount).toBe(2);
  });

  it('counts coverage of a district officer from their district only, even asked for the city', async () => {
    const query = `{ coverage(scope: "370100") { totals { inScope } } }`;
    const officer = await app.gql<{ coverage: { totals: { inScope: number } } }>(query, {}, { authorization: district3 });
    const admin = await app.gql<{ coverage: { totals: { inScope: number } } }>(query);
    expect(officer.body.errors).toBeUndefined();
    expect(admin.body.data!.coverage.totals.inScope).toBe(2);
    expect(officer.body.data!.coverage.totals.inScope).toBe(1);
  });

  it("shows members' personal data to the roles that may read it and masks it for the analyst", async () => {
    const query = '{ partyMembers(first: 10) { nodes { name phone idNumber address } } }';
    const worker = await app.gql<{ partyMembers: { nodes: Record<string, string | null>[] } }>(query, {}, { authorization: street10 });
    expect(worker.body.data!.partyMembers.nodes).toEqual([{ name: '王小明', phone: '13812341234', idNumber: '370102199001010011', address: '历下区某路1号' }]);
    const masked = await app.gql<{ partyMembers: { nodes: Record<string, string | null>[] } }>(query, {}, { authorization: analyst });
    expect(masked.body.data!.partyMembers.nodes).toEqual([
      { name: '王**', phone: '138****1234', idNumber: '3701**********0011', address: null },
      { name: '李**', phone: '139****1234', idNumber: '3701**********0022', address: null },
    ]);
  });

  it('refuses a write outside the reach and writes nothing', async () => {
    const deregister = `mutation ($id: ID!) { deregisterOrganization(id: $id, deregisteredOn: "2026-01-05", version: 1) { organization { id status } } }`;
    const before = await sql(db.url, 'SELECT id, status, version FROM organization ORDER BY id');
    // Organization 2 exists, in street 12: for the worker of street 10 it does not.
    const response = await app.gql(deregister, { id: toGlobalId('Organization', 2) }, { authorization: street10 });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await sql(db.url, 'SELECT id, status, version FROM organization ORDER BY id')).rows).toEqual(before.rows);
  });

  it("checks a street worker's import rows against the street: home rows pass, another street's and a code registered there are refused", async () => {
    const file = csv(ORG_HEADERS, [
      orgRow(40),
      orgRow(41, { 所在街道: '370103001', 所在园区: undefined, 所在楼宇: undefined, 所在商圈: undefined }),
      orgRow(42, { 统一社会信用代码: CODES.socialGroup }),
    ]);
    const response = await fetch(`${app.url}/import/organizations?dryRun=1`, { method: 'POST', body: file, headers: { authorization: street10 } });
    expect(response.status).toBe(200);
    const report = (await response.json()) as { rows: { outcome: string; issues?: { reason: string }[] }[] };
    expect(report.rows.map((r) => r.outcome)).toEqual(['CREATE', 'REFUSED', 'REFUSED']);
    expect(report.rows[1]!.issues!.map((i) => i.reason)).toContain('UNKNOWN_AREA');
    expect(report.rows[2]!.issues!.map((i) => i.reason)).toContain('REGISTERED_OUTSIDE_REACH');
  });

  it('refuses every mutation of a read-only analyst before any SQL', async () => {
    const deregister = `mutation { deregisterOrganization(id: "${toGlobalId('Organization', 1)}", deregisteredOn: "2026-01-05", version: 1) { organization { id } } }`;
    const { result, statements } = await app.server.statements.capture(() => app.gql(deregister, {}, { authorization: analyst }));
    expect(result.status).toBe(403);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'READ_ONLY' });
    expect(statements).toEqual([]);
  });

  it('gives the pooled connection back as the owner, with no reach left behind', async () => {
    // Many scoped requests, then every pool connection asked who it is.
    await Promise.all(Array.from({ length: 12 }, () => app.gql(ORGANIZATIONS, {}, { authorization: street10 })));
    const who = await Promise.all(
      Array.from({ length: 10 }, () =>
        app.server.dataSource.query(`SELECT current_user AS role, coalesce(current_setting('liangxin.reach', true), '') AS reach, pg_sleep(0.05)`),
      ),
    );
    for (const [row] of who) expect(row).toMatchObject({ role: 'postgres', reach: '' });
  });

  it('refuses statements on a scoped connection once it is released, instead of running them unrestricted', async () => {
    const scoped = openScopedConnection(app.server.dataSource, {
      kind: 'account',
      id: 1,
      role: 'STREET_WORKER',
      areaIds: [10],
      scopes: [],
      allowedOperationHashes: null,
      actor: 'account:worker10',
    });
    const [inside] = (await scoped.manager.query('SELECT current_user AS role, (SELECT count(*)::int FROM organization) AS n')) as { role: string; n: number }[];
    expect(inside).toEqual({ role: 'liangxin_scoped', n: 1 });
    await scoped.release();
    await expect(scoped.manager.query('SELECT count(*) FROM organization')).rejects.toThrow();
  });

  it('answers 401 without detail to a request that is not signed in, but lets signIn through', async () => {
    const anonymous = await app.gql(ORGANIZATIONS, {}, { authorization: '' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] });
    const typo = await app.gql('{ organizatons { totalCount } }', {}, { authorization: '' });
    expect(typo.status).toBe(401);
    expect(JSON.stringify(typo.body)).not.toContain('Did you mean');
    const signIn = await app.gql('mutation { signIn(username: "nobody", password: "wrong") { token } }', {}, { authorization: '' });
    expect(signIn.status).toBe(200);
    expect(signIn.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
