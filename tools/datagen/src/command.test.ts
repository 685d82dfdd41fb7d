import { createTestDatabase, type TestDatabase } from '@liangxin/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCommand } from './command.js';

let db: TestDatabase;

async function state(url: string): Promise<{ organizations: number; datasets: { seed: number; checksum: string; loaded_at: string }[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM organization`);
    const datasets = await client.query<{ seed: number; checksum: string; loaded_at: string }>(
      `SELECT seed, checksum, loaded_at::text FROM dataset ORDER BY id`,
    );
    return { organizations: rows[0].n, datasets: datasets.rows };
  } finally {
    await client.end();
  }
}

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCommand(args, { env: { DATABASE_URL: db.url }, stderr: (t) => (stderr += t) });
  return { code, stderr };
}

beforeAll(async () => {
  db = await createTestDatabase(inject('pgServerUrl'), inject('pgTemplate'));
});

afterAll(() => db?.drop());

describe('the datagen command', () => {
  it.each([
    [['--scale', '-1'], /--scale must be a positive finite number/],
    [['--scale', 'abc'], /--scale must be a positive finite number/],
    [['--scale', '0'], /positive finite number/],
    [['--scale', 'Infinity'], /--scale must be a positive finite number/],
    [['--scale', '1', '--seed', 'x'], /--seed must be an integer/],
    [['--as-of', '2026-13-01'], /asOf must be a real date/],
    [['--sclae', '1'], /Unknown option '--sclae'/],
    [['extra'], /Unexpected argument 'extra'/],
  ])('refuses %j with exit code 2 and leaves the database untouched', async (args, message) => {
    const before = await state(db.url);
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(await state(db.url)).toEqual(before);
  });

  it('loads, refuses a second load without --replace, and reloads with it', async () => {
    const first = await run(['--scale', '0.02', '--seed', '3', '--as-of', '2026-11-28']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/copied\s+organization\s+1,200 rows/);
    expect(first.stderr).toMatch(/checksum [0-9a-f]{64}/);
    const loaded = await state(db.url);
    expect(loaded.organizations).toBe(1200);
    expect(loaded.datasets).toHaveLength(1);

    const again = await run(['--scale', '0.02', '--seed', '4', '--as-of', '2026-11-28']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds data.*Pass --replace/);
    expect(again.stderr).toMatch(/数据库中已有数据.*请加上 --replace/);
    expect(await state(db.url)).toEqual(loaded);

    const replaced = await run(['--scale', '0.02', '--seed', '4', '--as-of', '2026-11-28', '--replace']);
    expect(replaced.code, replaced.stderr).toBe(0);
    const after = await state(db.url);
    expect(after.organizations).toBe(1200);
    expect(after.datasets).toHaveLength(1);
    expect(after.datasets[0].seed).toBe(4);
    expect(after.datasets[0].checksum).not.toBe(loaded.datasets[0].checksum);
  });
});
