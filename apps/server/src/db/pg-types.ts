import pg from 'pg';

/**
 * How this server reads PostgreSQL values, handed to its own pool only (`extra.types`), so the
 * generator, the migration runner or anyone else sharing the `pg` module keep pg's defaults.
 *
 * - int8 (bigint, OID 20) → number. Money is integer fen in bigint columns and stays far below
 *   2^53 (the largest column is capped at 10^11 fen); count(*) is bigint too. A value beyond
 *   Number.MAX_SAFE_INTEGER throws instead of silently losing digits.
 * - date (OID 1082) → the 'YYYY-MM-DD' string as PostgreSQL sent it. pg's default makes a
 *   local-midnight Date, which shifts by a day whenever the process runs east of the data.
 * - their arrays (OIDs 1016, 1182) the same way.
 *
 * numeric (sum() of bigint returns numeric) is left as a string: a report that sums money
 * casts back to bigint in SQL, where the overflow check belongs.
 */
export const PG_OID = {
  INT8: 20,
  DATE: 1082,
  INT8_ARRAY: 1016,
  DATE_ARRAY: 1182,
  TEXT_ARRAY: 1009,
} as const;

export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`bigint value ${text} is outside the safe integer range of JavaScript`);
  }
  return value;
}

export function parseDate(text: string): string {
  return text;
}

function createTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  const parseTextArray = types.getTypeParser(PG_OID.TEXT_ARRAY, 'text') as unknown as (text: string) => (string | null)[];
  types.setTypeParser(PG_OID.INT8, 'text', parseInt8);
  types.setTypeParser(PG_OID.DATE, 'text', parseDate);
  types.setTypeParser(PG_OID.INT8_ARRAY, 'text', (text: string) =>
    parseTextArray(text).map((v) => (v === null ? null : parseInt8(v))),
  );
  types.setTypeParser(PG_OID.DATE_ARRAY, 'text', parseTextArray);
  return types;
}

/** The type parsers of the server's pool; made once, shared by every DataSource it creates. */
export const liangxinPgTypes: pg.CustomTypesConfig = createTypes();
