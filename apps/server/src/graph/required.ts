import type { RowLoader } from '../db/batch.js';

/**
 * For a reference the database guarantees (a NOT NULL foreign key): a missing row is a bug or
 * a broken database, not the client's concern, so it fails as an internal (masked) error.
 */
export function required<T>(value: T | null | undefined, type: string, id: number | string): T {
  if (value === null || value === undefined) {
    throw new Error(`${type} ${id} is referenced but does not exist`);
  }
  return value;
}

/**
 * The row of a NOT NULL reference: the row itself when the request already holds it (a list
 * joined it, db/batch.ts RowLoader), else loaded. A field that answers a value, not a promise,
 * is written in line by graphql-jit.
 */
export function requiredRow<T>(loader: RowLoader<number, T>, id: number, type: string): T | Promise<T> {
  return loader.peek(id) ?? loader.load(id).then((row) => required(row, type, id));
}

/** The row of a nullable reference (null for none): at once when held, else loaded. */
export function optionalRow<T>(loader: RowLoader<number, T>, id: number | null): T | null | Promise<T | null> {
  return id === null ? null : (loader.peek(id) ?? loader.load(id));
}
