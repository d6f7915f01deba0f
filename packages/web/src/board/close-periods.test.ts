import { describe, expect, it } from 'vitest';
import { closeRangeOf, customRangeProblem, localDateOf } from './close-periods.js';

describe('closeRangeOf', () => {
  // The demo org: fiscal year FY2027 runs from February 2026 to January 2027.
  const feb = { today: '2026-11-27', fiscalYearStartMonth: 2 };

  it('takes months from the calendar and quarters and years from the fiscal calendar', () => {
    expect(closeRangeOf('month', feb)).toEqual({ closeFrom: '2026-11-01', closeTo: '2026-11-30' });
    expect(closeRangeOf('quarter', feb)).toEqual({ closeFrom: '2026-11-01', closeTo: '2027-01-31' });
    expect(closeRangeOf('next-quarter', feb)).toEqual({ closeFrom: '2027-02-01', closeTo: '2027-04-30' });
    expect(closeRangeOf('year', feb)).toEqual({ closeFrom: '2026-02-01', closeTo: '2027-01-31' });
  });

  it('crosses calendar years for the next quarter', () => {
    const jan = { today: '2026-12-15', fiscalYearStartMonth: 1 };
    expect(closeRangeOf('quarter', jan)).toEqual({ closeFrom: '2026-10-01', closeTo: '2026-12-31' });
    expect(closeRangeOf('next-quarter', jan)).toEqual({ closeFrom: '2027-01-01', closeTo: '2027-03-31' });
  });

  it('moves into the next fiscal year from the last fiscal quarter', () => {
    const oct = { today: '2026-09-30', fiscalYearStartMonth: 10 };
    expect(closeRangeOf('quarter', oct)).toEqual({ closeFrom: '2026-07-01', closeTo: '2026-09-30' });
    expect(closeRangeOf('next-quarter', oct)).toEqual({ closeFrom: '2026-10-01', closeTo: '2026-12-31' });
    expect(closeRangeOf('year', oct)).toEqual({ closeFrom: '2025-10-01', closeTo: '2026-09-30' });
  });

  it('handles leap February in a month preset', () => {
    expect(closeRangeOf('month', { today: '2028-02-10', fiscalYearStartMonth: 1 })).toEqual({ closeFrom: '2028-02-01', closeTo: '2028-02-29' });
  });

  it('leaves every date open for "all"', () => {
    expect(closeRangeOf('all', feb)).toEqual({});
  });

  it('uses only valid custom dates, and either end may be open', () => {
    expect(closeRangeOf('custom', { ...feb, from: '2027-01-01', to: '2027-03-31' })).toEqual({ closeFrom: '2027-01-01', closeTo: '2027-03-31' });
    expect(closeRangeOf('custom', { ...feb, from: '2027-01-01' })).toEqual({ closeFrom: '2027-01-01' });
    expect(closeRangeOf('custom', { ...feb, from: '2027-02-30', to: '2027-03-31' })).toEqual({ closeTo: '2027-03-31' });
    expect(closeRangeOf('custom', feb)).toEqual({});
  });
});

describe('customRangeProblem', () => {
  it('names a reversed or malformed range', () => {
    expect(customRangeProblem('2027-03-01', '2027-01-01')).toBe('The end is before the start.');
    expect(customRangeProblem('2027-13-01', undefined)).toBe('The start is not a date.');
    expect(customRangeProblem(undefined, 'soon')).toBe('The end is not a date.');
    expect(customRangeProblem('2027-01-01', '2027-01-01')).toBeNull();
    expect(customRangeProblem(undefined, undefined)).toBeNull();
  });
});

describe('localDateOf', () => {
  it('is the local calendar date', () => {
    expect(localDateOf(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
  });
});
