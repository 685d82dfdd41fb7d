import DataLoader from 'dataloader';
import type { ClassType } from 'type-graphql';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { render } from '../sql/fragment.js';
import { queryPrepared } from './prepared.js';
import { tableShape } from './table-shape.js';

/**
 * Building blocks of the per-request DataLoaders: one SELECT per batch, `= ANY($1)` with the
 * keys as one array parameter (one plan whatever the batch size), answers in key order.
 */

type Key = string | number;

export interface BatchOptions<E> {
  /** Extra SQL condition on alias `t`, by column name, e.g. "t.level = 'STREET'". */
  where?: string;
  /** Order of the rows within one key's list (to-many), by property of alias `t`. */
  orderBy?: Record<string, 'ASC' | 'DESC'>;
  /** Called with every row loaded, to prime other loaders (by id, by code). */
  prime?: (row: E) => void;
}

/** Rows whose `property` is one of `keys`, whole (every column), as entities. */
export async function rowsWhereIn<E extends ObjectLiteral, K extends Key>(
  db: EntityManager,
  entity: ClassType<E>,
  property: keyof E & string,
  keys: readonly K[],
  options: BatchOptions<E> = {},
): Promise<E[]> {
  const shape = tableShape(db, entity);
  const column = (name: string) => `t."${shape.columnOf(name)}"`;
  const orderBy = Object.entries(options.orderBy ?? {}).map(([by, direction]) => `${column(by)} ${direction === 'DESC' ? 'DESC' : 'ASC'}`);
  const text = `SELECT ${render(shape.select('t')).text} FROM ${shape.table} t WHERE ${column(property)} = ANY($1)${options.where ? ` AND (${options.where})` : ''}${orderBy.length ? ` ORDER BY ${orderBy.join(', ')}` : ''}`;
  const rows = await queryPrepared(db, text, [[...keys]]);
  for (const row of rows) shape.hydrate(row);
  const entities = rows as unknown as E[];
  if (options.prime) for (const row of entities) options.prime(row);
  return entities;
}

/** A loader of the single row whose unique `property` equals the key, or null. */
export function oneBy<E extends ObjectLiteral, K extends Key>(
  db: EntityManager,
  entity: ClassType<E>,
  property: keyof E & string,
  options: BatchOptions<E> = {},
): DataLoader<K, E | null> {
  return new DataLoader<K, E | null>(async (keys) => {
    const rows = await rowsWhereIn(db, entity, property, keys, options);
    const byKey = new Map<K, E>();
    for (const row of rows) byKey.set(row[property] as K, row);
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A loader of all rows whose `property` equals the key ([] when none). */
export function manyBy<E extends ObjectLiteral, K extends Key>(
  db: EntityManager,
  entity: ClassType<E>,
  property: keyof E & string,
  options: BatchOptions<E> = {},
): DataLoader<K, E[]> {
  return new DataLoader<K, E[]>(async (keys) => {
    const rows = await rowsWhereIn(db, entity, property, keys, options);
    const byKey = new Map<K, E[]>();
    for (const row of rows) {
      const key = row[property] as K;
      const list = byKey.get(key);
      if (list) list.push(row);
      else byKey.set(key, [row]);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  });
}
