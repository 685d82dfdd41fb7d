import { useApolloClient } from '@apollo/client/react';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { getSession, setSession, subscribeSession, type Session } from '../lib/session';

interface AuthValue {
  session: Session | null;
  signOut(): void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [session, setState] = useState<Session | null>(() => getSession());

  useEffect(
    () =>
      subscribeSession((next) => {
        setState(next);
        // A new or ended session must never see the previous one's cached data.
        if (!next) void client.clearStore();
      }),
    [client],
  );

  // The token expires after 30 minutes; leave when it does instead of waiting for a 401.
  useEffect(() => {
    if (!session) return;
    const ms = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(() => setSession(null), Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [session]);

  const value = useMemo<AuthValue>(() => ({ session, signOut: () => setSession(null, 'signOut') }), [session]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in session; only for components under RequireAuth. */
export function useSession(): Session {
  const { session } = useAuth();
  if (!session) throw new Error('useSession without a session');
  return session;
}
