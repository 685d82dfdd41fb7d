import { createHash, randomBytes } from 'node:crypto';
import type { Principal, TokenScope } from './principal.js';

/** Anything that runs SQL and resolves to the rows: a TypeORM EntityManager or DataSource, or an adapter over a pg client. */
export interface SqlRunner {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

/** Integration tokens start with this, so they are told from session tokens (JWTs) at a glance. */
export const INTEGRATION_TOKEN_PREFIX = 'lxi_';

/** Hex SHA-256: what the database keeps of a token (and of an allowed operation document). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface NewIntegrationToken {
  name: string;
  scopes: readonly TokenScope[];
  areaIds: readonly number[];
  /** SHA-256 (hex) of the operation documents it may run; null or omitted: any. */
  allowedOperationHashes?: readonly string[] | null;
}

/**
 * Makes a token (32 random bytes, base64url, with the prefix) and stores only its hash. The
 * returned `token` is the one and only time it is seen: show it to the person who asked.
 */
export async function createIntegrationToken(db: SqlRunner, input: NewIntegrationToken): Promise<{ id: number; token: string }> {
  const token = INTEGRATION_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const rows = (await db.query(
    `INSERT INTO integration_token (name, token_hash, scopes, area_ids, allowed_operation_hashes)
     VALUES ($1, $2, $3::text[], $4::int[], $5::text[]) RETURNING id`,
    [input.name, sha256Hex(token), [...input.scopes], [...input.areaIds], input.allowedOperationHashes ? [...input.allowedOperationHashes] : null],
  )) as { id: number }[];
  return { id: rows[0]!.id, token };
}

/** Revokes a token by name; true when one was live. Revocation takes effect on the next request. */
export async function revokeIntegrationToken(db: SqlRunner, name: string): Promise<boolean> {
  const rows = (await db.query(`UPDATE integration_token SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL RETURNING id`, [name])) as unknown[];
  return rows.length > 0;
}

interface TokenRow {
  id: number;
  name: string;
  scopes: TokenScope[];
  area_ids: number[];
  allowed_operation_hashes: string[] | null;
  revoked_at: Date | null;
}

/**
 * The principal of a live integration token, or null (unknown, revoked). One statement: the
 * lookup by hash, and `last_used_at` refreshed at most once a minute in the same statement.
 */
export async function verifyIntegrationToken(db: SqlRunner, token: string): Promise<Principal | null> {
  if (!token.startsWith(INTEGRATION_TOKEN_PREFIX) || token.length > 100) return null;
  const rows = (await db.query(
    `WITH t AS (SELECT id, name, scopes, area_ids, allowed_operation_hashes, revoked_at, last_used_at
                  FROM integration_token WHERE token_hash = $1),
          touched AS (UPDATE integration_token i SET last_used_at = now() FROM t
                       WHERE i.id = t.id AND t.revoked_at IS NULL
                         AND (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute'))
     SELECT id, name, scopes, area_ids, allowed_operation_hashes, revoked_at FROM t`,
    [sha256Hex(token)],
  )) as TokenRow[];
  const row = rows[0];
  if (!row || row.revoked_at !== null) return null;
  return {
    kind: 'integration',
    id: row.id,
    role: null,
    areaIds: row.area_ids,
    scopes: row.scopes,
    allowedOperationHashes: row.allowed_operation_hashes,
    actor: `token:${row.name}`,
  };
}
