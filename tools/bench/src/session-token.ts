import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';

/**
 * Authentication for the load tools. Our server answers 401 to every request without a bearer
 * token, so a tool that starts it gives the child a fresh random LIANGXIN_SESSION_SECRET (with
 * the rate limits off: a load generator deliberately exceeds any human rate) and signs its own
 * CITY_ADMIN session token with the same key. CITY_ADMIN is unrestricted — no row-level security,
 * nothing masked — so the server does the same work per request as it did before sign-in was
 * required; checking the token costs no SQL (the server trusts the signed claims).
 *
 * The token is made exactly as apps/server/src/auth/session.ts issue() makes one (HS256; sub, usr,
 * rol, area; issuer 'liangxin', audience 'liangxin-api'), valid 6 hours: the server checks only
 * signature, issuer, audience and expiry (its session TTL applies to the tokens it issues itself).
 * tools/drills/src/session-token.ts holds the same few lines.
 */

const ISSUER = 'liangxin';
const AUDIENCE = 'liangxin-api';
const TOKEN_TTL_SECONDS = 6 * 60 * 60;

export interface ToolSession {
  /** LIANGXIN_SESSION_SECRET and the rate-limit switches for the server's environment. */
  env: Record<string, string>;
  /** The header to send on every request to our server. */
  headers: { authorization: string };
  token: string;
}

/** A fresh key and a CITY_ADMIN token signed with it; `username` names the tool in audit_log.actor ('account:<username>'). */
export async function toolSession(username = 'bench'): Promise<ToolSession> {
  const secret = randomBytes(32).toString('base64url');
  const token = await signAdminToken(secret, username);
  return {
    env: {
      LIANGXIN_SESSION_SECRET: secret,
      // Off: the load generators send far more than any person would (default 1200/min per principal, 30/min sign-ins per address).
      LIANGXIN_RATE_LIMIT_PER_MINUTE: '0',
      LIANGXIN_SIGN_IN_RATE_LIMIT_PER_MINUTE: '0',
    },
    headers: { authorization: `Bearer ${token}` },
    token,
  };
}

/** A CITY_ADMIN session token (no account row needed) signed with `secret`, valid 6 hours. */
export async function signAdminToken(secret: string, username = 'bench', ttlSeconds = TOKEN_TTL_SECONDS): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ usr: username, rol: 'CITY_ADMIN', area: null })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('0')
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}
