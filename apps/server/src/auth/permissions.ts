import type { Context } from '../context.js';
import { ForbiddenError } from '../errors/forbidden.error.js';
import type { Principal } from './principal.js';

/**
 * What a principal may do, apart from where (row-level security decides where: auth/reach.ts).
 * The one table of permissions; enforcement points ask `may(principal, permission)`:
 *
 * | permission         | CITY_ANALYST | CITY_ADMIN | DISTRICT_OFFICER | STREET_WORKER | integration token      |
 * |--------------------|--------------|------------|------------------|---------------|------------------------|
 * | read               | yes          | yes        | yes (district)   | yes (street)  | scope `read`           |
 * | write (mutations)  | no           | yes        | yes (district)   | yes (street)  | no                     |
 * | import             | no           | yes        | yes (district)   | yes (street)  | scope `import`         |
 * | readPersonalData   | no           | yes        | yes (district)   | yes (street)  | no                     |
 * | administer         | no           | yes        | no               | no            | no                     |
 *
 * `administer`: accounts and integration tokens (graph/account/; `npm run accounts` on the server) and
 * the city-wide audit log (`auditEntries`, graph/audit/audit.resolver.ts).
 * The analyst reads aggregates and organizations city-wide but not members' personal data; the
 * officers and workers who visit members do. A machine never reads personal data.
 */
export type Permission = 'read' | 'write' | 'import' | 'readPersonalData' | 'administer';

const ROLE_PERMISSIONS: Record<NonNullable<Principal['role']>, readonly Permission[]> = {
  CITY_ANALYST: ['read'],
  CITY_ADMIN: ['read', 'write', 'import', 'readPersonalData', 'administer'],
  DISTRICT_OFFICER: ['read', 'write', 'import', 'readPersonalData'],
  STREET_WORKER: ['read', 'write', 'import', 'readPersonalData'],
};

export function may(principal: Principal | null | undefined, permission: Permission): boolean {
  if (!principal) return false;
  if (principal.kind === 'integration') {
    return (permission === 'read' || permission === 'import') && principal.scopes.includes(permission);
  }
  return principal.role !== null && ROLE_PERMISSIONS[principal.role].includes(permission);
}

/** Bound to areas: reads and writes go through row-level security (auth/reach.ts). */
export function isAreaBound(principal: Principal | null | undefined): boolean {
  return !!principal && principal.areaIds.length > 0;
}

/** The principal, when it may administer (accounts, tokens, the city-wide audit log); FORBIDDEN otherwise (the plugin refused it already). */
export function requireAdministrator(ctx: Context) {
  const principal = ctx.principal;
  if (!principal || principal.kind !== 'account' || !may(principal, 'administer')) {
    throw new ForbiddenError('Only the city administrator may administer accounts and tokens or read the city-wide audit log', 'NOT_ADMINISTRATOR');
  }
  return principal;
}
