import { describe, expect, it } from 'vitest';
import { canonicalPeriodKey, currentQuarterKey, localToday, periodOptions, periodSpan } from './period-options.js';

// The demo organisation: the fiscal year starts in February (FY2027 = Feb 2026..Jan 2027).
const FEB = 2;

describe('currentQuarterKey', () => {
  it('is the fiscal quarter containing today, by the fiscal start month', () => {
    expect(currentQuarterKey('2026-11-27', FEB)).toBe('FY2027-Q4');
    expect(currentQuarterKey('2026-02-01', FEB)).toBe('FY2027-Q1');
    expect(currentQuarterKey('2026-01-31', FEB)).toBe('FY2026-Q4');
    expect(currentQuarterKey('2026-04-30', 1)).toBe('FY2026-Q2');
  });
});

describe('periodOptions', () => {
  it('lists the quarters and months of this fiscal year and the last, latest first, leaving out those not started', () => {
    const { quarters, months } = periodOptions('2026-05-10', FEB);
    expect(quarters.map((q) => q.key)).toEqual(['FY2027-Q2', 'FY2027-Q1', 'FY2026-Q4', 'FY2026-Q3', 'FY2026-Q2', 'FY2026-Q1']);
    expect(months.map((m) => m.key).slice(0, 5)).toEqual(['FY2027-M04', 'FY2027-M03', 'FY2027-M02', 'FY2027-M01', 'FY2026-M12']);
    expect(months).toHaveLength(16);
  });

  it('labels each with its months and carries its dates', () => {
    const { quarters, months } = periodOptions('2026-11-27', FEB);
    const q1 = quarters.find((q) => q.key === 'FY2027-Q1');
    expect(q1).toEqual({ key: 'FY2027-Q1', kind: 'quarter', label: 'FY2027-Q1 · Feb 2026 – Apr 2026', from: '2026-02-01', to: '2026-04-30' });
    const m12 = months.find((m) => m.key === 'FY2026-M12');
    expect(m12).toEqual({ key: 'FY2026-M12', kind: 'month', label: 'FY2026-M12 · Jan 2026', from: '2026-01-01', to: '2026-01-31' });
  });

  it('includes the quarter and month that contain today', () => {
    const today = '2027-01-31';
    const { quarters, months } = periodOptions(today, FEB);
    expect(quarters[0]?.key).toBe(currentQuarterKey(today, FEB));
    expect(months[0]).toMatchObject({ key: 'FY2027-M12', from: '2027-01-01', to: '2027-01-31' });
  });
});

describe('canonicalPeriodKey', () => {
  it('turns what a link may carry into the canonical key, and refuses years and nonsense', () => {
    expect(canonicalPeriodKey('2027-q1', FEB)).toBe('FY2027-Q1');
    expect(canonicalPeriodKey('FY2027-M02', FEB)).toBe('FY2027-M02');
    expect(canonicalPeriodKey('FY2027', FEB)).toBeNull();
    expect(canonicalPeriodKey('next quarter', FEB)).toBeNull();
  });
});

describe('periodSpan and localToday', () => {
  it('names a quarter by its first and last month', () => {
    expect(periodSpan({ kind: 'quarter', start: '2026-11-01', end: '2027-01-31' })).toBe('Nov 2026 – Jan 2027');
  });
  it('reads the local calendar day', () => {
    expect(localToday(new Date(2026, 10, 27, 23, 59))).toBe('2026-11-27');
  });
});
