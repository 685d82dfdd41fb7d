import { describe, expect, it } from 'vitest';
import { dayBefore, monthlyTrendDates, todayInShanghai } from './dates';

describe('monthlyTrendDates', () => {
  it('gives the last day of the 11 months before asOf, then asOf', () => {
    const dates = monthlyTrendDates('2026-03-15');
    expect(dates).toHaveLength(12);
    expect(dates[0]).toBe('2025-04-30');
    expect(dates[9]).toBe('2026-01-31');
    expect(dates[10]).toBe('2026-02-28');
    expect(dates[11]).toBe('2026-03-15');
  });
});

describe('todayInShanghai', () => {
  it('is the calendar day in Asia/Shanghai, not UTC', () => {
    expect(todayInShanghai(new Date('2026-11-27T16:30:00Z'))).toBe('2026-11-28');
  });
});

describe('dayBefore', () => {
  it('steps back across months and years', () => {
    expect(dayBefore('2026-11-23')).toBe('2026-11-22');
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });
});
