import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TALLY_FULL_MEMBERS, TALLY_WINDOW_DAYS } from './1764576000000-coverage-tally.js';

/**
 * A cheaper `coverage_rebuild()`, in parts a bulk loader can run on several connections.
 *
 * The tables it fills and what they contain are those of the coverage-tally migration, row for
 * row (the timelines and the tally are the same; only the way to them changes):
 *
 * - The sums are integer all the way. The first version summed bigint (`sum` of an `int` sum),
 *   which PostgreSQL does in `numeric` — at scale 20 most of the time of the tally went there.
 * - An organization's events are sorted once: running sums over the raw events (the default
 *   RANGE frame counts the events of the same day together), the state from them and the state
 *   before (`lag`) in the same order, instead of a grouping per day, a sort, a window, a second
 *   window. The third full member is found with `row_number()` instead of an array per
 *   organization.
 * - `coverage_rebuild_organization_timelines(lo, hi)` does the organizations with ids in
 *   [lo, hi] (NULL: unbounded), so that ranges can be done at once on separate connections;
 *   `coverage_rebuild_party_organization_timelines()` and `coverage_rebuild_tally(grains)` (the
 *   tally's rows of those grains, NULL: all, from the stored timelines) are the other parts. The
 *   grains are independent — each sums the timelines by its own places — so they too can be done
 *   at once on separate connections (areas, about 60 % of the work, on one; parks, buildings and
 *   business districts on another). None of them empties anything: the caller truncates first.
 *   `coverage_rebuild()` is the three in one transaction, as before, with all grains.
 * - Each grain's per-day sums are grouped by hashing (the function runs with enable_sort off):
 *   the planner otherwise sorts the ~2.5 million keyed rows of the areas to group them, then
 *   sorts the 0.7 million groups again for the running sums; hashing took 14–15 s instead of
 *   19–20 s at scale 20 here. The running sums still sort (nothing else can), and the result is
 *   the same either way.
 *
 * coverage_organization_timelines, coverage_party_organization_timelines and coverage_changes
 * (what the triggers' incremental refresh uses) are unchanged.
 */
const W = TALLY_WINDOW_DAYS;
const N = TALLY_FULL_MEMBERS;

/** Large sorts in memory, and no JIT (its compilation of these few statements costs more than it saves). */
const SETTINGS = `
  PERFORM set_config('work_mem', '512MB', true);
  PERFORM set_config('jit', 'off', true);`;

/**
 * The tally's grains: the column that places an organization's and a Party organization's
 * timeline in one, and for areas the expansion of that area to itself and its ancestors.
 */
const GRAINS = [
  { grain: 'A', organization: 'street_id', partyOrganization: 'area_id', areas: true },
  { grain: 'P', organization: 'park_id', partyOrganization: 'park_id', areas: false },
  { grain: 'B', organization: 'building_id', partyOrganization: 'building_id', areas: false },
  { grain: 'D', organization: 'business_district_id', partyOrganization: 'business_district_id', areas: false },
] as const;

/**
 * One grain of the tally: the changes of the timelines summed per place of that grain and day,
 * then running sums per place. A (place, day) row exists where any timeline placed there changes
 * that day, whatever the other grains' places — as when all grains were summed together.
 */
function tallyGrain(g: (typeof GRAINS)[number]): string {
  const places = g.areas
    ? 'JOIN area s ON s.id = c.place CROSS JOIN LATERAL unnest(s.path) AS k(place_id)'
    : 'CROSS JOIN LATERAL (VALUES (c.place)) AS k(place_id)';
  return /* sql */ `INSERT INTO coverage_tally (grain, place_id, day, in_scope, organization_covered, work_covered, blind_spots,
            standalone_eligible_uncovered, weak_party_organizations)
          WITH org_changes AS (
            SELECT t.${g.organization} AS place, x.day,
              sum((x.st & 3 <> 0)::int - (x.prev & 3 <> 0)::int)::int AS da,
              sum((x.st & 3 = 1)::int - (x.prev & 3 = 1)::int)::int AS dorg,
              sum((x.st & 3 = 2)::int - (x.prev & 3 = 2)::int)::int AS dw,
              sum((x.st & 3 = 3)::int - (x.prev & 3 = 3)::int)::int AS db,
              sum((x.st & 4 <> 0)::int - (x.prev & 4 <> 0)::int)::int AS de
            FROM organization_coverage_timeline t
              CROSS JOIN LATERAL (SELECT u.day, u.st, CASE WHEN u.i = 1 THEN 0::smallint ELSE t.states[u.i - 1] END AS prev
                                  FROM unnest(t.days, t.states) WITH ORDINALITY AS u(day, st, i)) x
            WHERE t.${g.organization} IS NOT NULL
            GROUP BY 1, 2
          ), po_changes AS (
            SELECT t.${g.partyOrganization} AS place, x.day,
              sum(x.st - CASE WHEN x.i = 1 THEN 0 ELSE t.states[x.i - 1] END)::int AS dweak
            FROM party_organization_weak_timeline t
              CROSS JOIN LATERAL unnest(t.days, t.states) WITH ORDINALITY AS x(day, st, i)
            WHERE t.${g.partyOrganization} IS NOT NULL
            GROUP BY 1, 2
          ), keyed AS (
            SELECT k.place_id, c.day, c.da, c.dorg, c.dw, c.db, c.de, 0 AS dweak FROM org_changes c ${places}
            UNION ALL SELECT k.place_id, c.day, 0, 0, 0, 0, 0, c.dweak FROM po_changes c ${places}
          ), per_day AS (
            SELECT k.place_id, k.day, sum(k.da)::int AS da, sum(k.dorg)::int AS dorg, sum(k.dw)::int AS dw,
              sum(k.db)::int AS db, sum(k.de)::int AS de, sum(k.dweak)::int AS dweak
            FROM keyed k GROUP BY k.place_id, k.day
          )
          SELECT '${g.grain}', c.place_id, c.day, sum(c.da) OVER w, sum(c.dorg) OVER w, sum(c.dw) OVER w, sum(c.db) OVER w,
            sum(c.de) OVER w, sum(c.dweak) OVER w
          FROM per_day c
          WINDOW w AS (PARTITION BY c.place_id ORDER BY c.day);`;
}

export class FasterCoverageRebuild1764835200000 implements MigrationInterface {
  name = 'FasterCoverageRebuild1764835200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(/* sql */ `
      -- Events per organization (+1/-1 per fact), as in coverage_organization_timelines; the
      -- running sums over them by day give the state, a row where it differs from the day before
      -- is a change.
      CREATE FUNCTION coverage_rebuild_organization_timelines(lo integer, hi integer) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        ${SETTINGS}
        lo := coalesce(lo, -2147483648);
        hi := coalesce(hi, 2147483647);
        INSERT INTO organization_coverage_timeline (organization_id, street_id, park_id, building_id, business_district_id, days, states)
        WITH ev (id, d, dc, dw, de, di) AS (
          SELECT o.id, o.registered_on, 0, 0, 0, 1 FROM organization o WHERE o.id BETWEEN lo AND hi
          UNION ALL SELECT o.id, o.deregistered_on, 0, 0, 0, -1 FROM organization o
            WHERE o.deregistered_on IS NOT NULL AND o.id BETWEEN lo AND hi
          UNION ALL SELECT c.id, x.d, x.k, 0, 0, 0 FROM (
              SELECT cv.organization_id AS id, greatest(cv.since, p.established_on) AS s,
                least(coalesce(cv.until, 'infinity'::date), coalesce(p.dissolved_on, 'infinity'::date)) AS u
              FROM party_organization_coverage cv JOIN party_organization p ON p.id = cv.party_organization_id
              WHERE cv.organization_id BETWEEN lo AND hi) c
            CROSS JOIN LATERAL (VALUES (c.s, 1), (c.u, -1)) AS x(d, k)
            WHERE c.s < c.u AND x.d < 'infinity'
          UNION ALL SELECT w.id, x.d, 0, x.k, 0, 0 FROM (
              SELECT lp.organization_id AS id, lp.since AS s, coalesce(lp.until, 'infinity'::date) AS u
              FROM liaison_point lp WHERE lp.kind = 'INSTRUCTOR' AND lp.organization_id BETWEEN lo AND hi
              UNION ALL
              SELECT v.organization_id, v.visited_on, v.visited_on + ${W} FROM visit v WHERE v.organization_id BETWEEN lo AND hi) w
            CROSS JOIN LATERAL (VALUES (w.s, 1), (w.u, -1)) AS x(d, k)
            WHERE w.s < w.u AND x.d < 'infinity'
          UNION ALL SELECT m.id, m.s, 0, 0, 1, 0 FROM (
              SELECT m.organization_id AS id, greatest(m.full_on, m.employed_since) AS s,
                row_number() OVER (PARTITION BY m.organization_id ORDER BY greatest(m.full_on, m.employed_since)) AS n
              FROM party_member m WHERE m.full_on IS NOT NULL AND m.organization_id BETWEEN lo AND hi) m
            WHERE m.n = ${N}
        ), state AS (
          SELECT r.id, r.d, (CASE WHEN r.i <= 0 THEN 0 WHEN r.c > 0 THEN 1 WHEN r.wk > 0 THEN 2 ELSE 3 END
              + CASE WHEN r.i > 0 AND r.c <= 0 AND r.e > 0 THEN 4 ELSE 0 END)::smallint AS st
          FROM (SELECT ev.id, ev.d, sum(ev.dc) OVER w AS c, sum(ev.dw) OVER w AS wk, sum(ev.de) OVER w AS e, sum(ev.di) OVER w AS i
                FROM ev WINDOW w AS (PARTITION BY ev.id ORDER BY ev.d)) r
        ), changes AS (
          -- Every event of a day has that day's state; the first of them differs from the day before.
          SELECT s.id, s.d, s.st FROM (
            SELECT state.id, state.d, state.st, lag(state.st, 1, 0::smallint) OVER (PARTITION BY state.id ORDER BY state.d) AS prev
            FROM state) s
          WHERE s.st <> s.prev
        ), timeline AS (
          SELECT changes.id, array_agg(changes.d ORDER BY changes.d) AS days, array_agg(changes.st ORDER BY changes.d) AS states
          FROM changes GROUP BY changes.id
        )
        SELECT o.id, o.street_id, o.park_id, o.building_id, o.business_district_id, coalesce(t.days, '{}'), coalesce(t.states, '{}')
        FROM organization o LEFT JOIN timeline t ON t.id = o.id
        WHERE o.id BETWEEN lo AND hi;
      END
      $fn$;

      CREATE FUNCTION coverage_rebuild_party_organization_timelines() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        ${SETTINGS}
        INSERT INTO party_organization_weak_timeline (party_organization_id, area_id, park_id, building_id, business_district_id, days, states)
        WITH p AS MATERIALIZED (
          SELECT p.id, p.area_id, p.established_on, p.dissolved_on,
            coalesce(p.park_id, b.park_id, o.park_id) AS park_id,
            coalesce(p.building_id, o.building_id) AS building_id,
            coalesce(p.business_district_id, o.business_district_id) AS business_district_id
          FROM party_organization p
            LEFT JOIN building b ON b.id = p.building_id
            LEFT JOIN organization o ON o.id = p.organization_id
        ), ev (id, d, ds, da) AS (
          SELECT p.id, p.established_on, 1, 0 FROM p
          UNION ALL SELECT p.id, p.dissolved_on, -1, 0 FROM p WHERE p.dissolved_on IS NOT NULL
          UNION ALL SELECT a.party_organization_id, x.d, 0, x.k FROM activity a
            CROSS JOIN LATERAL (VALUES (a.held_on, 1), (a.held_on + ${W}, -1)) AS x(d, k)
        ), changes AS (
          SELECT s.id, s.d, s.st FROM (
            SELECT r.id, r.d, r.st, lag(r.st, 1, 0::smallint) OVER (PARTITION BY r.id ORDER BY r.d) AS prev
            FROM (SELECT ev.id, ev.d, (CASE WHEN sum(ev.ds) OVER w > 0 AND sum(ev.da) OVER w <= 0 THEN 1 ELSE 0 END)::smallint AS st
                  FROM ev WINDOW w AS (PARTITION BY ev.id ORDER BY ev.d)) r) s
          WHERE s.st <> s.prev
        ), timeline AS (
          SELECT changes.id, array_agg(changes.d ORDER BY changes.d) AS days, array_agg(changes.st ORDER BY changes.d) AS states
          FROM changes GROUP BY changes.id
        )
        SELECT p.id, p.area_id, p.park_id, p.building_id, p.business_district_id, coalesce(t.days, '{}'), coalesce(t.states, '{}')
        FROM p LEFT JOIN timeline t ON t.id = p.id;
      END
      $fn$;

      -- What coverage_changes(1, NULL, NULL) and its running sums give, with integer sums, for
      -- the grains asked (NULL: all), one statement per grain.
      CREATE FUNCTION coverage_rebuild_tally(grains "char"[]) RETURNS void LANGUAGE plpgsql
      SET enable_sort = off AS $fn$
      BEGIN
        ${SETTINGS}
        ${GRAINS.map((g) => `IF grains IS NULL OR '${g.grain}' = ANY(grains) THEN
          ${tallyGrain(g)}
        END IF;`).join('\n        ')}
      END
      $fn$;

      CREATE OR REPLACE FUNCTION coverage_rebuild() RETURNS void LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      BEGIN
        ${SETTINGS}
        TRUNCATE organization_coverage_timeline, party_organization_weak_timeline, coverage_tally;
        PERFORM coverage_rebuild_organization_timelines(NULL, NULL);
        PERFORM coverage_rebuild_party_organization_timelines();
        PERFORM coverage_rebuild_tally(NULL);
      END
      $fn$;

      -- Parts of what the owner keeps; not for anyone else to call.
      REVOKE EXECUTE ON FUNCTION coverage_rebuild_organization_timelines(integer, integer) FROM PUBLIC;
      REVOKE EXECUTE ON FUNCTION coverage_rebuild_party_organization_timelines() FROM PUBLIC;
      REVOKE EXECUTE ON FUNCTION coverage_rebuild_tally("char"[]) FROM PUBLIC;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // coverage_rebuild() as the coverage-tally and row-level-security migrations left it.
    await q.query(/* sql */ `
      CREATE OR REPLACE FUNCTION coverage_rebuild() RETURNS void LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      BEGIN
        PERFORM set_config('work_mem', '256MB', true);
        PERFORM set_config('jit', 'off', true);
        TRUNCATE organization_coverage_timeline, party_organization_weak_timeline, coverage_tally;
        INSERT INTO organization_coverage_timeline SELECT * FROM coverage_organization_timelines(NULL);
        INSERT INTO party_organization_weak_timeline SELECT * FROM coverage_party_organization_timelines(NULL);
        INSERT INTO coverage_tally
        SELECT c.grain, c.place_id, c.day, sum(c.da) OVER w, sum(c.dorg) OVER w, sum(c.dw) OVER w, sum(c.db) OVER w,
          sum(c.de) OVER w, sum(c.dweak) OVER w
        FROM coverage_changes(1, NULL, NULL) AS c
        WINDOW w AS (PARTITION BY c.grain, c.place_id ORDER BY c.day);
      END
      $fn$;
      DROP FUNCTION IF EXISTS coverage_rebuild_tally("char"[]);
      DROP FUNCTION IF EXISTS coverage_rebuild_party_organization_timelines();
      DROP FUNCTION IF EXISTS coverage_rebuild_organization_timelines(integer, integer);
    `);
  }
}
