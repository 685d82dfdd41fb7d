import type { TestDatabase } from '@liangxin/db';
import pg from 'pg';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/helpers.js';
import { createDataSource } from './data-source.js';
import { parseInt8 } from './pg-types.js';

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

describe('the server pool reads', () => {
  it('bigint as number, date as its YYYY-MM-DD text, and their arrays alike', async () => {
    const [row] = await dataSource.query(`
      SELECT 100000000000::bigint AS fen, count(*) AS n, '2024-02-29'::date AS leap, '0001-01-01'::date AS early,
             ARRAY[1, NULL, 9007199254740991]::bigint[] AS fens, ARRAY['2024-01-01'::date, NULL] AS dates
        FROM generate_series(1, 3)`);
    expect(row).toEqual({
      fen: 100_000_000_000,
      n: 3,
      leap: '2024-02-29',
      early: '0001-01-01',
      fens: [1, null, Number.MAX_SAFE_INTEGER],
      dates: ['2024-01-01', null],
    });
  });

  it('refuses a bigint beyond 2^53 rather than round it', async () => {
    await expect(dataSource.query('SELECT 9007199254740993::bigint AS x')).rejects.toThrow(/safe integer/);
    // and the pool still works afterwards
    expect(await dataSource.query('SELECT 1::bigint AS one')).toEqual([{ one: 1 }]);
  });

  it('leaves the defaults of the shared pg module alone', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT 5::bigint AS n`);
      expect(rows[0].n).toBe('5');
    } finally {
      await client.end();
    }
  });
});

describe('parseInt8', () => {
  it('parses the safe range and rejects beyond', () => {
    expect(parseInt8('-9007199254740991')).toBe(-Number.MAX_SAFE_INTEGER);
    expect(() => parseInt8('9007199254740992')).toThrow(RangeError);
  });
});
