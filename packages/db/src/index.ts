export { migrations } from './migrations/index.js';
export { runMigrations, revertAllMigrations, pendingMigrationNames, MIGRATIONS_TABLE } from './migrate.js';
export { startEmbeddedPostgres, ensureDatabase } from './embedded.js';
export type { EmbeddedPostgresOptions, EmbeddedPostgresHandle } from './embedded.js';
export { resolveDatabase, redactUrl } from './database.js';
export type { DatabaseTarget } from './database.js';
export { findProjectRoot, defaultDataDir } from './project-root.js';
export { startTestPostgres, createTestDatabase, createEmptyDatabase, databaseUrl, vitestGlobalSetup } from './testing.js';
export type { TestPostgres, TestDatabase } from './testing.js';
