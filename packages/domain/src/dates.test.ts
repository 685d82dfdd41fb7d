import { describe, it, expect } from 'vitest';
import {
  Period,
  addDays,
  daysBetween,
  isIsoDate,
  isPeriod,
  isoWeek,
  isoWeekday,
  periodLabel,
  periodRange,
  previousPeriod,
  todayInShanghai,
} from './dates.js';

describe('isIsoDate', () => {
  it('accepts real dates, including leap days', () => {
    expect(isIsoDate('2026-11-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('refuses impossible dates and loose formats', () => {
    for (const s of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-5', '2026-01-05T00:00:00Z', ' 2026-01-05', '20260105', '']) {
      expect(isIsoDate(s), s).toBe(false);
    }
    expect(isIsoDate(20260105)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe('todayInShanghai', () => {
  it('turns the date at 16:00 UTC, which is midnight in Jinan', () => {
    expect(todayInShanghai(new Date('2026-11-27T15:59:59.999Z'))).toBe('2026-11-27');
    expect(todayInShanghai(new Date('2026-11-27T16:00:00.000Z'))).toBe('2026-11-28');
    expect(todayInShanghai(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('refuses an invalid Date', () => {
    expect(() => todayInShanghai(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('addDays and daysBetween', () => {
  it('crosses month, leap-day and year boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-31', -89)).toBe('2026-01-01');
    expect(addDays('1969-12-31', 1)).toBe('1970-01-01');
  });

  it('counts signed days', () => {
    expect(daysBetween('2026-01-01', '2026-01-02')).toBe(1);
    expect(daysBetween('2026-01-02', '2026-01-01')).toBe(-1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('1970-01-01', '2000-03-01')).toBe(11017);
  });

  it('throws on invalid input', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 1.5)).toThrow(RangeError);
    expect(() => daysBetween('2026-02-01', 'tomorrow')).toThrow(RangeError);
  });
});

describe('isoWeek', () => {
  it('knows the weekday', () => {
    expect(isoWeekday('2026-01-01')).toBe(4); // Thursday
    expect(isoWeekday('2026-11-28')).toBe(6); // Saturday
    expect(isoWeekday('2026-11-29')).toBe(7); // Sunday
    expect(isoWeekday('1970-01-01')).toBe(4);
  });

  it('puts the week of a year boundary in the year of its Thursday', () => {
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 });
    expect(isoWeek('2025-12-29')).toEqual({ year: 2026, week: 1 }); // Monday of 2026-W01
    expect(isoWeek('2025-12-28')).toEqual({ year: 2025, week: 52 });
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 }); // Friday
    expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(isoWeek('2020-12-31')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeek('2026-11-28')).toEqual({ year: 2026, week: 48 });
  });
});

describe('periodRange and previousPeriod', () => {
  it('gives inclusive ranges', () => {
    expect(periodRange(Period.DAY, '2026-11-28')).toEqual({ start: '2026-11-28', end: '2026-11-28' });
    expect(periodRange(Period.WEEK, '2026-11-28')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    expect(periodRange(Period.WEEK, '2026-11-23')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    expect(periodRange(Period.WEEK, '2027-01-01')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
    expect(periodRange(Period.MONTH, '2024-02-10')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodRange(Period.MONTH, '2026-02-10')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodRange(Period.YEAR, '2026-11-28')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('steps back one period', () => {
    expect(previousPeriod(Period.DAY, '2026-01-01')).toEqual({ start: '2025-12-31', end: '2025-12-31' });
    expect(previousPeriod(Period.WEEK, '2026-01-01')).toEqual({ start: '2025-12-22', end: '2025-12-28' });
    expect(previousPeriod(Period.MONTH, '2024-03-31')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(previousPeriod(Period.MONTH, '2026-01-15')).toEqual({ start: '2025-12-01', end: '2025-12-31' });
    expect(previousPeriod(Period.YEAR, '2026-06-30')).toEqual({ start: '2025-01-01', end: '2025-12-31' });
  });

  it('refuses an unknown period', () => {
    expect(() => periodRange('QUARTER' as Period, '2026-01-01')).toThrow(RangeError);
    expect(isPeriod('WEEK')).toBe(true);
    expect(isPeriod('QUARTER')).toBe(false);
  });
});

describe('periodLabel', () => {
  it('labels each period', () => {
    expect(periodLabel(Period.DAY, '2026-11-28')).toBe('2026-11-28');
    expect(periodLabel(Period.WEEK, '2026-11-28')).toBe('2026-W48');
    expect(periodLabel(Period.WEEK, '2026-01-05')).toBe('2026-W02');
    expect(periodLabel(Period.WEEK, '2027-01-01')).toBe('2026-W53');
    expect(periodLabel(Period.MONTH, '2026-11-28')).toBe('2026-11');
    expect(periodLabel(Period.YEAR, '2026-11-28')).toBe('2026');
  });

  it('refuses invalid dates for every period', () => {
    for (const p of Object.values(Period)) expect(() => periodLabel(p, '2026-02-30')).toThrow(RangeError);
  });
});
