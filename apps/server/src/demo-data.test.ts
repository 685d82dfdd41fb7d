import type { LoadReport } from '@liangxin/datagen';
import type { TestDatabase } from '@liangxin/db';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertJinanFixture, sql, testDatabase } from '../test/helpers.js';
import { ensureDemoData, type Datagen } from './demo-data.js';

let db: TestDatabase;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  db = await testDatabase();
});

afterAll(async () => {
  await db?.drop();
});

function fakeDatagen(hasDataset: boolean) {
  const report: LoadReport = { scale: 0.5, seed: 3, asOf: '2026-11-28', checksum: 'abc', rowCounts: {} as LoadReport['rowCounts'], millis: 5, phaseMillis: {} };
  return {
    hasDataset: vi.fn(async () => hasDataset),
    loadDataset: vi.fn(async () => report),
  } satisfies Datagen;
}

describe('ensureDemoData', () => {
  it('loads into an empty database', async () => {
    const datagen = fakeDatagen(false);
    const outcome = await ensureDemoData(db.url, { scale: 0.5, seed: 3, log, datagen });
    expect(outcome).toEqual({ loaded: true, checksum: 'abc', millis: 5, rowCounts: {} });
    expect(datagen.loadDataset).toHaveBeenCalledWith(db.url, expect.objectContaining({ scale: 0.5, seed: 3 }));
  });

  it('reuses a loaded data set without asking the generator', async () => {
    await sql(db.url, `INSERT INTO dataset (name, scale, seed, checksum, as_of, row_counts) VALUES ('jinan', 1, 1, 'x', '2026-11-28', '{}')`);
    try {
      const datagen = fakeDatagen(true);
      expect(await ensureDemoData(db.url, { scale: 1, seed: 1, log, datagen })).toEqual({ loaded: false, reason: 'dataset present' });
      expect(datagen.hasDataset).not.toHaveBeenCalled();
      expect(datagen.loadDataset).not.toHaveBeenCalled();
    } finally {
      await sql(db.url, 'TRUNCATE dataset');
    }
  });

  it('finishes a first load that was interrupted (the generator marks it LOADING)', async () => {
    await sql(db.url, `INSERT INTO dataset (name, scale, seed, checksum, as_of, row_counts) VALUES ('jinan', 1, 1, 'LOADING', '2026-11-28', '{}')`);
    try {
      const datagen = fakeDatagen(false);
      const outcome = await ensureDemoData(db.url, { scale: 1, seed: 1, log, datagen });
      expect(outcome).toMatchObject({ loaded: true });
      expect(datagen.loadDataset).toHaveBeenCalledOnce();
    } finally {
      await sql(db.url, 'TRUNCATE dataset');
    }
  });

  it('never mixes fictitious data into a database holding other data', async () => {
    await insertJinanFixture(db.url);
    try {
      const datagen = fakeDatagen(true);
      expect(await ensureDemoData(db.url, { scale: 1, seed: 1, log, datagen })).toEqual({
        loaded: false,
        reason: 'database holds other data',
      });
      expect(datagen.loadDataset).not.toHaveBeenCalled();
    } finally {
      await sql(db.url, 'TRUNCATE organization, business_district, building, park, area CASCADE');
    }
  });
});

describe('@liangxin/datagen', () => {
  it('says an empty migrated database has no data set, and one with areas has', async () => {
    const { hasDataset } = await import('@liangxin/datagen');
    expect(await hasDataset(db.url)).toBe(false);
    await insertJinanFixture(db.url);
    try {
      expect(await hasDataset(db.url)).toBe(true);
    } finally {
      await sql(db.url, 'TRUNCATE organization, business_district, building, park, area CASCADE');
    }
  });
});
