import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { ClassType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { BadUserInputError } from '../errors/bad-user-input.error.js';
import { cursorOf, PageArgumentError, planPage, slicePage, type Ordering, type PageArgs } from '../relay/page.js';
import { and, hasParameters, intLiteral, join, raw, render, sql, type Sql } from '../sql/fragment.js';
import type { Principal } from '../auth/principal.js';
import type { ConnectionValue, Edge } from './connection.js';
import { queryPrepared } from '../db/prepared.js';
import { extrasKey, extrasSql, rowExtras, type ExtraContext, type ExtrasSql, type RowExtra } from './row-extras.js';
import { joinedRows, joinsKey, tableShape, type FetchedColumns, type JoinedRows, type JoinSpec, type TableShape } from '../db/table-shape.js';
import { listSelection, wantsTotalCount } from './selected-columns.js';

export { tableShape, wantsTotalCount };
export type { FetchedColumns, TableShape };

/**
 * The read engine behind every list of the API. Root lists are one keyset-paginated statement;
 * nested lists (a to-many relation under each of many parents) are one LATERAL statement per
 * level for all the parents at once, and `totalCount` one grouped statement per level — whatever
 * the number of parents. Rows are hydrated into the entity classes, which are also the GraphQL
 * object types, so the Node interface can tell them apart.
 */

export interface OrderChoice {
  /** The client's choice, e.g. 'NAME' (cursors remember it). */
  key: string;
  /** The NOT NULL column to order by, or 'id'. Ignored when `expression` is given. */
  column: string;
  direction: 'ASC' | 'DESC';
  /**
   * An SQL expression over the row (never NULL) to order by instead of a column, e.g. "not one of
   * mine" for a street worker's 专包 organizations first. Selected as "__order" for the cursor.
   */
  expression?: Sql;
}

/** The column a computed ordering value is selected as (OrderChoice.expression). */
const ORDER_VALUE = '__order';

function orderingFor(shape: TableShape<unknown>, alias: string, order: OrderChoice): Ordering {
  const base = { key: `${order.key}:${order.direction}`, id: raw(`${alias}.id`), direction: order.direction };
  if (order.expression) {
    return { ...base, column: order.expression, valueOf: (row) => row[ORDER_VALUE] as string | number | boolean | null };
  }
  const byId = order.column === 'id';
  const property = shape.propertyOf(order.column);
  return {
    ...base,
    column: byId ? null : raw(`${alias}."${order.column}"`),
    valueOf: (row) => row[property] as string | number | boolean | null,
  };
}

/** The entity property a list must fetch for its order ('id' when the order is an expression). */
function orderProperty(shape: TableShape<unknown>, order: OrderChoice): string {
  return order.expression ? 'id' : shape.propertyOf(order.column);
}

/** `, <expression> AS "__order"` for an expression ordering; nothing otherwise. */
function orderValueSelect(order: OrderChoice): Sql {
  return order.expression ? sql`, ${order.expression} AS ${raw(`"${ORDER_VALUE}"`)}` : raw('');
}

/** PageArgumentError → BAD_USER_INPUT at the argument's path. */
function planOrRefuse(args: PageArgs, ordering: Ordering) {
  try {
    return planPage(args, ordering);
  } catch (error) {
    if (error instanceof PageArgumentError) {
      throw new BadUserInputError(error.en, {
        field: [error.argument],
        reason: 'PAGINATION',
        localizedMessage: { zh: error.zh, en: error.en },
      });
    }
    throw error;
  }
}

/**
 * One page of a list as the connection types read it. A class rather than an object literal with
 * getters: a nested query makes one per parent (thousands), and edges, cursors and pageInfo are
 * built only when a query asks for them — most ask for `nodes` only, and encoding a cursor per row
 * was a visible share of a 112-street response.
 */
class PageOfRows<E> implements ConnectionValue<E> {
  #edges: Edge<E>[] | undefined;
  #pageInfo: ConnectionValue<E>['pageInfo'] | undefined;

  constructor(
    readonly nodes: E[],
    private readonly rows: Record<string, unknown>[],
    private readonly ordering: Ordering,
    private readonly hasNextPage: boolean,
    private readonly hasPreviousPage: boolean,
    private readonly count: () => Promise<number> | number,
  ) {}

  #cursorAt(i: number): string {
    return cursorOf(this.ordering, this.rows[i]!);
  }

  get edges(): Edge<E>[] {
    return (this.#edges ??= this.nodes.map((node, i) => ({ cursor: this.#cursorAt(i), node })));
  }

  get pageInfo(): ConnectionValue<E>['pageInfo'] {
    if (this.#pageInfo) return this.#pageInfo;
    const last = this.nodes.length - 1;
    const cursorAt = (i: number) => this.#cursorAt(i);
    return (this.#pageInfo = {
      hasNextPage: this.hasNextPage,
      hasPreviousPage: this.hasPreviousPage,
      get startCursor() {
        return last >= 0 ? cursorAt(0) : null;
      },
      get endCursor() {
        return last >= 0 ? cursorAt(last) : null;
      },
    });
  }

  get totalCount(): Promise<number> | number {
    return this.count();
  }
}

function toConnection<E>(
  rows: Record<string, unknown>[],
  plan: ReturnType<typeof planPage>,
  args: PageArgs,
  ordering: Ordering,
  fetched: FetchedColumns,
  totalCount: () => Promise<number> | number,
): ConnectionValue<E> {
  const page = slicePage(plan, rows, args);
  // hydrate() gives each row its entity prototype in place, so the page's own array is the nodes.
  for (const row of page.rows) fetched.hydrate(row);
  return new PageOfRows(page.rows as E[], page.rows, ordering, page.hasNextPage, page.hasPreviousPage, totalCount);
}

export interface ListQuery<E extends object> {
  entity: ClassType<E>;
  /** SQL alias of the entity's table in `where` conditions. */
  alias: string;
  /** Conditions on the rows (filters, scope), ANDed. */
  where: Sql[];
  order: OrderChoice;
  /**
   * Run the statements prepared (db/prepared.ts) even though `where` sends parameters: only when
   * their plan is the same for any values (an area's parent code). A `where` that sends none
   * (no filter, or filters on enums only, written as literals) runs prepared anyway.
   */
  prepared?: boolean;
}

/**
 * A root list: one statement for the page. When `withCount`, the same statement also counts the
 * whole list (an uncorrelated scalar subquery, which PostgreSQL evaluates once); otherwise — or
 * when the page is empty and so carries no count — `totalCount` costs a statement of its own,
 * only if it is asked for.
 */
export async function findPage<E extends object>(
  db: EntityManager,
  query: ListQuery<E>,
  args: PageArgs,
  /** Primes the by-id loaders with the page's rows (pass `ctx.loaders.primeNodes`). */
  onNodes?: (nodes: readonly object[]) => void,
  withCount = false,
  /** Entity properties the selected fields read (selected-columns.ts); null: every column. */
  needs: readonly string[] | null = null,
  /** To-one relations to fetch in the same statement and prime into the by-id loaders (needs `onNodes`). */
  joins: readonly JoinSpec[] = [],
  /** Node fields computed in the same statement (row-extras.ts). */
  extras: readonly RowExtra[] = [],
): Promise<ConnectionValue<E>> {
  const shape = tableShape(db, query.entity);
  const { alias } = query;
  const ordering = orderingFor(shape as TableShape<unknown>, alias, query.order);
  const fetched = shape.columnsFor(needs, orderProperty(shape as TableShape<unknown>, query.order));
  const plan = planOrRefuse(args, ordering);
  const from = raw(`${shape.table} ${alias}`);
  const joined = joinedRows(db, query.entity, onNodes ? joins : []);
  const computed = extrasSql(extras);
  const where = and(query.where);
  // Without parameters in `where` the texts are a fixed set per filter and each has one plan: the
  // cursor is the only parameter left, and with the LIMIT a literal the generic plan is the one
  // PostgreSQL would make for any cursor. Planning Q2's statement took 0.2–0.4 ms a request.
  const prepared = query.prepared === true || !hasParameters(where);
  const countStatement = sql`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`;
  const total = withCount ? sql`, (${countStatement}) AS "__total"` : raw('');
  const statement = sql`SELECT ${fetched.select(alias)}${orderValueSelect(query.order)}${joined.select()}${computed.select}${total} FROM ${from}${joined.from(alias)}${computed.from(alias)} WHERE ${and([...query.where, ...plan.where])} ORDER BY ${plan.orderBy} LIMIT ${intLiteral(plan.fetch)}`;
  const rows = await runQuery(db, statement, prepared);
  computed.take(rows);
  const related = joined.take(rows);
  if (related.length > 0) onNodes?.(related);
  let count: Promise<number> | undefined;
  if (withCount && rows.length > 0) {
    count = Promise.resolve(Number(rows[0]!.__total));
    // Cleared, not deleted: \`delete\` turns each row into a slow dictionary-mode object.
    for (const row of rows) row.__total = undefined;
  }
  const connection = toConnection<E>(rows, plan, args, ordering, fetched, () => {
    count ??= runQuery(db, countStatement, prepared).then((r) => Number(r[0]?.n ?? 0));
    return count;
  });
  // Only whole rows go to the by-id loaders: a later `node(id)` must find every column.
  if (fetched.complete) onNodes?.(connection.nodes);
  return connection;
}

export interface RelationQuery<E extends object> extends Omit<ListQuery<E>, 'where'> {
  /**
   * Conditions on the rows (filters), ANDed; called once per batch, not once per parent: the key
   * already names the filter, and compiling it for each of thousands of parents was wasted work.
   */
  where: () => Sql[];
  /**
   * A stable name for the relation and its arguments (e.g. `Area.organizations|{…}`): parents
   * asking the same relation with the same arguments share one batch.
   */
  key: string;
  /** The condition tying a row to its parent, given the SQL reference to the parent id. */
  parent: (parentId: Sql) => Sql;
}

interface RelationLoaders {
  pages: DataLoader<number, Record<string, unknown>[]>;
  counts: DataLoader<number, number>;
  fetched: FetchedColumns;
  ordering: Ordering;
  plan: ReturnType<typeof planPage>;
}

/**
 * Per-request cache of the batched relation loaders, keyed by relation and arguments. Made in
 * the context factory with the other loaders, so no cache outlives its request.
 */
export class RelationPages {
  readonly #loaders = new Map<string, RelationLoaders>();

  /**
   * @param onNodes called with every page's rows, to prime the by-id loaders: a row a page
   *   fetched is not fetched again by `node(id)` or a to-one relation in the same request.
   */
  constructor(
    private readonly db: EntityManager,
    private readonly onNodes: (nodes: readonly object[]) => void = () => {},
  ) {}

  /** Clears every cached page (a mutation changed rows some page may hold). */
  clear(): void {
    this.#loaders.clear();
  }

  /**
   * @param withCount the field selects `totalCount`: the page statement counts too, one count per
   *   parent, so the level costs one statement instead of two.
   */
  /**
   * @param needs entity properties the selected fields read (selected-columns.ts); null: every
   *   column.
   */
  async load<E extends object>(
    query: RelationQuery<E>,
    args: PageArgs,
    parentId: number,
    withCount = false,
    needs: readonly string[] | null = null,
    /** To-one relations fetched in the page's statement and primed into the by-id loaders. */
    joins: readonly JoinSpec[] = [],
    /** Node fields computed in the page's statement (row-extras.ts). */
    extras: readonly RowExtra[] = [],
  ): Promise<ConnectionValue<E>> {
    const key = `${query.key}|${query.order.key}:${query.order.direction}|${args.first ?? ''}|${args.after ?? ''}|${args.last ?? ''}|${args.before ?? ''}|${withCount ? 'counted' : ''}|${needs ? needs.join(',') : '*'}|${joinsKey(joins)}|${extrasKey(extras)}`;
    // Every parent of a level asks with the same key: the shape, ordering, plan and statements are
    // worked out for the first and reused for the rest.
    let loaders = this.#loaders.get(key);
    if (!loaders) {
      const shape = tableShape(this.db, query.entity);
      const ordering = orderingFor(shape as TableShape<unknown>, query.alias, query.order);
      const fetched = shape.columnsFor(needs, orderProperty(shape as TableShape<unknown>, query.order));
      const plan = planOrRefuse(args, ordering);
      loaders = this.#makeLoaders(query, shape, fetched, ordering, plan, withCount, joinedRows(this.db, query.entity, joins), extrasSql(extras));
      this.#loaders.set(key, loaders);
    }
    const rows = await loaders.pages.load(parentId);
    const counts = loaders.counts;
    const connection = toConnection<E>(rows, loaders.plan, args, loaders.ordering, loaders.fetched, () => counts.load(parentId));
    // Only whole rows go to the by-id loaders: a later `node(id)` must find every column.
    if (loaders.fetched.complete) this.onNodes(connection.nodes);
    return connection;
  }

  #makeLoaders<E extends object>(
    query: RelationQuery<E>,
    shape: TableShape<E>,
    fetched: FetchedColumns,
    ordering: Ordering,
    plan: ReturnType<typeof planPage>,
    withCount: boolean,
    joined: JoinedRows,
    computed: ExtrasSql,
  ): RelationLoaders {
    const { alias } = query;
    const where = query.where();
    const from = raw(`${shape.table} ${alias}`);
    const parentRef = raw('__parent.id');
    const condition = and([query.parent(parentRef), ...where]);
    // Without parameters in the filter (none, or enums only) the texts are a fixed set and the
    // plan the same for any parents: prepared.
    const prepared = !hasParameters(and(where));
    const counts = new DataLoader<number, number>(async (parentIds) => {
      const statement = sql`SELECT __parent.id AS "__parent", (SELECT count(*)::int FROM ${from} WHERE ${condition}) AS n FROM unnest(${[...parentIds]}::int[]) AS __parent(id)`;
      const rows = await runQuery(this.db, statement, prepared);
      const byParent = new Map(rows.map((r) => [Number(r.__parent), Number(r.n)]));
      return parentIds.map((id) => byParent.get(id) ?? 0);
    });
    const page = sql`SELECT ${fetched.select(alias)}${orderValueSelect(query.order)}${joined.select()}${computed.select} FROM ${from}${joined.from(alias)}${computed.from(alias)} WHERE ${and([condition, ...plan.where])} ORDER BY ${plan.orderBy} LIMIT ${intLiteral(plan.fetch)}`;
    const pages = new DataLoader<number, Record<string, unknown>[]>(async (parentIds) => {
      // With the count: each parent's count once (a materialized CTE, so it is not recomputed per
      // page row), then its page; LEFT JOIN keeps the parents whose page is empty, for their count.
      const statement = withCount
        ? sql`WITH __parent AS MATERIALIZED (SELECT __p.id, (SELECT count(*)::int FROM ${from} WHERE ${and([query.parent(raw('__p.id')), ...where])}) AS n FROM unnest(${[...parentIds]}::int[]) AS __p(id))
          SELECT __parent.id AS "__parent", __parent.n AS "__total", __page.* FROM __parent LEFT JOIN LATERAL (${page}) AS __page ON true`
        : sql`SELECT __parent.id AS "__parent", __page.* FROM unnest(${[...parentIds]}::int[]) AS __parent(id) CROSS JOIN LATERAL (${page}) AS __page`;
      const rows = await runQuery(this.db, statement, prepared);
      computed.take(rows);
      const related = joined.take(rows);
      if (related.length > 0) this.onNodes(related);
      const byParent = new Map<number, Record<string, unknown>[]>();
      for (const row of rows) {
        const parent = Number(row.__parent);
        // Cleared, not deleted: `delete` turns each row into a slow dictionary-mode object.
        row.__parent = undefined;
        if (withCount) {
          counts.prime(parent, Number(row.__total));
          row.__total = undefined;
          // The parent's page is empty: the row carries only its count.
          if (row.id === null) continue;
        }
        let list = byParent.get(parent);
        if (!list) byParent.set(parent, (list = []));
        list.push(row);
      }
      return parentIds.map((id) => byParent.get(id) ?? []);
    });
    return { pages, counts, fetched, ordering, plan };
  }
}

/** How one node type is listed: its table alias, its filter compiler, its orderings. */
export interface ListKind<E extends object, F, O> {
  entity: ClassType<E>;
  alias: string;
  conditions: (filter: F | null | undefined, path: (string | number)[]) => Sql[];
  /** The order for the field's `orderBy`; the principal may set the default (a street worker's 专包 first). */
  order: (orderBy: O | null | undefined, principal: Principal | null) => OrderChoice;
}

/**
 * The loader of a to-many relation leading to `kind`: given the parent's id and the field's
 * arguments, one page, batched with every sibling parent asking the same relation with the same
 * arguments (RelationPages).
 */
export function relationLister<E extends object, F, O>(kind: ListKind<E, F, O>) {
  return (
    ctx: { loaders: { pages: RelationPages }; principal?: Principal | null } & ExtraContext,
    name: string,
    parent: (parentId: Sql) => Sql,
    parentId: number,
    filter: F | null | undefined,
    orderBy: O | null | undefined,
    page: PageArgs,
    /** The field's resolve info: when it selects `totalCount`, the page's statement counts too. */
    info?: GraphQLResolveInfo,
  ): Promise<ConnectionValue<E>> => {
    const selection = listSelection(info, kind.entity);
    return ctx.loaders.pages.load(
      {
        key: `${name}|${JSON.stringify(filter ?? null)}`,
        entity: kind.entity,
        alias: kind.alias,
        parent,
        where: () => kind.conditions(filter, ['filter']),
        order: kind.order(orderBy, ctx.principal ?? null),
      },
      page,
      parentId,
      selection.withCount,
      selection.needs,
      selection.joins,
      rowExtras(info, kind.entity, ctx),
    );
  };
}

/** A root list of `kind` under the field's filter, order and page arguments. */
export function rootPage<E extends object, F, O>(
  kind: ListKind<E, F, O>,
  ctx: { db: EntityManager; loaders: { primeNodes: (nodes: readonly object[]) => void }; principal?: Principal | null } & ExtraContext,
  filter: F | null | undefined,
  orderBy: O | null | undefined,
  page: PageArgs,
  /** The field's resolve info: when it selects `totalCount`, the page's statement counts too. */
  info?: GraphQLResolveInfo,
): Promise<ConnectionValue<E>> {
  const selection = listSelection(info, kind.entity);
  return findPage(
    ctx.db,
    { entity: kind.entity, alias: kind.alias, where: kind.conditions(filter, ['filter']), order: kind.order(orderBy, ctx.principal ?? null) },
    page,
    ctx.loaders.primeNodes,
    selection.withCount,
    selection.needs,
    selection.joins,
    rowExtras(info, kind.entity, ctx),
  );
}

/**
 * @param prepared run it as a named prepared statement (db/prepared.ts says when that is right:
 *   never for a statement whose plan depends on a client's values sent as parameters).
 */
export async function runQuery(db: EntityManager, statement: Sql, prepared = false): Promise<Record<string, unknown>[]> {
  const { text, values } = render(statement);
  if (prepared) return queryPrepared(db, text, values);
  return (await db.query(text, values)) as Record<string, unknown>[];
}

export { join };
