import { pendingMigrationNames } from '@liangxin/db';
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { describeError } from '../errors/describe-error.js';

export interface ReadinessOptions {
  dataSource: DataSource;
  databaseUrl: string;
  log: Logger;
  /** A check slower than this counts as down (default 2000 ms). */
  timeoutMs?: number;
}

export type Readiness = { ready: true } | { ready: false; reason: string };

/**
 * Readiness: the database answers `SELECT 1` and has every migration this build knows. Once
 * the migrations were seen complete they stay so for the life of the process (its migration
 * list is fixed at build time), so later probes cost one `SELECT 1`, not a connection.
 */
export function createReadinessCheck(options: ReadinessOptions): () => Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? 2000;
  let migrated = false;
  return async () => {
    try {
      await withTimeout(options.dataSource.query('SELECT 1'), timeoutMs);
    } catch (error) {
      options.log.warn({ error: describeError(error) }, 'readiness: database unreachable');
      return { ready: false, reason: 'database unreachable' };
    }
    if (!migrated) {
      let pending: string[];
      try {
        pending = await withTimeout(pendingMigrationNames(options.databaseUrl), timeoutMs);
      } catch (error) {
        options.log.warn({ error: describeError(error) }, 'readiness: cannot read the migrations');
        return { ready: false, reason: 'cannot read the applied migrations' };
      }
      if (pending.length > 0) return { ready: false, reason: `pending migrations: ${pending.join(', ')}` };
      migrated = true;
    }
    return { ready: true };
  };
}

/** `/health/live`: the process serves HTTP. `/health/ready`: it can answer queries. */
export function healthRouter(ready: () => Promise<Readiness>): Router {
  const router = Router();
  router.get('/live', (_req: Request, res: Response) => {
    res.status(200).json({ status: 'ok' });
  });
  router.get('/ready', async (_req: Request, res: Response) => {
    const readiness = await ready();
    res.setHeader('cache-control', 'no-store');
    if (readiness.ready) res.status(200).json({ status: 'ok' });
    else res.status(503).json({ status: 'unavailable', reason: readiness.reason });
  });
  return router;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
