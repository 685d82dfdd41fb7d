import { expect } from 'vitest';
import type { TestApp } from './helpers.js';

/** The row id inside a global id ("Type:id", base64url), for assertions only: clients never parse ids. */
export function rowId(globalId: string): number {
  return Number(Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]);
}

export function globalId(typeName: string, id: number): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

interface PageResult {
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

async function page(app: TestApp, field: string, args: string, paging: string, variables: Record<string, unknown>): Promise<PageResult> {
  const declared = ['after', 'before'].filter((name) => paging.includes(`$${name}`)).map((name) => `$${name}: String`);
  const query = `query ${declared.length ? `(${declared.join(', ')})` : ''} {
    list: ${field}(${args} ${paging}) {
      edges { cursor node { id } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      totalCount
    }
  }`;
  const { body } = await app.gql<{ list: PageResult }>(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data!.list;
}

/**
 * Walks the whole list `field(args)` forward (first/after) and backward (last/before) in pages
 * of `size`, and checks both walks give the one-page answer: no duplicate, no gap, same order,
 * and pageInfo / totalCount consistent on every page. Returns the row ids in list order.
 */
export async function walkBothWays(app: TestApp, field: string, args = '', size = 2): Promise<number[]> {
  const all = await page(app, field, args, 'first: 100', {});
  const expected = all.edges.map((e) => rowId(e.node.id));
  expect(new Set(expected).size).toBe(expected.length);
  expect(all.totalCount).toBe(expected.length);

  const forward: number[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const result: PageResult = await page(app, field, args, `first: ${size}, after: $after`, { after });
    forward.push(...result.edges.map((e) => rowId(e.node.id)));
    expect(result.totalCount).toBe(expected.length);
    expect(result.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!result.pageInfo.hasNextPage) break;
    expect(result.edges).toHaveLength(size);
    after = result.pageInfo.endCursor;
  }
  expect(forward).toEqual(expected);

  const backward: number[] = [];
  let before: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const result: PageResult = await page(app, field, args, `last: ${size}, before: $before`, { before });
    backward.unshift(...result.edges.map((e) => rowId(e.node.id)));
    expect(result.pageInfo.hasNextPage).toBe(before !== null);
    if (!result.pageInfo.hasPreviousPage) break;
    expect(result.edges).toHaveLength(size);
    before = result.pageInfo.startCursor;
  }
  expect(backward).toEqual(expected);
  return expected;
}

/** `first: 101` is refused with BAD_USER_INPUT naming the argument, at the field's path. */
export async function expectPageSizeRefused(app: TestApp, field: string, args = ''): Promise<void> {
  const { body } = await app.gql(`{ ${field}(${args} first: 101) { totalCount } }`);
  expect(body.errors).toHaveLength(1);
  expect(body.errors![0]!.path).toEqual([field]);
  expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['first'], reason: 'PAGINATION' });
}

/** Row ids of `field(args)` in list order (first 100). */
export async function ids(app: TestApp, field: string, args = ''): Promise<number[]> {
  const query = `{ list: ${field}(${args} first: 100) { nodes { id } } }`;
  const { body } = await app.gql<{ list: { nodes: { id: string }[] } }>(query);
  expect(body.errors).toBeUndefined();
  return body.data!.list.nodes.map((n) => rowId(n.id));
}
