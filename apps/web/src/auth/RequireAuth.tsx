import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { endedBySigningOut } from '../lib/session';
import { useAuth } from './AuthProvider';

/** Anything under it needs a session; without one (never signed in, expired, 401) go to sign-in and come back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (!session) {
    const next = endedBySigningOut() ? '' : location.pathname + location.search;
    return <Navigate to={`/sign-in${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return <>{children}</>;
}
