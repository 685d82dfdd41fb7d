import { decodeCursor, encodeCursor, type CursorPayload, type SortValue } from './cursor.js';
import { and, raw, sql, type Sql } from '../sql/fragment.js';

/**
 * Keyset (cursor) pagination. A page is "the N rows after (or before) this row in this order",
 * answered by an index range scan, never OFFSET: the last page of 1.2 million rows costs what the
 * first does. Ties on the ordering value are broken by id in the same direction, so the order is
 * total and stable and a row comparison `(value, id) > ($v, $i)` finds the boundary.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export type Direction = 'ASC' | 'DESC';

export interface Ordering {
  /** The name clients chose (an enum value such as NAME); cursors remember it. */
  key: string;
  /** The ordered column, or null to order by id alone. Must be NOT NULL in the table. */
  column: Sql | null;
  /** The id column of the same row. */
  id: Sql;
  direction: Direction;
  /** Reads the ordering value from a fetched row, to build its cursor. */
  valueOf?: (row: Record<string, unknown>) => SortValue;
}

/** A refused pagination argument; the GraphQL layer turns it into BAD_USER_INPUT at `argument`. */
export class PageArgumentError extends Error {
  constructor(
    readonly argument: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export interface PagePlan {
  /** Rows to fetch: the page size plus one, to learn whether there is a further page. */
  fetch: number;
  size: number;
  /** Fetching backwards (last/before): the SQL order is reversed and the rows flipped back. */
  backward: boolean;
  hasCursor: boolean;
  /** Conditions for the cursor boundaries, to AND into the WHERE clause. */
  where: Sql[];
  /** ORDER BY in the direction of fetching. */
  orderBy: Sql;
}

export function planPage(args: PageArgs, ordering: Ordering): PagePlan {
  const { first, last, after, before } = args;
  if (first != null && last != null) {
    throw new PageArgumentError('first', '不能同时使用 first 和 last', 'Use first/after or last/before, not both.');
  }
  for (const [name, value] of [['first', first], ['last', last]] as const) {
    if (value == null) continue;
    if (!Number.isInteger(value) || value < 0) {
      throw new PageArgumentError(name, `${name} 必须是非负整数`, `${name} must be a non-negative integer.`);
    }
    if (value > MAX_PAGE_SIZE) {
      throw new PageArgumentError(
        name,
        `${name} 最多为 ${MAX_PAGE_SIZE}，当前为 ${value}；请用游标翻页`,
        `${name} may not exceed ${MAX_PAGE_SIZE} (got ${value}); page with cursors instead.`,
      );
    }
  }
  const backward = last != null || (before != null && first == null);
  const size = (backward ? last : first) ?? DEFAULT_PAGE_SIZE;
  const where: Sql[] = [];
  const afterCursor = after != null ? checkCursor('after', after, ordering) : null;
  const beforeCursor = before != null ? checkCursor('before', before, ordering) : null;
  if (afterCursor) where.push(boundary(ordering, afterCursor, 'after'));
  if (beforeCursor) where.push(boundary(ordering, beforeCursor, 'before'));
  const fetchDirection: Direction = backward ? flip(ordering.direction) : ordering.direction;
  const orderBy = ordering.column
    ? sql`${ordering.column} ${raw(fetchDirection)}, ${ordering.id} ${raw(fetchDirection)}`
    : sql`${ordering.id} ${raw(fetchDirection)}`;
  return { fetch: size + 1, size, backward, hasCursor: !!(afterCursor || beforeCursor), where, orderBy };
}

export interface Page<T> {
  rows: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** Trims the extra row and restores the client's order. */
export function slicePage<T>(plan: PagePlan, fetched: T[], args: PageArgs): Page<T> {
  const more = fetched.length > plan.size;
  const rows = more ? fetched.slice(0, plan.size) : fetched.slice();
  if (plan.backward) rows.reverse();
  // Relay lets a server answer the "other side" cheaply: a cursor on that side means rows exist there.
  return plan.backward
    ? { rows, hasPreviousPage: more, hasNextPage: args.before != null }
    : { rows, hasNextPage: more, hasPreviousPage: args.after != null };
}

export function cursorOf(ordering: Ordering, row: Record<string, unknown>): string {
  const payload: CursorPayload = { o: ordering.key, i: Number(row.id) };
  if (ordering.column) payload.v = ordering.valueOf ? ordering.valueOf(row) : null;
  return encodeCursor(payload);
}

function checkCursor(argument: 'after' | 'before', cursor: string, ordering: Ordering): CursorPayload {
  const payload = decodeCursor(cursor);
  if (!payload) {
    throw new PageArgumentError(argument, `${argument} 不是有效的游标`, `${argument} is not a valid cursor.`);
  }
  if (payload.o !== ordering.key || (ordering.column != null && (payload.v === undefined || payload.v === null))) {
    throw new PageArgumentError(
      argument,
      `${argument} 游标属于另一种排序；请用同一 orderBy 翻页`,
      `${argument} belongs to another ordering; page with the same orderBy.`,
    );
  }
  return payload;
}

function boundary(ordering: Ordering, cursor: CursorPayload, side: 'after' | 'before'): Sql {
  const ascending = ordering.direction === 'ASC';
  const greater = side === 'after' ? ascending : !ascending;
  const op = raw(greater ? '>' : '<');
  if (!ordering.column) return sql`${ordering.id} ${op} ${cursor.i}`;
  return sql`(${ordering.column}, ${ordering.id}) ${op} (${cursor.v}, ${cursor.i})`;
}

function flip(direction: Direction): Direction {
  return direction === 'ASC' ? 'DESC' : 'ASC';
}

export { and };
