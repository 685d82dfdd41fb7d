import type { ClassType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { raw, type Sql } from '../sql/fragment.js';

/**
 * How rows of an entity's table are read without TypeORM's query builder: the columns as
 * `alias.column AS "property"`, and the row pg made turned into the entity in place. Lists
 * (graph/list.ts) and the by-id loaders (db/batch.ts) read this way; the query builder's
 * alias rewriting and entity transformer were a tenth of a 50-node lookup's server time.
 */

/** The SQL shape of one entity: its table, its columns as `alias.column AS "property"`. */
export interface TableShape<E> {
  table: string;
  columns: { column: string; property: string }[];
  propertyOf(column: string): string;
  /** The column of a property (throws for a property that is no column). */
  columnOf(property: string): string;
  select(alias: string): Sql;
  hydrate(row: Record<string, unknown>): E;
  /**
   * The columns to fetch for `needs` (entity properties; null: all) plus the id and `orderBy`'s
   * property. Cached per set.
   */
  columnsFor(needs: readonly string[] | null, orderProperty: string): FetchedColumns;
}

/** The columns one list fetches, and how its rows become entities. */
export interface FetchedColumns {
  /** Names the set (part of a batch key). */
  key: string;
  /** Every column: rows are whole entities, fit for the by-id loaders. */
  complete: boolean;
  select(alias: string): Sql;
  hydrate(row: Record<string, unknown>): void;
}

const shapes = new WeakMap<object, TableShape<unknown>>();

export function tableShape<E extends object>(db: EntityManager, entity: ClassType<E>): TableShape<E> {
  const known = shapes.get(entity);
  if (known) return known as TableShape<E>;
  const metadata = db.connection.getMetadata(entity);
  const columns = metadata.columns.map((c) => ({ column: c.databaseName, property: c.propertyName }));
  const byColumn = new Map(columns.map((c) => [c.column, c.property]));
  const byProperty = new Map(columns.map((c) => [c.property, c.column]));
  const selectAll = (alias: string) => raw(columns.map((c) => `${alias}."${c.column}" AS "${c.property}"`).join(', '));
  const all: FetchedColumns = {
    key: '*',
    complete: true,
    select: selectAll,
    hydrate: (row) => Object.setPrototypeOf(row, entity.prototype as object),
  };
  const subsets = new Map<string, FetchedColumns>();
  const shape: TableShape<E> = {
    table: metadata.tableName,
    columns,
    propertyOf: (column) => byColumn.get(column) ?? column,
    columnOf: (property) => {
      const column = byProperty.get(property);
      if (!column) throw new Error(`${metadata.name} has no column for property ${property}`);
      return column;
    },
    select: selectAll,
    // The row pg made becomes the entity (its prototype set): copying every column into a new
    // object was a fifth of a nested response's server time.
    hydrate: (row) => Object.setPrototypeOf(row, entity.prototype as object) as E,
    columnsFor(needs, orderProperty) {
      if (!needs) return all;
      const wanted = new Set(['id', orderProperty, ...needs]);
      const key = [...wanted].sort().join(',');
      let fetched = subsets.get(key);
      if (!fetched) {
        const chosen = columns.filter((c) => wanted.has(c.property));
        // A need that is no column (a declaration's mistake) or every column: fetch them all.
        fetched = chosen.length !== wanted.size || chosen.length === columns.length ? all : partialColumns(entity, columns, chosen, key);
        subsets.set(key, fetched);
      }
      return fetched;
    },
  };
  shapes.set(entity, shape as TableShape<unknown>);
  return shape;
}

/** Whether `row` holds every column of `entity` (not a row a list fetched with only some: see partialColumns). */
export function isWholeRow(row: object, entity: ClassType<object>): boolean {
  return Object.getPrototypeOf(row) === entity.prototype;
}

/**
 * Rows with only some columns. Their prototype is made from the entity's, so they are still
 * instances of it (the Node interface, `instanceof`), with an accessor per missing column that
 * throws: code reading a column the list did not fetch fails loudly instead of reading undefined
 * (selected-columns.ts says how a list knows what to fetch).
 */
function partialColumns(
  entity: ClassType<object>,
  columns: readonly { column: string; property: string }[],
  chosen: readonly { column: string; property: string }[],
  key: string,
): FetchedColumns {
  const prototype = Object.create(entity.prototype as object) as object;
  const fetched = new Set(chosen.map((c) => c.property));
  for (const { property } of columns) {
    if (fetched.has(property)) continue;
    Object.defineProperty(prototype, property, {
      get(): never {
        throw new Error(`${entity.name}.${property} was read from a row listed without it: declare it with readsFromParent (graph/selected-columns.ts)`);
      },
      // Assigning is fine (it makes the row's own property).
      set(this: object, value: unknown) {
        Object.defineProperty(this, property, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
  return {
    key,
    complete: false,
    select: (alias) => raw(chosen.map((c) => `${alias}."${c.column}" AS "${c.property}"`).join(', ')),
    hydrate: (row) => Object.setPrototypeOf(row, prototype),
  };
}

/** A to-one relation joined into a list's statement (graph/selected-columns.ts, ToOneJoin). */
export interface JoinSpec {
  /** The list entity's property holding the related id. */
  via: string;
  entity: ClassType<object>;
}

/** The joins of one list: SQL to add to its statement, and how to take the joined rows out. */
export interface JoinedRows {
  /** `LEFT JOIN <table> __jN ON __jN.id = <alias>.<via>` for each join. */
  from(alias: string): Sql;
  /** `, __jN.<column> AS "__jN.<property>"` for each column of each joined table. */
  select(): Sql;
  /**
   * The joined rows, whole and as entities (none where the relation is null or hidden); their
   * columns are cleared from the list's rows, which keep only their own.
   */
  take(rows: Record<string, unknown>[]): object[];
}

const NO_JOINS: JoinedRows = { from: () => raw(''), select: () => raw(''), take: () => [] };

const joinKeys = new WeakMap<readonly JoinSpec[], string>();

/**
 * Names a set of joins (part of a relation batch's key). Cached per array: a list's selection,
 * and so its joins array, is worked out once per field of a document, and a nested level asks
 * the key once per parent.
 */
export function joinsKey(joins: readonly JoinSpec[]): string {
  if (joins.length === 0) return '';
  let key = joinKeys.get(joins);
  if (key === undefined) joinKeys.set(joins, (key = joins.map((j) => `${j.via}>${j.entity.name}`).join(',')));
  return key;
}

/**
 * Whole rows (every column, so they may be primed into the by-id loaders) of each joined table,
 * under column names `__jN.<property>` that no entity property can take.
 */
export function joinedRows(db: EntityManager, listEntity: ClassType<object>, joins: readonly JoinSpec[]): JoinedRows {
  if (joins.length === 0) return NO_JOINS;
  const list = tableShape(db, listEntity);
  const parts = joins.map((join, i) => {
    const shape = tableShape(db, join.entity);
    const name = `__j${i}`;
    return {
      name,
      shape,
      viaColumn: list.columnOf(join.via),
      names: shape.columns.map((c) => ({ property: c.property, as: `${name}.${c.property}` })),
    };
  });
  const select = raw(parts.map((p) => p.shape.columns.map((c) => `, ${p.name}."${c.column}" AS "${p.name}.${c.property}"`).join('')).join(''));
  return {
    from: (alias) => raw(parts.map((p) => ` LEFT JOIN ${p.shape.table} ${p.name} ON ${p.name}.id = ${alias}."${p.viaColumn}"`).join('')),
    select: () => select,
    take(rows) {
      const taken: object[] = [];
      for (const part of parts) {
        const idName = `${part.name}.id`;
        // Many rows of a page share one related row (organizations of a street): made once.
        const seen = new Set<unknown>();
        for (const row of rows) {
          if (row[idName] !== null && row[idName] !== undefined && !seen.has(row[idName])) {
            seen.add(row[idName]);
            const joined: Record<string, unknown> = {};
            for (const { property, as } of part.names) joined[property] = row[as];
            taken.push(part.shape.hydrate(joined) as object);
          }
          // Cleared, not deleted: `delete` turns each row into a slow dictionary-mode object.
          for (const { as } of part.names) row[as] = undefined;
        }
      }
      return taken;
    },
  };
}
