import { issue, type FieldLabel, type Issue, type IssuePath } from '@liangxin/domain';
import { fromGlobalId } from '../relay/cursor.js';
import type { RowJson } from './rows.js';
import { readRow } from './rows.js';
import type { Tx } from './run-mutation.js';

/** A node type an input field may point at: its GraphQL name, table, and name in messages. */
export interface ReferenceKind {
  readonly typeName: string;
  readonly table: string;
  readonly label: FieldLabel;
}

export type ReferenceResult = { readonly row: RowJson; readonly issue?: undefined } | { readonly row?: undefined; readonly issue: Issue };

/**
 * The row an input's global id points at, or the issue with it: not an id at all, the id of
 * another type (a Building's id where a Park's is asked), or no such row. A bad reference is
 * the input's fault, so it is BAD_USER_INPUT at the field's path; NOT_FOUND is kept for the
 * node a mutation changes.
 *
 * (When sign-in arrives, "in the caller's reach" is checked here too.)
 */
export async function referencedRow(tx: Tx, path: IssuePath, globalId: string, kind: ReferenceKind): Promise<ReferenceResult> {
  const { label } = kind;
  const decoded = fromGlobalId(globalId.trim());
  if (!decoded) {
    return {
      issue: issue(path, 'INVALID_ID', `“${shorten(globalId)}”不是有效的${label.zh} ID`, `"${shorten(globalId)}" is not a valid ${label.en} id.`),
    };
  }
  if (decoded.typeName !== kind.typeName) {
    return {
      issue: issue(
        path,
        'WRONG_TYPE',
        `该 ID 指向的是 ${decoded.typeName}，不是${label.zh}`,
        `This id is the id of a ${decoded.typeName}, not of a ${label.en}.`,
      ),
    };
  }
  const row = await readRow(tx, kind.table, decoded.id);
  if (!row) {
    return { issue: issue(path, 'UNKNOWN_REFERENCE', `找不到该${label.zh}（ID ${shorten(globalId)}）`, `There is no ${label.en} with the id ${shorten(globalId)}.`) };
  }
  return { row };
}

/** Echoes at most 40 characters of what the client sent, so a 10,000-character id stays out of messages. */
export function shorten(value: string): string {
  const chars = Array.from(value);
  return chars.length <= 40 ? value : `${chars.slice(0, 40).join('')}…`;
}
