/**
 * A load interrupted after its data committed (the process killed while indexes were being
 * built) must be finished by the next load, and never be mistaken for data to protect.
 */
import { createTestDatabase, type TestDatabase } from '@liangxin/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DatasetExistsError } from './errors.js';
import { hasDataset, loadDataset } from './load.js';

let db: TestDatabase;
let client: pg.Client;
const options = { scale: 0.02, seed: 5, asOf: '2026-11-28' };

async function schema(): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public'
     UNION ALL SELECT conname FROM pg_constraint WHERE connamespace = 'public'::regnamespace
     UNION ALL SELECT tgname || ':' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
     ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

beforeAll(async () => {
  db = await createTestDatabase(inject('pgServerUrl'), inject('pgTemplate'));
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await db?.drop();
});

describe('loading again', () => {
  it('restores the schema exactly as the migrations made it', async () => {
    const migrated = await schema();
    await loadDataset(db.url, options);
    expect(await schema()).toEqual(migrated);
    await loadDataset(db.url, { ...options, replace: true });
    expect(await schema()).toEqual(migrated);
  });

  it('refuses data it did not load, without replace', async () => {
    await expect(loadDataset(db.url, options)).rejects.toBeInstanceOf(DatasetExistsError);
    await client.query(`DELETE FROM dataset`);
    // Organizations typed in by hand are data too.
    expect(await hasDataset(db.url)).toBe(true);
    await expect(loadDataset(db.url, options)).rejects.toBeInstanceOf(DatasetExistsError);
  });

  it('finishes a load that died while building indexes', async () => {
    const migrated = await schema();
    await loadDataset(db.url, { ...options, replace: true });
    // What a load killed after its data committed leaves: a LOADING row, indexes missing.
    const gone = ['organization_name_trgm_idx', 'visit_visited_on_idx'];
    const defs = await client.query<{ indexname: string; tablename: string; indexdef: string }>(
      `SELECT indexname, tablename, indexdef FROM pg_indexes WHERE indexname = ANY($1::text[])`,
      [gone],
    );
    for (const name of gone) await client.query(`DROP INDEX ${name}`);
    await client.query(`UPDATE dataset SET checksum = 'LOADING', row_counts = $1`, [
      JSON.stringify({ pending: defs.rows.map((d) => ({ kind: 'index', table: d.tablename, name: d.indexname, def: d.indexdef })) }),
    ]);
    expect(await hasDataset(db.url)).toBe(false);

    const report = await loadDataset(db.url, options);
    expect(await schema()).toEqual(migrated);
    expect(await hasDataset(db.url)).toBe(true);
    const { rows } = await client.query<{ checksum: string }>(`SELECT checksum FROM dataset`);
    expect(rows).toEqual([{ checksum: report.checksum }]);
  });

  it('leaves nothing when it fails after the first transaction committed', async () => {
    const migrated = await schema();
    // Refuse activities (loaded in the second transaction) with a trigger of the test's own.
    await client.query(`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`);
    await client.query(`CREATE TRIGGER refuse BEFORE INSERT ON activity FOR EACH ROW EXECUTE FUNCTION refuse()`);
    try {
      await expect(loadDataset(db.url, { ...options, replace: true })).rejects.toThrow(/refused/);
    } finally {
      await client.query(`DROP TRIGGER refuse ON activity`);
      await client.query(`DROP FUNCTION refuse()`);
    }
    expect(await schema()).toEqual(migrated);
    const { rows } = await client.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM organization) + (SELECT count(*) FROM area) + (SELECT count(*) FROM dataset) AS n`,
    );
    expect(Number(rows[0].n)).toBe(0);
    expect(await hasDataset(db.url)).toBe(false);
  });
});
