import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { resolveDatabase, type DatabaseTarget } from './database.js';
import { runMigrations } from './migrate.js';

/**
 * Test databases. One server per test run (DATABASE_URL, else an embedded one per package so
 * packages can test in parallel); one migrated template database per run; one fresh copy of the
 * template per test file, so files run in parallel without seeing each other's rows.
 */

export interface TestPostgres {
  /** A URL on the server with the database part to be replaced. */
  serverUrl: string;
  templateDatabase: string;
  close(): Promise<void>;
}

/** For a vitest globalSetup: start (or reach) the server and build the migrated template. */
export async function startTestPostgres(packageName: string): Promise<TestPostgres> {
  const target: DatabaseTarget = await resolveDatabase({
    clusterName: `postgres-test-${packageName}`,
    port: 0,
  });
  const templateDatabase = `lx_template_${packageName.replace(/\W/g, '_')}_${process.pid}`;
  await withAdmin(target.url, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
    await admin.query(`CREATE DATABASE ${templateDatabase}`);
  });
  await runMigrations(databaseUrl(target.url, templateDatabase));
  return {
    serverUrl: target.url,
    templateDatabase,
    async close() {
      await withAdmin(target.url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`));
      await dropLeftovers(target.url, templateDatabase);
      await target.close();
    },
  };
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(serverUrl: string, templateDatabase: string): Promise<TestDatabase> {
  const name = `${templateDatabase.replace('lx_template_', 'lx_t_')}_${randomBytes(4).toString('hex')}`;
  await withAdmin(serverUrl, async (admin) => {
    // Copies from one template may collide while another copy holds it; retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase}`);
        return;
      } catch (error) {
        if (attempt >= 20 || (error as { code?: string }).code !== '55006') throw error;
        await new Promise((r) => setTimeout(r, 100 + attempt * 50));
      }
    }
  });
  return {
    url: databaseUrl(serverUrl, name),
    name,
    drop: () => withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

/** An empty database (no migrations) for tests of the migrations themselves. */
export async function createEmptyDatabase(serverUrl: string, label: string): Promise<TestDatabase> {
  const name = `lx_e_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  return {
    url: databaseUrl(serverUrl, name),
    name,
    drop: () => withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

export function databaseUrl(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Test files drop their own databases; this catches those of a crashed file. */
async function dropLeftovers(serverUrl: string, templateDatabase: string): Promise<void> {
  const prefix = templateDatabase.replace('lx_template_', 'lx_t_');
  await withAdmin(serverUrl, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${prefix}_%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
  });
}

/**
 * The body of every package's vitest globalSetup: start the test server and template once per
 * run, hand their names to the test files through vitest's provide/inject.
 */
export function vitestGlobalSetup(packageName: string) {
  return async function setup(project: { provide(key: string, value: unknown): void }) {
    const server = await startTestPostgres(packageName);
    project.provide('pgServerUrl', server.serverUrl);
    project.provide('pgTemplate', server.templateDatabase);
    return () => server.close();
  };
}
