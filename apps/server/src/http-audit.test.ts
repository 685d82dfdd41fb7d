import type { TestDatabase } from '@liangxin/db';
import { auditServer, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedOperations } from '../test/documented-operations.js';
import { insertJinanFixture, startTestApp, testDatabase, type TestApp } from '../test/helpers.js';

// graphql-http's audit of the GraphQL-over-HTTP spec (MUST / SHOULD / MAY items) against the real
// server over real HTTP. Every MUST has to pass ('error' is a failed MUST); the counts go into the
// root README ("GraphQL over HTTP").

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await testDatabase();
  await insertJinanFixture(db.url);
  app = await startTestApp(db.url);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('GraphQL over HTTP audit (graphql-http auditServer)', () => {
  it('fails no MUST of the spec', async () => {
    // As a signed-in client: an anonymous one gets 401 for everything but signIn.
    const fetchFn = (input: string | URL | Request, init: RequestInit = {}) =>
      fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers).entries()), authorization: app.adminAuthorization } });
    const results = await auditServer({ url: `${app.url}/graphql`, fetchFn });
    const count = (status: AuditResult['status']) => results.filter((r) => r.status === status).length;
    const counts = { total: results.length, ok: count('ok'), notice: count('notice'), warn: count('warn'), error: count('error') };
    const failures = results.flatMap((r) => (r.status === 'ok' ? [] : [`${r.status.padEnd(6)} ${r.id} ${r.name}: ${r.reason}`]));
    console.log(`graphql-http audit: ${JSON.stringify(counts)}\n${failures.join('\n')}`);

    expect(counts.total).toBeGreaterThan(0);
    expect(failures.filter((line) => line.startsWith('error'))).toEqual([]);
  });
});

describe('the documented operations (docs/queries)', () => {
  it.each(documentedOperations())('$name answers its example over HTTP without errors', async ({ query, variables }) => {
    const { status, body } = await app.gql(query, variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    for (const [field, value] of Object.entries(body.data ?? {})) expect(value, `${field} is null on the Jinan fixture`).not.toBeNull();
  });
});
