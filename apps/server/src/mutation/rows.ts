import { ConflictError } from '../errors/conflict.error.js';
import { NotFoundError } from '../errors/not-found.error.js';
import { join, raw, render, sql, Sql } from '../sql/fragment.js';
import type { Tx } from './run-mutation.js';

/**
 * Rows as the database holds them, for writes. A row is read and returned as `to_jsonb(t)`: a
 * plain object with snake_case column names and JSON values (dates 'YYYY-MM-DD', timestamps
 * ISO strings), which is exactly what the audit trail stores as before/after.
 */
export type RowJson = Record<string, unknown>;

/** Table and column names come from this code base, never from a client; this keeps it so. */
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  return raw(`"${name}"`);
}

/**
 * Rows of a statement whose result is `row`. Writes are wrapped as `WITH w AS (… RETURNING …)
 * SELECT`, because TypeORM answers a bare UPDATE or DELETE with [rows, count] instead of rows.
 */
async function rowsOf(tx: Tx, statement: Sql): Promise<RowJson[]> {
  const { text, values } = render(statement);
  const rows = (await tx.query(text, values)) as { row: RowJson }[];
  return rows.map((r) => r.row);
}

/** The row with this id, or null; `lock` takes FOR UPDATE (the row is about to change). */
export async function readRow(tx: Tx, table: string, id: number, options: { lock?: boolean } = {}): Promise<RowJson | null> {
  const t = identifier(table);
  const lock = options.lock ? raw(' FOR UPDATE') : raw('');
  const [row] = await rowsOf(tx, sql`SELECT to_jsonb(t) AS row FROM ${t} t WHERE t.id = ${id}${lock}`);
  return row ?? null;
}

export interface VersionedTarget {
  /** The table, e.g. 'organization'. */
  readonly table: string;
  /** The GraphQL type, e.g. 'Organization', for messages and the audit trail. */
  readonly nodeType: string;
  readonly id: number;
  /** The version the client read and edited. */
  readonly version: number;
}

/**
 * Locks the row a client edits and checks its version: NOT_FOUND when there is no such row,
 * CONFLICT with `extensions.currentVersion` when the client's copy is stale (someone changed
 * the row since it was read). Returns the row, the `before` of the audit trail. Call it first in
 * an update, before validating against the stored values: the lock keeps them stable until commit.
 */
export async function lockVersioned(tx: Tx, target: VersionedTarget): Promise<RowJson> {
  const row = await readRow(tx, target.table, target.id, { lock: true });
  if (!row) {
    const en = `No ${target.nodeType} has this id.`;
    throw new NotFoundError(en, { type: target.nodeType, localizedMessage: { zh: '找不到要修改的记录（可能已被删除或 ID 有误）', en } });
  }
  const currentVersion = Number(row.version);
  if (currentVersion !== target.version) {
    const en = `This ${target.nodeType} was changed by someone else since you read it (you edited version ${target.version}, it is now at version ${currentVersion}). Reload it and make your change again.`;
    throw new ConflictError(en, {
      constraint: 'version',
      localizedMessage: {
        zh: `该记录在您读取之后已被他人修改（您编辑的是第${target.version}版，当前为第${currentVersion}版），请刷新后重新修改`,
        en,
      },
      details: { reason: 'STALE_VERSION', currentVersion },
    });
  }
  return row;
}

/** A column's new value: a bind parameter, or trusted SQL such as raw('now()'). */
export type ColumnValues = Readonly<Record<string, unknown>>;

function assignments(values: ColumnValues): Sql {
  return join(
    Object.entries(values).map(([column, value]) => sql`${identifier(column)} = ${value}`),
    ', ',
  );
}

/**
 * UPDATE of a row locked by lockVersioned, guarded by its version once more; the trigger raises
 * the version. Returns the row after the change. `values` must not be empty.
 */
export async function updateVersioned(tx: Tx, target: VersionedTarget, values: ColumnValues): Promise<RowJson> {
  const t = identifier(target.table);
  const [row] = await rowsOf(
    tx,
    sql`WITH w AS (UPDATE ${t} t SET ${assignments(values)} WHERE t.id = ${target.id} AND t.version = ${target.version} RETURNING to_jsonb(t) AS row) SELECT row FROM w`,
  );
  if (!row) {
    // Only without a prior lockVersioned: it throws the reason (NOT_FOUND or CONFLICT).
    await lockVersioned(tx, target);
    throw new Error('version check passed but the update matched no row');
  }
  return row;
}

/** INSERT of one row; returns it as stored (id, defaults and version included). */
export async function insertRow(tx: Tx, table: string, values: ColumnValues): Promise<RowJson> {
  const entries = Object.entries(values);
  const columns = join(entries.map(([column]) => identifier(column)), ', ');
  const params = join(entries.map(([, value]) => (value instanceof Sql ? value : sql`${value}`)), ', ');
  const [row] = await rowsOf(
    tx,
    sql`WITH w AS (INSERT INTO ${identifier(table)} AS t (${columns}) VALUES (${params}) RETURNING to_jsonb(t) AS row) SELECT row FROM w`,
  );
  return row!;
}
