import { describe, it, expect } from 'vitest';
import {
  CoverageStatus,
  DEFAULT_WINDOW_DAYS,
  EMPTY_COVERAGE_COUNTS,
  addCounts,
  classifyCoverage,
  coverageRates,
  isWeakPartyOrganization,
  isWithinWindow,
  rate,
  roundRate,
  tallyCoverage,
  windowStart,
} from './coverage.js';

describe('rate and roundRate', () => {
  it('is the exact ratio, and 0 for an empty denominator', () => {
    expect(rate(1, 3)).toBe(1 / 3);
    expect(rate(0, 0)).toBe(0);
    expect(rate(5, 0)).toBe(0);
    expect(() => rate(Number.NaN, 3)).toThrow(RangeError);
    expect(() => rate(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('rounds half up in decimal, not in binary', () => {
    expect(roundRate(2 / 3)).toBe(0.6667);
    expect(roundRate(0.00125)).toBe(0.0013);
    expect(roundRate(1.005, 2)).toBe(1.01);
    expect(roundRate(0.5, 0)).toBe(1);
    expect(roundRate(1e-9)).toBe(0);
    expect(Object.is(roundRate(-1e-9), 0)).toBe(true);
    expect(roundRate(1)).toBe(1);
    expect(() => roundRate(0.5, 1.5)).toThrow(RangeError);
  });
});

describe('counts and rates', () => {
  const a = { inScope: 10, organizationCovered: 6, workCovered: 3, blindSpots: 1 };
  const b = { inScope: 30, organizationCovered: 12, workCovered: 9, blindSpots: 9 };

  it('computes the three rates over the in-scope count', () => {
    expect(coverageRates(a)).toEqual({
      organizationCoverageRate: 0.6,
      workCoverageRate: 0.3,
      overallCoverageRate: 0.9,
    });
  });

  it('gives zeros, not NaN, for an area with nothing in scope', () => {
    expect(coverageRates(EMPTY_COVERAGE_COUNTS)).toEqual({
      organizationCoverageRate: 0,
      workCoverageRate: 0,
      overallCoverageRate: 0,
    });
  });

  it('adds counts field by field, so rates of a sum are not averages of rates', () => {
    const sum = addCounts(a, b);
    expect(sum).toEqual({ inScope: 40, organizationCovered: 18, workCovered: 12, blindSpots: 10 });
    expect(coverageRates(sum).organizationCoverageRate).toBe(0.45);
  });

  it('tallies statuses', () => {
    const { ORGANIZATION, WORK, BLIND_SPOT } = CoverageStatus;
    expect(tallyCoverage([ORGANIZATION, WORK, BLIND_SPOT, ORGANIZATION])).toEqual({
      inScope: 4,
      organizationCovered: 2,
      workCovered: 1,
      blindSpots: 1,
    });
    expect(tallyCoverage([])).toEqual(EMPTY_COVERAGE_COUNTS);
    expect(() => tallyCoverage(['COVERED' as CoverageStatus])).toThrow(RangeError);
  });
});

describe('the window', () => {
  it('is the windowDays days ending on asOf, both included', () => {
    expect(DEFAULT_WINDOW_DAYS).toBe(90);
    // Jan 31 + Feb 28 + Mar 31 = 90 days.
    expect(windowStart('2026-03-31', 90)).toBe('2026-01-01');
    expect(windowStart('2026-03-31', 1)).toBe('2026-03-31');
    expect(isWithinWindow('2026-01-01', '2026-03-31', 90)).toBe(true);
    expect(isWithinWindow('2025-12-31', '2026-03-31', 90)).toBe(false);
    expect(isWithinWindow('2026-03-31', '2026-03-31', 90)).toBe(true);
    expect(isWithinWindow('2026-04-01', '2026-03-31', 90)).toBe(false);
    // A leap year moves the start by a day.
    expect(windowStart('2024-03-31', 90)).toBe('2024-01-02');
  });

  it('refuses a window that is not a positive integer', () => {
    expect(() => windowStart('2026-03-31', 0)).toThrow(RangeError);
    expect(() => isWithinWindow('2026-03-31', '2026-03-31', 2.5)).toThrow(RangeError);
  });
});

describe('classifyCoverage', () => {
  const base = { organizationCovered: false, hasInstructor: false, lastVisitOn: null, asOf: '2026-03-31', windowDays: 90 };

  it('puts organization coverage first', () => {
    expect(classifyCoverage({ ...base, organizationCovered: true, hasInstructor: true })).toBe('ORGANIZATION');
  });

  it('counts an instructor as work coverage regardless of visits', () => {
    expect(classifyCoverage({ ...base, hasInstructor: true })).toBe('WORK');
  });

  it('counts a visit on the first day of the window and not the day before', () => {
    expect(classifyCoverage({ ...base, lastVisitOn: '2026-01-01' })).toBe('WORK');
    expect(classifyCoverage({ ...base, lastVisitOn: '2025-12-31' })).toBe('BLIND_SPOT');
    expect(classifyCoverage({ ...base, lastVisitOn: '2026-04-01' })).toBe('BLIND_SPOT');
  });

  it('is a blind spot with nothing', () => {
    expect(classifyCoverage(base)).toBe('BLIND_SPOT');
  });

  it('refuses a bad asOf', () => {
    expect(() => classifyCoverage({ ...base, organizationCovered: true, asOf: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('isWeakPartyOrganization', () => {
  it('is weak with no activity in the window', () => {
    expect(isWeakPartyOrganization(null, '2026-03-31', 90)).toBe(true);
    expect(isWeakPartyOrganization('2025-12-31', '2026-03-31', 90)).toBe(true);
    expect(isWeakPartyOrganization('2026-01-01', '2026-03-31', 90)).toBe(false);
  });
});
