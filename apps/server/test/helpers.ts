import { createTestDatabase, type TestDatabase } from '@liangxin/db';
import pg from 'pg';
import { pino, type Logger } from 'pino';
import { inject } from 'vitest';
import { hashPassword } from '../src/auth/password.js';
import type { AccountRole } from '../src/auth/principal.js';
import { createServer, type LiangxinServer, type Listener, type ServerConfig } from '../src/server.js';

/** A fresh migrated database for one test file (drop it in afterAll). */
export function testDatabase(): Promise<TestDatabase> {
  return createTestDatabase(inject('pgServerUrl'), inject('pgTemplate'));
}

/** Runs SQL on `url` through a short-lived client (fixtures, sabotage). */
export async function sql(url: string, text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

/** Adds an account with that password (hashed as the server hashes it) and area. */
export async function addAccount(url: string, username: string, password: string, role: AccountRole, areaId: number | null): Promise<void> {
  await sql(url, `INSERT INTO account (username, display_name, password_hash, role, area_id) VALUES ($1, $2, $3, $4, $5)`, [
    username,
    `${username} (test)`,
    await hashPassword(password),
    role,
    areaId,
  ]);
}

/**
 * Moves every identity sequence past the largest id in its table. Fixtures insert rows with
 * explicit ids, which leaves the sequences at 1; a test that then creates rows through a
 * mutation calls this first, or the new row collides with fixture row 1.
 */
export async function syncIdentities(url: string): Promise<void> {
  await sql(
    url,
    `DO $$
     DECLARE r record;
     BEGIN
       FOR r IN SELECT table_name, column_name FROM information_schema.columns
                 WHERE table_schema = 'public' AND is_identity = 'YES'
       LOOP
         EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), coalesce((SELECT max(%I) FROM %I), 0) + 1, false)',
                        r.table_name, r.column_name, r.column_name, r.table_name);
       END LOOP;
     END $$`,
  );
}

/** A pino logger writing JSON lines into an array, for assertions on what is logged. */
export function capturingLogger(level = 'info'): { logger: Logger; lines: () => Record<string, unknown>[]; text: () => string } {
  const raw: string[] = [];
  const logger = pino({ level }, { write: (line: string) => void raw.push(line) });
  return {
    logger,
    lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => raw.join(''),
  };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

export interface TestApp {
  server: LiangxinServer;
  listener: Listener;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** `Authorization` header value `gql` sends unless given one: a city administrator's session. */
  adminAuthorization: string;
  /** A session token's header for any role and area (no account row needed: sessions are self-contained). */
  authorizationAs(account: { role: AccountRole; areaId?: number | null; username?: string; id?: number }): Promise<string>;
  /**
   * POSTs to /graphql as the city administrator, or with the given headers' `authorization`
   * (pass `{ authorization: '' }` for an anonymous request).
   */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The session signing key of test servers (tests only). */
export const TEST_SESSION_SECRET = 'liangxin-test-session-secret-0123456789abcdef';

/** createServer against `databaseUrl`, listening on a free loopback port; quiet unless given a logger. */
export async function startTestApp(databaseUrl: string, config: Partial<ServerConfig> = {}): Promise<TestApp> {
  // A fixed signing key: tokens are made without touching the database (which may not be migrated).
  const server = await createServer({ databaseUrl, logger: pino({ level: 'silent' }), drainTimeoutMs: 2000, sessionSecret: TEST_SESSION_SECRET, ...config });
  const listener = await server.listen(0, '127.0.0.1');
  const authorizationAs: TestApp['authorizationAs'] = async (account) => {
    const username = account.username ?? `test-${account.role.toLowerCase().replace(/_/g, '-')}`;
    const { token } = await server.sessions.issue({ id: account.id ?? 0, username, role: account.role, areaId: account.areaId ?? null });
    return `Bearer ${token}`;
  };
  const adminAuthorization = await authorizationAs({ role: 'CITY_ADMIN', username: 'test-admin' });
  return {
    server,
    listener,
    url: listener.url,
    adminAuthorization,
    authorizationAs,
    async gql<T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      const response = await fetch(`${listener.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: adminAuthorization, ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<T>['body'] };
    },
    close: () => server.close(),
  };
}

/** Credit codes checked with @liangxin/domain's parseCreditCode (makeCreditCode built them). */
export const CODES = {
  /** 9-1: an enterprise registered in 历下区. */
  enterprise: '91370102MA3C4D5E7Q',
  /** 5-1: a social group registered in 市中区. */
  socialGroup: '51370103MJD000011H',
} as const;

/**
 * A small piece of Jinan: the city, two districts, three streets, one community, a park, a
 * building paying 120 million CNY (above 2^31 fen), and two organizations.
 */
export async function insertJinanFixture(url: string): Promise<void> {
  await sql(
    url,
    `
    INSERT INTO area (id, code, name, level, parent_id, path) VALUES
      (1, '370100', '济南市', 'CITY', NULL, '{1}'),
      (2, '370102', '历下区', 'DISTRICT', 1, '{1,2}'),
      (3, '370103', '市中区', 'DISTRICT', 1, '{1,3}'),
      (10, '370102001', '解放路街道', 'STREET', 2, '{1,2,10}'),
      (11, '370102002', '千佛山街道', 'STREET', 2, '{1,2,11}'),
      (12, '370103001', '大观园街道', 'STREET', 3, '{1,3,12}'),
      (100, '370102001001', '解放路第一社区', 'COMMUNITY', 10, '{1,2,10,100}');
    INSERT INTO park (id, name, level, area_id, established_on) VALUES
      (1, '济南高新技术产业开发区', 'NATIONAL', 2, '1991-03-06');
    INSERT INTO building (id, name, street_id, park_id, address, floors, annual_tax_fen, opened_on) VALUES
      (1, '齐鲁软件大厦', 10, 1, '舜华路1号', 28, 12000000000, '2008-09-01');
    INSERT INTO business_district (id, name, kind, street_id, opened_on) VALUES
      (1, '泉城路商圈', 'BUSINESS_DISTRICT', 10, '1999-01-01');
    INSERT INTO organization (id, credit_code, name, category, industry, employees, registered_on, street_id, park_id, building_id, business_district_id, is_key, source) VALUES
      (1, '${CODES.enterprise}', '济南示例软件有限公司', 'NON_PUBLIC_ECONOMIC', 'I', 120, '2019-03-15', 10, 1, 1, NULL, true, 'GENERATED'),
      (2, '${CODES.socialGroup}', '济南示例行业协会', 'SOCIAL', 'S', 8, '2015-06-30', 12, NULL, NULL, NULL, false, 'GENERATED');
    `,
  );
}
