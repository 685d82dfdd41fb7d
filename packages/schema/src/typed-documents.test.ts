import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, Kind, parse, print, validate, type DefinitionNode, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILE, SCHEMA_FILE, generateTypedDocuments } from '../scripts/codegen.mjs';
import * as documents from './index.js';

const QUERIES_DIR = fileURLToPath(new URL('../../../docs/queries/', import.meta.url));

function queryFiles(): { file: string; document: DocumentNode }[] {
  return readdirSync(QUERIES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file, document: parse(readFileSync(`${QUERIES_DIR}/${file}`, 'utf8')) }));
}

function nameOf(definition: DefinitionNode): string | undefined {
  return definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION ? definition.name?.value : undefined;
}

describe('typed documents', () => {
  it('src/generated/graphql.ts is what docs/queries and schema.graphql generate now (run npm run schema)', async () => {
    const committed = readFileSync(GENERATED_FILE, 'utf8');
    expect(committed, 'packages/schema/src/generated/graphql.ts is stale: run npm run schema').toBe(await generateTypedDocuments());
  });

  it('exports a TypedDocumentNode for every operation and fragment in every file of docs/queries', () => {
    const exported = documents as unknown as Record<string, DocumentNode>;
    const missing: string[] = [];
    for (const { file, document } of queryFiles()) {
      for (const definition of document.definitions) {
        const name = nameOf(definition);
        const key = definition.kind === Kind.FRAGMENT_DEFINITION ? `${name}FragmentDoc` : `${name}Document`;
        const generated = exported[key]?.definitions.find((d) => nameOf(d) === name);
        if (!generated || print(generated) !== print(definition)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has only named operations, each name once, valid against schema.graphql', () => {
    const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
    const files = queryFiles();
    const definitions = files.flatMap(({ file, document }) => document.definitions.map((definition) => ({ file, definition })));
    const names = definitions.map(({ file, definition }) => nameOf(definition) ?? `(anonymous in ${file})`);
    expect(names.filter((name) => name.startsWith('(anonymous'))).toEqual([]);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    // Fragments live in their own files: validate everything as one document.
    const all: DocumentNode = { kind: Kind.DOCUMENT, definitions: definitions.map(({ definition }) => definition) };
    expect(validate(schema, all).map((error) => error.message)).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
  });
});
