import { createEmptyDatabase, migrations, type TestDatabase } from '@liangxin/db';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { capturingLogger, CODES, insertJinanFixture, startTestApp, testDatabase, type TestApp } from '../test/helpers.js';

let db: TestDatabase;
let app: TestApp;
const log = capturingLogger();

beforeAll(async () => {
  db = await testDatabase();
  await insertJinanFixture(db.url);
  app = await startTestApp(db.url, { logger: log.logger });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('GraphQL over HTTP', () => {
  it('answers an area and an organization with their references', async () => {
    const { status, body, headers } = await app.gql(`
      query Smoke {
        area(code: "370102") { code name level parent { code name } children { nodes { code name level } } }
        organization(creditCode: "${CODES.enterprise}") {
          creditCode name category industry employees registeredOn deregisteredOn status isKey source createdAt
          street { code name level }
          park { name level establishedOn area { code } }
          building { name annualTaxFen openedOn floors street { code } park { name } }
          businessDistrict { name }
        }
      }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.data).toEqual({
      area: {
        code: '370102',
        name: '历下区',
        level: 'DISTRICT',
        parent: { code: '370100', name: '济南市' },
        children: {
          nodes: [
            { code: '370102001', name: '解放路街道', level: 'STREET' },
            { code: '370102002', name: '千佛山街道', level: 'STREET' },
          ],
        },
      },
      organization: {
        creditCode: CODES.enterprise,
        name: '济南示例软件有限公司',
        category: 'NON_PUBLIC_ECONOMIC',
        industry: 'I',
        employees: 120,
        registeredOn: '2019-03-15',
        deregisteredOn: null,
        status: 'ACTIVE',
        isKey: true,
        source: 'GENERATED',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
        street: { code: '370102001', name: '解放路街道', level: 'STREET' },
        park: { name: '济南高新技术产业开发区', level: 'NATIONAL', establishedOn: '1991-03-06', area: { code: '370102' } },
        building: {
          name: '齐鲁软件大厦',
          annualTaxFen: 12_000_000_000,
          openedOn: '2008-09-01',
          floors: 28,
          street: { code: '370102001' },
          park: { name: '济南高新技术产业开发区' },
        },
        businessDistrict: null,
      },
    });
  });

  it('normalizes a credit code typed in lower case with spaces, and gives null for an unknown one', async () => {
    const { body } = await app.gql(`query ($a: String!, $b: String!) {
      a: organization(creditCode: $a) { name }
      b: organization(creditCode: $b) { name }
    }`, { a: `  ${CODES.socialGroup.toLowerCase()} `, b: '91370102MA3C4D5F5K' });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ a: { name: '济南示例行业协会' }, b: null });
  });

  it('gives null for an unknown area code and refuses a malformed one', async () => {
    const { body } = await app.gql(`{ known: area(code: "370199") { name } }`);
    expect(body.data).toEqual({ known: null });
    const bad = await app.gql(`{ area(code: "37-01") { name } }`);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['code'], reason: 'AREA_CODE_FORMAT' });
  });

  it('keeps a plain request id sent by the caller, and replaces an unsafe one', async () => {
    const kept = await app.gql('{ __typename }', undefined, { 'x-request-id': 'edge-42.abc' });
    expect(kept.headers.get('x-request-id')).toBe('edge-42.abc');
    const replaced = await app.gql('{ __typename }', undefined, { 'x-request-id': 'a b <script>' });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports syntax and validation errors as such, without a stack', async () => {
    const graphqlResponse = { accept: 'application/graphql-response+json' };
    const syntax = await app.gql('{ area(code: ', undefined, graphqlResponse);
    expect(syntax.status).toBe(400);
    // A client that accepts only application/json gets 200, as GraphQL over HTTP recommends.
    expect((await app.gql('{ area(code: ')).status).toBe(200);
    expect(syntax.body.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
    const validation = await app.gql('{ area(code: "370102") { nope } }', undefined, graphqlResponse);
    expect(validation.status).toBe(400);
    expect(validation.body.errors?.[0]?.message).toContain('nope');
    expect(validation.body.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('writes one log line per request: id, operation, duration — never the variables; statements only when asked', async () => {
    // By default the line has no statement count (counting costs every request: ServerConfig.logStatements).
    const plainBefore = log.lines().length;
    await app.gql('query Plain { __typename }');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const plain = log.lines().slice(plainBefore).filter((line) => line.msg === 'request');
    expect(plain).toHaveLength(1);
    expect(plain[0]).toMatchObject({ operationName: 'Plain', status: 200 });
    expect(plain[0]).not.toHaveProperty('statements');

    const counted = capturingLogger();
    const counting = await startTestApp(db.url, { logger: counted.logger, logStatements: true });
    const before = counted.lines().length;
    try {
      const { headers } = await counting.gql('query FindOrganization($code: String!) { organization(creditCode: $code) { name } }', {
        code: CODES.enterprise,
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      const lines = counted.lines().slice(before).filter((line) => line.msg === 'request');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        reqId: headers.get('x-request-id'),
        method: 'POST',
        path: '/graphql',
        status: 200,
        operationName: 'FindOrganization',
        statements: 1,
      });
      expect(typeof lines[0]!.ms).toBe('number');
      expect(counted.text()).not.toContain(CODES.enterprise);
    } finally {
      await counting.close();
    }
  });
});

describe('HTTP', () => {
  it('serves /health/live and /health/ready on a migrated database', async () => {
    const live = await fetch(`${app.url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${app.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 on /health/ready while migrations are pending', async () => {
    const empty = await createEmptyDatabase(inject('pgServerUrl'), 'server_ready');
    const unmigrated = await startTestApp(empty.url);
    try {
      const response = await fetch(`${unmigrated.url}/health/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', reason: `pending migrations: ${migrations.map((m) => m.name).join(', ')}` });
      expect((await fetch(`${unmigrated.url}/health/live`)).status).toBe(200);
    } finally {
      await unmigrated.close();
      await empty.drop();
    }
  });

  it('refuses a body over 1 MB with 413 and malformed JSON with 400', async () => {
    const big = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(1_100_000)}` }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ errors: [{ message: 'Request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    const malformed = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ errors: [{ message: 'Malformed JSON body', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('serves the landing page to a browser and JSON 404 elsewhere', async () => {
    const page = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const missing = await fetch(`${app.url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not found', graphql: '/graphql' });
  });

  it('answers a GET query (with the CSRF-safe header Apollo asks for)', async () => {
    const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ area(code: "370100") { name } }')}`, {
      headers: { 'apollo-require-preflight': 'true', authorization: app.adminAuthorization },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { area: { name: '济南市' } } });
  });
});

describe('POST /graphql without Express', () => {
  /** Each request sent to the default server (the direct path) and to one serving every request through Express. */
  const requests: { name: string; headers?: Record<string, string>; body: string; admin?: boolean }[] = [
    { name: 'a query', body: JSON.stringify({ query: '{ area(code: "370102") { name children { totalCount } } }' }), admin: true },
    { name: 'an operation with variables', body: JSON.stringify({ query: 'query A($c: String!) { area(code: $c) { code } } query B { __typename }', operationName: 'A', variables: { c: '370100' } }), admin: true },
    { name: 'a variable of the wrong type', body: JSON.stringify({ query: 'query A($c: String!) { area(code: $c) { code } }', variables: { c: 5 } }), admin: true },
    { name: 'a validation error', body: JSON.stringify({ query: '{ nowhere }' }), admin: true },
    { name: 'a validation error, GraphQL media type accepted', headers: { accept: 'application/graphql-response+json' }, body: JSON.stringify({ query: '{ nowhere }' }), admin: true },
    { name: 'a charset in the content type', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ query: '{ __typename }' }), admin: true },
    { name: 'a byte-order mark and white space', body: `\ufeff \n${JSON.stringify({ query: '{ __typename }' })}`, admin: true },
    { name: 'a batch (refused)', body: JSON.stringify([{ query: '{ __typename }' }]), admin: true },
    { name: 'an empty object', body: '{}', admin: true },
    { name: 'malformed JSON', body: '{"query": ', admin: true },
    { name: 'a JSON string', body: '"{ __typename }"', admin: true },
    { name: 'no token', body: JSON.stringify({ query: '{ area(code: "370102") { name } }' }) },
    { name: 'no token, signing in', body: JSON.stringify({ query: 'mutation { signIn(username: "nobody", password: "wrong-password") { token } }' }) },
    { name: 'a forged token', headers: { authorization: 'Bearer not.a.token' }, body: JSON.stringify({ query: '{ __typename }' }) },
  ];
  let viaExpress: TestApp;
  beforeAll(async () => {
    viaExpress = await startTestApp(db.url, { graphqlPost: 'express' });
  });
  afterAll(async () => {
    await viaExpress?.close();
  });

  const send = async (target: TestApp, request: (typeof requests)[number]) => {
    const response = await fetch(`${target.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'parity-1', ...(request.admin ? { authorization: target.adminAuthorization } : {}), ...request.headers },
      body: request.body,
    });
    const headers = Object.fromEntries(['content-type', 'content-length', 'www-authenticate', 'retry-after', 'x-request-id'].map((h) => [h, response.headers.get(h)]));
    return { status: response.status, headers, body: await response.text() };
  };

  it.each(requests)('answers $name as the Express route does', async (request) => {
    const direct = await send(app, request);
    const express = await send(viaExpress, request);
    expect(direct).toEqual(express);
    expect(direct.headers['x-request-id']).toBe('parity-1');
  });

  it('answers 429 as the Express route does, once a principal is over its limit', async () => {
    const limited = [await startTestApp(db.url, { rateLimits: { perPrincipalPerMinute: 1 } }), await startTestApp(db.url, { rateLimits: { perPrincipalPerMinute: 1 }, graphqlPost: 'express' })];
    try {
      const answers = [];
      for (const target of limited) {
        const request = { name: 'typename', body: JSON.stringify({ query: '{ __typename }' }), admin: true };
        answers.push([await send(target, request), await send(target, request)]);
      }
      expect(answers[0]![0]!.status).toBe(200);
      expect(answers[0]![1]).toMatchObject({ status: 429, headers: { 'retry-after': expect.stringMatching(/^\d+$/) } });
      expect(answers[0]).toEqual(answers[1]);
    } finally {
      await Promise.all(limited.map((l) => l.close()));
    }
  });

  it('leaves to Express what it does not take: another media type, a compressed or chunked body', async () => {
    const form = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: app.adminAuthorization }, body: '{ __typename }' });
    const formViaExpress = await fetch(`${viaExpress.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: viaExpress.adminAuthorization }, body: '{ __typename }' });
    expect(form.status).toBe(400);
    expect(await form.text()).toBe(await formViaExpress.text());
    const gzipped = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: app.adminAuthorization },
      body: gzipSync(JSON.stringify({ query: '{ __typename }' })),
    });
    expect(await gzipped.json()).toEqual({ data: { __typename: 'Query' } });
    const chunked = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: app.adminAuthorization },
      body: new Blob([JSON.stringify({ query: '{ __typename }' })]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(await chunked.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('close', () => {
  it('drains promptly although the client keeps its connection alive', async () => {
    // A drain deadline far beyond the test's own timeout: close() finishes only because idle
    // keep-alive connections are closed as soon as they are idle, not when the deadline cuts them.
    const other = await startTestApp(db.url, { drainTimeoutMs: 600_000 });
    await other.gql('{ __typename }'); // leaves an idle keep-alive connection in fetch's pool
    await other.close();
    expect(other.server.dataSource.isInitialized).toBe(false);
    await expect(fetch(`${other.url}/health/live`)).rejects.toThrow();
  });
});
