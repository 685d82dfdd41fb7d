import type { TestDatabase } from '@liangxin/db';
import pg from 'pg';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/helpers.js';
import { createDataSource } from './data-source.js';
import { parseInt4ArrayWith, parseInt8, parseTimestamptzWith, PG_OID } from './pg-types.js';

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

describe('int4[]', () => {
  const pgParser = (pg.types.getTypeParser as (oid: number, format: 'text') => unknown)(PG_OID.INT4_ARRAY, 'text') as (text: string) => unknown;
  const parse = parseInt4ArrayWith(pgParser);

  it("gives the array pg's own parser gives, for plain paths and every other shape", () => {
    const texts = ['{}', '{1}', '{1,2,3}', '{-5,0,2147483647}', '{1,NULL,3}', '{{1,2},{3,4}}', '[0:1]={7,8}', '{"1","2"}'];
    for (let i = 0; i < 200; i++) texts.push(`{${Array.from({ length: 1 + (i % 6) }, (_, j) => (i * 7919 + j * 104729) % 100000).join(',')}}`);
    for (const text of texts) expect(parse(text), text).toEqual(pgParser(text));
  });

  it('reads int[] columns through the server pool', async () => {
    const [row] = await dataSource.query(`SELECT '{3,1,2}'::int[] AS plain, ARRAY[1, NULL]::int[] AS with_null, '{}'::int[] AS empty`);
    expect(row).toEqual({ plain: [3, 1, 2], with_null: [1, null], empty: [] });
  });
});

describe('timestamptz', () => {
  const pgParser = pg.types.getTypeParser(PG_OID.TIMESTAMPTZ, 'text') as (text: string) => unknown;
  const parse = parseTimestamptzWith(pgParser);

  it('gives the Date that pg\'s own parser gives, for every shape PostgreSQL sends and a few it does not', () => {
    const texts: string[] = ['infinity', '-infinity', '0099-03-01 00:00:00+00', '2024-01-01 00:00:00+00 BC', '2024-01-01T00:00:00Z'];
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let i = 0; i < 2000; i++) {
      const fraction = ['', '.5', '.487', '.000001', '.999999', `.${pad(next(1000000), 6)}`][next(6)];
      const zone = ['+00', '+08', '-03:30', '+05:45', '-11', '+14'][next(6)];
      texts.push(`${1000 + next(9000)}-${pad(1 + next(12))}-${pad(1 + next(28))} ${pad(next(24))}:${pad(next(60))}:${pad(next(60))}${fraction}${zone}`);
    }
    for (const text of texts) {
      const ours = parse(text);
      const theirs = pgParser(text);
      expect(ours instanceof Date ? ours.getTime() : ours, text).toEqual(theirs instanceof Date ? theirs.getTime() : theirs);
    }
  });

  it('reads what PostgreSQL sends in any session time zone as the same instant', async () => {
    for (const zone of ['UTC', 'Asia/Shanghai', 'America/St_Johns', 'Asia/Kathmandu']) {
      const runner = dataSource.createQueryRunner();
      try {
        await runner.query(`SET TIME ZONE '${zone}'`);
        const [row] = await runner.query(
          `SELECT t, (extract(epoch FROM t) * 1000)::float8 AS ms FROM (SELECT '2025-06-30 23:59:58.123456+08'::timestamptz AS t) x`,
        );
        expect(row.t).toBeInstanceOf(Date);
        expect(row.t.getTime()).toBe(Math.trunc(row.ms));
      } finally {
        await runner.release();
      }
    }
  });
});
