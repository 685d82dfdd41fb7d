/**
 * Opaque cursors and global ids. Both are base64url of a small JSON or "Type:id" string: opaque to
 * clients (they must not build them), cheap to decode, and stable across releases because they
 * carry only the ordering values and the id, never an offset.
 */

export type SortValue = string | number | boolean | null;

export interface CursorPayload {
  /** The ordering field the cursor was made for; a cursor from another ordering is refused. */
  o: string;
  /** The row's value of the ordering field (absent when ordering by id alone). */
  v?: SortValue;
  /** The row's id: ties on the ordering value are broken by id, so every row has one place. */
  i: number;
}

export function encodeCursor(payload: CursorPayload): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** null for anything that is not a cursor we made. */
export function decodeCursor(cursor: string): CursorPayload | null {
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 512) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { o, v, i } = value as Record<string, unknown>;
    if (typeof o !== 'string' || !Number.isSafeInteger(i)) return null;
    if (v !== undefined && v !== null && !['string', 'number', 'boolean'].includes(typeof v)) return null;
    return { o, v: v as SortValue | undefined, i: i as number };
  } catch {
    return null;
  }
}

export function toGlobalId(typeName: string, id: number): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

/** null when the id is malformed; callers answer null for it, as Relay expects of `node`. */
export function fromGlobalId(globalId: string): { typeName: string; id: number } | null {
  if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > 200) return null;
  let text: string;
  try {
    text = Buffer.from(globalId, 'base64url').toString('utf8');
  } catch {
    return null;
  }
  const match = /^([A-Za-z]+):([1-9][0-9]{0,15})$/.exec(text);
  if (!match) return null;
  const id = Number(match[2]);
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) return null;
  return { typeName: match[1]!, id };
}
