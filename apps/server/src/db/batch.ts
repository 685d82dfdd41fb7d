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

/**
 * A DataLoader of single rows that also answers synchronously for a row it already holds
 * (`peek`): a to-one field whose row a list fetched and primed (graph/list.ts joins them into
 * the page) can return the row itself instead of a promise. graphql-jit then writes the field in
 * line; through a promise each of the page's rows cost a promise chain and three closures.
 */
export class RowLoader<K extends Key, E> extends DataLoader<K, E | null> {
  readonly #rows = new Map<K, E>();

  constructor(batch: (keys: readonly K[]) => Promise<(E | null)[]>) {
    super(async (keys) => {
      const rows = await batch(keys);
      keys.forEach((key, i) => {
        const row = rows[i];
        if (row != null && !this.#rows.has(key)) this.#rows.set(key, row);
      });
      return rows;
    });
  }

  /** The row for `key` if this request already fetched it; undefined otherwise (then `load`). */
  peek(key: K): E | undefined {
    return this.#rows.get(key);
  }

  // As DataLoader's prime: a key already held keeps its row.
  override prime(key: K, value: E | null | PromiseLike<E | null> | Error): this {
    if (value != null && !(value instanceof Error) && typeof (value as PromiseLike<E>).then !== 'function' && !this.#rows.has(key)) {
      this.#rows.set(key, value as E);
    }
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.#rows.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.#rows.clear();
    return super.clearAll();
  }
}

/** A loader of the single row whose unique `property` equals the key, or null. */
export function oneBy<E extends ObjectLiteral, K extends Key>(
  db: EntityManager,
  entity: ClassType<E>,
  property: keyof E & string,
  options: BatchOptions<E> = {},
): RowLoader<K, E> {
  return new RowLoader<K, E>(async (keys) => {
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
