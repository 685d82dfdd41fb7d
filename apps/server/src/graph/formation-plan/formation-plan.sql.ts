import type { PlannerOrganization } from '@liangxin/domain';
import { sql, type Sql } from '../../sql/fragment.js';
import { dates, fullMembersAt, inScopeAt, organizationCoveredAt, type CoverageAt, type ScopeSql } from '../coverage/coverage.sql.js';

/**
 * The planner's input in one statement: the organizations of the scope that are in scope and not
 * organization-covered on `d`, with their full members employed there on `d` and their places —
 * the rules of docs/measures.md, through coverage.sql.ts's own fragments (inScopeAt,
 * organizationCoveredAt, fullMembersAt), so the planner's "uncovered" and "full members" are
 * exactly the coverage measures'.
 */
export function uncoveredOrganizationsStatement(scope: ScopeSql, at: CoverageAt): Sql {
  const { d } = dates(at);
  return sql`SELECT o.id, o.street_id AS "streetId", o.park_id AS "parkId", o.building_id AS "buildingId",
    o.business_district_id AS "businessDistrictId", ${fullMembersAt('o', d)} AS "fullMembers"
  FROM organization o
  WHERE ${scope.org} AND ${inScopeAt('o', d)} AND NOT ${organizationCoveredAt('o', d)}
  ORDER BY o.id`;
}

export function toPlannerOrganization(row: Record<string, unknown>): PlannerOrganization {
  const id = (v: unknown) => (v == null ? null : Number(v));
  return {
    id: Number(row.id),
    fullMembers: Number(row.fullMembers),
    streetId: Number(row.streetId),
    parkId: id(row.parkId),
    buildingId: id(row.buildingId),
    businessDistrictId: id(row.businessDistrictId),
  };
}
