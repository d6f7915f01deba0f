import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fiscalPeriodOf, fiscalYearOf, fromEpochDay, isCalendarDate, parseFiscalPeriod, toEpochDay } from './calendar.js';

describe('calendar dates', () => {
  it('validates real dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });

  it('counts days like the proleptic Gregorian calendar', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('2000-03-01')).toBe(11017);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    fc.assert(fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (d) => {
      expect(toEpochDay(fromEpochDay(d))).toBe(d);
    }));
  });
});

describe('fiscal periods', () => {
  it('names a fiscal year after the calendar year it ends in', () => {
    expect(fiscalYearOf('2026-01-31', 2)).toBe(2026);
    expect(fiscalYearOf('2026-02-01', 2)).toBe(2027);
    expect(fiscalYearOf('2026-06-15', 1)).toBe(2026);
  });

  it('finds quarters and months of a February fiscal year', () => {
    expect(fiscalPeriodOf('2026-02-01', 2, 'quarter')).toEqual({ kind: 'quarter', key: 'FY2027-Q1', fiscalYear: 2027, start: '2026-02-01', end: '2026-04-30' });
    expect(fiscalPeriodOf('2027-01-15', 2, 'quarter')).toMatchObject({ key: 'FY2027-Q4', start: '2026-11-01', end: '2027-01-31' });
    expect(fiscalPeriodOf('2026-12-05', 2, 'month')).toMatchObject({ key: 'FY2027-M11', start: '2026-12-01', end: '2026-12-31' });
    expect(fiscalPeriodOf('2026-12-05', 1, 'year')).toMatchObject({ key: 'FY2026', start: '2026-01-01', end: '2026-12-31' });
  });

  it('parses period keys back to the same periods', () => {
    expect(parseFiscalPeriod('2026-Q3', 1)).toMatchObject({ key: 'FY2026-Q3', start: '2026-07-01', end: '2026-09-30' });
    expect(parseFiscalPeriod('FY2027-M12', 2)).toMatchObject({ start: '2027-01-01', end: '2027-01-31' });
    expect(() => parseFiscalPeriod('2026-Q5', 1)).toThrow(/not a fiscal period/);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('year', 'quarter', 'month' as const), (day, start, kind) => {
        const date = fromEpochDay(day);
        const period = fiscalPeriodOf(date, start, kind);
        expect(parseFiscalPeriod(period.key, start)).toEqual(period);
        expect(period.start <= date && date <= period.end).toBe(true);
      }),
    );
  });
});
