import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { getMetadataStorage, type ClassType } from 'type-graphql';

/**
 * Which columns a list must fetch for the fields a query selects on its nodes — PostGraphile's
 * habit of selecting only what was asked. A nested analyst query lists thousands of rows; reading
 * all 22 columns of each organization (two timestamps made into Dates, dates, counts) when the
 * query asks for its name and credit code was most of the server's allocations, and so of its
 * garbage collection (docs/benchmarks.md, issue 8).
 *
 * A field of a node type needs:
 * - `id` and `__typename`: the id (always fetched);
 * - a plain `@Field` on a column property: that column;
 * - a field resolver or a getter: what its resolver file declares with `readsFromParent` — e.g.
 *   `Organization.building` reads `buildingId`. A field nobody declared needs every column, so a
 *   new field resolver is correct before anyone thinks of this file; declaring is only faster.
 *
 * Rows fetched with only some columns get a prototype (see db/table-shape.ts, `TableShape.columnsFor`)
 * whose accessors throw on reading a column that was not fetched: a wrong declaration is an
 * error the tests see, never a silently missing value.
 */

const declared = new Map<Function, Map<string, readonly string[]>>();

/**
 * Declares the entity properties (column properties) that field resolvers of `entity` read from
 * their parent row. Called at module load in the resolver file that defines the fields.
 */
export function readsFromParent<E extends object>(entity: ClassType<E>, fields: Record<string, readonly (keyof E & string)[]>): void {
  let own = declared.get(entity);
  if (!own) declared.set(entity, (own = new Map()));
  for (const [field, properties] of Object.entries(fields)) own.set(field, properties);
}

/** Every declaration, for the test that checks each names real columns and real fields. */
export function declaredReads(): ReadonlyMap<Function, ReadonlyMap<string, readonly string[]>> {
  return declared;
}

/**
 * A to-one relation a list can join into its own statement: the field resolver loads
 * `entity` by id from `via` through the by-id loader, so a row fetched with the page and primed
 * into that loader is not fetched again — PostGraphile's habit of answering a page and its
 * to-one relations in one statement. Only for node types whose by-id loader reads plain rows
 * (no masking, nothing computed per principal); row-level security applies to the join as to
 * any statement of the request, and a joined row it hides is simply not primed.
 */
export interface ToOneJoin {
  /** The GraphQL field on the list's nodes, e.g. `street`. */
  field: string;
  /** The entity property holding the related row's id, e.g. `streetId`. */
  via: string;
  /** The related entity, e.g. Area. */
  entity: ClassType<object>;
}

const joinable = new Map<Function, Map<string, { via: string; to: () => ClassType<object> }>>();

/**
 * Declares to-one fields of `entity` that lists may join (see ToOneJoin). Called at module load in
 * the resolver file that defines the fields, next to its `readsFromParent`.
 */
export function joinsToOne<E extends object>(entity: ClassType<E>, fields: Record<string, { via: keyof E & string; to: () => ClassType<object> }>): void {
  let own = joinable.get(entity);
  if (!own) joinable.set(entity, (own = new Map()));
  for (const [field, join] of Object.entries(fields)) own.set(field, join);
}

/** Every join declaration, for the test that checks each against the schema and the tables. */
export function declaredJoins(): ReadonlyMap<Function, ReadonlyMap<string, { via: string; to: () => ClassType<object> }>> {
  return joinable;
}

/** What a list field's selection asks of the list. */
export interface ListSelection {
  /** The field selects `totalCount`. */
  withCount: boolean;
  /**
   * Entity properties the selected node fields read (besides `id` and the ordering column, which
   * the list adds), sorted; null: every column.
   */
  needs: readonly string[] | null;
  /** Declared to-one relations the selection asks for on the nodes, by field name. */
  joins: readonly ToOneJoin[];
}

const selections = new WeakMap<FieldNode, ListSelection>();

/**
 * The selection of the connection field being resolved, worked out once per field of a document
 * (the document and its AST are cached, so every parent of a nested level finds it here).
 */
export function listSelection(info: GraphQLResolveInfo | undefined, entity: ClassType<object>): ListSelection {
  if (!info) return { withCount: false, needs: null, joins: [] };
  const first = info.fieldNodes[0]!;
  let selection = selections.get(first);
  if (!selection) {
    const fields = nodeFieldNames(info);
    selection = { withCount: wantsTotalCount(info), needs: needsOfFields(entity, fields), joins: joinsOfFields(entity, fields) };
    selections.set(first, selection);
  }
  return selection;
}

function joinsOfFields(entity: ClassType<object>, fields: Set<string>): ToOneJoin[] {
  const own = joinable.get(entity);
  if (!own) return [];
  return [...fields]
    .filter((field) => own.has(field))
    .sort()
    .map((field) => ({ field, via: own.get(field)!.via, entity: own.get(field)!.to() }));
}

/** Names of the fields selected on the connection's nodes (through `nodes` and `edges.node`, fragments included). */
function nodeFieldNames(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  eachNodeField(info, (field) => names.add(field.name.value));
  return names;
}

/**
 * Calls `onField` with each field selected on the nodes of the connection being resolved: under
 * `nodes` and `edges { node }`, through inline fragments and named fragments (each named one once).
 */
export function eachNodeField(info: GraphQLResolveInfo, onField: (field: FieldNode) => void): void {
  const seen = new Set<string>();
  const each = (set: SelectionSetNode | undefined, visit: (field: FieldNode) => void): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) visit(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) each(selection.selectionSet, visit);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        each(info.fragments[selection.name.value]?.selectionSet, visit);
      }
    }
  };
  const onEdgeField = (field: FieldNode) => {
    if (field.name.value === 'node') each(field.selectionSet, onField);
  };
  for (const node of info.fieldNodes) {
    each(node.selectionSet, (field) => {
      if (field.name.value === 'nodes') each(field.selectionSet, onField);
      else if (field.name.value === 'edges') each(field.selectionSet, onEdgeField);
    });
  }
}

function needsOfFields(entity: ClassType<object>, fields: Set<string>): readonly string[] | null {
  const needs = new Set<string>();
  for (const field of fields) {
    const properties = needsOfField(entity, field);
    if (!properties) return null;
    for (const property of properties) needs.add(property);
  }
  return [...needs].sort();
}

const fieldNeeds = new Map<Function, Map<string, readonly string[] | null>>();

/** The properties one field of `entity` reads; null: unknown, so every column. */
export function needsOfField(entity: ClassType<object>, field: string): readonly string[] | null {
  let known = fieldNeeds.get(entity);
  if (!known) fieldNeeds.set(entity, (known = new Map()));
  if (known.has(field)) return known.get(field)!;
  const needs = workOutNeeds(entity, field);
  known.set(field, needs);
  return needs;
}

function workOutNeeds(entity: ClassType<object>, field: string): readonly string[] | null {
  if (field === '__typename' || field === 'id') return [];
  const own = declared.get(entity)?.get(field);
  if (own) return own;
  const storage = getMetadataStorage();
  if (storage.fieldResolvers.some((r) => r.getObjectType?.() === entity && r.schemaName === field)) return null;
  const lineage = classLineage(entity);
  const metadata = storage.fields.find((f) => lineage.includes(f.target) && f.schemaName === field);
  if (!metadata || metadata.name !== field) return null;
  // A getter computes from other columns: only a declaration says which.
  for (const target of lineage) {
    const descriptor = Object.getOwnPropertyDescriptor(target.prototype, field);
    if (descriptor && (descriptor.get || typeof descriptor.value === 'function')) return null;
  }
  return [field];
}

/** The class and its ancestors, nearest first. */
export function classLineage(entity: Function): Function[] {
  const lineage: Function[] = [];
  for (let c: Function | null = entity; c && c !== Function.prototype; c = Object.getPrototypeOf(c) as Function | null) lineage.push(c);
  return lineage;
}

/**
 * Whether the connection field being resolved selects `totalCount` (directly or through
 * fragments). Lists that know it count in the page's own statement: a round trip to PostgreSQL
 * costs more than its SQL on a small machine (docs/benchmarks.md). Directives are not evaluated:
 * a `totalCount @skip(if: true)` is counted for nothing, which is harmless.
 */
export function wantsTotalCount(info: GraphQLResolveInfo | undefined): boolean {
  if (!info) return false;
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === 'totalCount';
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      return visit(info.fragments[name]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}
