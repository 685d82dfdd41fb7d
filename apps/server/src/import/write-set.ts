import type { EntityManager } from 'typeorm';
import { ImportFileError } from './errors.js';
import { MAX_DATA_ROWS } from './read-file.js';

/**
 * Set-based writes with their audit rows: one statement inserts (or updates) every
 * row of the batch from unnest()ed column arrays AND appends one audit_log row per changed node
 * (who, when, operation, node, before, after as the table row in JSON), in the caller's
 * transaction. Few big statements, not one per row: the database's statement-level triggers
 * (coverage tallies) then run once per batch, and 60,000 rows are a dozen round trips.
 */

export interface AuditInfo {
  readonly actor: string;
  readonly requestId: string | null;
  /** 'import:organizations' … */
  readonly operation: string;
}

export interface SetColumn {
  readonly name: string;
  /** PostgreSQL element type of the unnest array: 'text', 'int', 'date', 'boolean'. */
  readonly type: string;
}

/**
 * Rows per statement: an import's whole write set (at most MAX_DATA_ROWS) in one statement, so
 * the coverage-tally trigger (statement-level) refreshes once per import, not once per batch —
 * measured: 5,000-row batches made each later refresh slower than the one before. The arrays of
 * 100,000 rows are a few tens of MB at most.
 */
export const BATCH_ROWS = MAX_DATA_ROWS;

function columnArrays(columns: readonly SetColumn[], rows: readonly unknown[][]): unknown[][] {
  return columns.map((_, c) => rows.map((r) => r[c] ?? null));
}

function unnest(columns: readonly SetColumn[], offset: number): string {
  const arrays = columns.map((c, i) => `$${offset + i}::${c.type}[]`).join(', ');
  return `unnest(${arrays}) AS __in(${columns.map((c) => `"${c.name}"`).join(', ')})`;
}

function auditParams(audit: AuditInfo, nodeType: string): unknown[] {
  return [audit.actor, audit.requestId, audit.operation, nodeType];
}

/**
 * INSERT … SELECT FROM unnest(…) [ON CONFLICT target DO NOTHING] RETURNING, with audit rows
 * (before NULL, after the new row). Returns `returning` of every inserted row. A row the
 * conflict target skipped means someone else inserted the same key since the import was
 * planned: the whole import is refused (409), so the caller's transaction rolls back.
 */
export async function insertSet(
  db: EntityManager,
  options: { table: string; nodeType: string; columns: readonly SetColumn[]; conflict?: string; returning: string[] },
  rows: readonly unknown[][],
  audit: AuditInfo,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  const { table, nodeType, columns, conflict, returning } = options;
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const text = `WITH __new AS (
      INSERT INTO ${table} (${names}) SELECT ${names} FROM ${unnest(columns, 5)}
      ${conflict ? `ON CONFLICT ${conflict} DO NOTHING` : ''}
      RETURNING *
    ), __audit AS (
      INSERT INTO audit_log (actor, request_id, operation, node_type, node_id, before, after)
      SELECT $1, $2, $3, $4, __new.id, NULL, to_jsonb(__new) FROM __new
    )
    SELECT ${returning.map((r) => `__new."${r}"`).join(', ')} FROM __new`;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const result = (await db.query(text, [...auditParams(audit, nodeType), ...columnArrays(columns, batch)])) as Record<string, unknown>[];
    if (result.length !== batch.length) throw concurrentChange();
    out.push(...result);
  }
  return out;
}

/**
 * UPDATE … FROM unnest(…) for rows given as [id, version, ...columns], only where the version is
 * still the one planned (the version trigger raises it once per changed row), with audit rows
 * (before and after). `touch` also sets updated_at on tables that have it. A row whose version
 * moved means a concurrent change: refused as a whole (409).
 */
export async function updateSet(
  db: EntityManager,
  options: { table: string; nodeType: string; columns: readonly SetColumn[]; touch: boolean },
  rows: readonly unknown[][],
  audit: AuditInfo,
): Promise<number> {
  const { table, nodeType, columns, touch } = options;
  const all: SetColumn[] = [{ name: '__id', type: 'int' }, { name: '__version', type: 'int' }, ...columns];
  const sets = columns.map((c) => `"${c.name}" = __in."${c.name}"`);
  if (touch) sets.push('updated_at = now()');
  const text = `WITH __in AS (SELECT * FROM ${unnest(all, 5)}),
    __before AS (SELECT __t.* FROM ${table} __t JOIN __in ON __in.__id = __t.id),
    __after AS (
      UPDATE ${table} __t SET ${sets.join(', ')} FROM __in
      WHERE __t.id = __in.__id AND __t.version = __in.__version
      RETURNING __t.*
    ), __audit AS (
      INSERT INTO audit_log (actor, request_id, operation, node_type, node_id, before, after)
      SELECT $1, $2, $3, $4, __after.id, to_jsonb(__before), to_jsonb(__after) FROM __after JOIN __before ON __before.id = __after.id
    )
    SELECT count(*)::int AS n FROM __after`;
  let total = 0;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const [{ n }] = (await db.query(text, [...auditParams(audit, nodeType), ...columnArrays(all, batch)])) as { n: number }[];
    if (n !== batch.length) throw concurrentChange();
    total += n;
  }
  return total;
}

function concurrentChange(): ImportFileError {
  return new ImportFileError(
    'CONCURRENT_CHANGE',
    '导入期间有人修改了相同的数据，本次导入未写入任何内容，请重新导入',
    'Someone changed the same records while the import ran; nothing was written. Import the file again.',
    409,
  );
}
