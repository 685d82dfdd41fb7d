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
