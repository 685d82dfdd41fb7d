import { DEFAULT_WINDOW_DAYS, FULL_MEMBERS_FOR_ORGANIZATION, todayInShanghai } from '@liangxin/domain';
import { TALLY_WINDOW_DAYS } from '@liangxin/db';
import { and, or, raw, sql, type Sql } from '../../sql/fragment.js';

/**
 * The measures of docs/measures.md as SQL. Each rule is written once here and mirrors
 * @liangxin/domain's coverage.ts exactly (classifyCoverage, isWithinWindow,
 * isWeakPartyOrganization); every figure the API gives is computed by PostgreSQL from these
 * fragments, in one statement per GraphQL level.
 *
 * Dates are compared as `date` values; `d` is the asOf date and `w` the window in days. The
 * window is the `w` days ending on `d`, both ends included: `d − w < x ≤ d`, which is the
 * domain's `isWithinWindow` (age 0 … w − 1) and `windowStart(d, w) = d − (w − 1)`.
 */

export interface CoverageAt {
  /** 'YYYY-MM-DD', already checked. */
  readonly asOf: string;
  /** Days, already checked (1 … 3650). */
  readonly window: number;
}

/** The asOf date and the window as SQL (bind parameters). */
export function dates(at: CoverageAt): { d: Sql; w: Sql } {
  return { d: sql`${at.asOf}::date`, w: sql`${at.window}::int` };
}

/** `x` falls in the window ending on `d`: d − w < x ≤ d (domain isWithinWindow). */
export function withinWindow(x: Sql, d: Sql, w: Sql): Sql {
  return sql`(${x} > ${d} - ${w} AND ${x} <= ${d})`;
}

/** In scope on `d`: registered on or before d, not deregistered on or before d. */
export function inScopeAt(o: string, d: Sql): Sql {
  return sql`(${raw(o)}.registered_on <= ${d} AND (${raw(o)}.deregistered_on IS NULL OR ${raw(o)}.deregistered_on > ${d}))`;
}

/**
 * Organization-covered on `d`: a covering edge open on d (since ≤ d < until) whose Party
 * organization stands on d (established ≤ d < dissolved). The dissolution trigger already ends
 * the edges of a dissolved Party organization; checking the Party organization too keeps past
 * dates right for edges written before it was established.
 */
export function organizationCoveredAt(o: string, d: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM party_organization_coverage __cv JOIN party_organization __cp ON __cp.id = __cv.party_organization_id
    WHERE __cv.organization_id = ${raw(o)}.id AND __cv.since <= ${d} AND (__cv.until IS NULL OR __cv.until > ${d})
      AND __cp.established_on <= ${d} AND (__cp.dissolved_on IS NULL OR __cp.dissolved_on > ${d}))`;
}

/** A liaison point of `kind` (or of any kind) holding on `d`: since ≤ d < until. */
export function liaisonPointAt(o: string, d: Sql, kind?: 'INSTRUCTOR' | 'WORK_GROUP' | 'DIRECT' | 'MEMBER_UNIT'): Sql {
  const ofKind = kind ? sql` AND __lp.kind = ${kind}` : raw('');
  return sql`EXISTS (SELECT 1 FROM liaison_point __lp WHERE __lp.organization_id = ${raw(o)}.id${ofKind}
    AND __lp.since <= ${d} AND (__lp.until IS NULL OR __lp.until > ${d}))`;
}

/** The latest visit on or before `d` (null if none), as classifyCoverage's lastVisitOn. */
export function lastVisitOnAt(o: string, d: Sql): Sql {
  return sql`(SELECT max(__v.visited_on) FROM visit __v WHERE __v.organization_id = ${raw(o)}.id AND __v.visited_on <= ${d})`;
}

/** A visit (on any of its liaison points) inside the window ending on `d`. */
export function visitedWithin(o: string, d: Sql, w: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM visit __vw WHERE __vw.organization_id = ${raw(o)}.id AND ${withinWindow(raw('__vw.visited_on'), d, w)})`;
}

/** Full members employed there on `d`: full_on ≤ d and employed_since ≤ d. */
export function fullMembersAt(o: string, d: Sql): Sql {
  return sql`(SELECT count(*)::int FROM party_member __fm WHERE __fm.organization_id = ${raw(o)}.id AND __fm.full_on <= ${d} AND __fm.employed_since <= ${d})`;
}


/** A blind spot on `d`: in scope, not organization-covered, no instructor, no visit in the window. */
export function blindSpotAt(o: string, at: CoverageAt): Sql {
  const { d, w } = dates(at);
  return and([
    inScopeAt(o, d),
    sql`NOT ${organizationCoveredAt(o, d)}`,
    sql`NOT ${liaisonPointAt(o, d, 'INSTRUCTOR')}`,
    sql`NOT ${visitedWithin(o, d, w)}`,
  ]);
}

/** Where an in-scope organization stands on a date: the three classes of classifyCoverage. */
export type CoverageClass = 'ORGANIZATION_COVERED' | 'WORK_COVERED' | 'BLIND_SPOT';

/**
 * In scope on `asOf` and of one of `classes` (none given: any), for the list filter
 * `OrganizationFilter.coverage`. Built from the same fragments as blindSpotAt, and testing the
 * same facts as coverageStatement's joins, so a list's totalCount is the CoverageStats count.
 */
export function coverageClassAt(o: string, at: CoverageAt, classes: readonly CoverageClass[] | null | undefined): Sql {
  const { d, w } = dates(at);
  const covered = organizationCoveredAt(o, d);
  const workTie = sql`(${liaisonPointAt(o, d, 'INSTRUCTOR')} OR ${visitedWithin(o, d, w)})`;
  const wanted = new Set(classes ?? []);
  const conditions = [inScopeAt(o, d)];
  if (wanted.size > 0 && wanted.size < 3) {
    if (wanted.size === 2 && !wanted.has('ORGANIZATION_COVERED')) conditions.push(sql`NOT ${covered}`);
    else {
      const byClass: Record<CoverageClass, Sql> = {
        ORGANIZATION_COVERED: covered,
        WORK_COVERED: sql`(NOT ${covered} AND ${workTie})`,
        BLIND_SPOT: sql`(NOT ${covered} AND NOT ${workTie})`,
      };
      conditions.push(or([...wanted].map((c) => byClass[c])));
    }
  }
  return and(conditions);
}

/** Employs at least 3 full members on `d` (具备单独组建条件): the standaloneEligibleUncovered rule. */
export function standaloneEligibleAt(o: string, d: Sql): Sql {
  return sql`${fullMembersAt(o, d)} >= ${FULL_MEMBERS_FOR_ORGANIZATION}`;
}

/**
 * Newly organization-covered in the period `start` … `end` (the cadence report's
 * organizationsNewlyCovered): in scope and organization-covered on `end`, not (in scope and
 * organization-covered) on the day before `start`. Only organizations whose state can have
 * changed in between are tested: registered then, or with a covering edge or a Party
 * organization that began then (ends only take coverage away) — the same rows, as the report's
 * statement counts them.
 */
export function newlyOrganizationCovered(o: string, start: string, end: string): Sql {
  const e = sql`${end}::date`;
  const b = sql`(${start}::date - 1)`;
  return sql`(${inScopeAt(o, e)} AND ${organizationCoveredAt(o, e)} AND NOT (${inScopeAt(o, b)} AND ${organizationCoveredAt(o, b)})
    AND (${raw(o)}.registered_on > ${b} AND ${raw(o)}.registered_on <= ${e}
      OR ${raw(o)}.id IN (SELECT __ncv.organization_id FROM party_organization_coverage __ncv JOIN party_organization __ncp ON __ncp.id = __ncv.party_organization_id
                   WHERE (__ncv.since > ${b} AND __ncv.since <= ${e}) OR (__ncp.established_on > ${b} AND __ncp.established_on <= ${e}))))`;
}

/** A Party organization standing on `d`: established ≤ d, not dissolved on or before d. */
export function standingAt(p: string, d: Sql): Sql {
  return sql`(${raw(p)}.established_on <= ${d} AND (${raw(p)}.dissolved_on IS NULL OR ${raw(p)}.dissolved_on > ${d}))`;
}

function activityWithin(p: string, d: Sql, w: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM activity __ac WHERE __ac.party_organization_id = ${raw(p)}.id AND ${withinWindow(raw('__ac.held_on'), d, w)})`;
}

/** 作用发挥较弱 on `d`: standing, and no activity in the window (domain isWeakPartyOrganization). */
export function weakAt(p: string, at: CoverageAt): Sql {
  const { d, w } = dates(at);
  return sql`(${standingAt(p, d)} AND NOT ${activityWithin(p, d, w)})`;
}

/** Standing on `d` and active: at least one activity in the window (the `weak: false` filter). */
export function activeAt(p: string, at: CoverageAt): Sql {
  const { d, w } = dates(at);
  return sql`(${standingAt(p, d)} AND ${activityWithin(p, d, w)})`;
}

/**
 * How one statement groups its figures. Keys are text; a key set is answered in one statement.
 * - `orgWhere` restricts the organizations (alias `o`), `orgKeys` is a SELECT giving the key(s)
 *   of one organization's facts row `f` (columns id, street_id, park_id, building_id,
 *   business_district_id, category, industry): an organization may fall under several keys.
 * - `poWhere` / `poKeys` do the same for Party organizations (alias `p`), for the weak count.
 * - `keys` is a SELECT of (key, label, always, ord): the rows to answer; a row whose `always`
 *   is false is answered only when it has something to count.
 */
export interface Grouping {
  orgWhere: Sql;
  orgKeys: Sql;
  poWhere: Sql;
  poKeys: Sql;
  keys: Sql;
}

export interface CountsRow {
  key: string;
  label: string | null;
  inScope: number;
  organizationCovered: number;
  workCovered: number;
  blindSpots: number;
  standaloneEligibleUncovered: number;
  weakPartyOrganizations: number;
}

/**
 * One statement: the facts of every organization in reach on `d` (materialized once, however
 * many keys an organization falls under), counted per key; the weak Party organizations per
 * key; joined to the keys asked for. The facts are joins from the organizations in reach (the
 * same rules as organizationCoveredAt, liaisonPointAt, visitedWithin and fullMembersAt),
 * so PostgreSQL picks index probes for a building and hash joins for the whole city, then
 * tested as hashed `IN` sets. This keeps its cost estimates honest: correlated EXISTS sub-plans
 * over 57,000 organizations (and LEFT JOINs to the sets) were estimated at millions, which set
 * off JIT compilation — 2 s for a 0.4 s query at scale 1.
 */
export function coverageStatement(g: Grouping, at: CoverageAt): Sql {
  const { d, w } = dates(at);
  return sql`WITH __o AS MATERIALIZED (
  SELECT o.id, o.street_id, o.park_id, o.building_id, o.business_district_id, o.category, o.industry::text AS industry
  FROM organization o
  WHERE ${g.orgWhere} AND ${inScopeAt('o', d)}
), __cov AS (
  SELECT DISTINCT __cv.organization_id AS id
  FROM __o JOIN party_organization_coverage __cv ON __cv.organization_id = __o.id
    JOIN party_organization __cp ON __cp.id = __cv.party_organization_id
  WHERE __cv.since <= ${d} AND (__cv.until IS NULL OR __cv.until > ${d}) AND ${standingAt('__cp', d)}
), __work AS (
  SELECT __lp.organization_id AS id
  FROM __o JOIN liaison_point __lp ON __lp.organization_id = __o.id
  WHERE __lp.kind = 'INSTRUCTOR' AND __lp.since <= ${d} AND (__lp.until IS NULL OR __lp.until > ${d})
  UNION
  SELECT __vw.organization_id
  FROM __o JOIN visit __vw ON __vw.organization_id = __o.id
  WHERE ${withinWindow(raw('__vw.visited_on'), d, w)}
), __elig AS (
  SELECT __fe.organization_id AS id
  FROM __o JOIN party_member __fe ON __fe.organization_id = __o.id
  WHERE __fe.full_on <= ${d} AND __fe.employed_since <= ${d}
  GROUP BY __fe.organization_id HAVING count(*) >= ${FULL_MEMBERS_FOR_ORGANIZATION}
), __f AS MATERIALIZED (
  SELECT __o.*, __o.id IN (SELECT id FROM __cov) AS org_covered, __o.id IN (SELECT id FROM __work) AS work_tie,
    __o.id IN (SELECT id FROM __elig) AS eligible
  FROM __o
), __fk AS (
  SELECT __k.key,
    count(*)::int AS in_scope,
    count(*) FILTER (WHERE f.org_covered)::int AS organization_covered,
    count(*) FILTER (WHERE NOT f.org_covered AND f.work_tie)::int AS work_covered,
    count(*) FILTER (WHERE NOT f.org_covered AND NOT f.work_tie)::int AS blind_spots,
    count(*) FILTER (WHERE NOT f.org_covered AND f.eligible)::int AS eligible
  FROM __f f CROSS JOIN LATERAL (${g.orgKeys}) AS __k(key)
  GROUP BY __k.key
), __pk AS (
  SELECT __k.key, count(*)::int AS weak
  FROM party_organization p CROSS JOIN LATERAL (${g.poKeys}) AS __k(key)
  WHERE ${g.poWhere} AND ${weakAt('p', at)}
  GROUP BY __k.key
)
SELECT __r.key, __r.label,
  coalesce(__fk.in_scope, 0) AS "inScope",
  coalesce(__fk.organization_covered, 0) AS "organizationCovered",
  coalesce(__fk.work_covered, 0) AS "workCovered",
  coalesce(__fk.blind_spots, 0) AS "blindSpots",
  coalesce(__fk.eligible, 0) AS "standaloneEligibleUncovered",
  coalesce(__pk.weak, 0) AS "weakPartyOrganizations"
FROM (${g.keys}) AS __r(key, label, always, ord)
LEFT JOIN __fk ON __fk.key = __r.key
LEFT JOIN __pk ON __pk.key = __r.key
WHERE __r.always OR __fk.key IS NOT NULL OR __pk.key IS NOT NULL
ORDER BY __r.ord, __r.key`;
}

export function toCountsRow(row: Record<string, unknown>): CountsRow {
  return {
    key: String(row.key),
    label: row.label == null ? null : String(row.label),
    inScope: Number(row.inScope),
    organizationCovered: Number(row.organizationCovered),
    workCovered: Number(row.workCovered),
    blindSpots: Number(row.blindSpots),
    standaloneEligibleUncovered: Number(row.standaloneEligibleUncovered),
    weakPartyOrganizations: Number(row.weakPartyOrganizations),
  };
}

/**
 * The coverage tally (migration coverage-tally): per place and per day on which a count changes,
 * the counts from that day on, kept exact by triggers on every write. It holds the default
 * window only; `tallied` says whether a question can be answered from it.
 */
export function tallied(at: CoverageAt): boolean {
  return at.window === TALLY_WINDOW_DAYS;
}

const TALLY_GRAIN: Record<CoveragePlace, string> = { Area: 'A', Park: 'P', Building: 'B', BusinessDistrict: 'D' };

/**
 * The counts of one place (`placeId`, SQL) on `d`: the tally row with the latest day ≤ d, one
 * backward probe of the primary key. The grain is cast to "char": compared as text, the key is
 * not used.
 */
function tallyRow(place: CoveragePlace, placeId: Sql, d: Sql): Sql {
  return sql`SELECT __t.in_scope, __t.organization_covered, __t.work_covered, __t.blind_spots,
      __t.standalone_eligible_uncovered, __t.weak_party_organizations
    FROM coverage_tally __t WHERE __t.grain = ${TALLY_GRAIN[place]}::"char" AND __t.place_id = ${placeId} AND __t.day <= ${d}
    ORDER BY __t.day DESC LIMIT 1`;
}

/** The columns of `tallyProbe`, in order. */
export const TALLY_PROBE_COLUMNS = ['in_scope', 'organization_covered', 'work_covered', 'blind_spots', 'standalone_eligible_uncovered', 'weak_party_organizations'] as const;

/**
 * The tally's row for one place on `at` (`placeId`, SQL: e.g. a list's `a.id`), for a LATERAL
 * join: columns TALLY_PROBE_COLUMNS, no row when the place has none (its counts are all 0).
 */
export function tallyProbe(place: CoveragePlace, placeId: Sql, at: CoverageAt): Sql {
  return tallyRow(place, placeId, dates(at).d);
}

const TALLY_COLUMNS = raw(`coalesce(__c.in_scope, 0) AS "inScope", coalesce(__c.organization_covered, 0) AS "organizationCovered",
  coalesce(__c.work_covered, 0) AS "workCovered", coalesce(__c.blind_spots, 0) AS "blindSpots",
  coalesce(__c.standalone_eligible_uncovered, 0) AS "standaloneEligibleUncovered",
  coalesce(__c.weak_party_organizations, 0) AS "weakPartyOrganizations"`);

/** `coverage` of many places of one type from the tally: one index probe per place. */
export function tallyPlacesStatement(place: CoveragePlace, idList: readonly number[], at: CoverageAt): Sql {
  const { d } = dates(at);
  return sql`SELECT __i::text AS key, NULL::text AS label, ${TALLY_COLUMNS}
    FROM unnest(${[...idList]}::int[]) AS __i LEFT JOIN LATERAL (${tallyRow(place, raw('__i'), d)}) __c ON true`;
}

/** The totals of a scope from the tally, as totalGrouping's single row keyed '*'. */
export function tallyTotalStatement(scope: ScopeSql, at: CoverageAt): Sql {
  const { d } = dates(at);
  return sql`SELECT '*'::text AS key, NULL::text AS label, ${TALLY_COLUMNS}
    FROM (SELECT (${scope.id}) AS __i) __s LEFT JOIN LATERAL (${tallyRow(scope.kind, raw('__s.__i'), d)}) __c ON true`;
}

/**
 * breakdownGrouping's CHILD_AREA rows from the tally: each child area's counts, and the row for
 * what sits directly in the scope as the scope's counts minus its children's (areas partition
 * their organizations and Party organizations), answered only when it holds something.
 */
export function tallyChildAreaStatement(scope: ScopeSql, at: CoverageAt): Sql {
  const { d } = dates(at);
  const counts = ['inScope', 'organizationCovered', 'workCovered', 'blindSpots', 'standaloneEligibleUncovered', 'weakPartyOrganizations'];
  const own = (c: string) =>
    raw(`CASE WHEN __r.always THEN __r."${c}" ELSE __r."${c}" - (SELECT coalesce(sum(__x."${c}"), 0) FROM __rows __x WHERE __x.always) END::int AS "${c}"`);
  return sql`WITH __keys AS (
  SELECT __c.id, __c.code::text AS key, __c.name AS label, true AS always, __c.code::text AS ord FROM area __c WHERE __c.parent_id = (${scope.id})
  UNION ALL SELECT __a.id, __a.code::text, __a.name || '（本级 / directly）', false, '~' FROM area __a WHERE __a.id = (${scope.id})
), __rows AS (
  SELECT __k.*, ${TALLY_COLUMNS} FROM __keys __k LEFT JOIN LATERAL (${tallyRow('Area', raw('__k.id'), d)}) __c ON true
), __out AS (
  SELECT __r.key, __r.label, __r.always, __r.ord, ${joinSql(counts.map(own))} FROM __rows __r
)
SELECT key, label, "inScope", "organizationCovered", "workCovered", "blindSpots", "standaloneEligibleUncovered", "weakPartyOrganizations"
FROM __out WHERE always OR "inScope" > 0 OR "weakPartyOrganizations" > 0
ORDER BY ord, key`;
}

/** The place types that carry a `coverage` field. */
export type CoveragePlace = 'Area' | 'Park' | 'Building' | 'BusinessDistrict';

/** Keys for a batch of ids of one place type: one row per id, always answered. */
function idKeys(ids: Sql): Sql {
  return sql`SELECT __i::text, NULL::text, true, '' FROM unnest(${ids}) AS __i`;
}

/**
 * The grouping that answers `coverage` for many places of one type at once. An area holds the
 * organizations whose street lies beneath it (area.path) and the Party organizations that
 * belong to an area beneath it; a container holds the organizations whose park_id /
 * building_id / business_district_id is it, and the Party organizations anchored on it, on a
 * building in it (parks) or on an organization in it — the scopes of the `partyOrganizations`
 * filter.
 */
export function placeGrouping(place: CoveragePlace, idList: readonly number[]): Grouping {
  const ids = sql`${[...idList]}::int[]`;
  switch (place) {
    case 'Area':
      return {
        orgWhere: sql`o.street_id IN (SELECT __a.id FROM area __a WHERE __a.path && ${ids})`,
        orgKeys: sql`SELECT __x::text FROM area __s CROSS JOIN LATERAL unnest(__s.path) AS __x WHERE __s.id = f.street_id AND __x = ANY(${ids})`,
        poWhere: sql`p.area_id IN (SELECT __a.id FROM area __a WHERE __a.path && ${ids})`,
        poKeys: sql`SELECT __x::text FROM area __s CROSS JOIN LATERAL unnest(__s.path) AS __x WHERE __s.id = p.area_id AND __x = ANY(${ids})`,
        keys: idKeys(ids),
      };
    case 'Park':
      return {
        orgWhere: sql`o.park_id = ANY(${ids})`,
        orgKeys: raw('SELECT f.park_id::text'),
        poWhere: sql`(p.park_id = ANY(${ids}) OR p.building_id IN (SELECT __b.id FROM building __b WHERE __b.park_id = ANY(${ids}))
          OR p.organization_id IN (SELECT __o.id FROM organization __o WHERE __o.park_id = ANY(${ids})))`,
        poKeys: raw(`SELECT p.park_id::text WHERE p.park_id IS NOT NULL
          UNION SELECT __b.park_id::text FROM building __b WHERE __b.id = p.building_id AND __b.park_id IS NOT NULL
          UNION SELECT __o.park_id::text FROM organization __o WHERE __o.id = p.organization_id AND __o.park_id IS NOT NULL`),
        keys: idKeys(ids),
      };
    case 'Building':
      return {
        orgWhere: sql`o.building_id = ANY(${ids})`,
        orgKeys: raw('SELECT f.building_id::text'),
        poWhere: sql`(p.building_id = ANY(${ids}) OR p.organization_id IN (SELECT __o.id FROM organization __o WHERE __o.building_id = ANY(${ids})))`,
        poKeys: raw(`SELECT p.building_id::text WHERE p.building_id IS NOT NULL
          UNION SELECT __o.building_id::text FROM organization __o WHERE __o.id = p.organization_id AND __o.building_id IS NOT NULL`),
        keys: idKeys(ids),
      };
    case 'BusinessDistrict':
      return {
        orgWhere: sql`o.business_district_id = ANY(${ids})`,
        orgKeys: raw('SELECT f.business_district_id::text'),
        poWhere: sql`(p.business_district_id = ANY(${ids}) OR p.organization_id IN (SELECT __o.id FROM organization __o WHERE __o.business_district_id = ANY(${ids})))`,
        poKeys: raw(`SELECT p.business_district_id::text WHERE p.business_district_id IS NOT NULL
          UNION SELECT __o.business_district_id::text FROM organization __o WHERE __o.id = p.organization_id AND __o.business_district_id IS NOT NULL`),
        keys: idKeys(ids),
      };
  }
}

/** Where a root `coverage` / `blindSpots` looks: conditions on `o` and on `p`, and its area if it is one. */
export interface ScopeSql {
  kind: CoveragePlace;
  /** SQL yielding the scope's id (an area id for kind Area). */
  id: Sql;
  org: Sql;
  po: Sql;
}

/** The totals of a scope: every organization and Party organization in it under one key. */
export function totalGrouping(scope: ScopeSql): Grouping {
  return {
    orgWhere: scope.org,
    orgKeys: raw(`SELECT '*'`),
    poWhere: scope.po,
    poKeys: raw(`SELECT '*'`),
    keys: raw(`SELECT '*', NULL::text, true, ''`),
  };
}

/** GB/T 4754-2017 sections, for the labels of the INDUSTRY breakdown. */
export const INDUSTRY_SECTIONS: Record<string, string> = {
  A: '农、林、牧、渔业 (agriculture, forestry, animal husbandry, fishery)',
  B: '采矿业 (mining)',
  C: '制造业 (manufacturing)',
  D: '电力、热力、燃气及水生产和供应业 (electricity, heat, gas and water)',
  E: '建筑业 (construction)',
  F: '批发和零售业 (wholesale and retail)',
  G: '交通运输、仓储和邮政业 (transport, storage and post)',
  H: '住宿和餐饮业 (accommodation and catering)',
  I: '信息传输、软件和信息技术服务业 (information, software and IT services)',
  J: '金融业 (finance)',
  K: '房地产业 (real estate)',
  L: '租赁和商务服务业 (leasing and business services)',
  M: '科学研究和技术服务业 (research and technical services)',
  N: '水利、环境和公共设施管理业 (water, environment and public facilities)',
  O: '居民服务、修理和其他服务业 (residential, repair and other services)',
  P: '教育 (education)',
  Q: '卫生和社会工作 (health and social work)',
  R: '文化、体育和娱乐业 (culture, sports and entertainment)',
  S: '公共管理、社会保障和社会组织 (public administration, social security and social organizations)',
  T: '国际组织 (international organizations)',
};

export type CoverageGroupByKey = 'CHILD_AREA' | 'CONTAINER_TYPE' | 'CATEGORY' | 'INDUSTRY';

function valuesKeys(rows: [key: string, label: string, always: boolean][]): Sql {
  const text = rows
    .map(([key, label, always], i) => sql`(${key}::text, ${label}::text, ${always}::boolean, ${String(i).padStart(3, '0')}::text)`);
  return sql`VALUES ${joinSql(text)}`;
}

function joinSql(parts: Sql[]): Sql {
  return parts.reduce((acc, part, i) => (i === 0 ? part : sql`${acc}, ${part}`), raw(''));
}

/** Which containers an organization row `f` (or a Party organization row `p`) is in. */
const ORG_CONTAINER_KEYS = raw(`SELECT __t FROM (VALUES
    ('PARK', f.park_id IS NOT NULL), ('BUILDING', f.building_id IS NOT NULL),
    ('BUSINESS_DISTRICT', f.business_district_id IS NOT NULL),
    ('NONE', f.park_id IS NULL AND f.building_id IS NULL AND f.business_district_id IS NULL)) AS __v(__t, __yes) WHERE __yes`);

const PO_CONTAINER_KEYS = raw(`SELECT __t FROM (SELECT
      (p.park_id IS NOT NULL OR EXISTS (SELECT 1 FROM building __b WHERE __b.id = p.building_id AND __b.park_id IS NOT NULL)
        OR EXISTS (SELECT 1 FROM organization __o WHERE __o.id = p.organization_id AND __o.park_id IS NOT NULL)) AS in_park,
      (p.building_id IS NOT NULL OR EXISTS (SELECT 1 FROM organization __o WHERE __o.id = p.organization_id AND __o.building_id IS NOT NULL)) AS in_building,
      (p.business_district_id IS NOT NULL
        OR EXISTS (SELECT 1 FROM organization __o WHERE __o.id = p.organization_id AND __o.business_district_id IS NOT NULL)) AS in_bd) __z
    CROSS JOIN LATERAL (VALUES ('PARK', __z.in_park), ('BUILDING', __z.in_building), ('BUSINESS_DISTRICT', __z.in_bd),
      ('NONE', NOT (__z.in_park OR __z.in_building OR __z.in_bd))) AS __v(__t, __yes) WHERE __yes`);

/**
 * The breakdown rows of a scope. CHILD_AREA needs an area scope (the caller checks): rows are
 * the scope's children keyed by division code, plus a row keyed by the scope's own code for
 * what sits directly in it (organizations of a street scope, a district's own committees),
 * answered only when it holds something.
 */
export function breakdownGrouping(scope: ScopeSql, groupBy: CoverageGroupByKey): Grouping {
  const base = { orgWhere: scope.org, poWhere: scope.po };
  switch (groupBy) {
    case 'CHILD_AREA': {
      const childOf = (column: string) =>
        sql`SELECT __c.code::text FROM area __s JOIN area __c ON __s.path @> ARRAY[__c.id]
          WHERE __s.id = ${raw(column)} AND (__c.parent_id = ${scope.id} OR __c.id = ${scope.id})
          ORDER BY (__c.id = ${scope.id}) LIMIT 1`;
      return {
        ...base,
        orgKeys: childOf('f.street_id'),
        poKeys: childOf('p.area_id'),
        keys: sql`SELECT __c.code::text, __c.name, true, __c.code::text FROM area __c WHERE __c.parent_id = ${scope.id}
          UNION ALL SELECT __a.code::text, __a.name || '（本级 / directly）', false, '~' FROM area __a WHERE __a.id = ${scope.id}`,
      };
    }
    case 'CONTAINER_TYPE':
      return {
        ...base,
        orgKeys: ORG_CONTAINER_KEYS,
        poKeys: PO_CONTAINER_KEYS,
        keys: valuesKeys([
          ['PARK', '园区 (in a park)', true],
          ['BUILDING', '楼宇 (in a building)', true],
          ['BUSINESS_DISTRICT', '商圈/市场 (in a business district or market)', true],
          ['NONE', '不在载体内 (in none of them)', true],
        ]),
      };
    case 'CATEGORY':
      return {
        ...base,
        orgKeys: raw('SELECT f.category'),
        poKeys: raw('SELECT __o.category FROM organization __o WHERE __o.id = p.organization_id'),
        keys: valuesKeys([
          ['NON_PUBLIC_ECONOMIC', '非公有制经济组织 (non-public economic organizations)', true],
          ['SOCIAL', '社会组织 (social organizations)', true],
        ]),
      };
    case 'INDUSTRY':
      return {
        ...base,
        orgKeys: raw('SELECT f.industry'),
        poKeys: raw(`SELECT coalesce(p.industry, (SELECT __o.industry FROM organization __o WHERE __o.id = p.organization_id))::text AS __i
          WHERE coalesce(p.industry, (SELECT __o.industry FROM organization __o WHERE __o.id = p.organization_id)) IS NOT NULL`),
        keys: valuesKeys(Object.entries(INDUSTRY_SECTIONS).map(([letter, label]) => [letter, label, false])),
      };
  }
}

/**
 * The `weak` filter of `partyOrganizations`: on today (Asia/Shanghai) with the default window.
 * true: weak; false: standing and active. Dissolved or not-yet-established ones match neither.
 */
export function weakPartyOrganizationCondition(p: string, weak: boolean, now: Date = new Date()): Sql {
  const at: CoverageAt = { asOf: todayInShanghai(now), window: DEFAULT_WINDOW_DAYS };
  return weak ? weakAt(p, at) : activeAt(p, at);
}
