import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedOperations } from '../../test/documented-operations.js';
import { CODES, insertJinanFixture, startTestApp, testDatabase, type TestApp } from '../../test/helpers.js';

// The compiled executor (graphql-jit, the default) must answer exactly as graphql-js does: the
// same data, the same errors at the same paths, for every kind of document the API sees. Both
// servers read the same database; each document is asked of both and the bodies compared whole.

let db: TestDatabase;
let compiled: TestApp;
let interpreted: TestApp;

beforeAll(async () => {
  db = await testDatabase();
  await insertJinanFixture(db.url);
  compiled = await startTestApp(db.url);
  interpreted = await startTestApp(db.url, { executor: 'graphql-js' });
});

afterAll(async () => {
  await compiled?.close();
  await interpreted?.close();
  await db?.drop();
});

/** Request ids differ between the two answers; everything else must not. */
function withoutRequestIds(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body), (key, value) => (key === 'requestId' ? '<id>' : value));
}

async function bothAnswer(query: string, variables?: Record<string, unknown>) {
  const [a, b] = await Promise.all([compiled.gql(query, variables), interpreted.gql(query, variables)]);
  expect(a.status).toBe(b.status);
  expect(withoutRequestIds(a.body)).toEqual(withoutRequestIds(b.body));
  return a.body;
}


const DOCUMENTS: [string, string, Record<string, unknown>?][] = [
  [
    'nested lists with totalCount, aliases and cursors',
    `{ areas(level: DISTRICT, first: 5) { totalCount pageInfo { hasNextPage endCursor }
        nodes { code name kids: children(first: 3) { totalCount edges { cursor node { code level } } } } } }`,
  ],
  [
    'the Node interface, its fragments and __typename',
    `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Area { code } ... on Organization { creditCode name street { code } } } }`,
    { ids: ['Area:1', 'Area:2', 'Organization:1', 'Organization:2', 'Area:999999'].map((id) => Buffer.from(id).toString('base64url')) },
  ],
  ['a union (search)', '{ search(text: "历下", first: 5) { totalCount nodes { __typename ... on Area { code } ... on Organization { name } } } }'],
  [
    '@skip and @include driven by variables',
    'query ($with: Boolean!) { areas(first: 2) { totalCount @include(if: $with) nodes { code name @skip(if: $with) } } }',
    { with: true },
  ],
  ['a scalar variable (Date) and an enum argument', 'query ($asOf: Date) { coverage(asOf: $asOf) { totals { inScope blindSpots } } }', { asOf: '2025-06-30' }],
  ['an input-object variable (run by graphql-js in both)', 'query ($f: AreaFilter) { areas(filter: $f, first: 3) { totalCount } }', { f: { or: [{ level: ['STREET'] }, { text: '历下' }] } }],
  ['an inline input object', '{ organizations(first: 2, filter: { category: [NON_PUBLIC_ECONOMIC] }) { totalCount nodes { creditCode } } }'],
  ['a typed error at its argument path (bad cursor)', '{ areas(first: 2, after: "not-a-cursor") { totalCount } }'],
  ['a typed error inside a list (bad area code)', '{ a: area(code: "12") { name } b: area(code: "370102") { name } }'],
  ['a variable of the wrong type', 'query ($asOf: Date) { coverage(asOf: $asOf) { totals { inScope } } }', { asOf: '2025-02-30' }],
  ['a missing non-null variable', 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', {}],
  ['an organization by credit code with its to-one relations', `{ organization(creditCode: "${CODES.enterprise}") { name street { code parent { code } } } }`],
];

describe('the compiled executor answers as graphql-js does', () => {
  it.each(DOCUMENTS)('%s', async (_name, query, variables) => {
    const body = (await bothAnswer(query, variables)) as { data?: unknown; errors?: unknown[] };
    // Each document is answered with something: data, or errors when that is the point.
    expect(body.data ?? body.errors).toBeTruthy();
  });

  it.each(documentedOperations())('documented operation $name', async ({ query, variables }) => {
    const body = (await bothAnswer(query, variables)) as { errors?: unknown[] };
    expect(body.errors).toBeUndefined();
  });

  it('reports a variable of the wrong type as BAD_USER_INPUT naming it, as graphql-js does', async () => {
    const { body } = await compiled.gql('query ($d: Date) { coverage(asOf: $d) { totals { inScope } } }', { d: 'tomorrow' });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('$d');
  });

  it('reuses the compiled function: the same document twice gives the same answer', async () => {
    const query = '{ areas(level: DISTRICT, first: 2) { nodes { code } } }';
    const first = await compiled.gql(query);
    const second = await compiled.gql(query);
    expect(second.body).toEqual(first.body);
  });
});

describe('what the compared documents reach', () => {
  // The comparisons above would pass on two empty answers: these check that the fixture gives
  // the abstract-type and list documents something to answer.
  it('resolves Node types and union members on the compiled path', async () => {
    const ids = ['Area:1', 'Organization:1'].map((id) => Buffer.from(id).toString('base64url'));
    const { body } = await compiled.gql<{ nodes: ({ __typename: string } | null)[] }>(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { __typename } }',
      { ids },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.nodes.map((n) => n?.__typename)).toEqual(['Area', 'Organization']);
    const search = await compiled.gql<{ search: { nodes: { __typename: string }[] } }>('{ search(text: "历下", first: 5) { nodes { __typename } } }');
    expect(search.body.data?.search.nodes.length).toBeGreaterThan(0);
  });
});
