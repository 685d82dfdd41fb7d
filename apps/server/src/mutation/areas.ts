import { issue, type IssuePath } from '@liangxin/domain';
import { referencedRow, shorten, type ReferenceKind, type ReferenceResult } from './references.js';
import type { RowJson } from './rows.js';
import type { Tx } from './run-mutation.js';

/**
 * An area given by its division code (digits only, e.g. "370102") or by an Area id: the row, or
 * the issue (UNKNOWN_AREA for a code no area has; referencedRow's issues for an id). Which levels
 * are allowed is the caller's rule (a fund's district or street, a talent pool's city or
 * district). organization.mutations' resolveStreet does not use it: a street code must have 9
 * digits and an unknown one is UNKNOWN_STREET, with messages of its own.
 */
export async function areaByCodeOrId(tx: Tx, path: IssuePath, value: string, kind: ReferenceKind): Promise<ReferenceResult> {
  const trimmed = value.trim();
  if (!/^[0-9]+$/.test(trimmed)) return referencedRow(tx, path, trimmed, kind);
  const rows = (await tx.query('SELECT to_jsonb(a) AS row FROM area a WHERE a.code = $1', [trimmed])) as { row: RowJson }[];
  const row = rows[0]?.row;
  if (!row) return { issue: issue(path, 'UNKNOWN_AREA', `没有代码为 ${shorten(trimmed)} 的地区`, `There is no area with the code ${shorten(trimmed)}.`) };
  return { row };
}

/** Whether area `inner` is area `outer` or lies beneath it (`path` holds an area's ancestors and itself). */
export async function areaWithin(tx: Tx, inner: number, outer: number): Promise<boolean> {
  const rows = (await tx.query('SELECT 1 FROM area WHERE id = $1 AND path @> ARRAY[$2::int]', [inner, outer])) as unknown[];
  return rows.length > 0;
}
