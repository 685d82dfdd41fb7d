import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, insertJinanFixture, sql, startTestApp, testDatabase, type TestApp } from '../../test/helpers.js';

/**
 * A session ends when what it carries stops being true: a new password, a disabled account, another
 * role or area — whoever made the change (the API, `npm run accounts`, psql), and in every server
 * process on the database (two apps here, as two cluster workers), without SQL per request.
 */
let db: TestDatabase;
let app: TestApp;
let other: TestApp;
let admin: string;

const SIGN_IN = `mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }`;
const ME = `{ me { actor } }`;

async function signIn(username: string, password: string): Promise<string> {
  const { body } = await app.gql<{ signIn: { token: string } }>(SIGN_IN, { u: username, p: password }, { authorization: '' });
  expect(body.errors).toBeUndefined();
  return `Bearer ${body.data!.signIn.token}`;
}

/** The status `me` gets with the session from `on`; 401 once it is revoked. */
const statusOf = async (on: TestApp, authorization: string) => (await on.gql(ME, {}, { authorization })).status;

/** Waits for the notification of a commit to reach the server (it is asynchronous), at most 5 s. */
async function refusedSoon(on: TestApp, authorization: string): Promise<number> {
  const deadline = Date.now() + 5000;
  let status = await statusOf(on, authorization);
  while (status !== 401 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    status = await statusOf(on, authorization);
  }
  return status;
}

beforeAll(async () => {
  db = await testDatabase();
  await insertJinanFixture(db.url);
  await sql(db.url, `INSERT INTO work_group_member (id, street_id, name, phone, joined_on) VALUES (900, 10, '周专包', '0531-86009000', '2020-01-01')`);
  await addAccount(db.url, 'boss', 'boss-password', 'CITY_ADMIN', null);
  for (const name of ['ana', 'bea', 'cai', 'dai', 'eve']) await addAccount(db.url, name, `${name}-password`, 'STREET_WORKER', 10);
  app = await startTestApp(db.url);
  other = await startTestApp(db.url);
  admin = await signIn('boss', 'boss-password');
});

afterAll(async () => {
  await other?.close();
  await app?.close();
  await db?.drop();
});

describe('session revocation', () => {
  it("ends the person's sessions when an administrator gives a new password, in every server process; the new password signs in at once", async () => {
    const session = await signIn('ana', 'ana-password');
    expect(await statusOf(app, session)).toBe(200);
    expect(await statusOf(other, session)).toBe(200);
    const reset = await app.gql(`mutation { resetAccountPassword(username: "ana", newPassword: "ana-new-password") { password } }`, {}, { authorization: admin });
    expect(reset.body.errors).toBeUndefined();
    expect(await refusedSoon(app, session)).toBe(401);
    expect(await refusedSoon(other, session)).toBe(401);
    const fresh = await signIn('ana', 'ana-new-password');
    expect(await statusOf(app, fresh)).toBe(200);
    expect(await statusOf(other, fresh)).toBe(200);
  });

  it('ends them when the account is disabled, or its role changes, even by SQL outside the server', async () => {
    const bea = await signIn('bea', 'bea-password');
    const cai = await signIn('cai', 'cai-password');
    await app.gql(`mutation { updateAccount(username: "bea", input: { disabled: true }) { disabled } }`, {}, { authorization: admin });
    await sql(db.url, `UPDATE account SET role = 'DISTRICT_OFFICER', area_id = 2 WHERE username = 'cai'`);
    expect(await refusedSoon(other, bea)).toBe(401);
    expect(await refusedSoon(other, cai)).toBe(401);
  });

  it('leaves them alone for a change the session does not carry (display name, work-group entry)', async () => {
    const dai = await signIn('dai', 'dai-password');
    await sql(db.url, `UPDATE account SET display_name = '戴', work_group_member_id = 900 WHERE username = 'dai'`);
    // The same notification path as above carries nothing for this change; a later revocation of
    // someone else is the marker that every notification sent before it has arrived.
    const marker = await signIn('eve', 'eve-password');
    await sql(db.url, `UPDATE account SET disabled_at = now() WHERE username = 'eve'`);
    expect(await refusedSoon(app, marker)).toBe(401);
    expect(await statusOf(app, dai)).toBe(200);
  });

  it("ends a person's own other sessions when they change their password, and the one made after stays", async () => {
    const first = await signIn('ana', 'ana-new-password');
    const second = await signIn('ana', 'ana-new-password');
    const change = await app.gql(`mutation { changePassword(currentPassword: "ana-new-password", newPassword: "ana-third-password") { username } }`, {}, { authorization: first });
    expect(change.body.errors).toBeUndefined();
    expect(await refusedSoon(app, second)).toBe(401);
    expect(await statusOf(app, first)).toBe(401);
    const after = await signIn('ana', 'ana-third-password');
    expect(await statusOf(app, after)).toBe(200);
  });

  it('listens again after losing its connection, and reads what it missed', async () => {
    const session = await signIn('dai', 'dai-password');
    // Cut every listener (both apps'); the revocation is committed while they may be away.
    await sql(db.url, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'liangxin session revocations' AND datname = current_database()`);
    await sql(db.url, `UPDATE account SET disabled_at = now() WHERE username = 'dai'`);
    expect(await refusedSoon(app, session)).toBe(401);
    expect(await refusedSoon(other, session)).toBe(401);
  });
});
