import type { TestDatabase } from '@liangxin/db';
import { createServer as createTcpServer, connect, type Server as TcpServer, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturingLogger, CODES, insertJinanFixture, sql, startTestApp, testDatabase, type TestApp } from '../../test/helpers.js';
import { csv, ORG_HEADERS, orgRow } from '../import/import-fixture.js';
import { toGlobalId } from '../relay/cursor.js';
import { isDatabaseUnavailable } from './service-unavailable.error.js';

/**
 * The database going away under a running server: the server reaches the real PostgreSQL
 * through a TCP relay in this process, and the test cuts the relay (every connection reset, new
 * ones refused) and mends it — a network fault, the database itself untouched.
 */
class Relay {
  private server: TcpServer | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = createTcpServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.resetAndDestroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

let db: TestDatabase;
let relay: Relay;
let app: TestApp;
const log = capturingLogger();

beforeAll(async () => {
  db = await testDatabase();
  await insertJinanFixture(db.url);
  const url = new URL(db.url);
  relay = new Relay({ host: url.hostname, port: Number(url.port || 5432) });
  await relay.open();
  url.hostname = '127.0.0.1';
  url.port = String(relay.port);
  app = await startTestApp(url.toString(), { logger: log.logger });
});

afterAll(async () => {
  await app?.close();
  await relay?.cut();
  await db?.drop();
});

const AREA = `{ area(code: "370102") { name } }`;

describe('the database out of reach', () => {
  it('answers 503 SERVICE_UNAVAILABLE with Retry-After to queries, mutations, imports and readiness, then recovers without a restart', async () => {
    expect((await app.gql(AREA)).body.data).toEqual({ area: { name: '历下区' } });
    const organization = (await sql(db.url, `SELECT id, version FROM organization WHERE credit_code = $1`, [CODES.enterprise])).rows[0];

    await relay.cut();

    const query = await app.gql(AREA);
    expect(query.status).toBe(503);
    expect(query.headers.get('retry-after')).toBe('5');
    expect(query.body.errors).toHaveLength(1);
    expect(query.body.errors![0]).toMatchObject({
      message: 'The database cannot be reached right now. Try again in a few seconds.',
      path: ['area'],
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5, localizedMessage: { zh: '数据库暂时无法连接，请稍后重试。' } },
    });
    expect(JSON.stringify(query.body)).not.toMatch(/ECONN|at .*\.js|SELECT|stack/i);

    const mutation = await app.gql(`mutation ($id: ID!) { deregisterOrganization(id: $id, deregisteredOn: "2026-01-05", version: ${organization.version}) { organization { status } } }`, {
      id: toGlobalId('Organization', organization.id),
    });
    expect(mutation.status).toBe(503);
    expect(mutation.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');

    const imported = orgRow(70);
    const upload = await fetch(`${app.url}/import/organizations`, { method: 'POST', body: csv(ORG_HEADERS, [imported]), headers: { authorization: app.adminAuthorization } });
    expect(upload.status).toBe(503);
    expect(upload.headers.get('retry-after')).toBe('5');
    expect(((await upload.json()) as { error: { code: string } }).error.code).toBe('SERVICE_UNAVAILABLE');

    const ready = await fetch(`${app.url}/health/ready`);
    expect(ready.status).toBe(503);

    // Logged as what it is (warn, "database unavailable"), not as a masked bug.
    const lines = log.lines();
    expect(lines.some((l) => l.msg === 'database unavailable' && l.level === 40)).toBe(true);
    expect(lines.some((l) => l.msg === 'unexpected error, masked for the client')).toBe(false);

    await relay.open();
    expect((await app.gql(AREA)).body.data).toEqual({ area: { name: '历下区' } });
    expect((await fetch(`${app.url}/health/ready`)).status).toBe(200);
    // The refused writes wrote nothing.
    expect((await sql(db.url, `SELECT status, version FROM organization WHERE id = $1`, [organization.id])).rows[0]).toEqual({ status: 'ACTIVE', version: organization.version });
    expect((await sql(db.url, `SELECT count(*)::int AS n FROM organization WHERE credit_code = $1`, [imported['统一社会信用代码']])).rows[0].n).toBe(0);
  });
});

describe('isDatabaseUnavailable', () => {
  it("recognises pg's own errors for a refused connection and a server shutting down, not a refused statement", async () => {
    const closed = createTcpServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await new pg.Client({ host: '127.0.0.1', port, user: 'x', database: 'x' }).connect().catch((e: unknown) => e);
    expect(isDatabaseUnavailable(refused)).toBe(true);
    // As TypeORM wraps a driver error, and Apollo a resolver's.
    expect(isDatabaseUnavailable({ message: 'query failed', driverError: refused })).toBe(true);
    expect(isDatabaseUnavailable({ message: 'x', originalError: { message: 'y', cause: refused } })).toBe(true);

    // A backend terminated by the administrator (what a fast shutdown sends): SQLSTATE 57P01.
    const victim = new pg.Client({ connectionString: db.url });
    victim.on('error', () => {});
    await victim.connect();
    const pid = (await victim.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    await sql(db.url, 'SELECT pg_terminate_backend($1)', [pid]);
    const terminated = await victim.query('SELECT 1').catch((e: unknown) => e);
    await victim.end().catch(() => {});
    expect(isDatabaseUnavailable(terminated)).toBe(true);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const syntax = await client.query('SELEC 1').catch((e: unknown) => e);
    const division = await client.query(`SELECT 1/0`).catch((e: unknown) => e);
    await client.end();
    expect(isDatabaseUnavailable(syntax)).toBe(false);
    expect(isDatabaseUnavailable(division)).toBe(false);
    expect(isDatabaseUnavailable(new Error('Internal'))).toBe(false);
  });
});
