import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal, type DateRange } from '@attain/core';
import { assignmentTerms, parseRamp, type AssignmentTermsAssignment, type AssignmentTermsPlan } from './assignment-terms.js';

const quarters2026: DateRange[] = [
  { from: '2026-01-01', to: '2026-03-31' },
  { from: '2026-04-01', to: '2026-06-30' },
  { from: '2026-07-01', to: '2026-09-30' },
  { from: '2026-10-01', to: '2026-12-31' },
];
const phased: AssignmentTermsPlan = {
  yearStartMonth: 1, proration: 'calendar-days',
  quotaPhasing: { by: 'quarter', weights: ['0.20', '0.20', '0.20', '0.40'].map(parseDecimal) },
};
const byDays: AssignmentTermsPlan = { yearStartMonth: 1, proration: 'calendar-days' };
const assignment = (over: Partial<AssignmentTermsAssignment> = {}): AssignmentTermsAssignment => ({
  validFrom: '2026-01-01', validTo: null, targetIncentiveMinor: 0n, annualQuotaMinor: null, ramp: null, ...over,
});
const terms = (a: AssignmentTermsAssignment, plan: AssignmentTermsPlan, period: DateRange) => assignmentTerms({ assignment: a, plan, period, currency: 'USD' });

describe('assignment terms', () => {
  it('phases the quickbase case: annual 100,000 at 20/20/20/40 from 1 March', () => {
    const a = assignment({ validFrom: '2026-03-01', annualQuotaMinor: 10_000_000n });
    const quotas = quarters2026.map((q) => terms(a, phased, q).quota?.amountMinor);
    // Q1: only March, a third of the 20% quarter: 100,000 x 0.2 / 3 = 6,666.666... -> 6,666.67.
    expect(quotas).toEqual([666_667n, 2_000_000n, 2_000_000n, 4_000_000n]);
    const q1 = terms(a, phased, quarters2026[0] as DateRange);
    expect(q1).toMatchObject({ daysOnPlan: 31, daysInPeriod: 90, onPlan: { from: '2026-03-01', to: '2026-03-31' } });
    expect(q1.quota?.months.map((m) => [m.month, m.exact])).toEqual([
      ['2026-01', { numerator: 0n, denominator: 1n }],
      ['2026-02', { numerator: 0n, denominator: 1n }],
      ['2026-03', { numerator: 2_000_000n, denominator: 3n }],
    ]);
    expect(q1.steps.at(-1)).toBe('period quota: 6666.666666... rounded once (half-even) = 6666.67 USD');
  });

  it('prorates the target incentive by days of the plan year', () => {
    // 30,000 a year from 1 March: Q1 counts 31 of 365 days = 2,547.945... -> 2,547.95.
    const a = assignment({ validFrom: '2026-03-01', targetIncentiveMinor: 3_000_000n });
    expect(terms(a, phased, quarters2026[0] as DateRange).targetIncentive.amountMinor).toBe(254_795n);
    // Q2 in full: 30,000 x 91 / 365 = 7,479.452... -> 7,479.45.
    expect(terms(a, phased, quarters2026[1] as DateRange).targetIncentive.amountMinor).toBe(747_945n);
    // A plan that does not prorate pays the whole period's share to anyone on it that period.
    expect(terms(a, { ...phased, proration: 'none' }, quarters2026[0] as DateRange).targetIncentive.amountMinor).toBe(739_726n);
  });

  it('applies a ramp month by month from the month of valid_from', () => {
    // 1,200,000 a year by days from 16 Feb with ramp 0 / 0.25 / 0.5 / 0.75, then 1.
    const a = assignment({ validFrom: '2026-02-16', annualQuotaMinor: 120_000_000n, ramp: ['0', '0.25', '0.5', '0.75'] });
    const q1 = terms(a, byDays, quarters2026[0] as DateRange);
    // Feb (month 1): 13 days x 0 = 0; Mar (month 2): 120,000,000 x 31 / 365 x 0.25 = 2,547,945.2 minor.
    expect(q1.quota?.months.map((m) => [m.month, m.monthOnPlan, m.rampFactor])).toEqual([['2026-01', 0, '1'], ['2026-02', 1, '0'], ['2026-03', 2, '0.25']]);
    expect(q1.quota?.amountMinor).toBe(2_547_945n);
    // Q2: (30 x 0.5 + 31 x 0.75 + 30 x 1) / 365 x 120,000,000 = 68.25 / 365 x 120,000,000 = 22,438,356.16.
    expect(terms(a, byDays, quarters2026[1] as DateRange).quota?.amountMinor).toBe(22_438_356n);
  });

  it('gives nothing outside the assignment and splits a period across plan years', () => {
    const ended = assignment({ validFrom: '2026-01-01', validTo: '2026-02-28', targetIncentiveMinor: 3_650_000n, annualQuotaMinor: 36_500_000n });
    const q2 = terms(ended, byDays, quarters2026[1] as DateRange);
    expect(q2).toMatchObject({ onPlan: null, daysOnPlan: 0, targetIncentive: { amountMinor: 0n }, quota: { amountMinor: 0n } });
    // Dec 2026 + Jan 2027: 31 days of a 365-day year each side; 3,650,000 / 365 = 10,000 a day.
    const span = terms(assignment({ targetIncentiveMinor: 3_650_000n }), byDays, { from: '2026-12-01', to: '2027-01-31' });
    expect(span.targetIncentive.segments.map((s) => [s.daysCounted, s.daysInYear])).toEqual([[31, 365], [31, 365]]);
    expect(span.targetIncentive.amountMinor).toBe(620_000n);
  });

  it('refuses ramp factors outside [0, 1], naming the month', () => {
    expect(() => parseRamp(['0.5', '1.5'])).toThrow(/ramp\[1\]: must be between 0 and 1/);
    expect(() => parseRamp(['x'])).toThrow(/ramp\[0\]/);
    expect(() => terms(assignment(), byDays, { from: '2026-02-01', to: '2026-01-01' })).toThrow(/period\.to/);
  });

  it('property: a full-year assignment phased by quarter sums to the annual quota within a unit per quarter', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), (annual) => {
        const a = assignment({ annualQuotaMinor: annual });
        const total = quarters2026.reduce((acc, q) => acc + (terms(a, phased, q).quota?.amountMinor ?? 0n), 0n);
        const diff = total - annual;
        return diff >= -2n && diff <= 2n;
      }),
    );
  });

  it('property: a ramp never raises the quota and more days never lower the target', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 11n }),
        fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 80 }),
        (annual, percents, startOffset) => {
          const from = `2026-01-${String(1 + (startOffset % 28)).padStart(2, '0')}`;
          const ramp = percents.map((p) => (p / 100).toFixed(2));
          const plain = terms(assignment({ validFrom: from, annualQuotaMinor: annual, targetIncentiveMinor: annual }), phased, quarters2026[0] as DateRange);
          const ramped = terms(assignment({ validFrom: from, annualQuotaMinor: annual, targetIncentiveMinor: annual, ramp }), phased, quarters2026[0] as DateRange);
          const earlier = terms(assignment({ validFrom: '2026-01-01', targetIncentiveMinor: annual }), phased, quarters2026[0] as DateRange);
          return (ramped.quota?.amountMinor ?? 0n) <= (plain.quota?.amountMinor ?? 0n) && earlier.targetIncentive.amountMinor >= plain.targetIncentive.amountMinor;
        },
      ),
    );
  });
});
