import type { TestDatabase } from '@liangxin/db';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/helpers.js';
import { insertPlacesFixture } from '../../test/places-fixture.js';
import { Area } from '../graph/area/area.entity.js';
import { oneBy } from './batch.js';
import { createDataSource } from './data-source.js';
import type { StatementCounter } from './statement-counter.js';

let db: TestDatabase;
let dataSource: DataSource;
let statements: StatementCounter;

beforeAll(async () => {
  db = await testDatabase();
  await insertPlacesFixture(db.url);
  ({ dataSource, statements } = createDataSource({ url: db.url, logger: pino({ level: 'silent' }) }));
  await dataSource.initialize();
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

describe('RowLoader.peek: the row at once when this request already holds it', () => {
  it('holds nothing until a row is loaded or primed, then the very row, without a statement', async () => {
    const areas = oneBy<Area, number>(dataSource.manager, Area, 'id');
    const [{ id }] = (await dataSource.query(`SELECT id FROM area ORDER BY id LIMIT 1`)) as { id: number }[];
    expect(areas.peek(id)).toBeUndefined();
    const loaded = await areas.load(id);
    expect(loaded).toBeInstanceOf(Area);
    const { result, statements: sent } = await statements.capture(async () => areas.peek(id));
    expect(result).toBe(loaded);
    expect(sent).toEqual([]);
  });

  it('keeps no null for a missing row, and forgets everything on clearAll, as DataLoader does', async () => {
    const areas = oneBy<Area, number>(dataSource.manager, Area, 'id');
    expect(await areas.load(99_999_999)).toBeNull();
    expect(areas.peek(99_999_999)).toBeUndefined();
    const [row] = (await dataSource.manager.find(Area, { take: 1, order: { id: 'ASC' } })) as Area[];
    areas.prime(row!.id, row!);
    expect(areas.peek(row!.id)).toBe(row);
    // A key already held keeps its row (DataLoader's prime changes nothing then either).
    areas.prime(row!.id, Object.assign(new Area(), row, { name: 'other' }));
    expect(areas.peek(row!.id)).toBe(row);
    expect(await areas.load(row!.id)).toBe(row);
    areas.clearAll();
    expect(areas.peek(row!.id)).toBeUndefined();
    areas.prime(row!.id, row!);
    areas.clear(row!.id);
    expect(areas.peek(row!.id)).toBeUndefined();
  });
});
