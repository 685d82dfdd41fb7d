import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '@liangxin/datagen';
import type { TestDatabase } from '@liangxin/db';
import {
  buildSchema,
  getNamedType,
  Kind,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testDatabase, type TestApp } from '../test/helpers.js';

/**
 * docs/analyst-guide.md cannot rot: every ```graphql block in it is run, as written (variables at
 * their defaults), against the live server on the demo data set, and must answer without errors
 * and with something in every root field. A query that comes back empty on the demo data is a
 * poor example: change the query (its scope, its dates), not this test.
 */

const GUIDE = fileURLToPath(new URL('../../../docs/analyst-guide.md', import.meta.url));
const SDL = fileURLToPath(new URL('../../../packages/schema/schema.graphql', import.meta.url));

interface GuideQuery {
  /** The operation's name, e.g. BlindSpotCandidates. */
  name: string;
  /** The text of the block. */
  query: string;
  operation: OperationDefinitionNode;
  /** How many definitions the block holds (1: one operation, no fragments). */
  definitions: number;
}

function guideQueries(): GuideQuery[] {
  const markdown = readFileSync(GUIDE, 'utf8');
  return [...markdown.matchAll(/^```graphql[^\S\n]*\n([\s\S]*?)^```[^\S\n]*$/gm)].map(([, query], index) => {
    const document = parse(query!);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (!operation) throw new Error(`graphql block ${index + 1} of the guide holds no operation`);
    return { name: operation.name?.value ?? `(anonymous block ${index + 1})`, query: query!, operation, definitions: document.definitions.length };
  });
}

/**
 * Whether an answer holds anything: a non-empty list, a non-zero number, a non-empty string or
 * `true`, at any depth. An object holds something when one of its fields does, so a connection
 * with `totalCount: 0` and no nodes, or a null object, holds nothing.
 */
function holdsSomething(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value).some(holdsSomething);
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.length > 0;
  return value === true;
}

/** The connection fields of an operation that are asked without `first` (or `last`): unbounded pages. */
function connectionsWithoutFirst(operation: OperationDefinitionNode, schema = buildSchema(readFileSync(SDL, 'utf8'))): string[] {
  const typeInfo = new TypeInfo(schema);
  const missing: string[] = [];
  visit(
    operation,
    visitWithTypeInfo(typeInfo, {
      Field(field) {
        const type = typeInfo.getType();
        if (!type || !getNamedType(type).name.endsWith('Connection')) return;
        const args = new Set(field.arguments?.map((a) => a.name.value));
        if (!args.has('first') && !args.has('last')) missing.push(field.alias?.value ?? field.name.value);
      },
    }),
  );
  return missing;
}

describe('docs/analyst-guide.md', () => {
  const queries = guideQueries();

  it('has at least 15 queries, each one named operation, the names unique', () => {
    expect(queries.length).toBeGreaterThanOrEqual(15);
    for (const q of queries) {
      expect(q.operation.name, `block: ${q.query.slice(0, 60)}`).toBeDefined();
      expect(q.operation.operation).toBe('query');
      expect(q.definitions, `${q.name}: one operation per block, no fragments`).toBe(1);
    }
    const names = queries.map((q) => q.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('asks every list with `first` (bounded pages)', () => {
    const schema = buildSchema(readFileSync(SDL, 'utf8'));
    const unbounded = queries.flatMap((q) => connectionsWithoutFirst(q.operation, schema).map((field) => `${q.name}: ${field}`));
    expect(unbounded).toEqual([]);
  });

  it('holdsSomething tells an empty answer from a real one', () => {
    expect(holdsSomething({ a: { totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } })).toBe(false);
    expect(holdsSomething({ organization: null })).toBe(false);
    expect(holdsSomething({ a: { totalCount: 3 } })).toBe(true);
    expect(holdsSomething({ a: { nodes: [{ name: 'x' }] } })).toBe(true);
  });

  describe('every query runs on the demo data and answers something', () => {
    let db: TestDatabase;
    let app: TestApp;

    beforeAll(async () => {
      db = await testDatabase();
      await loadDataset(db.url, { scale: 0.05, seed: 1, asOf: '2026-11-28' });
      app = await startTestApp(db.url);
    });

    afterAll(async () => {
      await app?.close();
      await db?.drop();
    });

    it.each(queries)('$name', async ({ query }) => {
      const { status, body } = await app.gql(query);
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      expect(body.data).toBeTruthy();
      // Every root field (alias) of the operation holds something, not just one of them.
      const empty = Object.entries(body.data!).flatMap(([field, value]) => (holdsSomething(value) ? [] : [field]));
      expect(empty, `root fields with an empty answer: ${JSON.stringify(body.data).slice(0, 500)}`).toEqual([]);
    });
  });
});
