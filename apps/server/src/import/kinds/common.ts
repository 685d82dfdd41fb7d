import type { Issue } from '@liangxin/domain';
import type { EntityManager } from 'typeorm';
import type { GateSource } from '../columns.js';
import { rowIssue, type RowIssue, type RowReport } from '../report.js';
import type { AuditInfo } from '../write-set.js';

/** One data row after its cells were converted to their column types. */
export interface RowInput {
  readonly row: number;
  /** field → value; undefined: the cell was empty or the column absent (the row does not give it). */
  readonly values: Record<string, unknown>;
  /** Problems found converting cells (not a date, not a whole number, a formula …). */
  readonly issues: RowIssue[];
  /** Fields whose cell could not be converted: the validators' complaints about them are redundant. */
  readonly blocked: ReadonlySet<string>;
}

export interface PlanContext {
  readonly db: EntityManager;
  /** Today in Asia/Shanghai. */
  readonly today: string;
  readonly source: GateSource | null;
  /** Real runs lock the existing rows they will update (SELECT … FOR UPDATE). */
  readonly lock: boolean;
  /** The header of a field's column as the file spells it (the template's when absent). */
  header(field: string): string;
}

export interface PlannedRow extends RowReport {
  /** What makes two rows of one file the same record; null when the row has no usable key. */
  dedupeKey: string | null;
  /** What the kind's apply() needs. */
  payload?: unknown;
}

export interface KindHandler {
  plan(ctx: PlanContext, rows: readonly RowInput[]): Promise<PlannedRow[]>;
  /** Writes the CREATE and UPDATE rows given, in the caller's transaction, with audit rows. */
  apply(ctx: PlanContext, rows: readonly PlannedRow[], audit: AuditInfo): Promise<void>;
}

/** Domain issues (paths [field, …]) as row issues on the field's column; fields already blocked are skipped. */
export function fromDomain(ctx: PlanContext, input: RowInput, issues: readonly Issue[]): RowIssue[] {
  const out: RowIssue[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (input.blocked.has(field)) continue;
    out.push(rowIssue(input.row, field ? ctx.header(field) : null, 'BAD_USER_INPUT', issue.reason, issue.zh, issue.en));
  }
  return out;
}

/** Drops repeated (column, reason) pairs, keeping the first. */
export function dedupeIssues(issues: readonly RowIssue[]): RowIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.column}\u0000${i.reason}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The outcome of a row from the stored record (or none) and the record the row asks for, over
 * the columns compared (column name → header). Values compare as strings (dates are ISO text,
 * both sides), null and undefined alike.
 */
export function outcomeOf(
  existing: Record<string, unknown> | undefined,
  next: Record<string, unknown>,
  compared: Readonly<Record<string, string>>,
): { outcome: 'CREATE' | 'UPDATE' | 'UNCHANGED'; changes?: string[] } {
  if (!existing) return { outcome: 'CREATE' };
  const changes: string[] = [];
  for (const [column, header] of Object.entries(compared)) {
    const a = existing[column];
    const b = next[column];
    if ((a ?? null) === null && (b ?? null) === null) continue;
    if (String(a) !== String(b) && !changes.includes(header)) changes.push(header);
  }
  return changes.length ? { outcome: 'UPDATE', changes } : { outcome: 'UNCHANGED' };
}

/** A row report from its issues (refused when there is any) and, otherwise, its outcome. */
export function planned(
  input: RowInput,
  key: string | null,
  dedupeKey: string | null,
  issues: RowIssue[],
  outcome: { outcome: 'CREATE' | 'UPDATE' | 'UNCHANGED'; changes?: string[] } | null,
  payload?: unknown,
): PlannedRow {
  const all = dedupeIssues([...input.issues, ...issues]);
  if (all.length > 0 || outcome === null) return { row: input.row, key, dedupeKey, outcome: 'REFUSED', issues: all };
  return { row: input.row, key, dedupeKey, outcome: outcome.outcome, ...(outcome.changes ? { changes: outcome.changes } : {}), payload };
}

export function distinct<T>(values: Iterable<T | undefined | null>): T[] {
  const set = new Set<T>();
  for (const v of values) if (v !== undefined && v !== null) set.add(v);
  return [...set];
}

export async function query<T = Record<string, unknown>>(db: EntityManager, text: string, params: unknown[]): Promise<T[]> {
  return (await db.query(text, params)) as T[];
}

/** An area, park, building … looked up by code or name: which rows match a value. */
export function groupBy<T>(rows: readonly T[], keys: (row: T) => (string | null | undefined)[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    for (const k of keys(row)) {
      if (k == null) continue;
      const list = map.get(k);
      if (list) {
        if (!list.includes(row)) list.push(row);
      } else map.set(k, [row]);
    }
  }
  return map;
}

export const AREA_CODE = /^[0-9]{6}([0-9]{3}([0-9]{3})?)?$/;

/** Refusals for a reference that matches nothing, or more than one thing. */
export function notFound(input: RowInput, column: string, reason: string, zh: string, en: string): RowIssue {
  return rowIssue(input.row, column, 'NOT_FOUND', reason, zh, en);
}

export function ambiguous(input: RowInput, column: string, zh: string, en: string): RowIssue {
  return rowIssue(input.row, column, 'CONFLICT', 'AMBIGUOUS', zh, en);
}

/**
 * Runs the lookups one after the other: they share the transaction's one connection, where
 * concurrent queries only queue (and pg 9 will refuse them).
 */
export async function inSequence<T extends readonly (() => unknown)[] | []>(steps: T): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const out: unknown[] = [];
  for (const step of steps) out.push(await step());
  return out as { [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
