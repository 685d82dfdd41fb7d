import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, syncIdentities, testDatabase, type TestApp } from './helpers.js';

/** What a mutation test reaches: the database's url (for sql, snapshots) and the app's gql. */
export interface MutationTestApp {
  readonly db: Pick<TestDatabase, 'url'>;
  readonly app: Pick<TestApp, 'gql'>;
}

/**
 * The setup every mutation test file shares: in beforeAll a fresh migrated database, `fixture`
 * run on it, the identity sequences moved past the fixture's explicit ids (so mutations can
 * insert) and the app started on it; in afterAll both closed. Called at module scope; the handles
 * it returns read what beforeAll made, so they are used inside tests only.
 */
export function useMutationTestApp(fixture: (url: string) => Promise<void>): MutationTestApp {
  let db: TestDatabase | undefined;
  let app: TestApp | undefined;
  beforeAll(async () => {
    db = await testDatabase();
    await fixture(db.url);
    await syncIdentities(db.url);
    app = await startTestApp(db.url);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the mutation test app is used before beforeAll ran');
    return value;
  };
  return {
    db: {
      get url() {
        return started(db).url;
      },
    },
    app: {
      gql: <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
        started(app).gql<T>(query, variables, headers),
    },
  };
}
