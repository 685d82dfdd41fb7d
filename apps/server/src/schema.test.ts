import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { getNamedType, GraphQLError, isEnumType, isInputObjectType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildLiangxinSchema, printLiangxinSchema } from './schema.js';
import { enumLiteral } from './sql/fragment.js';

/** The committed SDL: the contract clients build on, in @liangxin/schema (packages/schema). */
const SCHEMA_FILE = fileURLToPath(new URL('../../../packages/schema/schema.graphql', import.meta.url));

describe('schema', () => {
  it('matches the committed packages/schema/schema.graphql (npm run schema rewrites it)', async () => {
    const printed = await printLiangxinSchema();
    // Rewritten only on request (npm run schema), or when missing outside CI; CI only compares.
    if (process.env.UPDATE_SCHEMA === '1' || (!existsSync(SCHEMA_FILE) && !process.env.CI)) writeFileSync(SCHEMA_FILE, printed);
    const committed = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '';
    expect(committed, 'packages/schema/schema.graphql differs from the schema the server builds: run npm run schema (and commit it)').toBe(printed);
  });

  it('describes every type, field, argument and enum value', async () => {
    const schema = await buildLiangxinSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      // The root operation types carry no description of their own (type-graphql makes them).
      if (!type.description && !['Query', 'Mutation'].includes(type.name)) missing.push(type.name);
      if (isObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('has filter enums whose values can be written into SQL as literals (graph/filters.ts oneOfEnum)', async () => {
    const schema = await buildLiangxinSchema();
    const refused: string[] = [];
    let checked = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type) || !type.name.endsWith('Filter')) continue;
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (!isEnumType(named)) continue;
        for (const value of named.getValues()) {
          checked++;
          try {
            enumLiteral(value.value);
          } catch {
            refused.push(`${type.name}.${field.name}: ${named.name}.${value.name} = ${JSON.stringify(value.value)}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(refused).toEqual([]);
  });

  it('is built on the one copy of graphql that Apollo and type-graphql use', () => {
    const require = createRequire(import.meta.url);
    expect(GraphQLError).toBe(require('graphql').GraphQLError);
  });
});

describe('decorators', () => {
  it('all carry an explicit type, so no runner depends on emitted design:type metadata', () => {
    const root = fileURLToPath(new URL('.', import.meta.url));
    const offenders: string[] = [];
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' });
    for (const file of files) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const text = readFileSync(`${root}/${file}`, 'utf8');
      const patterns = [/@Field\(\s*(\{|\))/g, /@Column\(\s*\)/g, /@Arg\(\s*'[^']+'\s*(,\s*\{|\))/g, /@(Query|Mutation|FieldResolver)\(\s*(\{|\))/g];
      for (const pattern of patterns) for (const match of text.matchAll(pattern)) offenders.push(`${file}: ${match[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
