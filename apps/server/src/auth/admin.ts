import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createIntegrationToken, revokeIntegrationToken, sha256Hex } from './integration-token.js';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password.js';
import { ACCOUNT_ROLES, TOKEN_SCOPES, type AccountRole, type TokenScope } from './principal.js';

/**
 * Administration of accounts and integration tokens, for `npm run accounts` (cli/accounts.ts).
 * Each change is one transaction that checks its input before it writes; a refusal is an
 * AdminInputError naming the argument, and nothing is written. Passwords and tokens are made here
 * (random, shown once by the caller) and only their hashes are stored.
 *
 * Disabling an account, changing its password, role or area also ends its sessions: a trigger on
 * `account` records and announces it (auth/session-revocations.ts). A revoked integration token is
 * refused on its next request.
 */

export class AdminInputError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
    this.name = 'AdminInputError';
  }
}

/** What a username may be (the API and `npm run accounts` alike). */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

export interface NewAccount {
  username: string;
  displayName: string;
  role: AccountRole;
  /** Division code of the district (DISTRICT_OFFICER) or street (STREET_WORKER); none for city roles. */
  areaCode?: string | null;
  /** A street worker's entry in the street's work group (专包 organizations come from there). */
  workGroupMemberId?: number | null;
  /** Omitted: a random one, returned. */
  password?: string | null;
}

export interface AccountRow {
  username: string;
  displayName: string;
  role: AccountRole;
  area: string | null;
  workGroupMemberId: number | null;
  disabled: boolean;
  createdAt: string;
}

export interface TokenRow {
  name: string;
  scopes: TokenScope[];
  areas: string[];
  restrictedToOperations: number | null;
  createdAt: string;
  revoked: boolean;
  lastUsedAt: string | null;
}

/** A password for a person to change later: 18 random bytes, base64url (24 characters). */
export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new AdminInputError('password', `a password has ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
  }
}

async function inTransaction<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Creates an account; returns the password it was given (the random one when none was). */
export async function addAccount(url: string, input: NewAccount): Promise<{ password: string }> {
  const username = input.username.trim();
  if (!USERNAME.test(username)) {
    throw new AdminInputError('username', 'a username is 2 to 63 characters of a-z, 0-9, ".", "_" and "-", starting with a letter or digit');
  }
  const displayName = input.displayName.trim();
  if (displayName.length < 1 || displayName.length > 100) throw new AdminInputError('name', 'a display name has 1 to 100 characters');
  if (!(ACCOUNT_ROLES as readonly string[]).includes(input.role)) throw new AdminInputError('role', `role is one of ${ACCOUNT_ROLES.join(', ')}`);
  const level = input.role === 'DISTRICT_OFFICER' ? 'DISTRICT' : input.role === 'STREET_WORKER' ? 'STREET' : null;
  if (level === null && input.areaCode) throw new AdminInputError('area', `${input.role} works city-wide: give no area`);
  if (level !== null && !input.areaCode) throw new AdminInputError('area', `${input.role} needs the code of its ${level.toLowerCase()}`);
  if (input.workGroupMemberId != null && input.role !== 'STREET_WORKER') throw new AdminInputError('work-group-member', 'only a STREET_WORKER has a work-group member');
  const password = input.password ?? randomPassword();
  checkPassword(password);
  const hash = await hashPassword(password);
  await inTransaction(url, async (client) => {
    let areaId: number | null = null;
    if (level !== null) {
      const { rows } = await client.query<{ id: number; level: string }>('SELECT id, level FROM area WHERE code = $1', [input.areaCode]);
      if (!rows[0]) throw new AdminInputError('area', `no area has code ${input.areaCode}`);
      if (rows[0].level !== level) throw new AdminInputError('area', `${input.areaCode} is a ${rows[0].level.toLowerCase()}; ${input.role} needs a ${level.toLowerCase()}`);
      areaId = rows[0].id;
    }
    if (input.workGroupMemberId != null) {
      const { rows } = await client.query('SELECT 1 FROM work_group_member WHERE id = $1 AND street_id = $2', [input.workGroupMemberId, areaId]);
      if (rows.length === 0) throw new AdminInputError('work-group-member', `work-group member ${input.workGroupMemberId} is not of street ${input.areaCode}`);
    }
    const { rows: taken } = await client.query('SELECT 1 FROM account WHERE username = $1', [username]);
    if (taken.length > 0) throw new AdminInputError('username', `an account named ${username} exists`);
    await client.query(
      'INSERT INTO account (username, display_name, password_hash, role, area_id, work_group_member_id) VALUES ($1, $2, $3, $4, $5, $6)',
      [username, displayName, hash, input.role, areaId, input.workGroupMemberId ?? null],
    );
  });
  return { password };
}

async function updateAccount(url: string, username: string, set: string, params: unknown[]): Promise<void> {
  await inTransaction(url, async (client) => {
    const { rowCount } = await client.query(`UPDATE account SET ${set} WHERE username = $1`, [username, ...params]);
    if (rowCount === 0) throw new AdminInputError('username', `no account is named ${username}`);
  });
}

/** Refuses (or, with `disabled: false`, allows again) the account's sign-ins. */
export async function setAccountDisabled(url: string, username: string, disabled: boolean): Promise<void> {
  await updateAccount(url, username, disabled ? 'disabled_at = coalesce(disabled_at, now())' : 'disabled_at = NULL', []);
}

/** Gives the account a new password; returns it (a random one when none is given). */
export async function resetPassword(url: string, username: string, password?: string | null): Promise<{ password: string }> {
  const next = password ?? randomPassword();
  checkPassword(next);
  await updateAccount(url, username, 'password_hash = $2', [await hashPassword(next)]);
  return { password: next };
}

export async function listAccounts(url: string): Promise<AccountRow[]> {
  return inTransaction(url, async (client) => {
    const { rows } = await client.query(
      `SELECT a.username, a.display_name, a.role, CASE WHEN ar.id IS NULL THEN NULL ELSE ar.code || ' ' || ar.name END AS area,
              a.work_group_member_id, a.disabled_at IS NOT NULL AS disabled, to_char(a.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS created
         FROM account a LEFT JOIN area ar ON ar.id = a.area_id ORDER BY a.username`,
    );
    return rows.map((r) => ({
      username: r.username,
      displayName: r.display_name,
      role: r.role,
      area: r.area,
      workGroupMemberId: r.work_group_member_id,
      disabled: r.disabled,
      createdAt: r.created,
    }));
  });
}

export interface NewToken {
  name: string;
  scopes: string[];
  /** Division codes it is bound to; none: city-wide. */
  areaCodes: string[];
  /** GraphQL documents it may run (their exact text); none: any operation. */
  operations?: string[] | null;
}

/** Creates an integration token; returns it — the only time it is seen. */
export async function createToken(url: string, input: NewToken): Promise<{ token: string }> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100) throw new AdminInputError('name', 'a token name has 1 to 100 characters');
  if (input.scopes.length === 0 || input.scopes.some((s) => !(TOKEN_SCOPES as readonly string[]).includes(s))) {
    throw new AdminInputError('scopes', `scopes are some of ${TOKEN_SCOPES.join(', ')}`);
  }
  return inTransaction(url, async (client) => {
    const areaIds: number[] = [];
    for (const code of input.areaCodes) {
      const { rows } = await client.query<{ id: number }>('SELECT id FROM area WHERE code = $1', [code]);
      if (!rows[0]) throw new AdminInputError('areas', `no area has code ${code}`);
      areaIds.push(rows[0].id);
    }
    const { rows: taken } = await client.query('SELECT 1 FROM integration_token WHERE name = $1', [name]);
    if (taken.length > 0) throw new AdminInputError('name', `a token named ${name} exists`);
    const { token } = await createIntegrationToken(
      { query: (text, params) => client.query(text, params as unknown[]).then((r) => r.rows) },
      {
        name,
        scopes: [...new Set(input.scopes)] as TokenScope[],
        areaIds,
        allowedOperationHashes: input.operations?.length ? input.operations.map((text) => sha256Hex(text)) : null,
      },
    );
    return { token };
  });
}

export async function revokeToken(url: string, name: string): Promise<void> {
  await inTransaction(url, async (client) => {
    const live = await revokeIntegrationToken({ query: (text, params) => client.query(text, params as unknown[]).then((r) => r.rows) }, name);
    if (!live) throw new AdminInputError('name', `no live token is named ${name}`);
  });
}

export async function listTokens(url: string): Promise<TokenRow[]> {
  return inTransaction(url, async (client) => {
    const { rows } = await client.query(
      `SELECT t.name, t.scopes, coalesce((SELECT array_agg(a.code ORDER BY a.code) FROM area a WHERE a.id = ANY (t.area_ids)), '{}') AS areas,
              cardinality(t.allowed_operation_hashes) AS operations, to_char(t.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS created,
              t.revoked_at IS NOT NULL AS revoked, to_char(t.last_used_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS last_used
         FROM integration_token t ORDER BY t.name`,
    );
    return rows.map((r) => ({
      name: r.name,
      scopes: r.scopes,
      areas: r.areas,
      restrictedToOperations: r.operations,
      createdAt: r.created,
      revoked: r.revoked,
      lastUsedAt: r.last_used,
    }));
  });
}
