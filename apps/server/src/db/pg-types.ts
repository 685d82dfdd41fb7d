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
 * - int4[] (OID 1007, the areas' ancestor paths) → number[] as pg makes it, split at the commas
 *   for the one shape that needs nothing more (`{1,2,3}`: one dimension, no NULL); every other
 *   text goes to pg's parser, which reads character by character and made a string per element —
 *   most of a 112-street coverage request's parsing garbage.
 * - timestamptz (OID 1184) → Date, as pg does, but without a regular-expression match per value
 *   for the one shape PostgreSQL sends with DateStyle ISO (`parseTimestamptz`); every other text
 *   goes to pg's own parser. Every row of every table has two of them, and the matches were a
 *   tenth of a nested query's allocations.
 *
 * numeric (sum() of bigint returns numeric) is left as a string: a report that sums money
 * casts back to bigint in SQL, where the overflow check belongs.
 */
export const PG_OID = {
  INT8: 20,
  DATE: 1082,
  INT8_ARRAY: 1016,
  DATE_ARRAY: 1182,
  TIMESTAMPTZ: 1184,
  TEXT_ARRAY: 1009,
  INT4_ARRAY: 1007,
} as const;

const PLAIN_INT_ARRAY = /^\{-?\d+(?:,-?\d+)*\}$/;

/** int4[] text → number[], exactly as pg's parser makes it; `fallback` (pg's) for any shape but `{1,2,3}` and `{}`. */
export function parseInt4ArrayWith(fallback: (text: string) => unknown) {
  return (text: string): unknown => {
    if (text === '{}') return [];
    if (!PLAIN_INT_ARRAY.test(text)) return fallback(text);
    const parts = text.slice(1, -1).split(',');
    const values = new Array<number>(parts.length);
    for (let i = 0; i < parts.length; i++) values[i] = parseInt(parts[i]!, 10);
    return values;
  };
}

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

/** 'YYYY-MM-DD HH:MM:SS[.fraction]±HH[:MM]': what PostgreSQL sends for timestamptz under DateStyle ISO. */
const ISO_TIMESTAMPTZ = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})?[+-]\d\d(?::\d\d)?$/;

/**
 * timestamptz text → Date, exactly as pg's parser (postgres-date) makes it — the same
 * millisecond arithmetic — read by character codes instead of a capturing match. Years before
 * 1000, BC dates, ±infinity and any other shape go to `fallback` (pg's parser).
 */
export function parseTimestamptzWith(fallback: (text: string) => unknown) {
  return (text: string): unknown => {
    if (!ISO_TIMESTAMPTZ.test(text) || text.charCodeAt(0) === 48 /* year < 1000 */) return fallback(text);
    const digit = (i: number) => text.charCodeAt(i) - 48;
    const two = (i: number) => digit(i) * 10 + digit(i + 1);
    const year = digit(0) * 1000 + digit(1) * 100 + two(2);
    let zone = 19;
    while (zone < text.length && text.charCodeAt(zone) !== 43 /* + */ && text.charCodeAt(zone) !== 45 /* - */) zone++;
    const ms = zone > 19 ? 1000 * parseFloat(text.slice(19, zone)) : 0;
    const sign = text.charCodeAt(zone) === 45 ? -1 : 1;
    const offset = sign * (two(zone + 1) * 3600 + (text.length > zone + 3 ? two(zone + 4) * 60 : 0)) * 1000;
    const utc = Date.UTC(year, two(5) - 1, two(8), two(11), two(14), two(17), ms);
    return new Date(utc - offset);
  };
}

function createTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  const parseTimestamptz = parseTimestamptzWith(types.getTypeParser(PG_OID.TIMESTAMPTZ, 'text') as unknown as (text: string) => unknown);
  const parseTextArray = types.getTypeParser(PG_OID.TEXT_ARRAY, 'text') as unknown as (text: string) => (string | null)[];
  types.setTypeParser(PG_OID.INT8, 'text', parseInt8);
  types.setTypeParser(PG_OID.DATE, 'text', parseDate);
  types.setTypeParser(PG_OID.TIMESTAMPTZ, 'text', parseTimestamptz);
  types.setTypeParser(PG_OID.INT8_ARRAY, 'text', (text: string) =>
    parseTextArray(text).map((v) => (v === null ? null : parseInt8(v))),
  );
  types.setTypeParser(PG_OID.DATE_ARRAY, 'text', parseTextArray);
  types.setTypeParser(PG_OID.INT4_ARRAY, 'text', parseInt4ArrayWith(types.getTypeParser(PG_OID.INT4_ARRAY, 'text') as unknown as (text: string) => unknown));
  return types;
}

/** The type parsers of the server's pool; made once, shared by every DataSource it creates. */
export const liangxinPgTypes: pg.CustomTypesConfig = createTypes();
