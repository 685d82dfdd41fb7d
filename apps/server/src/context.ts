import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestScope } from './http/request-scope.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver receives as `@Ctx()`: made once per GraphQL request. */
export interface Context {
  readonly requestId: string;
  /** Reads go through the pool; a mutation opens its own transaction (`db.transaction`). */
  readonly db: EntityManager;
  /** Fresh per request: see loaders.ts. */
  readonly loaders: Loaders;
  /** Carries the request id; never log arguments (they may hold personal data). */
  readonly log: Logger;
  /** Who is asking, as the audit trail records it (audit_log.actor): see actorOf. */
  readonly actor: string;
}

/**
 * The one place that says who a request acts for. Until sign-in exists (a later issue) every
 * request is 'anonymous'; then this reads the account or token id the authentication middleware
 * put on the request scope, and nothing else has to change.
 */
export function actorOf(_scope: RequestScope): string {
  return 'anonymous';
}

export function createContext(dataSource: DataSource, scope: RequestScope): Context {
  const db = dataSource.manager;
  return {
    requestId: scope.requestId,
    db,
    loaders: createLoaders(db),
    log: scope.log,
    actor: actorOf(scope),
  };
}
