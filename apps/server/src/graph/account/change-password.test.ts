import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, insertJinanFixture, sql, startTestApp, syncIdentities, testDatabase, type TestApp } from '../../../test/helpers.js';
import { createIntegrationToken } from '../../auth/integration-token.js';

let db: TestDatabase;
let app: TestApp;
let streetId: number;

const SIGN_IN = /* GraphQL */ `
  mutation ($username: String!, $password: String!) { signIn(username: $username, password: $password) { token } }`;
const CHANGE = /* GraphQL */ `
  mutation ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { username role } }`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function sessionOf(username: string, password: string): Promise<string> {
  const response = await app.gql<{ signIn: { token: string } }>(SIGN_IN, { username, password }, { authorization: '' });
  if (!response.body.data?.signIn) throw new Error(`cannot sign in as ${username}: ${JSON.stringify(response.body.errors)}`);
  return response.body.data.signIn.token;
}

const hashOf = async (username: string) => ((await sql(db.url, 'SELECT password_hash FROM account WHERE username = $1', [username])).rows[0] as { password_hash: string }).password_hash;
const auditRows = async (username: string) =>
  (await sql(
    db.url,
    `SELECT l.actor, l.before, l.after FROM audit_log l JOIN account a ON a.id = l.node_id WHERE l.operation = 'changePassword' AND l.node_type = 'Account' AND a.username = $1 ORDER BY l.id`,
    [username],
  )).rows as { actor: string; before: Record<string, unknown>; after: Record<string, unknown> }[];

beforeAll(async () => {
  db = await testDatabase();
  await insertJinanFixture(db.url);
  await syncIdentities(db.url);
  streetId = ((await sql(db.url, `SELECT id FROM area WHERE level = 'STREET' ORDER BY id LIMIT 1`)).rows[0] as { id: number }).id;
  await addAccount(db.url, 'reader', 'old password 1', 'CITY_ANALYST', null);
  await addAccount(db.url, 'walker', 'old password 2', 'STREET_WORKER', streetId);
  await addAccount(db.url, 'checker', 'old password 3', 'CITY_ANALYST', null);
  app = await startTestApp(db.url);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('changePassword', () => {
  it('lets a read-only analyst change their own password: the new one signs in, the old one no longer does', async () => {
    const token = await sessionOf('reader', 'old password 1');
    const response = await app.gql<{ changePassword: { username: string; role: string } }>(CHANGE, { current: 'old password 1', next: 'new password 1' }, bearer(token));
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.changePassword).toEqual({ username: 'reader', role: 'CITY_ANALYST' });
    expect(await sessionOf('reader', 'new password 1')).toBeTruthy();
    const refused = await app.gql(SIGN_IN, { username: 'reader', password: 'old password 1' }, { authorization: '' });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The trail records who changed which account, never the hash.
    const trail = await auditRows('reader');
    expect(trail).toHaveLength(1);
    expect(trail[0]!.actor).toBe('account:reader');
    expect(trail[0]!.after.password_hash).toBe('[redacted]');
    expect(JSON.stringify(trail)).not.toContain('$argon2id$');
  });

  it('works under row-level security for a street worker, changing only their own row', async () => {
    const others = await hashOf('checker');
    const token = await sessionOf('walker', 'old password 2');
    const response = await app.gql(CHANGE, { current: 'old password 2', next: 'new password 2' }, bearer(token));
    expect(response.body.errors).toBeUndefined();
    expect(await sessionOf('walker', 'new password 2')).toBeTruthy();
    expect(await hashOf('checker')).toBe(others);
  });

  it('refuses a wrong current password, naming it, and changes nothing', async () => {
    const before = await hashOf('checker');
    const token = await sessionOf('checker', 'old password 3');
    const response = await app.gql(CHANGE, { current: 'not my password', next: 'new password 3' }, bearer(token));
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['currentPassword'], reason: 'WRONG_PASSWORD' });
    expect(await hashOf('checker')).toBe(before);
    expect(await auditRows('checker')).toHaveLength(0);
  });

  it('refuses a new password that is too short, too long or the current one, naming it', async () => {
    const token = await sessionOf('checker', 'old password 3');
    for (const [next, reason] of [
      ['short', 'LENGTH'],
      ['x'.repeat(201), 'LENGTH'],
      ['old password 3', 'SAME'],
    ] as const) {
      const response = await app.gql(CHANGE, { current: 'old password 3', next }, bearer(token));
      expect(response.body.errors?.[0]?.extensions, reason).toMatchObject({ code: 'BAD_USER_INPUT', field: ['newPassword'], reason });
    }
    expect(await sessionOf('checker', 'old password 3')).toBeTruthy();
  });

  it('refuses an account disabled before the revocation of its session arrived', async () => {
    await addAccount(db.url, 'leaver', 'old password 4', 'CITY_ANALYST', null);
    const token = await sessionOf('leaver', 'old password 4');
    // Disabling ends the account's sessions (auth/session-revocation.test.ts), through a
    // notification that takes a moment; the mutation's own check covers that moment. The
    // trigger is kept from firing here, so the session stays valid and the check is what refuses.
    await sql(db.url, `SET session_replication_role = replica; UPDATE account SET disabled_at = now() WHERE username = 'leaver'`);
    const before = await hashOf('leaver');
    const response = await app.gql(CHANGE, { current: 'old password 4', next: 'new password 4' }, bearer(token));
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCOUNT_DISABLED' });
    expect(await hashOf('leaver')).toBe(before);
  });

  it('refuses an integration token, which has no password', async () => {
    const { token } = await createIntegrationToken(app.server.dataSource, { name: 'pusher', scopes: ['read', 'import'], areaIds: [] });
    const response = await app.gql(CHANGE, { current: 'anything at all', next: 'something else' }, bearer(token));
    expect(response.status).toBe(403);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'READ_ONLY' });
  });

  it('answers 401 without a session', async () => {
    const response = await app.gql(CHANGE, { current: 'anything at all', next: 'something else' }, { authorization: '' });
    expect(response.status).toBe(401);
  });
});
