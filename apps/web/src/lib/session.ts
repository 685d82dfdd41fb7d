// The signed-in session, kept in sessionStorage: one tab, gone when the tab closes, and never
// sent anywhere but our own /graphql and spreadsheet routes as `Authorization: Bearer`.
// Tokens live 30 minutes and cannot be refreshed (docs/security.md): on expiry the user signs in again.

export type Role = 'CITY_ANALYST' | 'CITY_ADMIN' | 'DISTRICT_OFFICER' | 'STREET_WORKER';

export interface Session {
  token: string;
  expiresAt: string;
  account: {
    username: string;
    displayName: string;
    role: Role;
    area: { id: string; code: string; name: string } | null;
    /** A street worker's own work-group entry: the desk starts from its liaison points. */
    workGroupMember?: { id: string; name: string } | null;
  };
}

const KEY = 'liangxin.session';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

let current: Session | null = read();

function read(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Session;
    return isExpired(parsed) ? null : parsed;
  } catch {
    return null;
  }
}

function isExpired(session: Session): boolean {
  return Date.parse(session.expiresAt) <= Date.now();
}

export function getSession(): Session | null {
  if (current && isExpired(current)) setSession(null);
  return current;
}

export function getToken(): string | null {
  return getSession()?.token ?? null;
}

/** Why the last session ended: an explicit sign-out leads to a plain sign-in page, an expiry or 401 back to where the user was. */
let endedBySignOut = false;
export function endedBySigningOut(): boolean {
  return endedBySignOut;
}

export function setSession(session: Session | null, reason: 'signOut' | 'expired' = 'expired'): void {
  current = session;
  endedBySignOut = !session && reason === 'signOut';
  try {
    if (session) globalThis.sessionStorage?.setItem(KEY, JSON.stringify(session));
    else globalThis.sessionStorage?.removeItem(KEY);
  } catch {
    // Storage may be disabled (private mode): the session then lasts as long as the page.
  }
  for (const listener of listeners) listener(session);
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Where a role lands after signing in: street workers on their desk, everyone else on the dashboard. */
export function landingPath(role: Role): string {
  return role === 'STREET_WORKER' ? '/desk' : '/dashboard';
}
