import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertJinanFixture, startTestApp, testDatabase, type TestApp } from '../../test/helpers.js';

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await testDatabase();
  await insertJinanFixture(db.url);
  app = await startTestApp(db.url, { rateLimits: { perPrincipalPerMinute: 3, signInPerMinute: 2 } });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once a principal used its requests of the minute, and counts each principal apart', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.gql('{ area(code: "370102") { name } }')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await app.gql('{ area(code: "370102") { name } }');
    expect(refused.body).toEqual({ errors: [{ message: 'Too many requests; slow down', extensions: { code: 'RATE_LIMITED' } }] });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another principal still has its own allowance.
    const other = await app.authorizationAs({ role: 'CITY_ANALYST' });
    expect((await app.gql('{ area(code: "370102") { name } }', {}, { authorization: other })).status).toBe(200);
  });

  it('brakes anonymous sign-in attempts per address', async () => {
    const attempt = () => app.gql('mutation { signIn(username: "nobody", password: "guess") { token } }', {}, { authorization: '' });
    expect((await attempt()).status).toBe(200);
    expect((await attempt()).status).toBe(200);
    expect((await attempt()).status).toBe(429);
  });
});
