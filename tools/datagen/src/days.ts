/**
 * Dates as day numbers: days since 1900-01-01, so that every real date is a positive number
 * and 0 can mean "no date" in typed arrays. The generator does date arithmetic millions of
 * times, so it works on integers and formats through a table of ISO strings built once; the
 * domain's `addDays` parses strings and is meant for the occasional call.
 */

/** Days from 1900-01-01 to 1970-01-01. */
const SHIFT = 25_567;

export function isoToDay(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return civilToDay(y, m, d);
}

// H. Hinnant's days-from-civil (proleptic Gregorian), shifted to the 1900 epoch.
export function civilToDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + SHIFT;
}

export function dayToCivil(n: number): { y: number; m: number; d: number } {
  const z = n - SHIFT + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function dayToIso(n: number): string {
  const { y, m, d } = dayToCivil(n);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function yearOfDay(n: number): number {
  return dayToCivil(n).y;
}

/** ISO strings for every day of a range, so formatting a date in a row is an array read. */
export class DayText {
  private readonly texts: string[] = [];
  private readonly compacts: string[] = [];

  constructor(private readonly first: number, last: number) {
    for (let n = first; n <= last; n++) {
      const iso = dayToIso(n);
      this.texts.push(iso);
      this.compacts.push(iso.replaceAll('-', ''));
    }
  }

  iso(n: number): string {
    return this.texts[n - this.first] ?? dayToIso(n);
  }

  /** 'YYYYMMDD', as in identity numbers. */
  compact(n: number): string {
    return this.compacts[n - this.first] ?? dayToIso(n).replaceAll('-', '');
  }
}
