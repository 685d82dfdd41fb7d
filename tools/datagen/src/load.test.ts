/**
 * The Jinan calibration (README, "Calibration"): load scale 1 once into a database of this
 * file's own, then ask SQL for every figure of the seed.
 */
import { createTestDatabase, type TestDatabase } from '@liangxin/db';
import { parseCreditCode, recommendedKind } from '@liangxin/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateDataset } from './generate.js';
import { hasDataset, loadDataset, type LoadReport } from './load.js';
import { idNumberCheck } from './tables.js';

const AS_OF = '2026-11-28';
let db: TestDatabase;
let client: pg.Client;
let report: LoadReport;

async function one<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
  return (await client.query<T>(sql, params)).rows[0];
}
async function all<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await client.query<T>(sql, params)).rows;
}

beforeAll(async () => {
  db = await createTestDatabase(inject('pgServerUrl'), inject('pgTemplate'));
  expect(await hasDataset(db.url)).toBe(false);
  report = await loadDataset(db.url, { scale: 1, seed: 1, asOf: AS_OF });
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await db?.drop();
});

describe('a scale-1 load', () => {
  it('matches its report, the generator and the dataset row', async () => {
    expect(await hasDataset(db.url)).toBe(true);
    for (const [table, count] of Object.entries(report.rowCounts)) {
      const { n } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${pg.escapeIdentifier(table)}`);
      expect(n, table).toBe(count);
    }
    expect(report.checksum).toBe(generateDataset({ scale: 1, seed: 1, asOf: AS_OF }).checksum);
    const dataset = await all<{ name: string; scale: number; seed: number; checksum: string; as_of: string; row_counts: unknown }>(
      `SELECT name, scale, seed, checksum, as_of::text, row_counts FROM dataset`,
    );
    expect(dataset).toEqual([{ name: 'jinan', scale: 1, seed: 1, checksum: report.checksum, as_of: AS_OF, row_counts: report.rowCounts }]);
  });

  it('continues every identity sequence after the loaded ids', async () => {
    const next = await one<{ id: number; max: number }>(
      `SELECT nextval(pg_get_serial_sequence('party_member', 'id'))::int AS id, (SELECT max(id) FROM party_member)::int AS max`,
    );
    expect(next.id).toBe(next.max + 1);
  });

  it('has Jinan: the city, its 12 real districts, 112 streets and their communities', async () => {
    const districts = await all<{ code: string; name: string }>(`SELECT code, name FROM area WHERE level = 'DISTRICT' ORDER BY code`);
    expect(districts).toEqual([
      { code: '370102', name: '历下区' },
      { code: '370103', name: '市中区' },
      { code: '370104', name: '槐荫区' },
      { code: '370105', name: '天桥区' },
      { code: '370112', name: '历城区' },
      { code: '370113', name: '长清区' },
      { code: '370114', name: '章丘区' },
      { code: '370115', name: '济阳区' },
      { code: '370116', name: '莱芜区' },
      { code: '370117', name: '钢城区' },
      { code: '370124', name: '平阴县' },
      { code: '370126', name: '商河县' },
    ]);
    expect(await all(`SELECT code, name, parent_id FROM area WHERE level = 'CITY'`)).toEqual([{ code: '370100', name: '济南市', parent_id: null }]);
    const streets = await one<{ n: number; bad: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE s.code NOT LIKE d.code || '___' OR s.name !~ '(街道|镇)$')::int AS bad
         FROM area s JOIN area d ON d.id = s.parent_id WHERE s.level = 'STREET'`,
    );
    expect(streets).toEqual({ n: 112, bad: 0 });
    const communities = await one<{ n: number; bad: number; streets: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE c.code NOT LIKE s.code || '___' OR s.level <> 'STREET')::int AS bad,
              count(DISTINCT s.id)::int AS streets
         FROM area c JOIN area s ON s.id = c.parent_id WHERE c.level = 'COMMUNITY'`,
    );
    expect(communities.bad).toBe(0);
    expect(communities.streets).toBe(112);
    const paths = await one<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM area a LEFT JOIN area p ON p.id = a.parent_id
        WHERE a.path[array_length(a.path, 1)] <> a.id OR (p.id IS NOT NULL AND a.path <> p.path || a.id)`,
    );
    expect(paths.bad).toBe(0);
    // Urban districts hold more streets and organizations than the counties.
    const lixia = await one<{ n: number }>(`SELECT count(*)::int AS n FROM area WHERE level = 'STREET' AND code LIKE '370102%'`);
    const shanghe = await one<{ n: number }>(`SELECT count(*)::int AS n FROM area WHERE level = 'STREET' AND code LIKE '370126%'`);
    expect(lixia.n).toBeGreaterThan(shanghe.n);
  });

  it('has the working committees and their member units', async () => {
    const committees = await all<{ level: string; n: number }>(`SELECT level, count(*)::int AS n FROM working_committee GROUP BY 1 ORDER BY 1`);
    expect(committees).toEqual([
      { level: 'CITY', n: 1 },
      { level: 'DISTRICT', n: 12 },
    ]);
    const units = await all<{ n: number }>(`SELECT count(*)::int AS n FROM member_unit GROUP BY committee_id`);
    expect(units).toHaveLength(13);
    for (const u of units) {
      expect(u.n).toBeGreaterThanOrEqual(7);
      expect(u.n).toBeLessThanOrEqual(10);
    }
  });

  it('has 10 parks of provincial level or above (3 national), 45–55 亿元楼宇, 120+ business districts and markets', async () => {
    expect(await all(`SELECT level, count(*)::int AS n FROM park WHERE level <> 'MUNICIPAL' GROUP BY 1 ORDER BY 1`)).toEqual([
      { level: 'NATIONAL', n: 3 },
      { level: 'PROVINCIAL', n: 7 },
    ]);
    const municipal = await one<{ n: number }>(`SELECT count(*)::int AS n FROM park WHERE level = 'MUNICIPAL'`);
    expect(municipal.n).toBeGreaterThanOrEqual(15);
    expect(municipal.n).toBeLessThanOrEqual(25);
    const buildings = await one<{ n: number; big: number; in_park: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE annual_tax_fen >= 10000000000)::int AS big, count(park_id)::int AS in_park FROM building`,
    );
    expect(buildings.n).toBeGreaterThanOrEqual(250);
    expect(buildings.big).toBeGreaterThanOrEqual(45);
    expect(buildings.big).toBeLessThanOrEqual(55);
    expect(buildings.in_park).toBeGreaterThan(0);
    const districts = await all<{ kind: string; n: number }>(`SELECT kind, count(*)::int AS n FROM business_district GROUP BY 1`);
    const total = districts.reduce((s, d) => s + d.n, 0);
    expect(total).toBeGreaterThanOrEqual(120);
    expect(total).toBeLessThanOrEqual(140);
    expect(districts.map((d) => d.kind).sort()).toEqual(['BUSINESS_DISTRICT', 'MARKET']);
  });

  it('has 60,000 organizations, mostly small non-public ones, with valid Jinan credit codes', async () => {
    const orgs = await all<{ id: number; credit_code: string; category: string; division: string }>(
      `SELECT o.id, o.credit_code, o.category, d.code AS division
         FROM organization o JOIN area s ON s.id = o.street_id JOIN area d ON d.id = s.parent_id`,
    );
    expect(orgs).toHaveLength(60_000);
    for (const o of orgs) {
      const parsed = parseCreditCode(o.credit_code);
      if (!parsed.ok) throw new Error(`${o.credit_code}: ${parsed.error.message.en}`);
      expect(parsed.value.divisionCode).toMatch(/^3701\d\d$/);
      if (parsed.value.divisionCode !== o.division) throw new Error(`${o.credit_code} registered outside its district ${o.division}`);
    }
    const shares = await one<{ npe: number; social: number; types: string[] }>(
      `SELECT avg((category = 'NON_PUBLIC_ECONOMIC')::int)::float AS npe, count(*) FILTER (WHERE category = 'SOCIAL')::int AS social,
              array_agg(DISTINCT substr(credit_code, 1, 2) ORDER BY substr(credit_code, 1, 2)) AS types FROM organization`,
    );
    expect(shares.npe).toBeGreaterThan(0.85);
    expect(shares.npe).toBeLessThan(0.91);
    expect(shares.social).toBeGreaterThan(3000);
    expect(shares.types).toEqual(['51', '52', '53', '91', '92', '93']);
    const size = await one<{ median: number; large: number; max: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY employees)::float AS median,
              count(*) FILTER (WHERE employees >= 500)::int AS large, max(employees) AS max FROM organization`,
    );
    expect(size.median).toBeLessThan(20);
    expect(size.large).toBeGreaterThan(100);
    expect(size.max).toBeGreaterThanOrEqual(1000);
    const industries = await all<{ industry: string }>(`SELECT industry, count(*) FROM organization GROUP BY 1 ORDER BY 2 DESC LIMIT 3`);
    expect(industries.map((i) => i.industry)).toContain('F');
    const status = await one<{ share: number; bad: number; generated: boolean; oldest: string }>(
      `SELECT avg((status = 'DEREGISTERED')::int)::float AS share,
              count(*) FILTER (WHERE deregistered_on < date '${AS_OF}' - 1100 OR deregistered_on > '${AS_OF}')::int AS bad,
              min(registered_on)::text AS oldest, bool_and(source = 'GENERATED') AS generated FROM organization`,
    );
    expect(status.share).toBeGreaterThan(0.04);
    expect(status.share).toBeLessThan(0.06);
    expect(status.bad).toBe(0);
    expect(status.oldest < '2008-01-01').toBe(true);
    expect(status.generated).toBe(true);
    const social = await one<{ without: number; foreign: number }>(
      `SELECT count(*) FILTER (WHERE o.supervisory_unit_id IS NULL)::int AS without,
              count(*) FILTER (WHERE c.area_id <> s.parent_id)::int AS foreign
         FROM organization o JOIN area s ON s.id = o.street_id
         LEFT JOIN member_unit u ON u.id = o.supervisory_unit_id LEFT JOIN working_committee c ON c.id = u.committee_id
        WHERE o.category = 'SOCIAL'`,
    );
    expect(social).toEqual({ without: 0, foreign: 0 });
  });

  it('places organizations consistently in their containers', async () => {
    const bad = await one<{ building: number; district: number; park: number; building_park: number }>(
      `SELECT count(*) FILTER (WHERE b.street_id <> o.street_id)::int AS building,
              count(*) FILTER (WHERE d.street_id <> o.street_id)::int AS district,
              count(*) FILTER (WHERE p.area_id <> s.parent_id)::int AS park,
              count(*) FILTER (WHERE o.building_id IS NOT NULL AND b.park_id IS DISTINCT FROM o.park_id)::int AS building_park
         FROM organization o JOIN area s ON s.id = o.street_id
         LEFT JOIN building b ON b.id = o.building_id LEFT JOIN business_district d ON d.id = o.business_district_id
         LEFT JOIN park p ON p.id = o.park_id`,
    );
    expect(bad).toEqual({ building: 0, district: 0, park: 0, building_park: 0 });
    const inside = await one<{ share: number }>(
      `SELECT avg((park_id IS NOT NULL OR building_id IS NOT NULL OR business_district_id IS NOT NULL)::int)::float AS share FROM organization`,
    );
    expect(inside.share).toBeGreaterThan(0.2);
  });

  it('has about 33,500 members whose relation sits in a Party organization, and the three ledgers', async () => {
    const holders = Object.fromEntries(
      (await all<{ relation_holder: string; n: number }>(`SELECT relation_holder, count(*)::int AS n FROM party_member GROUP BY 1`)).map((r) => [
        r.relation_holder,
        r.n,
      ]),
    );
    expect(holders.PARTY_ORGANIZATION).toBeGreaterThanOrEqual(33_000);
    expect(holders.PARTY_ORGANIZATION).toBeLessThanOrEqual(34_000);
    const ledgers = holders.PERSONNEL_AGENCY + holders.TALENT_CENTER + holders.COMMUNITY;
    expect(ledgers).toBeGreaterThanOrEqual(5000);
    expect(ledgers).toBeLessThanOrEqual(8000);
    expect(holders.NONE).toBeGreaterThanOrEqual(2000);
    const transferred = await one<{ n: number; inside: number; revealed: number; ledger_revealed: number }>(
      `SELECT count(*) FILTER (WHERE transferred_on IS NOT NULL)::int AS n,
              count(*) FILTER (WHERE transferred_on IS NULL)::int AS inside,
              count(*) FILTER (WHERE identity_revealed)::int AS revealed,
              (SELECT count(*) FROM party_member WHERE relation_holder IN ('PERSONNEL_AGENCY', 'TALENT_CENTER', 'COMMUNITY') AND identity_revealed)::int
                AS ledger_revealed
         FROM party_member WHERE relation_holder = 'PARTY_ORGANIZATION'`,
    );
    expect(transferred.n).toBeGreaterThan(holders.PARTY_ORGANIZATION * 0.8);
    expect(transferred.inside).toBeGreaterThan(0);
    expect(transferred.revealed).toBeGreaterThan(0);
    expect(transferred.ledger_revealed).toBeGreaterThan(0);
    const areas = await one<{ bad: number }>(
      `SELECT count(*) FILTER (WHERE (m.ledger = 'TALENT_CENTER' AND a.level <> 'DISTRICT') OR (m.ledger = 'COMMUNITY' AND a.level <> 'COMMUNITY'))::int AS bad
         FROM party_member m JOIN area a ON a.id = m.ledger_area_id`,
    );
    expect(areas.bad).toBe(0);
    // Members gather in the large organizations.
    const large = await one<{ share: number }>(
      `SELECT avg((o.employees >= 100)::int)::float AS share FROM party_member m JOIN organization o ON o.id = m.organization_id`,
    );
    expect(large.share).toBeGreaterThan(0.35);
    const dates = await one<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM party_member m JOIN organization o ON o.id = m.organization_id
        WHERE greatest(applied_on, activist_on, candidate_on, probationary_on, full_on, ledger_since, transferred_on, revealed_on, employed_since) > date '${AS_OF}'
           OR employed_since < o.registered_on OR birth_date > applied_on - interval '18 years'
           OR (m.party_organization_id IS NOT NULL AND coalesce(m.transferred_on, m.probationary_on) <
               (SELECT established_on FROM party_organization p WHERE p.id = m.party_organization_id))`,
    );
    expect(dates.bad).toBe(0);
    const ids = await all<{ id_number: string }>(`SELECT id_number FROM party_member`);
    for (const { id_number } of ids) if (id_number[17] !== idNumberCheck(id_number.slice(0, 17))) throw new Error(`bad check in ${id_number}`);
  });

  it('has standalone, joint, container, street and district Party organizations of the right kinds', async () => {
    const anchors = Object.fromEntries(
      (await all<{ key: string; n: number }>(`SELECT anchor || '/' || formation AS key, count(*)::int AS n FROM party_organization GROUP BY 1`)).map(
        (r) => [r.key, r.n],
      ),
    );
    expect(anchors['STREET/JOINT']).toBe(112);
    expect(anchors['AREA/JOINT']).toBe(24);
    expect(anchors['ORGANIZATION/STANDALONE']).toBeGreaterThan(2000);
    expect(anchors['ORGANIZATION/JOINT']).toBeGreaterThan(500);
    expect(anchors['PARK/JOINT']).toBeGreaterThanOrEqual(10);
    expect(anchors['BUILDING/JOINT']).toBeGreaterThan(100);
    expect(anchors['BUSINESS_DISTRICT/JOINT']).toBeGreaterThan(50);
    const streets = await one<{ n: number; covering: number; kinds: string[] }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM party_organization_coverage c WHERE c.party_organization_id = p.id))::int AS covering,
              array_agg(DISTINCT kind) AS kinds
         FROM party_organization p JOIN area a ON a.id = p.area_id AND a.level = 'STREET' WHERE p.anchor = 'STREET'`,
    );
    expect(streets).toEqual({ n: 112, covering: 0, kinds: ['COMMITTEE'] });
    const sized = await all<{ kind: string; members: number }>(
      `SELECT p.kind, count(m.id)::int AS members FROM party_organization p LEFT JOIN party_member m ON m.party_organization_id = p.id
        WHERE p.dissolved_on IS NULL AND p.anchor NOT IN ('STREET', 'AREA') GROUP BY p.id`,
    );
    for (const s of sized) expect(s.kind).toBe(recommendedKind(s.members));
    const secretaries = await one<{ without: number; wrong: number }>(
      `SELECT count(*) FILTER (WHERE p.secretary_member_id IS NULL AND p.dissolved_on IS NULL AND p.anchor NOT IN ('STREET', 'AREA'))::int AS without,
              count(*) FILTER (WHERE p.secretary_member_id IS NOT NULL AND (m.stage <> 'FULL' OR m.party_organization_id <> p.id))::int AS wrong
         FROM party_organization p LEFT JOIN party_member m ON m.id = p.secretary_member_id`,
    );
    expect(secretaries).toEqual({ without: 0, wrong: 0 });
    const joint = await one<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM party_organization p
        WHERE p.formation = 'JOINT' AND p.dissolved_on IS NULL AND p.anchor NOT IN ('STREET', 'AREA')
          AND (SELECT count(*) FROM party_member m WHERE m.party_organization_id = p.id AND m.stage = 'FULL') < 3`,
    );
    expect(joint.bad).toBe(0);
    const dissolved = await one<{ n: number; open: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM party_organization_coverage c
                                                               WHERE c.party_organization_id = p.id AND (c.until IS NULL OR c.until > p.dissolved_on)))::int AS open
         FROM party_organization p WHERE dissolved_on IS NOT NULL`,
    );
    expect(dissolved.n).toBeGreaterThan(0);
    expect(dissolved.open).toBe(0);
    const coverage = await one<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM party_organization_coverage c JOIN party_organization p ON p.id = c.party_organization_id
         JOIN organization o ON o.id = c.organization_id WHERE c.since <> greatest(p.established_on, o.registered_on)`,
    );
    expect(coverage.bad).toBe(0);
  });

  it('established about 300 Party organizations this year, each entitled to its 2,000 CNY', async () => {
    const fresh = await one<{ n: number; entitled: number; allocated: number; disbursed: number }>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM fund_entry f WHERE f.party_organization_id = p.id AND f.fund = 'STARTUP'
                                               AND f.entry = 'ENTITLED' AND f.amount_fen = 200000))::int AS entitled,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM fund_entry f WHERE f.party_organization_id = p.id AND f.entry = 'ALLOCATED'))::int AS allocated,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM fund_entry f WHERE f.party_organization_id = p.id AND f.entry = 'DISBURSED'))::int AS disbursed
         FROM party_organization p WHERE established_on >= date_trunc('year', date '${AS_OF}') AND established_on <= '${AS_OF}'`,
    );
    expect(fresh.n).toBeGreaterThanOrEqual(280);
    expect(fresh.n).toBeLessThanOrEqual(320);
    expect(fresh.entitled).toBe(fresh.n);
    expect(fresh.allocated).toBeGreaterThan(fresh.n / 2);
    expect(fresh.disbursed).toBeGreaterThan(0);
    // The years before run at a similar pace: history for the annual assessment.
    const before = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM party_organization WHERE extract(year FROM established_on) = extract(year FROM date '${AS_OF}') - 1`,
    );
    expect(before.n).toBeGreaterThan(200);
    expect(before.n).toBeLessThan(450);
  });

  it('shows coverage high but with blind spots, computed from the definitions', async () => {
    const c = await one<{ organization: number; work: number; blind: number; eligible: number }>(
      `WITH active AS (SELECT id FROM organization WHERE status = 'ACTIVE' AND registered_on <= '${AS_OF}'),
       covered AS (SELECT DISTINCT c.organization_id AS id FROM party_organization_coverage c JOIN party_organization p ON p.id = c.party_organization_id
                    WHERE c.since <= '${AS_OF}' AND (c.until IS NULL OR c.until > '${AS_OF}')
                      AND p.established_on <= '${AS_OF}' AND (p.dissolved_on IS NULL OR p.dissolved_on > '${AS_OF}')),
       worked AS (SELECT organization_id AS id FROM liaison_point
                   WHERE kind = 'INSTRUCTOR' AND since <= '${AS_OF}' AND (until IS NULL OR until > '${AS_OF}')
                  UNION SELECT organization_id FROM visit WHERE visited_on > date '${AS_OF}' - 90 AND visited_on <= '${AS_OF}'),
       classes AS (SELECT a.id, CASE WHEN a.id IN (SELECT id FROM covered) THEN 'O' WHEN a.id IN (SELECT id FROM worked) THEN 'W' ELSE 'B' END AS cls
                     FROM active a)
       SELECT avg((cls = 'O')::int)::float AS organization, avg((cls = 'W')::int)::float AS work, avg((cls = 'B')::int)::float AS blind,
              count(*) FILTER (WHERE cls <> 'O' AND (SELECT count(*) FROM party_member m WHERE m.organization_id = classes.id AND m.stage = 'FULL') >= 3)::int
                AS eligible
         FROM classes`,
    );
    expect(c.organization).toBeGreaterThanOrEqual(0.75);
    expect(c.organization).toBeLessThanOrEqual(0.85);
    expect(c.work).toBeGreaterThanOrEqual(0.1);
    expect(c.work).toBeLessThanOrEqual(0.18);
    expect(c.blind).toBeGreaterThanOrEqual(0.03);
    expect(c.blind).toBeLessThanOrEqual(0.08);
    expect(c.eligible).toBeGreaterThan(50);
    const weak = await one<{ share: number }>(
      `SELECT avg((NOT EXISTS (SELECT 1 FROM activity a WHERE a.party_organization_id = p.id
                                 AND a.held_on > date '${AS_OF}' - 90 AND a.held_on <= '${AS_OF}'))::int)::float AS share
         FROM party_organization p WHERE p.established_on <= '${AS_OF}' AND (p.dissolved_on IS NULL OR p.dissolved_on > '${AS_OF}')`,
    );
    expect(weak.share).toBeGreaterThanOrEqual(0.07);
    expect(weak.share).toBeLessThanOrEqual(0.13);
  });

  it('has 3,400+ instructors, the work groups and the liaison points of every kind', async () => {
    const instructors = await one<{ n: number; city: number; assigned: number; max: number }>(
      `SELECT count(*)::int AS n, avg((pool_area_id = 1)::int)::float AS city,
              (SELECT count(DISTINCT instructor_id) FROM liaison_point WHERE kind = 'INSTRUCTOR')::int AS assigned,
              (SELECT max(n) FROM (SELECT count(*) AS n FROM liaison_point WHERE kind = 'INSTRUCTOR' GROUP BY instructor_id) x)::int AS max
         FROM instructor`,
    );
    expect(instructors.n).toBeGreaterThanOrEqual(3400);
    expect(instructors.city).toBeGreaterThan(0.1);
    expect(instructors.city).toBeLessThan(0.2);
    expect(instructors.assigned).toBeGreaterThan(instructors.n * 0.9);
    expect(instructors.max).toBeLessThanOrEqual(4);
    const groups = await one<{ min: number; max: number; streets: number }>(
      `SELECT min(n)::int AS min, max(n)::int AS max, count(*)::int AS streets
         FROM (SELECT street_id, count(*) AS n FROM work_group_member WHERE left_on IS NULL GROUP BY 1) x`,
    );
    expect(groups).toEqual({ min: 9, max: 11, streets: 112 });
    const workGroup = await one<{ wrong: number; foreign: number }>(
      `SELECT count(*) FILTER (WHERE n <> 1)::int AS wrong, sum(foreign_street)::int AS foreign FROM (
         SELECT o.id, count(l.id) AS n, count(*) FILTER (WHERE w.street_id <> o.street_id) AS foreign_street
           FROM organization o
           LEFT JOIN liaison_point l ON l.organization_id = o.id AND l.kind = 'WORK_GROUP' AND l.until IS NULL
           LEFT JOIN work_group_member w ON w.id = l.work_group_member_id
          WHERE o.status = 'ACTIVE' GROUP BY o.id) x`,
    );
    expect(workGroup).toEqual({ wrong: 0, foreign: 0 });
    const direct = await all<{ n: number }>(
      `SELECT count(l.id)::int AS n FROM working_committee c
         LEFT JOIN liaison_point l ON l.committee_id = c.id AND l.kind = 'DIRECT' AND l.until IS NULL GROUP BY c.id`,
    );
    expect(direct).toHaveLength(13);
    for (const d of direct) {
      expect(d.n).toBeGreaterThanOrEqual(6);
      expect(d.n).toBeLessThanOrEqual(10);
    }
    const memberUnits = await one<{ n: number; with_own: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM party_organization p
                                                                WHERE p.organization_id = l.organization_id AND p.formation = 'STANDALONE'
                                                                  AND p.dissolved_on IS NULL))::int AS with_own
         FROM liaison_point l JOIN organization o ON o.id = l.organization_id WHERE l.kind = 'MEMBER_UNIT' AND o.is_key`,
    );
    expect(memberUnits.n).toBeGreaterThanOrEqual(200);
    expect(memberUnits.with_own).toBe(0);
  });

  it('has three years of visits and activities, busier lately, all on or before asOf', async () => {
    const visits = await one<{ n: number; first: string; last: string; bad: number; recent: number; earlier: number; findings: number }>(
      `SELECT count(*)::int AS n, min(visited_on)::text AS first, max(visited_on)::text AS last,
              count(*) FILTER (WHERE v.visited_on < l.since OR v.visited_on > coalesce(l.until, '${AS_OF}'))::int AS bad,
              count(*) FILTER (WHERE visited_on > date '${AS_OF}' - 90)::int AS recent,
              count(*) FILTER (WHERE visited_on > date '${AS_OF}' - 730 AND visited_on <= date '${AS_OF}' - 640)::int AS earlier,
              count(*) FILTER (WHERE problems IS NOT NULL AND help_given IS NOT NULL AND owner_intention IS NOT NULL)::int AS findings
         FROM visit v JOIN liaison_point l ON l.id = v.liaison_point_id`,
    );
    expect(visits.first >= '2023-11-28').toBe(true);
    expect(visits.last <= AS_OF).toBe(true);
    expect(visits.bad).toBe(0);
    expect(visits.recent).toBeGreaterThan(visits.earlier * 2);
    expect(visits.findings).toBeGreaterThan(1000);
    const days = await one<{ n: number }>(`SELECT count(DISTINCT visited_on)::int AS n FROM visit`);
    expect(days.n).toBeGreaterThan(1000);
    const activities = await one<{ n: number; first: string; last: string; bad: number; kinds: number; salons: number }>(
      `SELECT count(*)::int AS n, min(held_on)::text AS first, max(held_on)::text AS last,
              count(*) FILTER (WHERE a.held_on < p.established_on OR a.held_on > coalesce(p.dissolved_on, '${AS_OF}'))::int AS bad,
              count(DISTINCT a.kind)::int AS kinds, count(*) FILTER (WHERE a.kind = 'RED_COLLAR_SALON')::int AS salons
         FROM activity a JOIN party_organization p ON p.id = a.party_organization_id`,
    );
    expect(activities.first >= '2023-11-28').toBe(true);
    expect(activities.last <= AS_OF).toBe(true);
    expect(activities.bad).toBe(0);
    expect(activities.kinds).toBe(6);
    expect(activities.salons).toBeGreaterThan(100);
  });

  it('has the budget and the working and startup funds, with some money outstanding', async () => {
    expect(await all(`SELECT year, amount_fen::text FROM fund_budget ORDER BY year`)).toEqual([
      { year: 2024, amount_fen: '800000000' },
      { year: 2025, amount_fen: '900000000' },
      { year: 2026, amount_fen: '1000000000' },
    ]);
    // ENTITLED = 300 CNY × members whose relation sat in a Party organization on 1 January.
    const rule = await all<{ area_id: number; year: number; entitled: string; expected: string }>(
      `SELECT f.area_id, f.year, f.amount_fen::text AS entitled,
              (30000 * (SELECT count(*) FROM party_member m JOIN organization o ON o.id = m.organization_id JOIN area s ON s.id = o.street_id
                         WHERE m.relation_holder = 'PARTY_ORGANIZATION' AND s.parent_id = f.area_id
                           AND coalesce(m.transferred_on, m.probationary_on) < make_date(f.year, 1, 1)))::text AS expected
         FROM fund_entry f WHERE f.fund = 'WORKING' AND f.entry = 'ENTITLED'`,
    );
    expect(rule).toHaveLength(36);
    for (const r of rule) expect(r.entitled).toBe(r.expected);
    const outstanding = await one<{ owed: string }>(
      `SELECT (sum(amount_fen) FILTER (WHERE entry = 'ENTITLED') - sum(amount_fen) FILTER (WHERE entry = 'DISBURSED'))::text AS owed FROM fund_entry`,
    );
    expect(BigInt(outstanding.owed)).toBeGreaterThan(0n);
  });
});
