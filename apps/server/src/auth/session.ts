import { randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { DataSource } from 'typeorm';
import { ACCOUNT_ROLES, type AccountRole, type Principal } from './principal.js';
import type { SessionRevocations } from './session-revocations.js';

const ISSUER = 'liangxin';
const AUDIENCE = 'liangxin-api';
/** Default session length: short, so a stolen token is worth little and a disabled account is out soon. */
export const DEFAULT_SESSION_TTL_SECONDS = 30 * 60;
/** A configured secret shorter than this is refused (HS256 wants at least 256 bits of key). */
export const MIN_SECRET_LENGTH = 32;

export interface SessionAccount {
  id: number;
  username: string;
  role: AccountRole;
  areaId: number | null;
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

export interface Sessions {
  issue(account: SessionAccount): Promise<IssuedSession>;
  /** The principal of a valid session token; null for anything else (expired, forged, garbage). */
  verify(token: string): Promise<Principal | null>;
}

/**
 * Session tokens: JWTs signed with HS256 (`jose`), valid `ttlSeconds` (default 30 minutes), holding
 * the account's id, username, role and area — so checking one costs no SQL. There is no refresh:
 * the client signs in again. With `revocations`, a session issued before its account's
 * `sessions_valid_from` (a new password, disabled, another role or area) is refused too; the
 * issue time is compared in milliseconds (claim `iat_ms`; `iat`, in seconds, for tokens without
 * it), so a session made right after the change is not caught by it.
 *
 * The key is `secret` (LIANGXIN_SESSION_SECRET) when given; otherwise a random key made on first
 * use and kept in the `session_key` table, so every server process on the database (cluster
 * workers, restarts) signs and accepts the same tokens. Loaded lazily: a server starts on a
 * database not yet migrated (readiness says so) without touching the table.
 */
export function createSessions(options: { dataSource: DataSource; secret?: string; ttlSeconds?: number; revocations?: SessionRevocations }): Sessions {
  const { revocations } = options;
  const ttl = options.ttlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
  if (options.secret !== undefined && options.secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`the session secret must have at least ${MIN_SECRET_LENGTH} characters`);
  }
  let key: Promise<Uint8Array> | undefined;
  const verified = new Map<string, { principal: Principal; expiresAtMs: number; issuedAtMs: number }>();
  /** Set once the revocations were first read; until then verify waits for them (once). */
  let revocationsRead = !revocations;
  /** False for a session issued before its account's sessions were revoked. Synchronous: every request asks. */
  const stillValid = (checked: { principal: Principal; issuedAtMs: number }) => {
    const from = revocations?.validFrom(checked.principal.id);
    return from === undefined || checked.issuedAtMs >= from;
  };
  const getKey = () => {
    key ??= (options.secret !== undefined ? Promise.resolve(options.secret) : storedSecret(options.dataSource))
      .then((secret) => new TextEncoder().encode(secret))
      .catch((error: unknown) => {
        key = undefined;
        throw error;
      });
    return key;
  };

  return {
    async issue(account) {
      const now = Date.now();
      const expiresAt = new Date((Math.floor(now / 1000) + ttl) * 1000);
      const token = await new SignJWT({ usr: account.username, rol: account.role, area: account.areaId, iat_ms: now })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(String(account.id))
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(Math.floor(now / 1000))
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(await getKey());
      return { token, expiresAt };
    },

    async verify(token) {
      if (!revocationsRead) {
        await revocations!.ready();
        revocationsRead = true;
      }
      const cached = verified.get(token);
      if (cached && cached.expiresAtMs > Date.now()) return stillValid(cached) ? cached.principal : null;
      if (cached) verified.delete(token);
      const checked = await check(token);
      if (!checked || !stillValid(checked)) return null;
      // Tokens already checked are remembered until they expire: a client sends the same token
      // with every request, and checking the signature each time (WebCrypto HMAC through jose)
      // was a visible part of a small request's CPU. Bounded; the oldest entry goes first.
      if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
      verified.set(token, checked);
      return checked.principal;
    },
  };

  async function check(token: string): Promise<{ principal: Principal; expiresAtMs: number; issuedAtMs: number } | null> {
    try {
      const { payload } = await jwtVerify(token, await getKey(), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, requiredClaims: ['exp', 'sub'] });
      const id = Number(payload.sub);
      const { usr, rol, area, iat_ms: iatMs } = payload as { usr?: unknown; rol?: unknown; area?: unknown; iat_ms?: unknown };
      if (!Number.isSafeInteger(id) || typeof usr !== 'string' || !ACCOUNT_ROLES.includes(rol as AccountRole)) return null;
      if (area !== null && !Number.isSafeInteger(area)) return null;
      const principal: Principal = {
        kind: 'account',
        id,
        role: rol as AccountRole,
        areaIds: area === null ? [] : [area as number],
        scopes: [],
        allowedOperationHashes: null,
        actor: `account:${usr}`,
      };
      // Without an issue time a token counts as issued at the dawn of time: any revocation refuses it.
      const issuedAtMs = Number.isSafeInteger(iatMs) ? (iatMs as number) : typeof payload.iat === 'number' ? payload.iat * 1000 : 0;
      return { principal, expiresAtMs: (payload.exp as number) * 1000, issuedAtMs };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) return null;
      throw error;
    }
  }
}

/** How many checked session tokens a process remembers (see `remember`). */
const VERIFIED_CACHE_SIZE = 10_000;

/** The stored key, made by whichever process asks first (one statement either way). */
async function storedSecret(dataSource: DataSource): Promise<string> {
  const candidate = randomBytes(32).toString('base64url');
  const rows = (await dataSource.query(
    `WITH made AS (INSERT INTO session_key (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING RETURNING secret)
     SELECT secret FROM made UNION ALL SELECT secret FROM session_key WHERE id = 1 LIMIT 1`,
    [candidate],
  )) as { secret: string }[];
  const secret = rows[0]?.secret;
  if (!secret) throw new Error('no session key could be read or made');
  return secret;
}
