import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.js';
import { StatementTally } from '../db/statement-counter.js';

/**
 * What the server knows about the HTTP request being served, for code that has no context
 * argument (Apollo's formatError, the request log line). Made by the first middleware; entered
 * with `runInRequestScope` only after the body is parsed, because body parsing resumes on the
 * socket's async context and would lose it.
 */
export interface RequestScope {
  readonly requestId: string;
  readonly startedAt: bigint;
  /** Child logger carrying `reqId`. */
  readonly log: Logger;
  /** Statements sent on behalf of this request. */
  readonly statements: StatementTally;
  /** The GraphQL operation, once Apollo resolved it. */
  operationName: string | null;
  /** Who the request acts for, set by the authentication middleware; null: anonymous. */
  principal: Principal | null;
}

const storage = new AsyncLocalStorage<RequestScope>();

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

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
