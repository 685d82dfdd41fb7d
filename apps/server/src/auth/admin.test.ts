import type { TestDatabase } from '@liangxin/db';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertJinanFixture, sql, startTestApp, syncIdentities, testDatabase, type TestApp } from '../../test/helpers.js';
import { addAccount, AdminInputError, createToken, listAccounts, listTokens, resetPassword, revokeToken, setAccountDisabled } from './admin.js';

/**
 * Administration of accounts and tokens (admin.ts, `npm run accounts`), checked the way an
 * administrator would: by signing in with what was made, and by seeing a refusal leave nothing.
 */

let db: TestDatabase;
let app: TestApp;

const SIGN_IN = /* GraphQL */ `
  mutation ($username: String!, $password: String!) {
    signIn(username: $username, password: $password) { token account { username role area { code } workGroupMember { name } } }
  }`;

async function signIn(username: string, password: string) {
  return app.gql<{ signIn: { token: string; account: { username: string; role: string; area: { code: string } | null; workGroupMember: { name: string } | null } } }>(
    SIGN_IN,
    { username, password },
    { authorization: '' },
  );
}

async function refusal(promise: Promise<unknown>): Promise<AdminInputError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdminInputError);
  return error as AdminInputError;
}

beforeAll(async () => {
  db = await testDatabase();
  await insertJinanFixture(db.url);
  await syncIdentities(db.url);
  await sql(db.url, `INSERT INTO work_group_member (id, street_id, name, phone, joined_on) VALUES (7, 10, '周敏', '0531-1234567', '2024-01-01')`);
  app = await startTestApp(db.url);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('accounts', () => {
  it('adds an account of each role that then signs in, scoped to its area', async () => {
    const { password } = await addAccount(db.url, { username: 'worker.zhou', displayName: '周敏', role: 'STREET_WORKER', areaCode: '370102001', workGroupMemberId: 7 });
    expect(password).toHaveLength(24);
    const worker = await signIn('worker.zhou', password);
    expect(worker.body.errors).toBeUndefined();
    expect(worker.body.data!.signIn.account).toEqual({ username: 'worker.zhou', role: 'STREET_WORKER', area: { code: '370102001' }, workGroupMember: { name: '周敏' } });

    await addAccount(db.url, { username: 'officer.li', displayName: '李军', role: 'DISTRICT_OFFICER', areaCode: '370103', password: 'a long enough one' });
    expect((await signIn('officer.li', 'a long enough one')).body.data!.signIn.account.area).toEqual({ code: '370103' });

    await addAccount(db.url, { username: 'analyst.wang', displayName: '王芳', role: 'CITY_ANALYST', password: 'another long one' });
    expect((await signIn('analyst.wang', 'another long one')).body.data!.signIn.account).toMatchObject({ role: 'CITY_ANALYST', area: null });

    const listed = await listAccounts(db.url);
    const mine = listed.filter((a) => ['analyst.wang', 'officer.li', 'worker.zhou'].includes(a.username));
    expect(mine.map((a) => [a.username, a.role, a.area, a.disabled])).toEqual([
      ['analyst.wang', 'CITY_ANALYST', null, false],
      ['officer.li', 'DISTRICT_OFFICER', '370103 市中区', false],
      ['worker.zhou', 'STREET_WORKER', '370102001 解放路街道', false],
    ]);
  });

  it('refuses bad input by argument and writes nothing', async () => {
    await addAccount(db.url, { username: 'taken', displayName: '已占用', role: 'CITY_ANALYST' });
    const before = await sql(db.url, 'SELECT count(*)::int AS n FROM account');
    const cases: [Parameters<typeof addAccount>[1], string, RegExp][] = [
      [{ username: 'Bad Name', displayName: 'x', role: 'CITY_ANALYST' }, 'username', /a-z/],
      [{ username: 'taken', displayName: 'x', role: 'CITY_ANALYST', password: 'long enough pw' }, 'username', /exists/],
      [{ username: 'w2', displayName: 'x', role: 'STREET_WORKER', areaCode: '370102' }, 'area', /is a district; STREET_WORKER needs a street/],
      [{ username: 'w3', displayName: 'x', role: 'STREET_WORKER', areaCode: '379999001' }, 'area', /no area has code/],
      [{ username: 'w4', displayName: 'x', role: 'STREET_WORKER' }, 'area', /needs the code of its street/],
      [{ username: 'a2', displayName: 'x', role: 'CITY_ADMIN', areaCode: '370102' }, 'area', /city-wide/],
      [{ username: 'w5', displayName: 'x', role: 'STREET_WORKER', areaCode: '370102002', workGroupMemberId: 7 }, 'work-group-member', /not of street 370102002/],
      [{ username: 'w6', displayName: 'x', role: 'ADMIN' as never }, 'role', /one of/],
      [{ username: 'w7', displayName: 'x', role: 'CITY_ANALYST', password: 'short' }, 'password', /8 to 200/],
      [{ username: 'w8', displayName: '  ', role: 'CITY_ANALYST' }, 'name', /1 to 100/],
    ];
    for (const [input, argument, message] of cases) {
      const error = await refusal(addAccount(db.url, input));
      expect([error.argument, error.message]).toEqual([argument, expect.stringMatching(message)]);
    }
    expect((await sql(db.url, 'SELECT count(*)::int AS n FROM account')).rows).toEqual(before.rows);
  });

  it('disables and enables sign-in, and resets a password', async () => {
    await addAccount(db.url, { username: 'temp', displayName: '临时', role: 'CITY_ANALYST', password: 'first password' });
    await setAccountDisabled(db.url, 'temp', true);
    expect((await signIn('temp', 'first password')).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await listAccounts(db.url)).find((a) => a.username === 'temp')?.disabled).toBe(true);
    await setAccountDisabled(db.url, 'temp', false);
    expect((await signIn('temp', 'first password')).body.data?.signIn.account.username).toBe('temp');

    const { password } = await resetPassword(db.url, 'temp');
    expect((await signIn('temp', 'first password')).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await signIn('temp', password)).body.data?.signIn.account.username).toBe('temp');

    expect((await refusal(setAccountDisabled(db.url, 'nobody', true))).argument).toBe('username');
    expect((await refusal(resetPassword(db.url, 'temp', 'short'))).argument).toBe('password');
    expect((await signIn('temp', password)).body.data?.signIn.account.username).toBe('temp');
  });
});

describe('integration tokens', () => {
  it('creates a token bound to an area that reads only there, lists it, and revokes it', async () => {
    const { token } = await createToken(db.url, { name: 'registry-sync', scopes: ['read'], areaCodes: ['370103'] });
    const asToken = { authorization: `Bearer ${token}` };
    const me = await app.gql<{ me: { kind: string; scopes: string[]; areas: { code: string }[] } }>('{ me { kind scopes areas { code } } }', undefined, asToken);
    expect(me.body.data!.me).toEqual({ kind: 'INTEGRATION', scopes: ['read'], areas: [{ code: '370103' }] });
    const streets = await app.gql<{ areas: { nodes: { code: string }[] } }>('{ areas(level: STREET) { nodes { code } } }', undefined, asToken);
    expect(streets.body.data!.areas.nodes.map((a) => a.code)).toEqual(['370103001']);

    expect(await listTokens(db.url)).toEqual([
      expect.objectContaining({ name: 'registry-sync', scopes: ['read'], areas: ['370103'], restrictedToOperations: null, revoked: false }),
    ]);
    expect((await refusal(createToken(db.url, { name: 'registry-sync', scopes: ['read'], areaCodes: [] }))).message).toMatch(/exists/);
    expect((await refusal(createToken(db.url, { name: 'x', scopes: ['write'], areaCodes: [] }))).argument).toBe('scopes');
    expect((await refusal(createToken(db.url, { name: 'x', scopes: ['read'], areaCodes: ['379999'] }))).argument).toBe('areas');

    await revokeToken(db.url, 'registry-sync');
    const after = await app.gql('{ me { kind } }', undefined, asToken);
    expect(after.status).toBe(401);
    expect((await refusal(revokeToken(db.url, 'registry-sync'))).message).toMatch(/no live token/);
  });
});

describe('npm run accounts', () => {
  const cli = join(dirname(fileURLToPath(import.meta.url)), '../../dist/cli/accounts.js');
  const run = (args: string[], env: Record<string, string> = {}) =>
    promisify(execFile)(process.execPath, [cli, ...args], { env: { ...process.env, DATABASE_URL: db.url, ...env } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  // Runs the built CLI: `npm test` builds before it tests.
  it.skipIf(!existsSync(cli))('adds an account with the password from the environment, and refuses bad input with exit status 2', async () => {
    const added = await run(['add', 'cli.user', '--role', 'city_analyst', '--name', 'CLI 用户'], { LIANGXIN_NEW_PASSWORD: 'from the environment' });
    expect(added).toMatchObject({ code: 0, stdout: 'added cli.user\n' });
    expect((await signIn('cli.user', 'from the environment')).body.data?.signIn.account.role).toBe('CITY_ANALYST');
    const refused = await run(['add', 'cli.user2', '--role', 'STREET_WORKER', '--name', 'x', '--area', '370102']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--area: 370102 is a district/);
  });
});
