import { isAbstractType, isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema, type GraphQLTypeResolver } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { getMetadataArgsStorage } from 'typeorm';
import { classLineage } from '../graph/selected-columns.js';

/**
 * Calls resolver methods without type-graphql's per-call machinery where that machinery does
 * nothing for us. For every call, type-graphql sorts the method's parameters, converts each
 * argument into its class, and validates it in an `async` function — with validation off, that
 * still makes a promise per argument and a Promise.all per call. A nested analyst query calls a
 * relation's resolver once per parent (thousands of times), and that bookkeeping was a fifth of
 * the request's allocations (apps/server/README.md, "Execution").
 *
 * The lean resolver handles the common case and hands every other call to type-graphql's own
 * resolver, so behaviour cannot differ:
 * - parameters are worked out once, at start-up;
 * - an argument that is null, absent or a scalar (string, number, boolean, Date) is passed as is,
 *   which is what type-graphql's conversion does with it;
 * - an `@Args()` class whose fields are all such values is built as type-graphql builds it: the
 *   class's own initial values, then the given fields;
 * - anything else — an input object or a list argument, a `@Root()` that is not yet an instance
 *   of its class, a custom parameter decorator — goes to type-graphql's resolver for that call.
 * Methods with middlewares or authorization roles are left entirely to type-graphql (this code base
 * uses neither: authorization happens before execution, auth/authorize-operation.ts).
 *
 * Resolver classes are instantiated once with `new`, as type-graphql's default container does;
 * they hold no state.
 */
export function useLeanResolvers(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  const instances = new Map<Function, object>();
  const instanceOf = (target: Function) => {
    let instance = instances.get(target);
    if (!instance) instances.set(target, (instance = new (target as new () => object)()));
    return instance;
  };
  const typeNameOf = (target: Function | undefined) => storage.objectTypes.find((t) => t.target === target)?.name;

  const candidates: { typeName: string | undefined; metadata: ResolverMethod }[] = [
    ...storage.queries.map((metadata) => ({ typeName: schema.getQueryType()?.name, metadata })),
    ...storage.fieldResolvers
      .filter((metadata) => metadata.kind === 'external')
      .map((metadata) => ({ typeName: typeNameOf(metadata.getObjectType?.()), metadata })),
  ];

  let replaced = synchronousTypeResolvers(schema, storage, typeNameOf) + dropColumnResolvers(schema, storage);
  for (const { typeName, metadata } of candidates) {
    if (!typeName) continue;
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const field = type.getFields()[metadata.schemaName];
    if (!field?.resolve) continue;
    if ((metadata.middlewares?.length ?? 0) > 0 || metadata.roles !== undefined) continue;
    const lean = leanResolver(metadata, instanceOf(metadata.target), field.resolve);
    if (!lean) continue;
    field.resolve = lean;
    replaced++;
  }
  return replaced;
}

type Param = NonNullable<ReturnType<typeof getMetadataStorage>['queries'][number]['params']>[number];

/** What queries and field resolvers have in common in type-graphql's metadata. */
interface ResolverMethod {
  methodName: string;
  schemaName: string;
  target: Function;
  params?: Param[];
  middlewares?: unknown[];
  roles?: unknown[];
}

/** A value type-graphql's argument conversion returns unchanged. */
const passesAsIs = (value: unknown) => value == null || typeof value !== 'object' || value instanceof Date;

function leanResolver(
  metadata: ResolverMethod,
  instance: object,
  original: GraphQLFieldResolver<unknown, unknown>,
): GraphQLFieldResolver<unknown, unknown> | undefined {
  const method = (instance as Record<string, unknown>)[metadata.methodName];
  if (typeof method !== 'function') return undefined;
  const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
  if (params.some((p, i) => p.index !== i)) return undefined;

  // Per parameter, a function of the call's (root, args, context, info) that returns the value, or
  // FALLBACK when type-graphql must convert it.
  const readers: ((root: any, args: any, context: any, info: GraphQLResolveInfo) => unknown)[] = [];
  for (const param of params) {
    if ('validateSettings' in param && param.validateSettings !== undefined) return undefined;
    if ('validateFn' in param && param.validateFn !== undefined) return undefined;
    switch (param.kind) {
      case 'context': {
        const property = param.propertyName;
        readers.push(property ? (_r, _a, context) => context[property] : (_r, _a, context) => context);
        break;
      }
      case 'info':
        readers.push((_r, _a, _c, info) => info);
        break;
      case 'root': {
        const property = param.propertyName;
        const getType = param.getType;
        readers.push((root) => {
          const value = property ? root[property] : root;
          if (!getType || value == null) return value;
          return value instanceof (getType() as Function) ? value : FALLBACK;
        });
        break;
      }
      case 'arg': {
        const name = param.name;
        readers.push((_r, args) => {
          const value = args[name];
          return passesAsIs(value) ? value : FALLBACK;
        });
        break;
      }
      case 'args': {
        const ArgsClass = param.getType() as new () => object;
        const fields = argsFieldNames(ArgsClass);
        if (!fields) return undefined;
        // type-graphql keeps the class's initial values that are defined, then assigns the given fields.
        const initial = Object.entries(new ArgsClass()).filter(([, value]) => value !== undefined);
        readers.push((_r, args) => {
          const instance = Object.create(ArgsClass.prototype) as Record<string, unknown>;
          for (const [key, value] of initial) instance[key] = value;
          for (const name of fields) {
            const value = args[name];
            if (value === undefined) continue;
            if (!passesAsIs(value)) return FALLBACK;
            instance[name] = value;
          }
          return instance;
        });
        break;
      }
      default:
        return undefined;
    }
  }

  const count = readers.length;
  return (root, args, context, info) => {
    const values = new Array<unknown>(count);
    for (let i = 0; i < count; i++) {
      const value = readers[i]!(root, args, context, info);
      if (value === FALLBACK) return original(root, args, context, info);
      values[i] = value;
    }
    return (method as (...values: unknown[]) => unknown).apply(instance, values);
  };
}

const FALLBACK = Symbol('type-graphql converts this call');

/** The GraphQL field names of an @ArgsType class and its @ArgsType ancestors; undefined if it is not one. */
function argsFieldNames(target: Function): string[] | undefined {
  const storage = getMetadataStorage();
  const own = storage.argumentTypes.find((t) => t.target === target);
  if (!own) return undefined;
  const names = new Set<string>((own.fields ?? []).map((f) => f.name));
  for (let parent = Object.getPrototypeOf(target); parent?.prototype !== undefined; parent = Object.getPrototypeOf(parent)) {
    for (const f of storage.argumentTypes.find((t) => t.target === parent)?.fields ?? []) names.add(f.name);
  }
  return [...names];
}

/**
 * type-graphql wraps every interface's and union's `resolveType` in an `async` function, so the
 * type of every Node, search result or anchor arrives as a promise. graphql-js awaits it;
 * graphql-jit (compiled-executor.ts) expects a type name and fails with "must resolve to an Object
 * type". Our resolveType functions are synchronous (they read the row's class), so the wrapper is
 * replaced by one that calls them directly and, like type-graphql's, turns a class into its name.
 */
function synchronousTypeResolvers(
  schema: GraphQLSchema,
  storage: ReturnType<typeof getMetadataStorage>,
  typeNameOf: (target: Function | undefined) => string | undefined,
): number {
  const declared = [
    ...storage.interfaceTypes.map((t) => ({ name: t.name, resolveType: t.resolveType })),
    ...storage.unions.map((u) => ({ name: u.name, resolveType: u.resolveType })),
  ];
  let replaced = 0;
  for (const { name, resolveType } of declared) {
    const type = schema.getType(name);
    if (!resolveType || !isAbstractType(type)) continue;
    const synchronous: GraphQLTypeResolver<unknown, unknown> = (value, context, info, abstractType) => {
      const resolved = (resolveType as (...a: unknown[]) => unknown)(value, context, info, abstractType);
      if (resolved == null) return undefined;
      if (typeof resolved === 'string') return resolved;
      if (typeof resolved === 'function') return typeNameOf(resolved);
      throw new Error(`resolveType of ${name} must answer synchronously (execution/lean-resolvers.ts)`);
    };
    type.resolveType = synchronous;
    replaced++;
  }
  return replaced;
}

/**
 * type-graphql gives every plain `@Field` a resolver that runs its middleware chain to read
 * `root[property]`. graphql-jit cannot inline a field that has a resolver: it calls it through
 * its general path, which per call makes a resolve-info object, the response path as a chain of
 * objects and three closures. On a page of 20 organizations with their streets that was over a
 * third of the request's allocations (heap-sampling profile; apps/server/README.md, "Execution").
 * A field left without a resolver is read as `parent.field`, inline, by graphql-jit and by
 * graphql-js's default resolver alike.
 *
 * Dropped only where that reading is exactly what type-graphql's resolver does and can only give a
 * plain value: fields of entity classes that are TypeORM columns of the class, and fields of
 * classes declared `plainValues` (their objects hold plain values in own properties) — never a
 * getter, never a promise — with the property's own name, no field resolver, no middlewares and
 * no authorization roles. Everything else — getters, connection objects (whose `totalCount` is a
 * promise), computed figures — keeps its resolver.
 */
function dropColumnResolvers(schema: GraphQLSchema, storage: ReturnType<typeof getMetadataStorage>): number {
  const columns = getMetadataArgsStorage().columns;
  let dropped = 0;
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const lineage = classLineage(objectType.target);
    const plain = lineage.some((c) => plainValueClasses.has(c));
    const columnProperties = new Set(columns.filter((c) => lineage.includes(c.target as Function)).map((c) => c.propertyName));
    if (columnProperties.size === 0 && !plain) continue;
    for (const [name, field] of Object.entries(type.getFields())) {
      if (!field.resolve || !(plain || columnProperties.has(name))) continue;
      if (storage.fieldResolvers.some((r) => r.schemaName === name && lineage.includes(r.getObjectType?.() as Function))) continue;
      const metadata = storage.fields.find((f) => f.schemaName === name && lineage.includes(f.target));
      if (!metadata || metadata.name !== name || (metadata.middlewares?.length ?? 0) > 0 || metadata.roles !== undefined) continue;
      if (lineage.some((c) => Object.getOwnPropertyDescriptor(c.prototype, name) !== undefined)) continue;
      field.resolve = undefined;
      dropped++;
    }
  }
  return dropped;
}

const plainValueClasses = new Set<Function>();

/**
 * Declares GraphQL object classes whose objects carry every field as a plain value in an own
 * property (no getter, no promise, no method): their fields then need no resolver (see
 * dropColumnResolvers). Called next to the class, before the schema is built.
 */
export function plainValues(...classes: Function[]): void {
  for (const c of classes) plainValueClasses.add(c);
}
