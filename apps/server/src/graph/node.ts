import { Field, ID, InterfaceType } from 'type-graphql';
import { toGlobalId } from '../relay/cursor.js';

/**
 * Relay's Node interface. Every node type's class extends `Node` and is registered here with its
 * GraphQL name, so that `id` is a global, opaque id (base64url of "Type:rowId") and `node(id)`
 * can tell from an id which table to read.
 */

const typeNames = new Map<object, string>();

/** Declares the GraphQL name of a node class (called next to its @ObjectType). */
export function registerNodeType(nodeClass: object, typeName: string): void {
  typeNames.set(nodeClass, typeName);
}

export function nodeTypeName(value: object): string | undefined {
  return typeNames.get(Object.getPrototypeOf(value)?.constructor);
}

@InterfaceType('Node', {
  description: 'An object with a global, opaque id (全局唯一标识), fetchable with `node(id)` (Relay Node).',
  resolveType: (value: object) => nodeTypeName(value),
})
export abstract class Node {
  /** The row id in its table. Not exposed: clients see the global id. */
  abstract id: number;

  @Field(() => ID, {
    name: 'id',
    description: 'Global, opaque id of this object; pass it to `node(id)` or as a scope. Do not parse it.',
  })
  get globalId(): string {
    const typeName = nodeTypeName(this);
    if (!typeName) throw new Error(`${this.constructor.name} is not a registered node type`);
    return toGlobalId(typeName, this.id);
  }
}
