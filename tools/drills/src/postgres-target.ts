import { ensureDatabase, redactUrl, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@liangxin/db';
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * The PostgreSQL a drill runs against, and how the restart drill stops and starts it.
 *
 * - The machine's server (DATABASE_URL set): the drills get a database of their own on it
 *   (`liangxin_drills`, dropped and created again, dropped afterwards), and the restart drill
 *   restarts the whole server through Debian's `pg_ctlcluster`, found by the URL's port in
 *   `pg_lsclusters`. That restart is felt by everyone using the server, which is why
 *   `.ci/run` runs the drills as a step of their own, after the tests.
 * - An embedded server (no DATABASE_URL, or --embedded) under .data/drills, for a machine with
 *   no PostgreSQL of its own; removed afterwards.
 */
export interface DrillPostgres {
  url: string;
  embedded: boolean;
  /** For the report: which server, and how it is restarted. */
  description: string;
  /** `unavailable`: this server cannot be restarted from here (not on this machine, not ours to restart). */
  restart: { stop(): Promise<void>; start(): Promise<void> } | { unavailable: string };
  close(): Promise<void>;
}

const DRILL_DATABASE = 'liangxin_drills';

export async function machinePostgres(databaseUrl: string, options: { reuse: boolean }): Promise<DrillPostgres> {
  const server = new URL(databaseUrl);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const url = new URL(databaseUrl);
  url.pathname = `/${DRILL_DATABASE}`;
  if (!options.reuse) await dropDatabase(admin.toString());
  await ensureDatabase(admin.toString(), DRILL_DATABASE);
  const cluster = await findCluster(server);
  const restart =
    'unavailable' in cluster
      ? cluster
      : {
          stop: () => pgCtlCluster(cluster, 'stop'),
          start: () => pgCtlCluster(cluster, 'start'),
        };
  return {
    url: url.toString(),
    embedded: false,
    description:
      'unavailable' in cluster
        ? `the machine’s server (${redactUrl(databaseUrl)}), database ${DRILL_DATABASE}`
        : `the machine’s server (cluster ${cluster.version}/${cluster.name}, port ${cluster.port}), database ${DRILL_DATABASE}; restarted with \`pg_ctlcluster ${cluster.version} ${cluster.name} stop|start\``,
    restart,
    async close() {
      if (!options.reuse) await dropDatabase(admin.toString());
    },
  };
}

export async function embeddedPostgres(dataDir: string, options: { reuse: boolean; database: string }): Promise<DrillPostgres> {
  if (!options.reuse) rmSync(dataDir, { recursive: true, force: true });
  let handle: EmbeddedPostgresHandle = await startEmbeddedPostgres({ dataDir, database: options.database, log: () => {} });
  const port = handle.port;
  return {
    url: handle.url,
    embedded: true,
    description: `an embedded PostgreSQL the drill starts for itself under ${dataDir}`,
    restart: {
      stop: () => handle.stop(),
      async start() {
        handle = await startEmbeddedPostgres({ dataDir, port, database: options.database });
      },
    },
    async close() {
      await handle.stop();
      if (!options.reuse) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function dropDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // FORCE: a drill that was killed may have left a server process connected.
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(DRILL_DATABASE)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

interface Cluster {
  version: string;
  name: string;
  port: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '']);

/** The Debian cluster serving the URL's port on this machine, if we may restart it. */
async function findCluster(server: URL): Promise<Cluster | { unavailable: string }> {
  if (!LOOPBACK.has(server.hostname)) return { unavailable: `${server.hostname} is not this machine` };
  const port = Number(server.port || 5432);
  let listing: string;
  try {
    listing = (await run('pg_lsclusters', ['--no-header'])).stdout;
  } catch {
    return { unavailable: 'no pg_lsclusters here (Debian’s postgresql-common) to find the server’s cluster' };
  }
  // Ver Cluster Port Status Owner Data-directory Log-file
  for (const line of listing.split('\n')) {
    const [version, name, clusterPort, , owner] = line.trim().split(/\s+/);
    if (Number(clusterPort) !== port || !version || !name) continue;
    const me = userInfo().username;
    if (process.getuid?.() !== 0 && me !== owner) {
      return { unavailable: `cluster ${version}/${name} belongs to ${owner}; the drill runs as ${me}` };
    }
    return { version, name, port };
  }
  return { unavailable: `no cluster in pg_lsclusters listens on port ${port}` };
}

async function pgCtlCluster(cluster: Cluster, action: 'stop' | 'start'): Promise<void> {
  // --skip-systemctl-redirect: act on the server itself, as .ci/run's start does (no systemd in containers).
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', cluster.version, cluster.name, action]);
}
