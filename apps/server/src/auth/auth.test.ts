import type { TestDatabase } from '@liangxin/db';
import { makeCreditCode } from '@liangxin/domain';
import { SignJWT } from 'jose';
import argon2 from 'argon2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addAccount, insertJinanFixture, sql, startTestApp, syncIdentities, testDatabase, type TestApp } from '../../test/helpers.js';
import { describeDemoAccounts, ensureDemoAccounts } from './demo-accounts.js';
import { createIntegrationToken, revokeIntegrationToken, sha256Hex } from './integration-token.js';
import { hashPassword, verifyPassword } from './password.js';

let db: TestDatabase;
let app: TestApp;

const SIGN_IN = /* GraphQL */ `
  mutation ($username: String!, $password: String!) {
    signIn(username: $username, password: $password) { token expiresAt account { username displayName role area { code } } }
  }`;
const ME = '{ me { kind actor scopes account { username role } areas { code } } }';

async function signIn(username: string, password: string) {
  return app.gql<{ signIn: { token: string; expiresAt: string; account: { username: string; role: string; area: { code: string } | null } } }>(SIGN_IN, {
    username,
    password,
  });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  db = await testDatabase();
  await insertJinanFixture(db.url);
  await syncIdentities(db.url);
  await addAccount(db.url, 'officer', 'correct horse battery', 'DISTRICT_OFFICER', 2);
  await addAccount(db.url, 'gone', 'correct horse battery', 'CITY_ANALYST', null);
  await sql(db.url, `UPDATE account SET disabled_at = now() WHERE username = 'gone'`);
  // The key kept in the database (no LIANGXIN_SESSION_SECRET), as on a fresh install.
  app = await startTestApp(db.url, { sessionSecret: undefined });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('passwords', () => {
  it('are hashed with argon2id and verify', async () => {
    const hash = await hashPassword('s3cret-enough');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await verifyPassword(hash, 's3cret-enough')).toBe(true);
    expect(await verifyPassword(hash, 's3cret-enougH')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});

describe('signIn and me', () => {
  it("gives a street worker's me its work-group entry (the desk's 专包 organizations hang there), read under row-level security", async () => {
    await sql(db.url, `INSERT INTO work_group_member (id, street_id, name, phone, title, joined_on) VALUES (900, 10, '周测试', '13700009000', '组员', '2024-01-01')`);
    await sql(db.url, `INSERT INTO account (username, display_name, password_hash, role, area_id, work_group_member_id) VALUES ('worker', 'worker (test)', $1, 'STREET_WORKER', 10, 900)`, [
      await hashPassword('correct horse battery'),
    ]);
    const { body } = await signIn('worker', 'correct horse battery');
    const me = await app.gql(`{ me { account { username workGroupMember { name street { code } } } } }`, undefined, bearer(body.data!.signIn.token));
    expect(me.body).toEqual({ data: { me: { account: { username: 'worker', workGroupMember: { name: '周测试', street: { code: '370102001' } } } } } });
    const admin = await app.gql(`{ me { account { workGroupMember { name } } } }`);
    expect(admin.body).toEqual({ data: { me: { account: null } } });
  });

  it('signs in and answers me with the principal', async () => {
    const { body } = await signIn(' Officer ', 'correct horse battery');
    expect(body.errors).toBeUndefined();
    const session = body.data!.signIn;
    expect(session.account).toEqual({ username: 'officer', displayName: 'officer (test)', role: 'DISTRICT_OFFICER', area: { code: '370102' } });
    const minutes = (Date.parse(session.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
    const me = await app.gql(ME, undefined, bearer(session.token));
    expect(me.body).toEqual({
      data: { me: { kind: 'ACCOUNT', actor: 'account:officer', scopes: [], account: { username: 'officer', role: 'DISTRICT_OFFICER' }, areas: [{ code: '370102' }] } },
    });
  });

  it('answers anonymous requests 401 without detail, whatever they ask', async () => {
    for (const query of [ME, `{ area(code: "370102") { name } }`, '{ __schema { types { name } } }', '{ nonsense', 'mutation { signIn(username: "a", password: "b") { token } me { actor } }']) {
      const { status, body } = await app.gql(query, {}, { authorization: '' });
      expect(status).toBe(401);
      expect(body).toEqual({ errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });

  it('refuses a wrong password, an unknown user and a disabled account alike', async () => {
    const answers = await Promise.all([signIn('officer', 'wrong'), signIn('nobody', 'correct horse battery'), signIn('gone', 'correct horse battery'), signIn('', '')]);
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      expect(body.data).toBeNull();
      expect(body.errors).toEqual([
        { message: 'Wrong username or password', locations: [{ line: 3, column: 5 }], path: ['signIn'], extensions: { code: 'UNAUTHENTICATED' } },
      ]);
    }
  });

  it('verifies one argon2 hash for an unknown user as for a wrong password, so both take as long', async () => {
    // Counted, not timed: the server runs in this process, so argon2.verify can be watched.
    const verify = vi.spyOn(argon2, 'verify');
    try {
      await signIn('officer', 'wrong password');
      expect(verify).toHaveBeenCalledTimes(1);
      verify.mockClear();
      await signIn('nobody', 'wrong password');
      expect(verify).toHaveBeenCalledTimes(1);
    } finally {
      verify.mockRestore();
    }
  });
});

describe('bearer tokens', () => {
  const refused = async (headers: Record<string, string>) => {
    const { status, headers: h, body } = await app.gql('{ __typename }', undefined, headers);
    expect(status).toBe(401);
    expect(h.get('www-authenticate')).toBe('Bearer');
    expect(body).toEqual({ errors: [{ message: 'Not signed in, or the sign-in has expired', extensions: { code: 'UNAUTHENTICATED' } }] });
  };

  it('refuses garbage, another scheme, a forged and an expired session token with 401 and no detail', async () => {
    const { body } = await signIn('officer', 'correct horse battery');
    const token = body.data!.signIn.token;
    await refused(bearer('garbage'));
    await refused(bearer('a.b.c'));
    await refused({ authorization: 'Basic b2ZmaWNlcjp4' });
    // The same claims signed with another key.
    const [, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forged = await new SignJWT({ ...claims, rol: 'CITY_ADMIN' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(32)));
    await refused(bearer(forged));
    // A token whose claims were edited keeps its old signature.
    const edited = [token.split('.')[0], Buffer.from(JSON.stringify({ ...claims, rol: 'CITY_ADMIN' })).toString('base64url'), token.split('.')[2]].join('.');
    await refused(bearer(edited));
    // alg "none".
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    await refused(bearer(none));
    // Expired: signed with the server's own key, but an hour ago.
    const { rows } = await sql(db.url, 'SELECT secret FROM session_key');
    const key = new TextEncoder().encode(rows[0].secret as string);
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = await new SignJWT({ usr: 'officer', rol: 'DISTRICT_OFFICER', area: 2 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(claims.sub))
      .setIssuer('liangxin')
      .setAudience('liangxin-api')
      .setIssuedAt(past - 1800)
      .setExpirationTime(past)
      .sign(key);
    await refused(bearer(expired));
    // …while the same key and claims, not expired, are accepted: the refusals above are for the reason named.
    const fresh = await new SignJWT({ usr: 'officer', rol: 'DISTRICT_OFFICER', area: 2 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(claims.sub))
      .setIssuer('liangxin')
      .setAudience('liangxin-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);
    expect((await app.gql(ME, undefined, bearer(fresh))).body.data).toMatchObject({ me: { actor: 'account:officer' } });
  });

  it('accepts an integration token stored only as its hash, until it is revoked', async () => {
    const { token } = await createIntegrationToken(app.server.dataSource, { name: 'loader', scopes: ['read', 'import'], areaIds: [2] });
    expect(token).toMatch(/^lxi_[A-Za-z0-9_-]{43}$/);
    const stored = await sql(db.url, `SELECT * FROM integration_token WHERE name = 'loader'`);
    expect(stored.rows[0].token_hash).toBe(sha256Hex(token));
    const everything = JSON.stringify((await sql(db.url, 'SELECT * FROM integration_token')).rows);
    expect(everything).not.toContain(token.slice(4));

    const me = await app.gql(ME, undefined, bearer(token));
    expect(me.body).toEqual({ data: { me: { kind: 'INTEGRATION', actor: 'token:loader', scopes: ['read', 'import'], account: null, areas: [{ code: '370102' }] } } });
    expect((await sql(db.url, `SELECT last_used_at FROM integration_token WHERE name = 'loader'`)).rows[0].last_used_at).not.toBeNull();

    expect(await revokeIntegrationToken(app.server.dataSource, 'loader')).toBe(true);
    await refused(bearer(token));
    await refused(bearer(`lxi_${'A'.repeat(43)}`));
  });
});

describe('persisted operations', () => {
  it('lets a token with an allow-list run only the listed documents, before any SQL', async () => {
    const allowed = '{ area(code: "370102") { name } }';
    const { token } = await createIntegrationToken(app.server.dataSource, { name: 'kiosk', scopes: ['read'], areaIds: [2], allowedOperationHashes: [sha256Hex(allowed)] });
    expect((await app.gql(allowed, undefined, bearer(token))).body).toEqual({ data: { area: { name: '历下区' } } });
    const other = '{ area(code: "370103") { name } }';
    const { result, statements } = await app.server.statements.capture(() => app.gql(other, undefined, bearer(token)));
    expect(result.status).toBe(403);
    expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', reason: 'OPERATION_NOT_ALLOWED' });
    // One statement: the token's own lookup; none for the refused document.
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/integration_token/);
  });
});

describe('the audit trail', () => {
  it("records a signed-in account's mutation as account:<username>", async () => {
    const { body } = await signIn('officer', 'correct horse battery');
    const creditCode = makeCreditCode({ authorityChar: '9', categoryChar: '1', divisionCode: '370102', organizationBody: 'MA7AUTH1' });
    const created = await app.gql<{ registerOrganization: { organization: { id: string } } }>(
      `mutation ($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { organization { id } } }`,
      { input: { name: '济南审计示例有限公司', creditCode, industry: 'C', employees: 5, registeredOn: '2022-01-10', street: '370102001' } },
      bearer(body.data!.signIn.token),
    );
    expect(created.body.errors).toBeUndefined();
    const { rows } = await sql(db.url, `SELECT actor FROM audit_log WHERE operation = 'registerOrganization' AND after->>'credit_code' = $1`, [creditCode]);
    expect(rows).toEqual([{ actor: 'account:officer' }]);
  });
});

describe('demo accounts', () => {
  it('are made once, one per role, and sign in with the documented passwords', async () => {
    const demo = await testDatabase();
    try {
      await insertJinanFixture(demo.url);
      // The street's work group: one member who left, one with no organizations, one who looks
      // after organization 1 — the demo street worker must be the last.
      await sql(
        demo.url,
        `INSERT INTO work_group_member (id, street_id, name, phone, title, joined_on, left_on) VALUES
           (1, 10, '甲测试', '13700000001', '组员', '2020-01-01', '2021-01-01'),
           (2, 10, '乙测试', '13700000002', '组员', '2020-01-01', NULL),
           (3, 10, '丙测试', '13700000003', '组员', '2020-01-01', NULL);
         INSERT INTO liaison_point (id, kind, organization_id, work_group_member_id, since) VALUES (1, 'WORK_GROUP', 1, 3, '2024-01-01');`,
      );
      const made = await ensureDemoAccounts(demo.url);
      expect((await sql(demo.url, `SELECT work_group_member_id FROM account WHERE username = 'street'`)).rows).toEqual([{ work_group_member_id: 3 }]);
      expect(made!.accounts.map((a) => [a.username, a.password, a.role, a.area])).toEqual([
        ['analyst', 'demo-analyst', 'CITY_ANALYST', null],
        ['admin', 'demo-admin', 'CITY_ADMIN', null],
        ['lixia', 'demo-district', 'DISTRICT_OFFICER', '历下区 370102'],
        ['street', 'demo-street', 'STREET_WORKER', '解放路街道 370102001'],
      ]);
      expect(describeDemoAccounts(made!).join('\n')).toContain(made!.token.token);
      expect(await ensureDemoAccounts(demo.url)).toBeNull();
      const demoApp = await startTestApp(demo.url);
      try {
        for (const account of made!.accounts) {
          const { body } = await demoApp.gql<{ signIn: { account: { role: string } } }>(SIGN_IN, { username: account.username, password: account.password });
          expect(body.data?.signIn.account.role).toBe(account.role);
        }
        const me = await demoApp.gql(ME, undefined, bearer(made!.token.token));
        expect(me.body.data).toMatchObject({ me: { actor: 'token:demo-lixia-integration', scopes: ['read', 'import'], areas: [{ code: '370102' }] } });
      } finally {
        await demoApp.close();
      }
    } finally {
      await demo.drop();
    }
  });
});
