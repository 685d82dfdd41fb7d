import { DataSource } from 'typeorm';
import { migrations } from './migrations/index.js';

/**
 * Applies every pending migration in its own transaction. The server runs this at start and
 * the tests build their schema through it, so no schema exists that the migrations did not make.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = migrationDataSource(url);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts every applied migration, newest first (used by the migration tests). */
export async function revertAllMigrations(url: string): Promise<number> {
  const dataSource = migrationDataSource(url);
  await dataSource.initialize();
  let reverted = 0;
  try {
    while ((await appliedCount(dataSource)) > 0) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      reverted++;
    }
    return reverted;
  } finally {
    await dataSource.destroy();
  }
}

/** Names of the migrations not yet applied to the database at `url`. */
export async function pendingMigrationNames(url: string): Promise<string[]> {
  const dataSource = migrationDataSource(url);
  await dataSource.initialize();
  try {
    const done = new Set(await appliedNames(dataSource));
    return migrations.map((m) => m.name).filter((name) => !done.has(name));
  } finally {
    await dataSource.destroy();
  }
}

export const MIGRATIONS_TABLE = 'migrations';

function migrationDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    logging: false,
  });
}

async function appliedNames(dataSource: DataSource): Promise<string[]> {
  const exists = await dataSource.query(`SELECT to_regclass($1) AS t`, [MIGRATIONS_TABLE]);
  if (!exists[0]?.t) return [];
  const rows: { name: string }[] = await dataSource.query(`SELECT name FROM ${MIGRATIONS_TABLE}`);
  return rows.map((r) => r.name);
}

async function appliedCount(dataSource: DataSource): Promise<number> {
  return (await appliedNames(dataSource)).length;
}
