import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertJinanFixture, startTestApp, testDatabase, type TestApp } from '../test/helpers.js';
import { DEFAULT_QUERY_LIMITS } from './limits/query-limits.js';

/**
 * The hostile-query corpus (issue 6): each document is refused with its error, before a single
 * SQL statement is sent (server.statements.capture counts them), quickly, and the server goes on
 * answering a normal query. Limits at their defaults (limits/query-limits.ts).
 */

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

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    // Signed in: the limits apply to signed-in users (anonymous ones get 401 before parsing).
    headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE, authorization: app.adminAuthorization, ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

const nested = (depth: number) => `{ area(code: "370102") { ${'children { nodes { '.repeat(depth)} code ${'} } '.repeat(depth)} } }`;
const introspectionFlood = (depth: number) => `{ __type(name: "Area") { ${'fields { type { fields { '.repeat(depth)} name ${'} } } '.repeat(depth)} } }`;

interface Case {
  name: string;
  body: string;
  status: number;
  code: string;
  message?: RegExp;
}

const CORPUS: Case[] = [
  { name: 'deep nesting (30 levels)', body: JSON.stringify({ query: nested(15) }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /depth limit of 20 exceeded/ },
  {
    name: '5,000 aliases',
    body: JSON.stringify({ query: `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: area(code: "370102") { code }`).join(' ')} }` }),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    message: /more tha[nt] 5000 tokens/,
  },
  {
    name: '100 aliases (under the token limit)',
    body: JSON.stringify({ query: `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: area(code: "370102") { code }`).join(' ')} }` }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Aliases limit of 30 exceeded/,
  },
  {
    name: 'a fragment cycle',
    body: JSON.stringify({ query: `query { area(code: "370102") { ...A } } fragment A on Area { children { nodes { ...B } } } fragment B on Area { children { nodes { ...A } } }` }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Cannot spread fragment "A" within itself/,
  },
  { name: 'huge first (literal)', body: JSON.stringify({ query: `{ organizations(first: 1000000000) { totalCount } }` }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /Cost limit/ },
  {
    name: 'huge first (variable)',
    body: JSON.stringify({ query: `query ($n: Int) { organizations(first: $n) { totalCount } }`, variables: { n: 1_000_000 } }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'cost: three nested pages of 100',
    body: JSON.stringify({ query: `{ areas(first: 100) { nodes { children(first: 100) { nodes { children(first: 100) { nodes { code name } } } } } } }` }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Cost limit of 20000000 exceeded/,
  },
  {
    name: 'a giant string literal',
    body: JSON.stringify({ query: `{ search(text: "${'两新'.repeat(100_000)}") { totalCount } }` }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /String value too long/,
  },
  {
    name: 'a giant string variable',
    body: JSON.stringify({ query: `query ($t: String!) { search(text: $t) { totalCount } }`, variables: { t: 'x'.repeat(500_000) } }),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /too long/,
  },
  {
    name: 'many directives',
    body: JSON.stringify({ query: `{ area(code: "370102") { code ${'@include(if: true) '.repeat(50)} } }` }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Directives limit of 20 exceeded/,
  },
  { name: 'introspection flood (deep __type nesting)', body: JSON.stringify({ query: introspectionFlood(10) }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /depth limit/ },
  {
    name: 'introspection flood (many __schema)',
    body: JSON.stringify({ query: `{ ${Array.from({ length: 200 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }` }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Aliases limit/,
  },
  {
    name: 'a batched array',
    body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ area(code: "370102") { code } }' }]),
    status: 400,
    code: 'BAD_REQUEST',
  },
  { name: 'a 2 MB body', body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(2_000_000)}` }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
];

describe('the hostile-query corpus', () => {
  // "Quickly" is shown by what is counted, not timed: no statement is sent (how long a refusal
  // takes is in the benchmarks, not in a test).
  it.each(CORPUS)('refuses $name before any SQL', async ({ body, status, code, message }) => {
    const { result, statements } = await app.server.statements.capture(() => post(body));
    const errors = result.body.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error.extensions?.code).toBe(code);
    if (message) expect(errors.map((e) => e.message)).toContainEqual(expect.stringMatching(message));
    expect(result.status).toBe(status);
    expect(result.body.data ?? null).toBeNull();
    expect(statements).toEqual([]);
    // …and the server still answers a normal query.
    const normal = await app.gql(`{ area(code: "370102") { name } }`);
    expect(normal.body).toEqual({ data: { area: { name: '历下区' } } });
  });

  it('answers a plain-JSON client the same refusals with 200, as for any request error', async () => {
    const { status, body } = await post(JSON.stringify({ query: nested(15) }), { accept: 'application/json' });
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('lets the standard introspection query through', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const { body } = await app.gql(getIntrospectionQuery());
    expect(body.errors).toBeUndefined();
  });

  it('hides field suggestions ("Did you mean …")', async () => {
    const { body } = await app.gql('{ area(code: "370102") { nam } }');
    expect(body.errors?.[0]?.message).toBe('Cannot query field "nam" on type "Area".');
    const argument = await app.gql('{ area(cod: "370102") { name } }');
    expect(JSON.stringify(argument.body)).not.toContain('Did you mean');
  });

  it('refuses the same way under lower limits from the configuration', async () => {
    const strict = await startTestApp(db.url, { queryLimits: { maxDepth: 4, maxAliases: 1 } });
    try {
      expect((await strict.gql(nested(1))).body.errors).toBeUndefined();
      const deep = await strict.gql(nested(2));
      expect(deep.body.errors?.[0]?.message).toMatch(/depth limit of 4 exceeded/);
      const aliases = await strict.gql('{ a: area(code: "370102") { code } b: area(code: "370103") { code } }');
      expect(aliases.body.errors?.[0]?.message).toMatch(/Aliases limit of 1 exceeded/);
    } finally {
      await strict.close();
    }
  });

  it('has defaults that are written down', () => {
    expect(DEFAULT_QUERY_LIMITS).toEqual({ maxDepth: 20, maxAliases: 30, maxDirectives: 20, maxTokens: 5000, maxCost: 20_000_000, maxStringLength: 10_000 });
  });
});

describe('statement timeout', () => {
  it('cuts a statement that runs past statementTimeoutMs', async () => {
    const quick = await startTestApp(db.url, { statementTimeoutMs: 200 });
    try {
      await expect(quick.server.dataSource.query('SELECT pg_sleep(2)')).rejects.toThrow(/statement timeout/);
      const [{ statement_timeout }] = (await quick.server.dataSource.query('SHOW statement_timeout')) as { statement_timeout: string }[];
      expect(statement_timeout).toBe('200ms');
    } finally {
      await quick.close();
    }
    const [{ statement_timeout }] = (await app.server.dataSource.query('SHOW statement_timeout')) as { statement_timeout: string }[];
    expect(statement_timeout).toBe('15s');
  });
});
