import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from './auth/principal.js';
import { isAreaBound } from './auth/permissions.js';
import { openScopedConnection } from './auth/reach.js';
import type { Sessions } from './auth/session.js';
import type { RequestScope } from './http/request-scope.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver receives as `@Ctx()`: made once per GraphQL request. */
export interface Context {
  readonly requestId: string;
  /**
   * Where every statement of the request goes. City roles: the pool (reads in parallel); a mutation
   * opens its own transaction (`db.transaction`). A principal bound to areas: one connection of its
   * own under row-level security (auth/reach.ts), released when the response is sent.
   */
  readonly db: EntityManager;
  /**
   * True when `db` is under row-level security: figures kept for the whole city (the coverage
   * tally) cannot answer for part of it, so they are computed from the visible facts instead.
   */
  readonly rowLevelSecurity: boolean;
  /** Returns a scoped connection to the pool; a no-op for the pool. Idempotent. */
  readonly release: () => Promise<void>;
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
  /** The HTTP request's scope (its log line reads the operation name from it); absent in contexts built by hand in tests. */
  readonly scope?: RequestScope;
}

/**
 * The one place that says who a request acts for: the principal the authentication middleware
 * put on the request scope ('account:<username>', 'token:<name>'), else 'anonymous'.
 */
export function actorOf(scope: RequestScope): string {
  return scope.principal?.actor ?? 'anonymous';
}

export function createContext(dataSource: DataSource, scope: RequestScope, extras: { sessions?: Sessions } = {}): Context {
  const scoped = isAreaBound(scope.principal) ? openScopedConnection(dataSource, scope.principal!) : null;
  const db = scoped?.manager ?? dataSource.manager;
  return {
    requestId: scope.requestId,
    db,
    rowLevelSecurity: scoped !== null,
    release: scoped ? scoped.release : async () => undefined,
    loaders: createLoaders(db, { coverageTally: scoped === null }),
    log: scope.log,
    actor: actorOf(scope),
    principal: scope.principal,
    scope,
    ...(extras.sessions ? { sessions: extras.sessions } : {}),
  };
}
