/**
 * Calendar dates and reporting periods (daily dispatch, weekly bulletin, monthly summary,
 * annual assessment) as the Jinan committees count them: in China Standard Time.
 *
 * Dates are ISO strings 'YYYY-MM-DD' rather than Date objects, because a Date is an instant
 * and its calendar day depends on the zone of whoever prints it; a string is the same day on
 * the server, in the browser and in PostgreSQL's `date`. Such strings also sort correctly as
 * plain strings, which the coverage window relies on.
 *
 * All arithmetic goes through a day number (days since 1970-01-01) computed with integer
 * formulas, so nothing here depends on the host's time zone or on Intl data.
 */

/** A calendar date 'YYYY-MM-DD' (years 0000–9999). */
export type IsoDate = string;

/** An inclusive range of calendar dates. */
export interface DateRange {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

export const Period = {
  DAY: 'DAY',
  WEEK: 'WEEK',
  MONTH: 'MONTH',
  YEAR: 'YEAR',
} as const;
export type Period = (typeof Period)[keyof typeof Period];

const PERIODS: readonly string[] = Object.values(Period);

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && PERIODS.includes(value);
}

/*
 * China has used a single UTC+8 offset with no daylight saving since 1991, so a fixed offset
 * is exact for every date this platform records and needs no time-zone database (which the
 * browser and Node may ship in different versions).
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** True for a real calendar date written exactly as 'YYYY-MM-DD' (so '2026-02-29' is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (m === null) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parse(date: IsoDate): Ymd {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function format({ y, m, d }: Ymd): IsoDate {
  if (y < 0 || y > 9999) throw new RangeError(`date outside years 0000–9999: ${y}-${m}-${d}`);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

// Days from civil date and back: H. Hinnant's algorithms (proleptic Gregorian, eras of 400 years).
function toDayNumber({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): Ymd {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

/** The calendar date in Jinan at the instant `now`. */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  const ms = now.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('todayInShanghai: invalid Date');
  return format(fromDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY)));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  assertInteger(days, 'days');
  return format(fromDayNumber(toDayNumber(parse(date)) + days));
}

/** Signed number of days from `a` to `b`: daysBetween('2026-01-01', '2026-01-02') = 1. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(parse(b)) - toDayNumber(parse(a));
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(date: IsoDate): number {
  // Day 0 (1970-01-01) was a Thursday (4).
  return ((((toDayNumber(parse(date)) + 3) % 7) + 7) % 7) + 1;
}

/**
 * ISO-8601 week: weeks start on Monday and belong to the year of their Thursday, so
 * 2027-01-01 (a Friday) is in 2026-W53 and 2026-01-01 (a Thursday) in 2026-W01.
 */
export function isoWeek(date: IsoDate): { year: number; week: number } {
  const n = toDayNumber(parse(date));
  const thursday = n - (isoWeekday(date) - 1) + 3;
  const year = fromDayNumber(thursday).y;
  const week = Math.floor((thursday - toDayNumber({ y: year, m: 1, d: 1 })) / 7) + 1;
  return { year, week };
}

/** The inclusive range of the period containing `date`. WEEK is the ISO week, Monday–Sunday. */
export function periodRange(period: Period, date: IsoDate): DateRange {
  const p = parse(date);
  switch (period) {
    case Period.DAY:
      return { start: date, end: date };
    case Period.WEEK: {
      const monday = toDayNumber(p) - (isoWeekday(date) - 1);
      return { start: format(fromDayNumber(monday)), end: format(fromDayNumber(monday + 6)) };
    }
    case Period.MONTH:
      return { start: format({ ...p, d: 1 }), end: format({ ...p, d: daysInMonth(p.y, p.m) }) };
    case Period.YEAR:
      return { start: format({ y: p.y, m: 1, d: 1 }), end: format({ y: p.y, m: 12, d: 31 }) };
    default:
      throw new RangeError(`unknown period ${JSON.stringify(period)}`);
  }
}

/** The inclusive range of the period just before the one containing `date` (for "change since last week"). */
export function previousPeriod(period: Period, date: IsoDate): DateRange {
  const { start } = periodRange(period, date);
  return periodRange(period, addDays(start, -1));
}

/** '2026-11-28', '2026-W48', '2026-11' or '2026' — the week label uses the ISO week-year. */
export function periodLabel(period: Period, date: IsoDate): string {
  switch (period) {
    case Period.DAY:
      parse(date);
      return date;
    case Period.WEEK: {
      const { year, week } = isoWeek(date);
      return `${pad(year, 4)}-W${pad(week, 2)}`;
    }
    case Period.MONTH:
      parse(date);
      return date.slice(0, 7);
    case Period.YEAR:
      parse(date);
      return date.slice(0, 4);
    default:
      throw new RangeError(`unknown period ${JSON.stringify(period)}`);
  }
}
