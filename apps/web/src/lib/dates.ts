/** Today in Asia/Shanghai as YYYY-MM-DD: the server's default `asOf`. */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The 12 points of a coverage trend ending on `asOf`: the last day of each of the 11 months
 * before asOf's month, then asOf itself; oldest first.
 */
export function monthlyTrendDates(asOf: string): string[] {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let back = 11; back >= 1; back--) {
    // Day 0 of month (m - back + 1) is the last day of month (m - back).
    const last = new Date(Date.UTC(y, m - back, 0));
    out.push(last.toISOString().slice(0, 10));
  }
  out.push(asOf);
  return out;
}

export function isIsoDate(s: string | null | undefined): s is string {
  return !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
}

/** The calendar day before `date` (YYYY-MM-DD): a report's "start" figures are as of it. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
