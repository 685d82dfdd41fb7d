import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';

/**
 * Authentication for the drills (the same few lines as tools/bench/src/session-token.ts, kept
 * here so the drills need not depend on the benchmark package). The server answers 401 to every
 * request without a bearer token: the drill gives its server process a fresh random
 * LIANGXIN_SESSION_SECRET, turns its rate limits off (50 clients deliberately exceed any human
 * rate) and signs a CITY_ADMIN session token with the same key. CITY_ADMIN is unrestricted — no
 * row-level security — so reads, writes and imports do the same work as before sign-in was
 * required, and the server trusts the signed claims (no account row, no SQL to check it).
 *
 * Made as apps/server/src/auth/session.ts issue() makes one (HS256; sub, usr, rol, area; issuer
 * 'liangxin', audience 'liangxin-api'), valid 6 hours; the server's own session TTL applies only
 * to the tokens it issues. Each server process the drill starts gets its own key and token.
 */
const ISSUER = 'liangxin';
const AUDIENCE = 'liangxin-api';
const TOKEN_TTL_SECONDS = 6 * 60 * 60;

export interface DrillSession {
  /** LIANGXIN_SESSION_SECRET and the rate-limit switches for the server's environment. */
  env: Record<string, string>;
  /** `authorization: Bearer <token>`, on every request the drill sends to the server. */
  headers: { authorization: string };
}

export async function drillSession(username = 'drill'): Promise<DrillSession> {
  const secret = randomBytes(32).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ usr: username, rol: 'CITY_ADMIN', area: null })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('0')
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + TOKEN_TTL_SECONDS)
    .sign(new TextEncoder().encode(secret));
  return {
    env: {
      LIANGXIN_SESSION_SECRET: secret,
      // Off: the drill's clients send far more than any person would (default 1200/min per principal, 30/min sign-ins per address).
      LIANGXIN_RATE_LIMIT_PER_MINUTE: '0',
      LIANGXIN_SIGN_IN_RATE_LIMIT_PER_MINUTE: '0',
    },
    headers: { authorization: `Bearer ${token}` },
  };
}
