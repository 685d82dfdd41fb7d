import { loadDataset } from '@liangxin/datagen';
import { TALLY_FULL_MEMBERS, TALLY_WINDOW_DAYS, type TestDatabase } from '@liangxin/db';
import { addDays, DEFAULT_WINDOW_DAYS, FULL_MEMBERS_FOR_ORGANIZATION, makeCreditCode } from '@liangxin/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../sql/fragment.js';
import { sql, testDatabase } from '../../../test/helpers.js';
import { coverageStatement, placeGrouping, tallyPlacesStatement, toCountsRow, type CoveragePlace, type CountsRow } from './coverage.sql.js';

/**
 * The coverage tally is a cache of the measures, kept by triggers. It must give exactly what the
 * measures computed from the facts give — for every area, park, building and business district,
 * on dates before, inside and after the data, after a load, after every kind of write, and after
 * two writers touch the same street at once.
 */

const AS_OF = '2026-11-28';
const DATES = [
  addDays(AS_OF, -800),
  addDays(AS_OF, -365),
  addDays(AS_OF, -TALLY_WINDOW_DAYS),
  addDays(AS_OF, -TALLY_WINDOW_DAYS + 1),
  addDays(AS_OF, -1),
  AS_OF,
  addDays(AS_OF, 45),
  addDays(AS_OF, 200),
];
const PLACES: { place: CoveragePlace; table: string }[] = [
  { place: 'Area', table: 'area' },
  { place: 'Park', table: 'park' },
  { place: 'Building', table: 'building' },
  { place: 'BusinessDistrict', table: 'business_district' },
];

let db: TestDatabase;
let pool: pg.Pool;

async function query(statement: ReturnType<typeof coverageStatement>): Promise<CountsRow[]> {
  const { text, values } = render(statement);
  return (await pool.query(text, values)).rows.map(toCountsRow);
}

/** Every place on every date: the tally's answer and the facts' answer, side by side. */
async function compareEverywhere(): Promise<{ compared: number; differences: string[] }> {
  const differences: string[] = [];
  let compared = 0;
  for (const { place, table } of PLACES) {
    const ids = (await pool.query<{ id: number }>(`SELECT id FROM ${table} ORDER BY id`)).rows.map((r) => r.id);
    for (const asOf of DATES) {
      const at = { asOf, window: TALLY_WINDOW_DAYS };
      const [fromTally, fromFacts] = await Promise.all([query(tallyPlacesStatement(place, ids, at)), query(coverageStatement(placeGrouping(place, ids), at))]);
      const facts = new Map(fromFacts.map((r) => [r.key, r]));
      for (const row of fromTally) {
        compared += 1;
        const expected = { ...facts.get(row.key)!, label: null };
        if (JSON.stringify({ ...row, label: null }) !== JSON.stringify(expected)) {
          differences.push(`${place} ${row.key} on ${asOf}: tally ${JSON.stringify(row)} facts ${JSON.stringify(expected)}`);
        }
      }
    }
  }
  return { compared, differences };
}

/** The tally's rows with those that merely repeat the row before dropped. */
async function normalizedTally(): Promise<string> {
  const { rows } = await pool.query<{ digest: string }>(`
    WITH t AS (
      SELECT *, lag(ARRAY[in_scope, organization_covered, work_covered, blind_spots, standalone_eligible_uncovered, weak_party_organizations])
                  OVER (PARTITION BY grain, place_id ORDER BY day) AS before
      FROM coverage_tally
    )
    SELECT md5(coalesce(string_agg(format('%s|%s|%s|%s', grain, place_id, day,
      ARRAY[in_scope, organization_covered, work_covered, blind_spots, standalone_eligible_uncovered, weak_party_organizations]), ',' ORDER BY grain, place_id, day), '')) AS digest
    FROM t
    WHERE before IS DISTINCT FROM ARRAY[in_scope, organization_covered, work_covered, blind_spots, standalone_eligible_uncovered, weak_party_organizations]
      AND NOT (before IS NULL AND in_scope = 0 AND weak_party_organizations = 0)`);
  return rows[0].digest;
}

beforeAll(async () => {
  db = await testDatabase();
  await loadDataset(db.url, { scale: 0.05, seed: 1, asOf: AS_OF });
  pool = new pg.Pool({ connectionString: db.url, max: 4 });
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe('the coverage tally', () => {
  it('counts the default window and the Party Constitution threshold the domain counts', () => {
    expect(TALLY_WINDOW_DAYS).toBe(DEFAULT_WINDOW_DAYS);
    expect(TALLY_FULL_MEMBERS).toBe(FULL_MEMBERS_FOR_ORGANIZATION);
  });

  it('after a load, agrees with the facts for every place on every date', async () => {
    const { compared, differences } = await compareEverywhere();
    expect(differences).toEqual([]);
    // Areas, parks, buildings, business districts on eight dates: something was compared.
    expect(compared).toBeGreaterThan(8 * 100);
    const city = await query(tallyPlacesStatement('Area', [1], { asOf: AS_OF, window: TALLY_WINDOW_DAYS }));
    expect(city[0].inScope).toBeGreaterThan(1000);
  });

  it('stays exact through every kind of write, one statement at a time', async () => {
    const one = async (text: string) => (await pool.query(text)).rowCount;
    // Visits: today, at the window's edge, backdated a year, several at once; one removed, one moved in time.
    expect(await one(`INSERT INTO visit (liaison_point_id, organization_id, visited_on, visitor)
      SELECT id, organization_id, DATE '${AS_OF}', '测试走访员' FROM liaison_point WHERE kind = 'WORK_GROUP' ORDER BY id LIMIT 5`)).toBe(5);
    await one(`INSERT INTO visit (liaison_point_id, organization_id, visited_on, visitor)
      SELECT id, organization_id, DATE '${addDays(AS_OF, -TALLY_WINDOW_DAYS + 1)}', '测试走访员' FROM liaison_point WHERE kind = 'WORK_GROUP' ORDER BY id OFFSET 20 LIMIT 3`);
    await one(`INSERT INTO visit (liaison_point_id, organization_id, visited_on, visitor)
      SELECT id, organization_id, DATE '${addDays(AS_OF, -365)}', '测试走访员' FROM liaison_point WHERE kind = 'WORK_GROUP' ORDER BY id OFFSET 40 LIMIT 3`);
    await one(`DELETE FROM visit WHERE id IN (SELECT id FROM visit ORDER BY visited_on DESC, id LIMIT 4)`);
    await one(`UPDATE visit SET visited_on = visited_on - 200 WHERE id IN (SELECT id FROM visit ORDER BY id LIMIT 3)`);
    // Instructors: one assignment ended, one started in the past.
    await one(`UPDATE liaison_point SET until = DATE '${addDays(AS_OF, -30)}'
      WHERE id = (SELECT id FROM liaison_point WHERE kind = 'INSTRUCTOR' AND until IS NULL AND since < DATE '${addDays(AS_OF, -30)}' ORDER BY id LIMIT 1)`);
    // Coverage: an edge ended, an edge added to an uncovered organization, a Party organization dissolved.
    await one(`UPDATE party_organization_coverage SET until = DATE '${addDays(AS_OF, -10)}'
      WHERE (party_organization_id, organization_id, since) = (SELECT party_organization_id, organization_id, since FROM party_organization_coverage
        WHERE until IS NULL AND since < DATE '${addDays(AS_OF, -10)}' ORDER BY 1, 2 LIMIT 1)`);
    await one(`INSERT INTO party_organization_coverage (party_organization_id, organization_id, since)
      SELECT (SELECT id FROM party_organization WHERE formation = 'JOINT' AND dissolved_on IS NULL ORDER BY id LIMIT 1), o.id, DATE '${addDays(AS_OF, -50)}'
      FROM organization o WHERE NOT EXISTS (SELECT 1 FROM party_organization_coverage c WHERE c.organization_id = o.id) AND o.deregistered_on IS NULL
      ORDER BY o.id LIMIT 2`);
    await one(`UPDATE party_organization SET dissolved_on = DATE '${addDays(AS_OF, -5)}'
      WHERE id = (SELECT p.id FROM party_organization p WHERE p.dissolved_on IS NULL AND p.established_on < DATE '${addDays(AS_OF, -5)}'
        AND EXISTS (SELECT 1 FROM party_organization_coverage c WHERE c.party_organization_id = p.id) ORDER BY p.id DESC LIMIT 1)`);
    // Members: three probationary members become full members.
    expect(await one(`UPDATE party_member SET stage = 'FULL', full_on = DATE '${addDays(AS_OF, -20)}'
      WHERE id IN (SELECT id FROM party_member WHERE stage = 'PROBATIONARY' AND probationary_on <= DATE '${addDays(AS_OF, -20)}' ORDER BY id LIMIT 3)`)).toBe(3);
    // Activities: a weak Party organization becomes active; one activity removed.
    await one(`INSERT INTO activity (party_organization_id, kind, title, held_on, participants)
      SELECT id, 'THEMED_PARTY_DAY', '主题党日', DATE '${addDays(AS_OF, -3)}', 5 FROM party_organization WHERE dissolved_on IS NULL ORDER BY id DESC LIMIT 2`);
    await one(`DELETE FROM activity WHERE id = (SELECT min(id) FROM activity)`);
    // Organizations: one deregistered, one moved to another street and out of its containers, one registered.
    await one(`UPDATE organization SET status = 'DEREGISTERED', deregistered_on = DATE '${addDays(AS_OF, -15)}'
      WHERE id = (SELECT id FROM organization WHERE deregistered_on IS NULL AND registered_on < DATE '${addDays(AS_OF, -15)}' ORDER BY id LIMIT 1)`);
    await one(`UPDATE organization SET street_id = (SELECT max(id) FROM area WHERE level = 'STREET'), park_id = NULL, building_id = NULL, business_district_id = NULL
      WHERE id = (SELECT id FROM organization WHERE building_id IS NOT NULL AND deregistered_on IS NULL ORDER BY id DESC LIMIT 1)`);
    const code = makeCreditCode({ authorityChar: '9', categoryChar: '1', divisionCode: '370102', organizationBody: 'TA11Y001' });
    expect(await one(`INSERT INTO organization (credit_code, name, category, industry, employees, registered_on, street_id)
      SELECT '${code}', '测试新登记有限公司', 'NON_PUBLIC_ECONOMIC', 'I', 12, DATE '${addDays(AS_OF, -2)}', (SELECT min(id) FROM area WHERE level = 'STREET')`)).toBe(1);

    const { differences } = await compareEverywhere();
    expect(differences).toEqual([]);

    // And it is what a rebuild from nothing gives.
    const kept = await normalizedTally();
    await pool.query('SELECT coverage_rebuild()');
    expect(await normalizedTally()).toBe(kept);
  });

  it('applies two writers in the same street one after the other, each counted once', async () => {
    const { rows: lps } = await pool.query<{ id: number; organization_id: number }>(`
      SELECT lp.id, lp.organization_id FROM liaison_point lp JOIN organization o ON o.id = lp.organization_id
      WHERE lp.kind = 'WORK_GROUP' AND o.street_id = (SELECT street_id FROM organization GROUP BY street_id ORDER BY count(*) DESC LIMIT 1)
        AND o.deregistered_on IS NULL
      ORDER BY lp.id LIMIT 2`);
    expect(lps).toHaveLength(2);
    const [a, b] = await Promise.all([pool.connect(), pool.connect()]);
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query(`INSERT INTO visit (liaison_point_id, organization_id, visited_on, visitor) VALUES ($1, $2, $3, '甲')`, [lps[0].id, lps[0].organization_id, AS_OF]);
      // b waits for a's street lock inside its trigger, then reads what a committed.
      const second = b.query(`INSERT INTO visit (liaison_point_id, organization_id, visited_on, visitor) VALUES ($1, $2, $3, '乙')`, [lps[1].id, lps[1].organization_id, AS_OF]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await a.query('COMMIT');
      await second;
      await b.query('COMMIT');
    } finally {
      a.release();
      b.release();
    }
    const { differences } = await compareEverywhere();
    expect(differences).toEqual([]);
  });

  it('is rebuilt when a table it reads is emptied', async () => {
    await sql(db.url, 'TRUNCATE visit');
    const { differences } = await compareEverywhere();
    expect(differences).toEqual([]);
  });
});
