import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.js';
import { StatementTally } from '../db/statement-counter.js';

/**
 * What the server knows about the HTTP request being served. Made by the first middleware and
 * kept on `res.locals` (see `scopeOf` in request-log.ts) and on the GraphQL context: passed
 * along, never looked up from an AsyncLocalStorage. On Node 20 an AsyncLocalStorage installs a
 * promise hook that runs for every promise of every request — measured, a sixth of the CPU of
 * the 112-street coverage request (docs/benchmarks.md, issue 8).
 */
export interface RequestScope {
  readonly requestId: string;
  readonly startedAt: bigint;
  /** Child logger carrying `reqId`. */
  readonly log: Logger;
  /** Statements sent on behalf of this request, counted only with `logStatements` (server.ts). */
  readonly statements: StatementTally;
  /** The GraphQL operation, once Apollo resolved it. */
  operationName: string | null;
  /** Who the request acts for, set by the authentication middleware; null: anonymous. */
  principal: Principal | null;
}

export function createRequestScope(requestId: string, log: Logger): RequestScope {
  return {
    requestId,
    startedAt: process.hrtime.bigint(),
    log: log.child({ reqId: requestId }),
    statements: new StatementTally(),
    operationName: null,
    principal: null,
  };
}
