import { sql, type Sql } from '../../sql/fragment.js';
import { standingAt } from '../coverage/coverage.sql.js';

/** What ties an organization to a responsible body on a date: one row per tie. */
export type ResponsibilityRole =
  | 'WORK_GROUP'
  | 'INSTRUCTOR'
  | 'MEMBER_UNIT'
  | 'DIRECT'
  | 'STREET_COMMITTEE'
  | 'DISTRICT_COMMITTEE'
  | 'CITY_COMMITTEE';

export interface ResponsibilityRow {
  organizationId: number;
  role: ResponsibilityRole;
  /** The responsible body: work-group member, instructor, member unit, working committee or Party organization. */
  refId: number;
  /** The liaison point, for the four liaison roles. */
  liaisonPointId: number | null;
  since: string;
  lastVisitOn: string | null;
}

/**
 * The responsibility chain of many organizations on `asOf`, in one statement:
 *  - liaison points holding on asOf (since ≤ asOf, until null or > asOf — the interval rule of
 *    docs/measures.md), with the latest visit on that liaison point on or before asOf;
 *  - the comprehensive Party committee (综合党委) of the organization's street: anchor STREET on
 *    that street, standing on asOf (coverage.sql.ts's standingAt);
 *  - the working committees of its district and of the city: the committees whose area is on
 *    its street's path, established on or before asOf.
 */
export function responsibilityStatement(organizationIds: readonly number[], asOf: string): Sql {
  const d = sql`${asOf}::date`;
  return sql`WITH __o AS (SELECT o.id, o.street_id FROM organization o WHERE o.id = ANY(${[...organizationIds]}::int[]))
SELECT __o.id AS "organizationId", lp.kind AS role,
  coalesce(lp.work_group_member_id, lp.instructor_id, lp.member_unit_id, lp.committee_id) AS "refId",
  lp.id AS "liaisonPointId", lp.since,
  (SELECT max(v.visited_on) FROM visit v WHERE v.liaison_point_id = lp.id AND v.visited_on <= ${d}) AS "lastVisitOn"
FROM __o JOIN liaison_point lp ON lp.organization_id = __o.id
WHERE lp.since <= ${d} AND (lp.until IS NULL OR lp.until > ${d})
UNION ALL
SELECT __o.id, 'STREET_COMMITTEE', p.id, NULL, p.established_on, NULL
FROM __o JOIN party_organization p ON p.anchor = 'STREET' AND p.area_id = __o.street_id
WHERE ${standingAt('p', d)}
UNION ALL
SELECT __o.id, wc.level || '_COMMITTEE', wc.id, NULL, wc.established_on, NULL
FROM __o JOIN area __s ON __s.id = __o.street_id JOIN working_committee wc ON wc.area_id = ANY(__s.path)
WHERE wc.established_on <= ${d}`;
}

export function toResponsibilityRow(row: Record<string, unknown>): ResponsibilityRow {
  return {
    organizationId: Number(row.organizationId),
    role: row.role as ResponsibilityRole,
    refId: Number(row.refId),
    liaisonPointId: row.liaisonPointId == null ? null : Number(row.liaisonPointId),
    since: String(row.since),
    lastVisitOn: row.lastVisitOn == null ? null : String(row.lastVisitOn),
  };
}
