import { describe, expect, it } from 'vitest';
import { contractTermMonths, monthEndDateOf, monthIndexOf, monthIndexOfDate, monthLabelOf } from './months.js';

describe('capitalization months', () => {
  it('counts a contract term in months, a partial month as a whole one', () => {
    expect(contractTermMonths('2026-01-01', '2027-12-31')).toBe(24);
    expect(contractTermMonths('2026-01-15', '2028-01-14')).toBe(24);
    expect(contractTermMonths('2026-01-15', '2028-01-15')).toBe(25);
    expect(contractTermMonths('2026-01-10', '2026-01-20')).toBe(1);
    expect(contractTermMonths('2026-01-31', '2026-02-27')).toBe(1);
    expect(contractTermMonths('2026-01-01', '2026-12-31')).toBe(12);
    expect(contractTermMonths('2026-03-01', '2028-02-29')).toBe(24);
  });

  it('labels months and their last day', () => {
    const feb2028 = monthIndexOf('m', '2028-02');
    expect(monthLabelOf(feb2028 + 11)).toBe('2029-01');
    expect(monthEndDateOf(feb2028)).toBe('2028-02-29');
    expect(monthEndDateOf(monthIndexOfDate('d', '2026-12-05'))).toBe('2026-12-31');
    expect(() => monthIndexOf('from', '2026-13')).toThrow(/from/);
    expect(() => monthIndexOfDate('cost.recognizedOn', '2026-02-30')).toThrow(/cost\.recognizedOn/);
  });
});
