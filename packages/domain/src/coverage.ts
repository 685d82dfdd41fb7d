/**
 * Coverage arithmetic (组织覆盖 / 工作覆盖 / 空白点). Every figure on the dashboards is a
 * count of in-scope organizations split three ways, so the split and the rates live here
 * once, and the SQL, the resolvers and the generator's calibration all agree on them.
 */

import { addDays, daysBetween, isIsoDate, type IsoDate } from './dates.js';

/** The three mutually exclusive outcomes for an in-scope organization. */
export const CoverageStatus = {
  /** 组织覆盖: some Party organization covers it (its own, a joint one, or a container's). */
  ORGANIZATION: 'ORGANIZATION',
  /** 工作覆盖: no Party organization, but an instructor or a recent liaison visit. */
  WORK: 'WORK',
  /** 空白点: neither. */
  BLIND_SPOT: 'BLIND_SPOT',
} as const;
export type CoverageStatus = (typeof CoverageStatus)[keyof typeof CoverageStatus];

/** The default look-back for "recent" visits and activities, as the seed uses it. */
export const DEFAULT_WINDOW_DAYS = 90;

export interface CoverageCounts {
  /** Active (not deregistered) organizations. */
  readonly inScope: number;
  readonly organizationCovered: number;
  readonly workCovered: number;
  readonly blindSpots: number;
}

export interface CoverageRates {
  readonly organizationCoverageRate: number;
  readonly workCoverageRate: number;
  /** (organization + work) / in scope: everything that is not a blind spot. */
  readonly overallCoverageRate: number;
}

export const EMPTY_COVERAGE_COUNTS: CoverageCounts = Object.freeze({
  inScope: 0,
  organizationCovered: 0,
  workCovered: 0,
  blindSpots: 0,
});

/**
 * numerator / denominator, exactly, with 0 for an empty denominator: a street with no
 * organizations has nothing uncovered, and NaN would poison every sum and sort it reaches.
 * Non-finite inputs throw, because they mean a bug upstream, not an empty street.
 */
export function rate(numerator: number, denominator: number): number {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator)) {
    throw new RangeError(`rate: non-finite input ${numerator}/${denominator}`);
  }
  return denominator === 0 ? 0 : numerator / denominator;
}

/**
 * Rounds half up at `digits` decimals (default 4, i.e. 0.01 %) for display. Shifts the
 * decimal exponent in the number's shortest string form rather than multiplying, so that
 * 0.00125 → 0.0013 and not 0.0012 from binary noise.
 */
export function roundRate(r: number, digits = 4): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) {
    throw new RangeError(`roundRate: digits must be an integer 0–15, got ${digits}`);
  }
  if (!Number.isFinite(r)) throw new RangeError(`roundRate: non-finite rate ${r}`);
  const shift = (x: number, by: number): number => {
    const [mantissa, exponent] = x.toExponential().split('e');
    return Number(`${mantissa}e${Number(exponent) + by}`);
  };
  // `+ 0` turns -0 into 0 so that a rounded tiny negative never prints as "-0".
  return shift(Math.round(shift(r, digits)), -digits) + 0;
}

export function coverageRates(counts: CoverageCounts): CoverageRates {
  const { inScope, organizationCovered, workCovered } = counts;
  return {
    organizationCoverageRate: rate(organizationCovered, inScope),
    workCoverageRate: rate(workCovered, inScope),
    overallCoverageRate: rate(organizationCovered + workCovered, inScope),
  };
}

export function addCounts(a: CoverageCounts, b: CoverageCounts): CoverageCounts {
  return {
    inScope: a.inScope + b.inScope,
    organizationCovered: a.organizationCovered + b.organizationCovered,
    workCovered: a.workCovered + b.workCovered,
    blindSpots: a.blindSpots + b.blindSpots,
  };
}

/** Counts a list of in-scope organizations' statuses (each status is one organization). */
export function tallyCoverage(statuses: Iterable<CoverageStatus>): CoverageCounts {
  let organizationCovered = 0;
  let workCovered = 0;
  let blindSpots = 0;
  for (const s of statuses) {
    if (s === CoverageStatus.ORGANIZATION) organizationCovered++;
    else if (s === CoverageStatus.WORK) workCovered++;
    else if (s === CoverageStatus.BLIND_SPOT) blindSpots++;
    else throw new RangeError(`unknown coverage status ${JSON.stringify(s)}`);
  }
  return { inScope: organizationCovered + workCovered + blindSpots, organizationCovered, workCovered, blindSpots };
}

function assertWindow(windowDays: number): void {
  if (!Number.isInteger(windowDays) || windowDays < 1) {
    throw new RangeError(`windowDays must be a positive integer, got ${windowDays}`);
  }
}

/**
 * First day inside the window: the window is the `windowDays` calendar days ending on
 * `asOf`, both ends included. windowStart('2026-03-31', 90) = '2026-01-01'.
 */
export function windowStart(asOf: IsoDate, windowDays: number): IsoDate {
  assertWindow(windowDays);
  return addDays(asOf, -(windowDays - 1));
}

/**
 * Whether something dated `date` falls in the window of `windowDays` days ending on `asOf`
 * inclusive: asOf − windowDays < date ≤ asOf. With 90 days and asOf 2026-03-31, 2026-01-01
 * counts and 2025-12-31 does not; a date after asOf never counts (it had not happened yet).
 */
export function isWithinWindow(date: IsoDate, asOf: IsoDate, windowDays: number): boolean {
  assertWindow(windowDays);
  const age = daysBetween(date, asOf);
  return age >= 0 && age < windowDays;
}

export interface CoverageFacts {
  /** Some Party organization covered it on `asOf`. */
  readonly organizationCovered: boolean;
  /** An instructor was assigned to it on `asOf`. */
  readonly hasInstructor: boolean;
  /**
   * The latest liaison visit on or before `asOf`, or null. Pass the latest one not after
   * asOf: a later visit would fall outside the window and hide an earlier one inside it.
   */
  readonly lastVisitOn: IsoDate | null;
  readonly asOf: IsoDate;
  readonly windowDays: number;
}

/**
 * The coverage of one in-scope organization on `asOf`. Organization coverage wins over work
 * coverage, so the three outcomes never overlap and always add up to the in-scope count.
 */
export function classifyCoverage(facts: CoverageFacts): CoverageStatus {
  const { organizationCovered, hasInstructor, lastVisitOn, asOf, windowDays } = facts;
  assertWindow(windowDays);
  if (!isIsoDate(asOf)) throw new RangeError(`asOf is not an ISO date: ${JSON.stringify(asOf)}`);
  if (organizationCovered) return CoverageStatus.ORGANIZATION;
  if (hasInstructor) return CoverageStatus.WORK;
  if (lastVisitOn !== null && isWithinWindow(lastVisitOn, asOf, windowDays)) return CoverageStatus.WORK;
  return CoverageStatus.BLIND_SPOT;
}

/**
 * 作用发挥较弱: a Party organization with no activity in the window ending on `asOf` (same
 * window rule as visits). `lastActivityOn` is the latest activity on or before asOf.
 */
export function isWeakPartyOrganization(lastActivityOn: IsoDate | null, asOf: IsoDate, windowDays: number): boolean {
  assertWindow(windowDays);
  if (!isIsoDate(asOf)) throw new RangeError(`asOf is not an ISO date: ${JSON.stringify(asOf)}`);
  return lastActivityOn === null || !isWithinWindow(lastActivityOn, asOf, windowDays);
}
