import { addDays, DEFAULT_WINDOW_DAYS, isIsoDate, todayInShanghai } from '@liangxin/domain';
import { BadUserInputError } from '../../errors/bad-user-input.error.js';
import type { CoverageAt } from './coverage.sql.js';

/** The longest window accepted: ten years of days. Longer would only hide that nothing happens. */
export const MAX_WINDOW_DAYS = 3650;
/** asOf may look ahead this far (a planning date), no further: beyond it every figure is a guess. */
export const MAX_DAYS_AHEAD = 366;
/** Nothing the platform records is older. */
export const MIN_AS_OF = '1949-10-01';

/**
 * The `asOf` and `window` arguments of every coverage field, checked, with their defaults:
 * today in Asia/Shanghai and 90 days (the domain's DEFAULT_WINDOW_DAYS). `now` is injectable for
 * tests. Refusals are BAD_USER_INPUT naming the argument.
 */
export function coverageAt(asOf: string | null | undefined, window: number | null | undefined, now: Date = new Date()): CoverageAt {
  const today = todayInShanghai(now);
  const w = window ?? DEFAULT_WINDOW_DAYS;
  if (!Number.isInteger(w) || w < 1 || w > MAX_WINDOW_DAYS) {
    throw new BadUserInputError(`window must be a whole number of days from 1 to ${MAX_WINDOW_DAYS}; got ${w}.`, {
      field: ['window'],
      reason: 'WINDOW',
      localizedMessage: {
        zh: `时间窗口（window）须为 1 至 ${MAX_WINDOW_DAYS} 之间的整数天数，当前为 ${w}`,
        en: `window must be a whole number of days from 1 to ${MAX_WINDOW_DAYS}; got ${w}.`,
      },
    });
  }
  const d = asOf ?? today;
  if (!isIsoDate(d)) {
    throw new BadUserInputError('asOf is not a calendar date (YYYY-MM-DD).', {
      field: ['asOf'],
      reason: 'DATE',
      localizedMessage: { zh: '基准日期（asOf）不是有效日期（YYYY-MM-DD）', en: 'asOf is not a calendar date (YYYY-MM-DD).' },
    });
  }
  const latest = addDays(today, MAX_DAYS_AHEAD);
  if (d > latest || d < MIN_AS_OF) {
    const en = `asOf must lie between ${MIN_AS_OF} and ${latest} (a year after today); got ${d}.`;
    throw new BadUserInputError(en, {
      field: ['asOf'],
      reason: d > latest ? 'FUTURE' : 'PAST',
      localizedMessage: { zh: `基准日期（asOf）须在 ${MIN_AS_OF} 至 ${latest}（今天之后一年内）之间，当前为 ${d}`, en },
    });
  }
  return { asOf: d, window: w };
}

/**
 * coverageAt for `asOf` and `window` fields of an input object (a list filter's): the same
 * checks and defaults, a refusal naming the field under `path` (e.g. filter.coverage.asOf).
 */
export function coverageAtField(
  asOf: string | null | undefined,
  window: number | null | undefined,
  path: readonly (string | number)[],
  now: Date = new Date(),
): CoverageAt {
  try {
    return coverageAt(asOf, window, now);
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    const { field, reason, localizedMessage } = error.extensions;
    throw new BadUserInputError(error.message, { field: [...path, ...field], reason, localizedMessage });
  }
}
