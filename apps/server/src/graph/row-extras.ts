import { getArgumentValues, getNamedType, isObjectType, type FieldNode, type GraphQLResolveInfo } from 'graphql';
import type { ClassType } from 'type-graphql';
import { join, raw, sql, type Sql } from '../sql/fragment.js';
import { eachNodeField } from './selected-columns.js';

/**
 * Node fields a list computes in its own statement: a `LEFT JOIN LATERAL` per row, whose columns
 * become the field's value on the row, so the field resolves at once — no loader, no promise, no
 * statement of its own. The coverage of 112 streets (Q3 of the suite) was three statements and a
 * loader promise per street; with the tally's probe joined to the streets' page it is two, and
 * one process spends about 1.65 ms of Node CPU per request on it instead of 2.1 (docs/benchmarks.md,
 * session 14).
 *
 * A field opts in with `computedInList` in its resolver file, and its resolver first asks
 * `computedValue(row, key)`: where a list computed the value (same field, same arguments) it
 * answers with it, else as before. Anything the declaration cannot answer in SQL (arguments it
 * refuses, a window the tally does not hold, row-level security) it leaves to the resolver, which
 * also raises the argument errors at the field's own path.
 */

/** A value a list computes per row for one field and one set of its arguments. */
export interface RowExtra {
  /** Names the field and its arguments: the resolver asks by the same key; part of a batch's key. */
  key: string;
  /** The LATERAL subquery on the list's row `alias`; its columns are read back by `take`. */
  lateral(alias: string): Sql;
  /** The subquery's columns, in the order `take` reads them. */
  columns: readonly string[];
  /**
   * The field's value from the subquery's columns, in `columns` order (all null where it found no
   * row). The array is reused for the next row: read it, do not keep it.
   */
  take(values: readonly unknown[]): unknown;
}

/** What a declaration may consult besides the arguments. */
export interface ExtraContext {
  /** The request reads under row-level security (context.ts): city-wide figures are not its to see. */
  rowLevelSecurity?: boolean;
}

type Plan = (args: Record<string, unknown>, ctx: ExtraContext) => RowExtra | null;

const declared = new Map<Function, Map<string, Plan>>();

/** Declares that lists of `entity` may compute its field `field` (see the top of this file). */
export function computedInList(entity: ClassType<object>, field: string, plan: Plan): void {
  let own = declared.get(entity);
  if (!own) declared.set(entity, (own = new Map()));
  own.set(field, plan);
}

const EXTRAS = Symbol('row extras');

/** A row's computed values: a short chain (a list computes one or two), no Map per row. */
interface Computed {
  key: string;
  value: unknown;
  next: Computed | undefined;
}

/** The value a list computed on `row` for `key`, or undefined (the resolver answers as usual). */
export function computedValue<T>(row: object, key: string): T | undefined {
  for (let c = (row as { [EXTRAS]?: Computed })[EXTRAS]; c; c = c.next) if (c.key === key) return c.value as T;
  return undefined;
}

const NONE: readonly RowExtra[] = [];
/** Per field node of a cached document: the declared fields it selects on the nodes (mostly none). */
const candidates = new WeakMap<FieldNode, readonly FieldNode[]>();
/**
 * Per request (its context, and its variables: a batch shares one context) and field node: the
 * extras worked out. Never across requests: a plan depends on who asks (row-level security).
 */
const planned = new WeakMap<ExtraContext, WeakMap<object, WeakMap<FieldNode, readonly RowExtra[]>>>();

/**
 * The extras for the list field being resolved: one per declared node field and distinct set of
 * arguments it selects (fragments included; `@skip`/`@include` are not evaluated, so a skipped
 * field is computed for nothing, which is harmless).
 */
export function rowExtras(info: GraphQLResolveInfo | undefined, entity: ClassType<object>, ctx: ExtraContext): readonly RowExtra[] {
  const own = info && declared.get(entity);
  if (!info || !own) return NONE;
  const first = info.fieldNodes[0]!;
  let fields = candidates.get(first);
  if (!fields) candidates.set(first, (fields = declaredNodeFields(info, own)));
  if (fields.length === 0) return NONE;
  let byVariables = planned.get(ctx);
  if (!byVariables) planned.set(ctx, (byVariables = new WeakMap()));
  let byField = byVariables.get(info.variableValues);
  if (!byField) byVariables.set(info.variableValues, (byField = new WeakMap()));
  let extras = byField.get(first);
  if (!extras) byField.set(first, (extras = planExtras(info, fields, own, ctx)));
  return extras;
}

function planExtras(info: GraphQLResolveInfo, fields: readonly FieldNode[], own: Map<string, Plan>, ctx: ExtraContext): readonly RowExtra[] {
  const nodeType = nodeTypeOf(info);
  if (!nodeType) return NONE;
  const extras = new Map<string, RowExtra>();
  for (const field of fields) {
    const definition = nodeType.getFields()[field.name.value];
    if (!definition) continue;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(definition, field, info.variableValues);
    } catch {
      continue; // the resolver reports it, at its own path
    }
    const extra = own.get(field.name.value)!(args, ctx);
    if (extra && !extras.has(extra.key)) extras.set(extra.key, extra);
  }
  return extras.size === 0 ? NONE : [...extras.values()];
}

/** The node type of the connection being resolved (its `nodes` field's item type). */
function nodeTypeOf(info: GraphQLResolveInfo) {
  const connection = getNamedType(info.returnType);
  if (!isObjectType(connection)) return null;
  const nodes = connection.getFields().nodes;
  const node = nodes && getNamedType(nodes.type);
  return node && isObjectType(node) ? node : null;
}

/** The declared fields selected on the connection's nodes (through `nodes` and `edges.node`, fragments included). */
function declaredNodeFields(info: GraphQLResolveInfo, own: Map<string, Plan>): readonly FieldNode[] {
  const found: FieldNode[] = [];
  eachNodeField(info, (field) => {
    if (own.has(field.name.value)) found.push(field);
  });
  return found;
}

/** Names a set of extras (part of a relation batch's key). */
export function extrasKey(extras: readonly RowExtra[]): string {
  return extras.length === 0 ? '' : extras.map((e) => e.key).join(',');
}

/** The joins of a list's extras: SQL for its statement, and how to take the values off its rows. */
export interface ExtrasSql {
  /** `LEFT JOIN LATERAL (…) __xN ON true` for each extra. */
  from(alias: string): Sql;
  /** `, __xN.<column> AS "__xN.<column>"` for each column of each extra. */
  select: Sql;
  /** Moves each extra's columns off every row into its value (computedValue). */
  take(rows: Record<string, unknown>[]): void;
}

const NO_EXTRAS: ExtrasSql = { from: () => raw(''), select: raw(''), take: () => {} };

export function extrasSql(extras: readonly RowExtra[]): ExtrasSql {
  if (extras.length === 0) return NO_EXTRAS;
  const parts = extras.map((extra, i) => ({ extra, name: `__x${i}`, as: extra.columns.map((c) => `__x${i}.${c}`) }));
  return {
    from: (alias) => join(parts.map((p) => sql` LEFT JOIN LATERAL (${p.extra.lateral(alias)}) ${raw(p.name)} ON true`), ''),
    select: raw(parts.map((p) => p.extra.columns.map((c, j) => `, ${p.name}."${c}" AS "${p.as[j]}"`).join('')).join('')),
    take(rows) {
      for (const p of parts) {
        const values: unknown[] = new Array(p.as.length);
        for (const row of rows) {
          for (let j = 0; j < p.as.length; j++) {
            values[j] = row[p.as[j]!];
            // Cleared, not deleted: `delete` turns each row into a slow dictionary-mode object.
            row[p.as[j]!] = undefined;
          }
          const holder = row as { [EXTRAS]?: Computed };
          holder[EXTRAS] = { key: p.extra.key, value: p.extra.take(values), next: holder[EXTRAS] };
        }
      }
    },
  };
}
