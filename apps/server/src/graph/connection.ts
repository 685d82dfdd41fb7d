import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../relay/page.js';

/**
 * Relay connections (https://relay.dev/graphql/connections.htm). Every list of the API is one,
 * so clients page, count and cache every list the same way.
 */

@ObjectType('PageInfo', { description: 'Where a page sits in its list (Relay PageInfo, 分页信息).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether rows follow this page (more after `endCursor`).' })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: 'Whether rows precede this page (more before `startCursor`).' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first row of the page; null for an empty page.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last row of the page; null for an empty page.' })
  endCursor: string | null;
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Ascending (升序) or descending (降序). Ties are always broken by id in the same direction.',
  valuesConfig: {
    ASC: { description: 'Smallest first (升序).' },
    DESC: { description: 'Largest first (降序).' },
  },
});

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Rows after \`after\` (at most ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither first nor last is given).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor: rows after this one.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Rows before \`before\` (at most ${MAX_PAGE_SIZE}).` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor: rows before this one.' })
  before?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/**
 * What a connection resolver returns. `totalCount` is a getter, so the count is only computed
 * (one more statement) when a query reads the field.
 */
export interface ConnectionValue<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number> | number;
}

export interface ConnectionClasses {
  connection: ClassType;
  edge: ClassType;
}

/**
 * The `XConnection` and `XEdge` types of a node type. Call once per type at module level, next to
 * the node type, and use the returned class as the field's return type.
 */
export function connectionType<T extends object>(node: ClassType<T>, name: string, label: string): ClassType {
  @ObjectType(`${name}Edge`, { description: `An edge to one ${label}: the row and its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque cursor of this row, for `after` / `before`.' })
    cursor: string;

    @Field(() => node, { description: `The ${label}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${label} (Relay connection).` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The rows of this page with their cursors.' })
    edges: EdgeType[];

    @Field(() => [node], { description: 'The rows of this page (the edges without cursors).' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many rows the whole list has, under the same filter (计数), whatever the page.' })
    totalCount: number;
  }

  return ConnectionType;
}
