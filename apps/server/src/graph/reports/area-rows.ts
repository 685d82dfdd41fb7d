import type { EntityManager } from 'typeorm';
import { BadUserInputError } from '../../errors/bad-user-input.error.js';
import { fromGlobalId } from '../../relay/cursor.js';
import { sql, type Sql } from '../../sql/fragment.js';
import { runQuery } from '../list.js';

/**
 * Area scopes and per-child-area rows shared by `ledgers`, `fundsSummary` and `report`
 * (docs/measures.md, "Ledgers, funds and cadence reports"). A scope is an area (division code or
 * Area id, default the city); its rows are its child areas (districts of the city, streets of a
 * district), always answered, plus a row keyed by the scope's own code for what belongs to the
 * scope itself (a district's own committees, funds entered on the district), answered only when
 * it holds something. So the rows add up to the scope's totals.
 */

export interface AreaScope {
  id: number;
  code: string;
  name: string;
  level: string;
}

const AREA_CODE = /^[0-9]{6}([0-9]{3}([0-9]{3})?)?$/;

function refuse(): never {
  const en = 'scope must be an administrative division code (e.g. "370102") or the id of an Area.';
  throw new BadUserInputError(en, {
    field: ['scope'],
    reason: 'SCOPE',
    localizedMessage: { zh: '范围（scope）应为行政区划代码或区划的 ID', en },
  });
}

/** The scope argument as an area (one statement); unknown codes and other ids are refused. */
export async function resolveAreaScope(db: EntityManager, scope: string | null | undefined): Promise<AreaScope> {
  let where: Sql;
  if (scope == null) where = sql`level = 'CITY'`;
  else {
    const trimmed = scope.trim();
    if (AREA_CODE.test(trimmed)) where = sql`code = ${trimmed}`;
    else {
      const id = fromGlobalId(trimmed);
      if (!id || id.typeName !== 'Area') refuse();
      where = sql`id = ${id.id}::int`;
    }
  }
  const rows = await runQuery(db, sql`SELECT id, code::text AS code, name, level FROM area WHERE ${where} ORDER BY id LIMIT 1`);
  const row = rows[0];
  if (!row) {
    const en = `No area matches scope ${JSON.stringify(scope)}.`;
    throw new BadUserInputError(en, { field: ['scope'], reason: 'SCOPE', localizedMessage: { zh: `找不到范围（scope）对应的区划`, en } });
  }
  return { id: Number(row.id), code: String(row.code), name: String(row.name), level: String(row.level) };
}

/**
 * A CTE body mapping every area of the scope's subtree (area_id) to the key of its row: the code
 * of the child of the scope it lies in, or the scope's own code for the scope itself.
 */
export function areaKeyMap(scopeId: number): Sql {
  return sql`SELECT __s.id AS area_id,
      (SELECT __c.code::text FROM area __c WHERE __s.path @> ARRAY[__c.id] AND (__c.parent_id = ${scopeId}::int OR __c.id = ${scopeId}::int)
        ORDER BY (__c.id = ${scopeId}::int) LIMIT 1) AS key
    FROM area __s WHERE __s.path @> ARRAY[${scopeId}::int]`;
}

/** A CTE body with the rows to answer: (key, name, own, ord); `own` marks the scope's own row. */
export function areaRowKeys(scopeId: number): Sql {
  return sql`SELECT __c.code::text AS key, __c.name AS name, false AS own, __c.code::text AS ord FROM area __c WHERE __c.parent_id = ${scopeId}::int
    UNION ALL SELECT __a.code::text, __a.name, true, '~' FROM area __a WHERE __a.id = ${scopeId}::int`;
}

export const OWN_ROW_SUFFIX = '（本级 / directly）';

/** A street (or community) scope: its organizations sit in it directly, so it has one row, itself. */
export function isLeafScope(area: AreaScope): boolean {
  return area.level === 'STREET' || area.level === 'COMMUNITY';
}

/** Child rows always (except under a leaf scope); the scope's own row when it holds something, or always under a leaf scope. */
export function keepRow(own: boolean, hasData: boolean, leaf: boolean): boolean {
  return leaf ? own : !own || hasData;
}
