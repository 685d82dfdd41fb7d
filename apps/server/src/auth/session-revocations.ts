import type { Logger } from 'pino';
import pg from 'pg';
import { describeError } from '../errors/describe-error.js';

/** The channel the account trigger announces revocations on (migration 1765008000000). */
const CHANNEL = 'liangxin_sessions';
/** The longest wait between two attempts to listen again after the connection was lost. */
const MAX_RETRY_MS = 30_000;

/**
 * Which accounts' sessions were revoked, and from when: `account.sessions_valid_from`, set by a
 * trigger when a password changes, an account is disabled or its role or area changes
 * (docs/security.md, "Sessions"). Kept in memory and up to date through LISTEN on the channel the
 * trigger notifies, so checking a session still costs no SQL per request.
 *
 * One connection of its own (LISTEN needs a session, not a pooled one). When it is lost — the
 * database restarts — it listens again with a growing pause and reads the table again, since
 * notifications sent meanwhile were not delivered. Only revocations younger than a session's
 * lifetime are kept: an older one cannot refuse a token that has not expired anyway.
 */
export interface SessionRevocations {
  /** Epoch milliseconds before which sessions of the account are refused; undefined: none. */
  validFrom(accountId: number): number | undefined;
  /** Resolves once the table was read the first time (or the attempt failed; see `listen`). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function listenForSessionRevocations(options: { databaseUrl: string; ttlSeconds: number; log: Logger }): SessionRevocations {
  const { databaseUrl, ttlSeconds, log } = options;
  const validFrom = new Map<number, number>();
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 500;
  let retry: NodeJS.Timeout | undefined;

  const remember = (accountId: number, ms: number) => {
    if (!Number.isSafeInteger(accountId) || !Number.isFinite(ms)) return;
    if (ms > (validFrom.get(accountId) ?? -Infinity)) validFrom.set(accountId, ms);
  };

  async function listen(): Promise<void> {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: 'liangxin session revocations' });
    next.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const [id, ms] = message.payload.split(' ').map(Number);
      remember(id!, ms!);
    });
    next.on('error', (error) => {
      log.warn({ error: describeError(error) }, 'session revocations: connection lost; listening again');
      lost(next);
    });
    next.on('end', () => lost(next));
    try {
      await next.connect();
      // This connection alone never keeps a process alive (the HTTP server does, while it runs).
      (next as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      // Listen first, then read: a revocation committed in between is seen one way or the other.
      await next.query(`LISTEN ${CHANNEL}`);
      const { rows } = await next.query<{ id: number; ms: string }>(
        `SELECT id, floor(extract(epoch FROM sessions_valid_from) * 1000)::bigint AS ms FROM account
          WHERE sessions_valid_from > now() - make_interval(secs => $1)`,
        [ttlSeconds + 60],
      );
      for (const row of rows) remember(row.id, Number(row.ms));
      if (closed) {
        await next.end().catch(() => {});
        return;
      }
      client = next;
      retryMs = 500;
    } catch (error) {
      await next.end().catch(() => {});
      // An unmigrated database (no such column) or one that is down: no revocations known yet;
      // try again, and meanwhile sessions are checked by signature and expiry alone.
      log.warn({ error: describeError(error) }, 'session revocations: cannot listen yet; trying again');
      schedule();
    }
  }

  function lost(which: pg.Client) {
    if (client !== which) return;
    client = null;
    which.end().catch(() => {});
    schedule();
  }

  function schedule() {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void listen();
    }, retryMs);
    retry.unref();
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  }

  const first = listen();
  return {
    validFrom: (accountId) => validFrom.get(accountId),
    ready: () => first,
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
