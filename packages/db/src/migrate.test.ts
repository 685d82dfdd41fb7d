import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrations } from './migrations/index.js';
import { pendingMigrationNames, revertAllMigrations, runMigrations } from './migrate.js';
import { createEmptyDatabase, type TestDatabase } from './testing.js';

const DATA_TABLES = [
  'account', 'activity', 'area', 'audit_log', 'building', 'business_district', 'coverage_tally', 'dataset', 'fund_budget', 'fund_entry', 'instructor', 'integration_token',
  'liaison_point', 'member_unit', 'organization', 'organization_coverage_timeline', 'park', 'party_member', 'party_organization',
  'party_organization_coverage', 'party_organization_weak_timeline', 'session_key', 'visit', 'work_group_member', 'working_committee',
];

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`,
    );
    return rows.map((r) => r.tablename);
  } finally {
    await client.end();
  }
}

describe('migrations on a real PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createEmptyDatabase(inject('pgServerUrl'), 'migrate');
  });
  afterAll(() => db.drop());

  it('go up from nothing, then report nothing pending', async () => {
    expect(await pendingMigrationNames(db.url)).toEqual(migrations.map((m) => m.name));
    const applied = await runMigrations(db.url);
    expect(applied).toEqual(migrations.map((m) => m.name));
    expect(await pendingMigrationNames(db.url)).toEqual([]);
    expect(await tables(db.url)).toEqual(DATA_TABLES);
    // A second run is a no-op: start-up runs it every time.
    expect(await runMigrations(db.url)).toEqual([]);
  });

  it('go down to nothing and up again', async () => {
    expect(await revertAllMigrations(db.url)).toBe(migrations.length);
    expect(await tables(db.url)).toEqual([]);
    expect(await pendingMigrationNames(db.url)).toHaveLength(migrations.length);
    await runMigrations(db.url);
    expect(await tables(db.url)).toEqual(DATA_TABLES);
  });
});
