import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from './auth/principal.js';
import type { Sessions } from './auth/session.js';
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
  /** The signed-in account or integration token (auth/authenticate.ts); null: anonymous. */
  readonly principal: Principal | null;
  /** Issues session tokens (signIn); absent in contexts built by hand in tests. */
  readonly sessions?: Sessions;
}

/**
 * The one place that says who a request acts for: the principal the authentication middleware
 * put on the request scope ('account:<username>', 'token:<name>'), else 'anonymous'.
 */
export function actorOf(scope: RequestScope): string {
  return scope.principal?.actor ?? 'anonymous';
}

export function createContext(dataSource: DataSource, scope: RequestScope, extras: { sessions?: Sessions } = {}): Context {
  const db = dataSource.manager;
  return {
    requestId: scope.requestId,
    db,
    loaders: createLoaders(db),
    log: scope.log,
    actor: actorOf(scope),
    principal: scope.principal,
    ...(extras.sessions ? { sessions: extras.sessions } : {}),
  };
}
