import { GraphQLError } from 'graphql';

/** Seconds a client is asked to wait (`Retry-After`) when the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const SERVICE_UNAVAILABLE_MESSAGE = {
  en: 'The database cannot be reached right now. Try again in a few seconds.',
  zh: '数据库暂时无法连接，请稍后重试。',
} as const;

export interface ServiceUnavailableExtensions {
  readonly code: 'SERVICE_UNAVAILABLE';
  readonly retryAfterSeconds: number;
  readonly localizedMessage: { zh: string; en: string };
  readonly [key: string]: unknown;
}

/**
 * The database is down or restarting: the request may succeed if sent again, so a client (an
 * importing system, the web UI) gets a code it can act on and HTTP 503 with Retry-After, not
 * INTERNAL_SERVER_ERROR. A write that met it was not applied — its statements never reached the
 * database, or its transaction died with the connection and PostgreSQL rolled it back — except when
 * the connection was lost after COMMIT was sent: then it may be applied in full, never in part.
 */
export class ServiceUnavailableError extends GraphQLError {
  declare readonly extensions: ServiceUnavailableExtensions;

  constructor() {
    super(SERVICE_UNAVAILABLE_MESSAGE.en, {
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS, localizedMessage: { ...SERVICE_UNAVAILABLE_MESSAGE } },
    });
    this.name = 'ServiceUnavailableError';
  }
}

/** Socket errors of a connection that could not be made or was cut. */
const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs of a server going away or not yet there: class 08 (connection exception) and
 * 57P01–57P03 (admin_shutdown, crash_shutdown, cannot_connect_now: "the database system is
 * starting up / shutting down").
 */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[1-3])$/;

/** pg's own messages for a connection lost or never made, which carry no code. */
const CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i;

/**
 * Whether `error` — as pg, TypeORM (`driverError`), Apollo (`originalError`) or a wrapper
 * (`cause`) gives it — says the database could not be reached, rather than that it refused the
 * statement.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let pending: unknown[] = [error];
  while (pending.length) {
    const next: unknown[] = [];
    for (const e of pending) {
      if (!e || typeof e !== 'object' || seen.has(e)) continue;
      seen.add(e);
      const x = e as { code?: unknown; message?: unknown; driverError?: unknown; originalError?: unknown; cause?: unknown; errors?: unknown };
      if (typeof x.code === 'string' && (CONNECTION_ERROR_CODES.has(x.code) || UNAVAILABLE_SQLSTATES.test(x.code))) return true;
      if (typeof x.message === 'string' && CONNECTION_MESSAGES.test(x.message)) return true;
      next.push(x.driverError, x.originalError, x.cause);
      // AggregateError: node's net gives one when every address of a host refused.
      if (Array.isArray(x.errors)) next.push(...x.errors);
    }
    pending = next;
  }
  return false;
}
