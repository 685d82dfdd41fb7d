import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The default window (days) and the Party Constitution's threshold, as the tally counts them.
 * They equal @liangxin/domain's DEFAULT_WINDOW_DAYS and FULL_MEMBERS_FOR_ORGANIZATION (a test
 * compares them); they are written here because a migration must not change when code does.
 */
export const TALLY_WINDOW_DAYS = 90;
export const TALLY_FULL_MEMBERS = 3;

/**
 * Coverage kept current on every write, so that "coverage of all 112 streets, today or a year
 * back" is a lookup and not a pass over every organization.
 *
 * Each organization's coverage is piecewise constant in time: it changes only on the days a
 * fact starts or ends (registration, deregistration, a covering edge or its Party organization
 * starting or ending, an instructor's assignment, a visit and the day its window runs out, the
 * day its third full member qualifies). So:
 *
 * - `organization_coverage_timeline` holds, per organization, the days its state changes and
 *   the state from each day on (0 out of scope, 1 organization-covered, 2 work-covered,
 *   3 blind spot; +4 when uncovered with 3+ full members). It also keeps the places the
 *   organization was counted under, so its contribution can be taken back exactly when it moves.
 * - `party_organization_weak_timeline` does the same for Party organizations: 1 while standing
 *   with no activity in the window (作用发挥较弱).
 * - `coverage_tally` holds, per place (grain A area, P park, B building, D business district)
 *   and per day on which a count changes, the counts from that day on. The counts on a date are
 *   the row with the latest day ≤ that date (one index probe per place).
 *
 * Triggers on every table the measures read recompute the timelines of the organizations and
 * Party organizations a statement touched and apply the difference to the tally, in the
 * writer's transaction: the tally is exact after every committed write, whoever writes. Only the
 * default window is tallied; other windows are computed from the facts by the server.
 *
 * Concurrency: a refresh first locks the organizations (or Party organizations) it recomputes
 * and then each tally place it changes (advisory locks, in order), so two transactions touching
 * the same place apply their differences one after the other, each reading the other's
 * committed rows (READ COMMITTED takes a fresh snapshot per statement).
 *
 * Bulk loaders may set `liangxin.coverage_tally = 'deferred'` for their transaction and call
 * `coverage_rebuild()` before committing; TRUNCATE of a source table rebuilds too.
 */
/** The tables whose rows the measures read, each with the trigger function that refreshes the tally. */
const SOURCES = [
  'organization',
  'party_organization',
  'party_organization_coverage',
  'party_member',
  'liaison_point',
  'visit',
  'activity',
  'building',
] as const;

/**
 * Statement-level triggers with transition tables: one refresh per statement, however many rows
 * it wrote (an import of 60,000 rows is one refresh, not 60,000). Each names the organizations
 * and Party organizations whose timelines the changed rows can move; an UPDATE that changes
 * nothing the measures read refreshes nothing.
 */
const TRIGGERS = /* sql */ `
  CREATE FUNCTION coverage_tally_deferred() RETURNS boolean LANGUAGE sql STABLE AS $fn$
    SELECT coalesce(current_setting('liangxin.coverage_tally', true), '') = 'deferred'
  $fn$;

  CREATE FUNCTION coverage_tally_on_write() RETURNS trigger LANGUAGE plpgsql AS $fn$
  DECLARE
    orgs integer[] := '{}';
    pos integer[] := '{}';
  BEGIN
    IF coverage_tally_deferred() THEN RETURN NULL; END IF;
    CASE TG_TABLE_NAME
    WHEN 'organization' THEN
      IF TG_OP = 'INSERT' THEN
        orgs := ARRAY(SELECT id FROM new_rows);
      ELSIF TG_OP = 'DELETE' THEN
        orgs := ARRAY(SELECT id FROM old_rows);
      ELSE
        orgs := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE (n.registered_on, n.deregistered_on, n.street_id, n.park_id, n.building_id, n.business_district_id)
            IS DISTINCT FROM (o.registered_on, o.deregistered_on, o.street_id, o.park_id, o.building_id, o.business_district_id));
        -- A Party organization anchored on an organization is counted in its containers.
        pos := ARRAY(SELECT p.id FROM party_organization p JOIN new_rows n ON n.id = p.organization_id JOIN old_rows o ON o.id = n.id
          WHERE (n.park_id, n.building_id, n.business_district_id) IS DISTINCT FROM (o.park_id, o.building_id, o.business_district_id));
      END IF;
    WHEN 'party_organization' THEN
      IF TG_OP = 'INSERT' THEN
        pos := ARRAY(SELECT id FROM new_rows);
      ELSIF TG_OP = 'DELETE' THEN
        pos := ARRAY(SELECT id FROM old_rows);
      ELSE
        pos := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE (n.established_on, n.dissolved_on, n.area_id, n.organization_id, n.park_id, n.building_id, n.business_district_id)
            IS DISTINCT FROM (o.established_on, o.dissolved_on, o.area_id, o.organization_id, o.park_id, o.building_id, o.business_district_id));
        -- Its standing bounds the coverage it gives.
        orgs := ARRAY(SELECT c.organization_id FROM party_organization_coverage c JOIN new_rows n ON n.id = c.party_organization_id
          JOIN old_rows o ON o.id = n.id WHERE (n.established_on, n.dissolved_on) IS DISTINCT FROM (o.established_on, o.dissolved_on));
      END IF;
    WHEN 'party_organization_coverage' THEN
      IF TG_OP IN ('INSERT', 'UPDATE') THEN orgs := ARRAY(SELECT organization_id FROM new_rows); END IF;
      IF TG_OP IN ('DELETE', 'UPDATE') THEN orgs := orgs || ARRAY(SELECT organization_id FROM old_rows); END IF;
    WHEN 'party_member' THEN
      IF TG_OP = 'INSERT' THEN
        orgs := ARRAY(SELECT organization_id FROM new_rows WHERE full_on IS NOT NULL);
      ELSIF TG_OP = 'DELETE' THEN
        orgs := ARRAY(SELECT organization_id FROM old_rows WHERE full_on IS NOT NULL);
      ELSE
        orgs := ARRAY(SELECT x FROM new_rows n JOIN old_rows o ON o.id = n.id
            CROSS JOIN LATERAL (VALUES (n.organization_id), (o.organization_id)) AS v(x)
          WHERE (n.organization_id, n.full_on, n.employed_since) IS DISTINCT FROM (o.organization_id, o.full_on, o.employed_since));
      END IF;
    WHEN 'liaison_point' THEN
      IF TG_OP IN ('INSERT', 'UPDATE') THEN orgs := ARRAY(SELECT organization_id FROM new_rows WHERE kind = 'INSTRUCTOR'); END IF;
      IF TG_OP IN ('DELETE', 'UPDATE') THEN orgs := orgs || ARRAY(SELECT organization_id FROM old_rows WHERE kind = 'INSTRUCTOR'); END IF;
    WHEN 'visit' THEN
      IF TG_OP IN ('INSERT', 'UPDATE') THEN orgs := ARRAY(SELECT organization_id FROM new_rows); END IF;
      IF TG_OP IN ('DELETE', 'UPDATE') THEN orgs := orgs || ARRAY(SELECT organization_id FROM old_rows); END IF;
    WHEN 'activity' THEN
      IF TG_OP IN ('INSERT', 'UPDATE') THEN pos := ARRAY(SELECT party_organization_id FROM new_rows); END IF;
      IF TG_OP IN ('DELETE', 'UPDATE') THEN pos := pos || ARRAY(SELECT party_organization_id FROM old_rows); END IF;
    WHEN 'building' THEN
      -- A Party organization anchored on a building is counted in the building's park.
      IF TG_OP = 'UPDATE' THEN
        pos := ARRAY(SELECT p.id FROM party_organization p JOIN new_rows n ON n.id = p.building_id JOIN old_rows o ON o.id = n.id
          WHERE n.park_id IS DISTINCT FROM o.park_id);
      END IF;
    END CASE;
    PERFORM coverage_refresh(orgs, pos);
    RETURN NULL;
  END
  $fn$;

  CREATE FUNCTION coverage_tally_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    IF NOT coverage_tally_deferred() THEN PERFORM coverage_rebuild(); END IF;
    RETURN NULL;
  END
  $fn$;
` + SOURCES.map((table) => {
  const events = table === 'building' ? (['UPDATE'] as const) : (['INSERT', 'UPDATE', 'DELETE'] as const);
  return events
    .map((event) => {
      const refs = event === 'INSERT' ? 'NEW TABLE AS new_rows' : event === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      return `CREATE TRIGGER coverage_tally_${event.toLowerCase()} AFTER ${event} ON ${table} REFERENCING ${refs}
        FOR EACH STATEMENT EXECUTE FUNCTION coverage_tally_on_write();`;
    })
    .concat(`CREATE TRIGGER coverage_tally_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION coverage_tally_on_truncate();`)
    .join('\n');
}).join('\n');

const DROP_TRIGGERS = SOURCES.map((table) =>
  ['insert', 'update', 'delete', 'truncate'].map((e) => `DROP TRIGGER IF EXISTS coverage_tally_${e} ON ${table};`).join('\n'),
).join('\n') + `
  DROP FUNCTION IF EXISTS coverage_tally_on_write();
  DROP FUNCTION IF EXISTS coverage_tally_on_truncate();
  DROP FUNCTION IF EXISTS coverage_tally_deferred();`;

export class CoverageTally1764576000000 implements MigrationInterface {
  name = 'CoverageTally1764576000000';

  async up(q: QueryRunner): Promise<void> {
    const W = TALLY_WINDOW_DAYS;
    const N = TALLY_FULL_MEMBERS;
    await q.query(/* sql */ `
      CREATE TABLE organization_coverage_timeline (
        -- No foreign key: the row must outlive a deleted organization until its contribution is taken back.
        organization_id      integer PRIMARY KEY,
        street_id            integer NOT NULL,
        park_id              integer,
        building_id          integer,
        business_district_id integer,
        days                 date[] NOT NULL,
        states               smallint[] NOT NULL,
        CHECK (cardinality(days) = cardinality(states))
      );
      CREATE TABLE party_organization_weak_timeline (
        party_organization_id integer PRIMARY KEY,
        area_id               integer NOT NULL,
        park_id               integer,
        building_id           integer,
        business_district_id  integer,
        days                  date[] NOT NULL,
        states                smallint[] NOT NULL,
        CHECK (cardinality(days) = cardinality(states))
      );
      CREATE TABLE coverage_tally (
        grain                         "char" NOT NULL CHECK (grain IN ('A', 'P', 'B', 'D')),
        place_id                      integer NOT NULL,
        day                           date NOT NULL,
        in_scope                      integer NOT NULL CHECK (in_scope >= 0),
        organization_covered          integer NOT NULL CHECK (organization_covered >= 0),
        work_covered                  integer NOT NULL CHECK (work_covered >= 0),
        blind_spots                   integer NOT NULL CHECK (blind_spots >= 0),
        standalone_eligible_uncovered integer NOT NULL CHECK (standalone_eligible_uncovered >= 0),
        weak_party_organizations      integer NOT NULL CHECK (weak_party_organizations >= 0),
        PRIMARY KEY (grain, place_id, day)
      );

      -- The timelines of some organizations (ids) or of all (NULL), computed from the facts by a
      -- sweep: +1/-1 events per fact, running sums per organization and day, the state from them.
      -- The rules are those of the server's coverage.sql.ts: in scope registered <= d <
      -- deregistered; covered by an edge with since <= d < until whose Party organization stands
      -- (established <= d < dissolved); work-covered by an instructor liaison point (since <= d <
      -- until) or a visit v with v <= d < v + window; eligible from the day the Nth full member is
      -- both full and employed.
      CREATE FUNCTION coverage_organization_timelines(ids integer[])
      RETURNS TABLE (organization_id integer, street_id integer, park_id integer, building_id integer,
                     business_district_id integer, days date[], states smallint[])
      LANGUAGE plpgsql STABLE AS $fn$
      DECLARE
        f text := CASE WHEN ids IS NULL THEN 'true' ELSE '%s = ANY($1)' END;
      BEGIN
        RETURN QUERY EXECUTE format($q$
          WITH o AS (
            SELECT o.id, o.registered_on, o.deregistered_on, o.street_id, o.park_id, o.building_id, o.business_district_id
            FROM organization o WHERE %1$s
          ), cov AS (
            SELECT cv.organization_id AS id, greatest(cv.since, p.established_on) AS s,
              least(coalesce(cv.until, 'infinity'::date), coalesce(p.dissolved_on, 'infinity'::date)) AS u
            FROM party_organization_coverage cv JOIN party_organization p ON p.id = cv.party_organization_id
            WHERE %2$s
          ), wk AS (
            SELECT lp.organization_id AS id, lp.since AS s, coalesce(lp.until, 'infinity'::date) AS u
            FROM liaison_point lp WHERE lp.kind = 'INSTRUCTOR' AND %3$s
            UNION ALL
            SELECT v.organization_id, v.visited_on, v.visited_on + ${W} FROM visit v WHERE %4$s
          ), el AS (
            SELECT m.organization_id AS id,
              (array_agg(greatest(m.full_on, m.employed_since) ORDER BY greatest(m.full_on, m.employed_since)))[${N}] AS s
            FROM party_member m WHERE m.full_on IS NOT NULL AND %5$s
            GROUP BY m.organization_id HAVING count(*) >= ${N}
          ), ev (id, d, dc, dw, de, di) AS (
            SELECT id, registered_on, 0, 0, 0, 1 FROM o
            UNION ALL SELECT id, deregistered_on, 0, 0, 0, -1 FROM o WHERE deregistered_on IS NOT NULL
            UNION ALL SELECT id, s, 1, 0, 0, 0 FROM cov WHERE s < u
            UNION ALL SELECT id, u, -1, 0, 0, 0 FROM cov WHERE s < u AND u < 'infinity'
            UNION ALL SELECT id, s, 0, 1, 0, 0 FROM wk WHERE s < u
            UNION ALL SELECT id, u, 0, -1, 0, 0 FROM wk WHERE s < u AND u < 'infinity'
            UNION ALL SELECT id, s, 0, 0, 1, 0 FROM el
          ), per_day AS (
            SELECT id, d, sum(dc) AS dc, sum(dw) AS dw, sum(de) AS de, sum(di) AS di FROM ev GROUP BY id, d
          ), running AS (
            SELECT id, d, sum(dc) OVER w AS c, sum(dw) OVER w AS wk, sum(de) OVER w AS e, sum(di) OVER w AS i
            FROM per_day WINDOW w AS (PARTITION BY id ORDER BY d)
          ), state AS (
            SELECT id, d, (CASE WHEN i <= 0 THEN 0 WHEN c > 0 THEN 1 WHEN wk > 0 THEN 2 ELSE 3 END
              + CASE WHEN i > 0 AND c <= 0 AND e > 0 THEN 4 ELSE 0 END)::smallint AS st
            FROM running
          ), changes AS (
            SELECT id, d, st, lag(st, 1, 0::smallint) OVER (PARTITION BY id ORDER BY d) AS prev FROM state
          )
          , timeline AS (
            SELECT id, array_agg(d ORDER BY d) AS days, array_agg(st ORDER BY d) AS states
            FROM changes WHERE st <> prev GROUP BY id
          )
          SELECT o.id, o.street_id, o.park_id, o.building_id, o.business_district_id,
            coalesce(t.days, '{}'), coalesce(t.states, '{}')
          FROM o LEFT JOIN timeline t ON t.id = o.id
        $q$, format(f, 'o.id'), format(f, 'cv.organization_id'), format(f, 'lp.organization_id'),
             format(f, 'v.organization_id'), format(f, 'm.organization_id'))
        USING ids;
      END
      $fn$;

      -- The weak timelines of some Party organizations (ids) or of all (NULL): standing
      -- (established <= d < dissolved) with no activity a such that a <= d < a + window. Its
      -- places are those the server's scopes give it: its area, and its park, building or
      -- business district directly or through the building or organization it is anchored on.
      CREATE FUNCTION coverage_party_organization_timelines(ids integer[])
      RETURNS TABLE (party_organization_id integer, area_id integer, park_id integer, building_id integer,
                     business_district_id integer, days date[], states smallint[])
      LANGUAGE plpgsql STABLE AS $fn$
      DECLARE
        f text := CASE WHEN ids IS NULL THEN 'true' ELSE '%s = ANY($1)' END;
      BEGIN
        RETURN QUERY EXECUTE format($q$
          WITH p AS (
            SELECT p.id, p.area_id, p.established_on, p.dissolved_on,
              coalesce(p.park_id, b.park_id, o.park_id) AS park_id,
              coalesce(p.building_id, o.building_id) AS building_id,
              coalesce(p.business_district_id, o.business_district_id) AS business_district_id
            FROM party_organization p
              LEFT JOIN building b ON b.id = p.building_id
              LEFT JOIN organization o ON o.id = p.organization_id
            WHERE %1$s
          ), ev (id, d, ds, da) AS (
            SELECT id, established_on, 1, 0 FROM p
            UNION ALL SELECT id, dissolved_on, -1, 0 FROM p WHERE dissolved_on IS NOT NULL
            UNION ALL SELECT a.party_organization_id, a.held_on, 0, 1 FROM activity a WHERE %2$s
            UNION ALL SELECT a.party_organization_id, a.held_on + ${W}, 0, -1 FROM activity a WHERE %2$s
          ), per_day AS (
            SELECT id, d, sum(ds) AS ds, sum(da) AS da FROM ev GROUP BY id, d
          ), running AS (
            SELECT id, d, sum(ds) OVER w AS s, sum(da) OVER w AS a FROM per_day WINDOW w AS (PARTITION BY id ORDER BY d)
          ), state AS (
            SELECT id, d, (CASE WHEN s > 0 AND a <= 0 THEN 1 ELSE 0 END)::smallint AS st FROM running
          ), changes AS (
            SELECT id, d, st, lag(st, 1, 0::smallint) OVER (PARTITION BY id ORDER BY d) AS prev FROM state
          )
          , timeline AS (
            SELECT id, array_agg(d ORDER BY d) AS days, array_agg(st ORDER BY d) AS states
            FROM changes WHERE st <> prev GROUP BY id
          )
          SELECT p.id, p.area_id, p.park_id, p.building_id, p.business_district_id,
            coalesce(t.days, '{}'), coalesce(t.states, '{}')
          FROM p LEFT JOIN timeline t ON t.id = p.id
        $q$, format(f, 'p.id'), format(f, 'a.party_organization_id'))
        USING ids;
      END
      $fn$;

      -- The whole tally from the facts: timelines, then per place and day the sum of the changes,
      -- then running sums. Used after bulk loads, by TRUNCATE, and by the tests as the reference.
      CREATE FUNCTION coverage_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        -- Sorts and hashes over every organization's facts: in memory, not in temporary files;
        -- and no JIT, whose compilation of these few large statements cost more than it saved
        -- (4.3 s against 2.0 s for the timelines at scale 1).
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
    `);

    // The changes (per place and day) that the stored timelines of the given organizations and
    // Party organizations contribute, times a sign; all timelines when both lists are NULL.
    // A state's counts: in scope (st & 3 <> 0), organization-covered (1), work-covered (2),
    // blind (3), eligible (st & 4); a change is the counts of a state minus those of the one
    // before it (0 before the first).
    await q.query(/* sql */ `
      CREATE FUNCTION coverage_changes(sign integer, org_ids integer[], po_ids integer[])
      RETURNS TABLE (grain "char", place_id integer, day date, da bigint, dorg bigint, dw bigint, db bigint, de bigint, dweak bigint)
      LANGUAGE plpgsql STABLE AS $fn$
      DECLARE
        all_rows boolean := org_ids IS NULL AND po_ids IS NULL;
      BEGIN
        RETURN QUERY EXECUTE format($q$
          WITH org_steps AS (
            SELECT t.street_id, t.park_id, t.building_id, t.business_district_id, x.day, x.st,
              CASE WHEN x.i = 1 THEN 0::smallint ELSE t.states[x.i - 1] END AS prev
            FROM organization_coverage_timeline t
              CROSS JOIN LATERAL unnest(t.days, t.states) WITH ORDINALITY AS x(day, st, i)
            WHERE %1$s
          ), org_changes AS (
            SELECT street_id, park_id, building_id, business_district_id, day,
              $1 * sum((st & 3 <> 0)::int - (prev & 3 <> 0)::int) AS da,
              $1 * sum((st & 3 = 1)::int - (prev & 3 = 1)::int) AS dorg,
              $1 * sum((st & 3 = 2)::int - (prev & 3 = 2)::int) AS dw,
              $1 * sum((st & 3 = 3)::int - (prev & 3 = 3)::int) AS db,
              $1 * sum((st & 4 <> 0)::int - (prev & 4 <> 0)::int) AS de
            FROM org_steps GROUP BY 1, 2, 3, 4, 5
          ), po_changes AS (
            SELECT t.area_id, t.park_id, t.building_id, t.business_district_id, x.day,
              $1 * sum(x.st - CASE WHEN x.i = 1 THEN 0 ELSE t.states[x.i - 1] END) AS dweak
            FROM party_organization_weak_timeline t
              CROSS JOIN LATERAL unnest(t.days, t.states) WITH ORDINALITY AS x(day, st, i)
            WHERE %2$s
            GROUP BY 1, 2, 3, 4, 5
          ), keyed AS (
            SELECT 'A'::"char" AS grain, k.place_id, c.day, c.da, c.dorg, c.dw, c.db, c.de, 0::bigint AS dweak
            FROM org_changes c JOIN area s ON s.id = c.street_id CROSS JOIN LATERAL unnest(s.path) AS k(place_id)
            UNION ALL SELECT 'P', c.park_id, c.day, c.da, c.dorg, c.dw, c.db, c.de, 0 FROM org_changes c WHERE c.park_id IS NOT NULL
            UNION ALL SELECT 'B', c.building_id, c.day, c.da, c.dorg, c.dw, c.db, c.de, 0 FROM org_changes c WHERE c.building_id IS NOT NULL
            UNION ALL SELECT 'D', c.business_district_id, c.day, c.da, c.dorg, c.dw, c.db, c.de, 0
              FROM org_changes c WHERE c.business_district_id IS NOT NULL
            UNION ALL SELECT 'A', k.place_id, c.day, 0, 0, 0, 0, 0, c.dweak
            FROM po_changes c JOIN area s ON s.id = c.area_id CROSS JOIN LATERAL unnest(s.path) AS k(place_id)
            UNION ALL SELECT 'P', c.park_id, c.day, 0, 0, 0, 0, 0, c.dweak FROM po_changes c WHERE c.park_id IS NOT NULL
            UNION ALL SELECT 'B', c.building_id, c.day, 0, 0, 0, 0, 0, c.dweak FROM po_changes c WHERE c.building_id IS NOT NULL
            UNION ALL SELECT 'D', c.business_district_id, c.day, 0, 0, 0, 0, 0, c.dweak
              FROM po_changes c WHERE c.business_district_id IS NOT NULL
          )
          SELECT k.grain, k.place_id, k.day, sum(k.da)::bigint, sum(k.dorg)::bigint, sum(k.dw)::bigint, sum(k.db)::bigint,
            sum(k.de)::bigint, sum(k.dweak)::bigint
          FROM keyed k GROUP BY k.grain, k.place_id, k.day
        $q$,
          CASE WHEN all_rows THEN 'true' ELSE 't.organization_id = ANY($2)' END,
          CASE WHEN all_rows THEN 'true' ELSE 't.party_organization_id = ANY($3)' END)
        USING sign, coalesce(org_ids, '{}'), coalesce(po_ids, '{}');
      END
      $fn$;

      -- Recomputes the timelines of the given organizations and Party organizations and applies
      -- the difference to the tally. Either list may be empty or NULL.
      CREATE FUNCTION coverage_refresh(org_ids integer[], po_ids integer[]) RETURNS void LANGUAGE plpgsql AS $fn$
      DECLARE
        g "char"[]; pl integer[]; dy date[]; da bigint[]; dorg bigint[]; dw bigint[]; db bigint[]; de bigint[]; dweak bigint[];
        k record;
      BEGIN
        org_ids := ARRAY(SELECT DISTINCT x FROM unnest(coalesce(org_ids, '{}')) x WHERE x IS NOT NULL ORDER BY x);
        po_ids := ARRAY(SELECT DISTINCT x FROM unnest(coalesce(po_ids, '{}')) x WHERE x IS NOT NULL ORDER BY x);
        IF cardinality(org_ids) = 0 AND cardinality(po_ids) = 0 THEN RETURN; END IF;
        -- One refresh of a given organization at a time: the second reads what the first committed.
        PERFORM 1 FROM organization WHERE id = ANY(org_ids) ORDER BY id FOR NO KEY UPDATE;
        PERFORM 1 FROM party_organization WHERE id = ANY(po_ids) ORDER BY id FOR NO KEY UPDATE;

        -- What the stored timelines contribute now, taken back ...
        SELECT array_agg(c.grain), array_agg(c.place_id), array_agg(c.day), array_agg(c.da), array_agg(c.dorg),
               array_agg(c.dw), array_agg(c.db), array_agg(c.de), array_agg(c.dweak)
          INTO g, pl, dy, da, dorg, dw, db, de, dweak
          FROM coverage_changes(-1, org_ids, po_ids) c;
        -- ... the timelines recomputed from the facts ...
        DELETE FROM organization_coverage_timeline WHERE organization_id = ANY(org_ids);
        INSERT INTO organization_coverage_timeline SELECT * FROM coverage_organization_timelines(org_ids);
        DELETE FROM party_organization_weak_timeline WHERE party_organization_id = ANY(po_ids);
        INSERT INTO party_organization_weak_timeline SELECT * FROM coverage_party_organization_timelines(po_ids);
        -- ... and what they contribute instead: the difference, per place and day.
        SELECT array_agg(c.grain ORDER BY c.grain, c.place_id, c.day), array_agg(c.place_id ORDER BY c.grain, c.place_id, c.day),
               array_agg(c.day ORDER BY c.grain, c.place_id, c.day),
               array_agg(c.da ORDER BY c.grain, c.place_id, c.day), array_agg(c.dorg ORDER BY c.grain, c.place_id, c.day),
               array_agg(c.dw ORDER BY c.grain, c.place_id, c.day), array_agg(c.db ORDER BY c.grain, c.place_id, c.day),
               array_agg(c.de ORDER BY c.grain, c.place_id, c.day), array_agg(c.dweak ORDER BY c.grain, c.place_id, c.day)
          INTO g, pl, dy, da, dorg, dw, db, de, dweak
        FROM (
          SELECT x.grain, x.place_id, x.day, sum(x.da) AS da, sum(x.dorg) AS dorg, sum(x.dw) AS dw, sum(x.db) AS db,
            sum(x.de) AS de, sum(x.dweak) AS dweak
          FROM (
            SELECT * FROM unnest(g, pl, dy, da, dorg, dw, db, de, dweak)
              AS o(grain, place_id, day, da, dorg, dw, db, de, dweak)
            UNION ALL SELECT * FROM coverage_changes(1, org_ids, po_ids)
          ) x
          GROUP BY x.grain, x.place_id, x.day
          HAVING sum(x.da) <> 0 OR sum(x.dorg) <> 0 OR sum(x.dw) <> 0 OR sum(x.db) <> 0 OR sum(x.de) <> 0 OR sum(x.dweak) <> 0
        ) c;
        IF g IS NULL THEN RETURN; END IF;

        -- Each place changed, locked in order; then rows on the change days (copying the counts
        -- in force the day before), then every row from each change day on.
        FOR k IN SELECT DISTINCT x.grain, x.place_id FROM unnest(g, pl) AS x(grain, place_id) ORDER BY 1, 2 LOOP
          PERFORM pg_advisory_xact_lock(hashtext('coverage_tally:' || k.grain::text), k.place_id);
        END LOOP;
        INSERT INTO coverage_tally
        SELECT e.grain, e.place_id, e.day, coalesce(pr.in_scope, 0), coalesce(pr.organization_covered, 0),
          coalesce(pr.work_covered, 0), coalesce(pr.blind_spots, 0), coalesce(pr.standalone_eligible_uncovered, 0),
          coalesce(pr.weak_party_organizations, 0)
        FROM unnest(g, pl, dy) AS e(grain, place_id, day)
        LEFT JOIN LATERAL (
          SELECT * FROM coverage_tally t WHERE t.grain = e.grain AND t.place_id = e.place_id AND t.day < e.day
          ORDER BY t.day DESC LIMIT 1
        ) pr ON true
        ORDER BY 1, 2, 3
        ON CONFLICT DO NOTHING;
        -- Each row gets the running sum of the changes on or before its day: the changes and
        -- the rows from each place's first change on, merged by day, summed in order (a join of
        -- every row with every earlier change was quadratic for a 60,000-row import).
        UPDATE coverage_tally t
           SET in_scope = t.in_scope + s.da, organization_covered = t.organization_covered + s.dorg,
               work_covered = t.work_covered + s.dw, blind_spots = t.blind_spots + s.db,
               standalone_eligible_uncovered = t.standalone_eligible_uncovered + s.de,
               weak_party_organizations = t.weak_party_organizations + s.dweak
          FROM (
            WITH e AS (
              SELECT * FROM unnest(g, pl, dy, da, dorg, dw, db, de, dweak) AS u(grain, place_id, day, ca, corg, cw, cb, ce, cweak)
            ), firsts AS (
              SELECT e.grain, e.place_id, min(e.day) AS day FROM e GROUP BY e.grain, e.place_id
            ), merged AS (
              SELECT x.grain, x.place_id, x.day, sum(x.ca) AS ca, sum(x.corg) AS corg, sum(x.cw) AS cw, sum(x.cb) AS cb,
                sum(x.ce) AS ce, sum(x.cweak) AS cweak
              FROM (
                SELECT e.grain, e.place_id, e.day, e.ca, e.corg, e.cw, e.cb, e.ce, e.cweak FROM e
                UNION ALL
                SELECT t2.grain, t2.place_id, t2.day, 0, 0, 0, 0, 0, 0
                FROM firsts f JOIN coverage_tally t2 ON t2.grain = f.grain AND t2.place_id = f.place_id AND t2.day >= f.day
              ) x
              GROUP BY x.grain, x.place_id, x.day
            )
            SELECT m.grain, m.place_id, m.day, sum(m.ca) OVER w AS da, sum(m.corg) OVER w AS dorg, sum(m.cw) OVER w AS dw,
              sum(m.cb) OVER w AS db, sum(m.ce) OVER w AS de, sum(m.cweak) OVER w AS dweak
            FROM merged m WINDOW w AS (PARTITION BY m.grain, m.place_id ORDER BY m.day)
          ) s
         WHERE t.grain = s.grain AND t.place_id = s.place_id AND t.day = s.day;
      END
      $fn$;
    `);
    await q.query(TRIGGERS);
    // Rows written before this migration.
    await q.query('SELECT coverage_rebuild()');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(/* sql */ `
      ${DROP_TRIGGERS}
      DROP FUNCTION IF EXISTS coverage_refresh(integer[], integer[]);
      DROP FUNCTION IF EXISTS coverage_rebuild();
      DROP FUNCTION IF EXISTS coverage_changes(integer, integer[], integer[]);
      DROP FUNCTION IF EXISTS coverage_party_organization_timelines(integer[]);
      DROP FUNCTION IF EXISTS coverage_organization_timelines(integer[]);
      DROP TABLE IF EXISTS coverage_tally, party_organization_weak_timeline, organization_coverage_timeline;
    `);
  }
}
