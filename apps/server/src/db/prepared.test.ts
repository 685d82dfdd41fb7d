import type { TestDatabase } from '@liangxin/db';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/helpers.js';
import { createDataSource } from './data-source.js';
import { queryPrepared } from './prepared.js';
import type { StatementCounter } from './statement-counter.js';

let db: TestDatabase;
let dataSource: DataSource;
let statements: StatementCounter;

beforeAll(async () => {
  db = await testDatabase();
  // One connection: what one statement prepared, the next statement on the pool can see.
  ({ dataSource, statements } = createDataSource({ url: db.url, logger: pino({ level: 'silent' }), poolSize: 1 }));
  await dataSource.initialize();
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

const preparedOnConnection = async () =>
  ((await dataSource.query(`SELECT statement FROM pg_prepared_statements WHERE NOT from_sql`)) as { statement: string }[]).map((r) => r.statement);

describe('queryPrepared', () => {
  it('prepares a text once on the connection and answers like an unprepared statement', async () => {
    const text = 'SELECT n, n * 2 AS twice FROM unnest($1::int[]) AS n ORDER BY n';
    const { result, statements: sent } = await statements.capture(() => queryPrepared(dataSource.manager, text, [[3, 1, 2]]));
    expect(result).toEqual([
      { n: 1, twice: 2 },
      { n: 2, twice: 4 },
      { n: 3, twice: 6 },
    ]);
    // Counted like every other statement (request logs and statement-count tests rely on it).
    expect(sent).toEqual([text]);
    expect(await queryPrepared(dataSource.manager, text, [[5]])).toEqual([{ n: 5, twice: 10 }]);
    expect((await preparedOnConnection()).filter((s) => s === text)).toHaveLength(1);
  });

  it('inside a transaction runs on the transaction connection, unprepared', async () => {
    const text = 'SELECT count(*)::int AS n FROM unnest($1::int[])';
    const rows = await dataSource.transaction((manager) => queryPrepared(manager, text, [[1, 2]]));
    expect(rows).toEqual([{ n: 2 }]);
    expect(await preparedOnConnection()).not.toContain(text);
  });

  it('a failing statement rejects with the database error', async () => {
    await expect(queryPrepared(dataSource.manager, 'SELECT 1 / $1::int AS n', [0])).rejects.toThrow(/division by zero/);
  });
});
