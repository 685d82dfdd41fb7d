import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestDatabase } from '@liangxin/db';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { auditServer, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertJinanFixture, startTestApp, testDatabase, type TestApp } from '../test/helpers.js';

// graphql-http's audit of the GraphQL-over-HTTP spec (MUST / SHOULD / MAY items) against the real
// server over real HTTP. Every MUST has to pass ('error' is a failed MUST); the counts go into the
// root README ("GraphQL over HTTP").

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await testDatabase();
  await insertJinanFixture(db.url);
  app = await startTestApp(db.url);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('GraphQL over HTTP audit (graphql-http auditServer)', () => {
  it('fails no MUST of the spec', async () => {
    // As a signed-in client: an anonymous one gets 401 for everything but signIn.
    const fetchFn = (input: string | URL | Request, init: RequestInit = {}) =>
      fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers).entries()), authorization: app.adminAuthorization } });
    const results = await auditServer({ url: `${app.url}/graphql`, fetchFn });
    const count = (status: AuditResult['status']) => results.filter((r) => r.status === status).length;
    const counts = { total: results.length, ok: count('ok'), notice: count('notice'), warn: count('warn'), error: count('error') };
    const failures = results.flatMap((r) => (r.status === 'ok' ? [] : [`${r.status.padEnd(6)} ${r.id} ${r.name}: ${r.reason}`]));
    console.log(`graphql-http audit: ${JSON.stringify(counts)}\n${failures.join('\n')}`);

    expect(counts.total).toBeGreaterThan(0);
    expect(failures.filter((line) => line.startsWith('error'))).toEqual([]);
  });
});

/** The documented operations (docs/queries, compiled into @liangxin/schema), each with the fragments it spreads. */
function documentedOperations(): { name: string; query: string; variables: Record<string, unknown> }[] {
  const dir = fileURLToPath(new URL('../../../docs/queries/', import.meta.url));
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.graphql'));
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: { operation: OperationDefinitionNode; text: string }[] = [];
  for (const file of files) {
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    for (const definition of parse(text).definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      if (definition.kind === Kind.OPERATION_DEFINITION) operations.push({ operation: definition, text });
    }
  }
  return operations.map(({ operation, text }) => {
    const used = new Map<string, DefinitionNode>();
    const collect = (node: DefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (fragment && !used.has(spread.name.value)) {
            used.set(spread.name.value, fragment);
            collect(fragment);
          }
        },
      });
    collect(operation);
    // The example in the file's comment: `#   variables: { ... }`.
    const example = /^#\s*variables:\s*(\{.*\})\s*$/m.exec(text);
    return {
      name: operation.name?.value ?? '(anonymous)',
      query: [operation, ...used.values()].map((d) => print(d)).join('\n\n'),
      variables: example ? (JSON.parse(example[1]!) as Record<string, unknown>) : {},
    };
  });
}

describe('the documented operations (docs/queries)', () => {
  it.each(documentedOperations())('$name answers its example over HTTP without errors', async ({ query, variables }) => {
    const { status, body } = await app.gql(query, variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    for (const [field, value] of Object.entries(body.data ?? {})) expect(value, `${field} is null on the Jinan fixture`).not.toBeNull();
  });
});
