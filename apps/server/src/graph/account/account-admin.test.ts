import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, insertJinanFixture, sql, startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';
import { toGlobalId } from '../../relay/cursor.js';

/** Account administration through the API: the city administrator's, checked, audited, all or nothing. */
let db: TestDatabase;
let app: TestApp;
let boss: string;
let bossId: number;
let officer: string;
let analyst: string;

const SIGN_IN = `mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { account { username role } } }`;
const CREATE = `mutation ($input: CreateAccountInput!) { createAccount(input: $input) { password account { username displayName role disabled area { code } workGroupMember { name } } } }`;
const UPDATE = `mutation ($username: String!, $input: UpdateAccountInput!) { updateAccount(username: $username, input: $input) { username role disabled area { code } workGroupMember { name } } }`;
const RESET = `mutation ($username: String!, $p: String) { resetAccountPassword(username: $username, newPassword: $p) { password account { username } } }`;

const signIn = async (u: string, p: string) => (await app.gql(SIGN_IN, { u, p }, { authorization: '' })).body;
const accountRows = async () => (await sql(db.url, `SELECT username, role, area_id, work_group_member_id, disabled_at IS NOT NULL AS disabled FROM account ORDER BY username`)).rows;

beforeAll(async () => {
  db = await testDatabase();
  await insertJinanFixture(db.url);
  await sql(
    db.url,
    `INSERT INTO work_group_member (id, street_id, name, phone, joined_on) VALUES
       (900, 10, '周专包', '0531-86009000', '2020-01-01'), (901, 12, '吴外街', '0531-86009001', '2020-01-01')`,
  );
  await addAccount(db.url, 'boss', 'boss-password', 'CITY_ADMIN', null);
  bossId = (await sql(db.url, `SELECT id FROM account WHERE username = 'boss'`)).rows[0].id;
  app = await startTestApp(db.url);
  boss = await app.authorizationAs({ role: 'CITY_ADMIN', username: 'boss', id: bossId });
  officer = await app.authorizationAs({ role: 'DISTRICT_OFFICER', areaId: 2, username: 'officer' });
  analyst = await app.authorizationAs({ role: 'CITY_ANALYST', username: 'analyst' });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('account administration', () => {
  it('creates a street worker with a random password shown once, who signs in with it; the audit entry holds no hash', async () => {
    const { body } = await app.gql(
      CREATE,
      { input: { username: 'Zhou.Worker', displayName: '周专包', role: 'STREET_WORKER', area: '370102001', workGroupMember: toGlobalId('WorkGroupMember', 900) } },
      { authorization: boss },
    );
    expect(body.errors).toBeUndefined();
    const created = (body.data as { createAccount: { password: string; account: unknown } }).createAccount;
    expect(created.account).toEqual({ username: 'zhou.worker', displayName: '周专包', role: 'STREET_WORKER', disabled: false, area: { code: '370102001' }, workGroupMember: { name: '周专包' } });
    expect(created.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await signIn('zhou.worker', created.password)).data).toEqual({ signIn: { account: { username: 'zhou.worker', role: 'STREET_WORKER' } } });
    const trail = (await sql(db.url, `SELECT actor, operation, after FROM audit_log WHERE operation = 'createAccount'`)).rows;
    expect(trail).toHaveLength(1);
    expect(trail[0].actor).toBe('account:boss');
    expect(JSON.stringify(trail[0].after)).not.toMatch(/argon2|password/);
  });

  it('lists the accounts to the administrator, all or by role', async () => {
    const all = await app.gql(`{ accounts { username role disabled } }`, {}, { authorization: boss });
    expect(all.body.data).toEqual({ accounts: [{ username: 'boss', role: 'CITY_ADMIN', disabled: false }, { username: 'zhou.worker', role: 'STREET_WORKER', disabled: false }] });
    const workers = await app.gql(`{ accounts(role: STREET_WORKER) { username } }`, {}, { authorization: boss });
    expect(workers.body.data).toEqual({ accounts: [{ username: 'zhou.worker' }] });
  });

  it('refuses a wrong input with every issue at its field, and writes nothing', async () => {
    const before = await accountRows();
    const { body } = await app.gql(
      CREATE,
      { input: { username: '-x', displayName: '  ', role: 'DISTRICT_OFFICER', area: '370102001', workGroupMember: toGlobalId('WorkGroupMember', 900), password: 'short' } },
      { authorization: boss },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const issues = (body.errors![0]!.extensions!.issues as { path: string[]; reason: string }[]).map((i) => `${i.path.join('.')} ${i.reason}`);
    expect(issues).toEqual(['input.username USERNAME', 'input.displayName LENGTH', 'input.password LENGTH', 'input.area WRONG_LEVEL', 'input.workGroupMember NOT_A_STREET_WORKER']);
    expect(await accountRows()).toEqual(before);
  });

  it('refuses a taken username (CONFLICT), a work-group entry of another street, an area for a city role', async () => {
    const taken = await app.gql(CREATE, { input: { username: 'BOSS', displayName: 'x', role: 'CITY_ANALYST' } }, { authorization: boss });
    expect(taken.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE', field: ['input', 'username'] });
    const elsewhere = await app.gql(
      CREATE,
      { input: { username: 'wu', displayName: '吴', role: 'STREET_WORKER', area: '370102001', workGroupMember: toGlobalId('WorkGroupMember', 901) } },
      { authorization: boss },
    );
    expect(elsewhere.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_IN_STREET', field: ['input', 'workGroupMember'] });
    const cityArea = await app.gql(CREATE, { input: { username: 'ana', displayName: '分析员', role: 'CITY_ANALYST', area: '370102' } }, { authorization: boss });
    expect(cityArea.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'AREA_NOT_ALLOWED', field: ['input', 'area'] });
    expect((await accountRows()).map((r) => r.username)).toEqual(['boss', 'zhou.worker']);
  });

  it('disables and enables an account (its sign-in refused, then allowed), and moves it to a district', async () => {
    const password = (await app.gql<{ resetAccountPassword: { password: string } }>(RESET, { username: 'zhou.worker', p: 'known-password' }, { authorization: boss })).body.data!
      .resetAccountPassword.password;
    expect(password).toBe('known-password');
    const disabled = await app.gql(UPDATE, { username: 'zhou.worker', input: { disabled: true } }, { authorization: boss });
    expect(disabled.body.data).toMatchObject({ updateAccount: { disabled: true } });
    const mayStillSignIn = await app.gql(`{ accounts(includeDisabled: false) { username } }`, {}, { authorization: boss });
    expect(mayStillSignIn.body.data).toEqual({ accounts: [{ username: 'boss' }] });
    expect((await signIn('zhou.worker', 'known-password')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await app.gql(UPDATE, { username: 'zhou.worker', input: { disabled: false } }, { authorization: boss });
    expect((await signIn('zhou.worker', 'known-password')).errors).toBeUndefined();

    const moved = await app.gql(UPDATE, { username: 'zhou.worker', input: { role: 'DISTRICT_OFFICER', area: '370102' } }, { authorization: boss });
    expect(moved.body.errors).toBeUndefined();
    // A district officer has no work-group entry: it went with the street.
    expect(moved.body.data).toEqual({ updateAccount: { username: 'zhou.worker', role: 'DISTRICT_OFFICER', disabled: false, area: { code: '370102' }, workGroupMember: null } });
    const noArea = await app.gql(UPDATE, { username: 'zhou.worker', input: { role: 'STREET_WORKER' } }, { authorization: boss });
    expect(noArea.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'AREA_REQUIRED' });
    const trail = (await sql(db.url, `SELECT before->>'role' AS before, after->>'role' AS after FROM audit_log WHERE operation = 'updateAccount' ORDER BY id DESC LIMIT 1`)).rows;
    expect(trail).toEqual([{ before: 'STREET_WORKER', after: 'DISTRICT_OFFICER' }]);
  });

  it('resets a password: the old one is refused, the new one works, the trail shows no hash', async () => {
    const { body } = await app.gql<{ resetAccountPassword: { password: string } }>(RESET, { username: 'zhou.worker' }, { authorization: boss });
    const fresh = body.data!.resetAccountPassword.password;
    expect(fresh).not.toBe('known-password');
    expect((await signIn('zhou.worker', 'known-password')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await signIn('zhou.worker', fresh)).errors).toBeUndefined();
    const short = await app.gql(RESET, { username: 'zhou.worker', p: 'seven77' }, { authorization: boss });
    expect(short.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LENGTH', field: ['newPassword'] });
    const trail = (await sql(db.url, `SELECT before, after FROM audit_log WHERE operation = 'resetAccountPassword'`)).rows;
    expect(trail.length).toBeGreaterThan(0);
    for (const row of trail) expect(row.after.password_hash).toBe('[redacted]');
  });

  it('refuses an unknown username (NOT_FOUND) and an administrator disabling or demoting themselves (CONFLICT)', async () => {
    const unknown = await app.gql(UPDATE, { username: 'nobody', input: { disabled: true } }, { authorization: boss });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const self = await app.gql(UPDATE, { username: 'boss', input: { disabled: true } }, { authorization: boss });
    expect(self.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OWN_ACCOUNT' });
    const demote = await app.gql(UPDATE, { username: 'boss', input: { role: 'CITY_ANALYST' } }, { authorization: boss });
    expect(demote.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OWN_ACCOUNT' });
    expect((await accountRows()).find((r) => r.username === 'boss')).toMatchObject({ role: 'CITY_ADMIN', disabled: false });
  });

  it('makes an integration token shown once, which reads its district only, and revokes it', async () => {
    const made = await app.gql<{ createIntegrationToken: { token: string; integrationToken: unknown } }>(
      `mutation { createIntegrationToken(input: { name: "lixia-push", scopes: [READ, IMPORT], areas: ["370102"] }) { token integrationToken { name scopes areas restrictedToOperations revokedAt } } }`,
      {},
      { authorization: boss },
    );
    expect(made.body.errors).toBeUndefined();
    const { token, integrationToken } = made.body.data!.createIntegrationToken;
    expect(token).toMatch(/^lxi_[A-Za-z0-9_-]{43}$/);
    expect(integrationToken).toEqual({ name: 'lixia-push', scopes: ['READ', 'IMPORT'], areas: ['370102'], restrictedToOperations: null, revokedAt: null });
    const bearer = `Bearer ${token}`;
    const own = await app.gql(`{ area(code: "370102") { name } other: area(code: "370103") { name } }`, {}, { authorization: bearer });
    expect(own.body.data).toEqual({ area: { name: '历下区' }, other: null });
    const trail = (await sql(db.url, `SELECT after FROM audit_log WHERE operation = 'createIntegrationToken'`)).rows;
    expect(JSON.stringify(trail)).not.toContain(token.slice(4));
    expect(JSON.stringify(trail)).not.toMatch(/token_hash/);

    const duplicate = await app.gql(`mutation { createIntegrationToken(input: { name: "lixia-push", scopes: [READ] }) { token } }`, {}, { authorization: boss });
    expect(duplicate.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
    const bad = await app.gql(`mutation { createIntegrationToken(input: { name: " ", scopes: [], areas: ["999999"] }) { token } }`, {}, { authorization: boss });
    const issues = (bad.body.errors?.[0]?.extensions?.issues as { path: (string | number)[]; reason: string }[]).map((i) => `${i.path.join('.')} ${i.reason}`);
    expect(issues).toEqual(['input.name LENGTH', 'input.scopes NO_SCOPE', 'input.areas.0 UNKNOWN_AREA']);

    const revoked = await app.gql(`mutation { revokeIntegrationToken(name: "lixia-push") { name revokedAt } }`, {}, { authorization: boss });
    expect(revoked.body.data).toMatchObject({ revokeIntegrationToken: { name: 'lixia-push', revokedAt: expect.any(String) } });
    expect((await app.gql(`{ area(code: "370102") { name } }`, {}, { authorization: bearer })).status).toBe(401);
    const again = await app.gql(`mutation { revokeIntegrationToken(name: "lixia-push") { name } }`, {}, { authorization: boss });
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REVOKED' });
    const listed = await app.gql(`{ integrationTokens { name revokedAt } }`, {}, { authorization: boss });
    expect(listed.body.data).toEqual({ integrationTokens: [{ name: 'lixia-push', revokedAt: expect.any(String) }] });
  });

  it('is refused to everyone but the city administrator before any statement, fragments included', async () => {
    const documents = [
      `{ accounts { username } }`,
      `query { ...Admin } fragment Admin on Query { accounts { username } }`,
      `mutation { resetAccountPassword(username: "boss") { password } }`,
      `mutation { createAccount(input: { username: "sneaky", displayName: "x", role: CITY_ADMIN }) { password } }`,
      `{ integrationTokens { name } }`,
      `mutation { createIntegrationToken(input: { name: "sneaky", scopes: [READ] }) { token } }`,
    ];
    for (const authorization of [officer, analyst]) {
      for (const document of documents) {
        const { result, statements } = await app.server.statements.capture(() => app.gql(document, {}, { authorization }));
        expect(result.status, document).toBe(403);
        // The analyst may not write at all (READ_ONLY); the officer may, but not administer.
        const reason = authorization === analyst && document.startsWith('mutation') ? 'READ_ONLY' : 'NOT_ADMINISTRATOR';
        expect(result.body.errors?.map((e) => e.extensions), document).toEqual([{ code: 'FORBIDDEN', reason }]);
        expect(statements, document).toEqual([]);
      }
    }
    expect((await accountRows()).map((r) => r.username)).toEqual(['boss', 'zhou.worker']);
  });
});
