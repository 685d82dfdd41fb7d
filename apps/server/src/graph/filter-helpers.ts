import { Field, InputType } from 'type-graphql';
import { raw, sql, type Sql } from '../sql/fragment.js';
import { numberRange, type FieldPath } from './filters.js';
import { SafeInt } from './scalars.js';

/**
 * Small pieces shared by the filters of places and committees (areas, parks, buildings, business
 * districts, working committees, member units, work-group members), beside the engine's
 * `filters.ts`. Kept apart so that file stays the lead's; merge them when convenient.
 */

/** A has / has-not condition: nothing when the client left the field out. */
export function yesNo(condition: Sql, wanted: boolean | null | undefined): Sql[] {
  if (wanted == null) return [];
  return [wanted ? condition : sql`NOT ${condition}`];
}

@InputType('FenRange', {
  description:
    'A range of amounts of money in fen (分; 1 CNY = 100 fen), both ends inclusive; either end may be left open (金额区间, 单位: 分).',
})
export class FenRange {
  @Field(() => SafeInt, { nullable: true, description: 'At least this many fen.' })
  min?: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'At most this many fen.' })
  max?: number | null;
}

export function fenRange(column: Sql, range: FenRange | null | undefined, path: FieldPath): Sql[] {
  // ::bigint: a JavaScript number above 2^31 must not be sent as an int parameter.
  return numberRange(column, range, path, '::bigint');
}

/** Active organizations (not deregistered) whose `column` is the row's id, as a count expression. */
export function activeOrganizationCount(column: string, rowId: string): Sql {
  return sql`(SELECT count(*)::int FROM organization __oc WHERE ${raw(`__oc.${column} = ${rowId}`)} AND __oc.status = 'ACTIVE')`;
}
