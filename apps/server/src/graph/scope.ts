import { BadUserInputError, type FieldPath } from '../errors/bad-user-input.error.js';
import { fromGlobalId } from '../relay/cursor.js';
import { raw, sql, type Sql } from '../sql/fragment.js';

/**
 * The `scope` of a list filter: an administrative division code ("370102", a street's 9 digits)
 * or the global id of an Area, Park, Building, BusinessDistrict or PartyOrganization. A scope
 * always means "everything beneath it": a district scope holds its streets' rows.
 */
export type ScopeKind = 'Area' | 'Park' | 'Building' | 'BusinessDistrict' | 'PartyOrganization';

export interface ScopeRelations {
  /** Rows in the area subtree rooted at the area whose id the SQL expression yields. */
  Area?: (areaId: Sql) => Sql;
  Park?: (parkId: Sql) => Sql;
  Building?: (buildingId: Sql) => Sql;
  BusinessDistrict?: (businessDistrictId: Sql) => Sql;
  PartyOrganization?: (partyOrganizationId: Sql) => Sql;
}

const AREA_CODE = /^[0-9]{6}([0-9]{3}([0-9]{3})?)?$/;

export function scopeCondition(scope: string | null | undefined, path: FieldPath, relations: ScopeRelations): Sql[] {
  if (scope == null) return [];
  const trimmed = scope.trim();
  if (AREA_CODE.test(trimmed) && relations.Area) {
    // Unknown code: the sub-select yields NULL and the list is empty, as for an unknown parent.
    return [relations.Area(sql`(SELECT id FROM area WHERE code = ${trimmed})`)];
  }
  const id = fromGlobalId(trimmed);
  const relate = id ? relations[id.typeName as ScopeKind] : undefined;
  if (!id || !relate) {
    const kinds = ['an area code', ...Object.keys(relations).map((k) => `a ${k} id`)].join(', ');
    throw new BadUserInputError(`scope must be ${kinds}.`, {
      field: path,
      reason: 'SCOPE',
      localizedMessage: {
        zh: '范围（scope）应为行政区划代码，或区划、园区、楼宇、商圈、党组织的 ID',
        en: `scope must be ${kinds}.`,
      },
    });
  }
  return [relate(sql`${id.id}::int`)];
}

/**
 * `column` holds the id of an area in the subtree of `areaId` (ancestor paths on `area`).
 *
 * Written `= ANY (ARRAY(…))`, not `IN (SELECT …)`: the subtree's ids are collected once through
 * the GIN index on `area.path`, then the column is probed by its index. With `IN`, PostgreSQL
 * planned a merge join over every area per parent: counting the buildings of 73 streets took
 * 9.5 ms instead of 0.8, the organizations of a district at scale 20 141 ms instead of 26.
 */
export function inAreaSubtree(column: Sql, areaId: Sql): Sql {
  return sql`${column} = ANY (ARRAY(SELECT __a.id FROM area __a WHERE __a.path @> ARRAY[${areaId}]))`;
}

export { raw };
