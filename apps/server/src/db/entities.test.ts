import type { TestDatabase } from '@liangxin/db';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, testDatabase } from '../../test/helpers.js';
import { createDataSource } from './data-source.js';

/**
 * The migration is the schema's source of truth; the entities follow it. This compares them
 * column by column (name, type, nullability) in both directions, so a migration that adds or
 * changes a column fails here until the entity follows.
 */

let db: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  db = await testDatabase();
  dataSource = createDataSource({ url: db.url, logger: pino({ level: 'silent' }) }).dataSource;
  await dataSource.initialize();
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

interface DbColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  character_maximum_length: number | null;
}

/** TypeORM column type → information_schema data_type. */
const DATA_TYPE: Record<string, string> = {
  integer: 'integer',
  bigint: 'bigint',
  text: 'text',
  varchar: 'character varying',
  char: 'character',
  date: 'date',
  timestamptz: 'timestamp with time zone',
  boolean: 'boolean',
  'double precision': 'double precision',
  jsonb: 'jsonb',
};

/**
 * Tables the database derives and keeps itself (the coverage tally and its timelines, written
 * only by triggers, read by SQL in graph/coverage): no entity maps them, on purpose.
 */
const DERIVED_TABLES = ['coverage_tally', 'organization_coverage_timeline', 'party_organization_weak_timeline'];

describe('entities and migration', () => {
  it('map every table of the migration, and nothing else', async () => {
    const { rows } = await sql(
      db.url,
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations'
          AND table_name <> ALL($1::text[])
        ORDER BY 1`,
      [DERIVED_TABLES],
    );
    const tables = rows.map((r: { table_name: string }) => r.table_name);
    const mapped = dataSource.entityMetadatas.map((m) => m.tableName).sort();
    expect(mapped).toEqual(tables);
  });

  it('agree on every column: name, type, length, nullability', async () => {
    const { rows } = await sql(
      db.url,
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, character_maximum_length
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'migrations'
          AND table_name <> ALL($1::text[])`,
      [DERIVED_TABLES],
    );
    const inDatabase = new Map<string, DbColumn>((rows as DbColumn[]).map((c) => [`${c.table_name}.${c.column_name}`, c]));
    const inEntities = new Set<string>();
    const problems: string[] = [];

    for (const metadata of dataSource.entityMetadatas) {
      for (const column of metadata.columns) {
        const key = `${metadata.tableName}.${column.databaseName}`;
        if (inEntities.has(key)) continue; // a relation's join column repeats an explicit one
        inEntities.add(key);
        const actual = inDatabase.get(key);
        if (!actual) {
          problems.push(`${key}: mapped but not in the database`);
          continue;
        }
        const type = String(column.type);
        const expected = column.isArray ? 'ARRAY' : DATA_TYPE[type];
        if (expected === undefined) problems.push(`${key}: no expectation for TypeORM type ${type}`);
        else if (actual.data_type !== expected) problems.push(`${key}: entity ${type}${column.isArray ? '[]' : ''}, database ${actual.data_type}`);
        if (column.isArray && actual.udt_name !== `_${type === 'integer' ? 'int4' : type}`) {
          problems.push(`${key}: array of ${type}, database ${actual.udt_name}`);
        }
        if (column.length && Number(column.length) !== actual.character_maximum_length) {
          problems.push(`${key}: length ${column.length}, database ${actual.character_maximum_length}`);
        }
        const nullable = actual.is_nullable === 'YES';
        if (column.isNullable !== nullable) problems.push(`${key}: entity nullable=${column.isNullable}, database ${nullable}`);
      }
    }
    for (const key of inDatabase.keys()) if (!inEntities.has(key)) problems.push(`${key}: in the database but not mapped`);
    expect(problems).toEqual([]);
  });

  it('give every column an explicit type (bare @Column() would depend on decorator metadata)', () => {
    const untyped = dataSource.entityMetadatas.flatMap((m) =>
      m.columns.filter((c) => typeof c.type === 'function').map((c) => `${m.tableName}.${c.databaseName}`),
    );
    expect(untyped).toEqual([]);
  });
});
