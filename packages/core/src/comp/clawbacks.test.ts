import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.js';
import { parseDecimal } from '../decimal.js';
import { computeClawback } from './clawbacks.js';

describe('clawbacks: methods', () => {
  it('of-earned takes a percentage of what was earned, as a negative adjustment in the named period', () => {
    const result = computeClawback({ rule: { method: 'of-earned', earnedMinor: 5_000_00n, percentage: parseDecimal('0.5') }, postToPeriod: 'FY2027-M05' });
    expect(result).toEqual({
      adjustmentMinor: -2_500_00n,
      postToPeriod: 'FY2027-M05',
      explanation: { method: 'of-earned', baseMinor: 5_000_00n, fraction: '0.5', proration: null, roundingMode: 'half-even', postToPeriod: 'FY2027-M05' },
    });
  });

  it('of-paid takes back only what was already paid (all of it by default)', () => {
    const result = computeClawback({ rule: { method: 'of-paid', paidMinor: 1_200_00n }, postToPeriod: 'FY2027-M06' });
    expect(result.adjustmentMinor).toBe(-1_200_00n);
    expect(result.explanation.fraction).toBe('1');
  });

  it('prorated-unserved counts exact days: a 2026 contract (365 days) cancelled on 1 July claws back 184/365', () => {
    const result = computeClawback({
      rule: { method: 'prorated-unserved', earnedMinor: 3_650_00n, contractStart: '2026-01-01', contractEnd: '2026-12-31', cancelledOn: '2026-07-01' },
      postToPeriod: 'FY2027-M07',
    });
    expect(result.adjustmentMinor).toBe(-1_840_00n);
    expect(result.explanation.proration).toEqual({
      contractStart: '2026-01-01',
      contractEnd: '2026-12-31',
      cancelledOn: '2026-07-01',
      termDays: 365,
      servedDays: 181,
      unservedDays: 184,
    });
    expect(result.explanation.fraction).toBe('184/365');
  });

  it('prorated-unserved counts 29 February in a leap-year term and rounds once, half-even by default', () => {
    const rule = { method: 'prorated-unserved' as const, earnedMinor: 1_000_00n, contractStart: '2028-01-01', contractEnd: '2028-12-31', cancelledOn: '2028-03-01' };
    const result = computeClawback({ rule, postToPeriod: 'P' });
    // 366-day term, 60 days served (31 + 29), 306 unserved: 100000 x 306 / 366 = 83606.557... -> 83607.
    expect(result.explanation.proration).toMatchObject({ termDays: 366, servedDays: 60, unservedDays: 306 });
    expect(result.adjustmentMinor).toBe(-83_607n);
    expect(computeClawback({ rule, postToPeriod: 'P', roundingMode: 'down' }).adjustmentMinor).toBe(-83_606n);
  });

  it('clamps cancellations outside the term: before the start claws back everything, after the end nothing', () => {
    const rule = { method: 'prorated-unserved' as const, earnedMinor: 900n, contractStart: '2026-01-01', contractEnd: '2026-12-31' };
    expect(computeClawback({ rule: { ...rule, cancelledOn: '2025-06-01' }, postToPeriod: 'P' }).adjustmentMinor).toBe(-900n);
    expect(computeClawback({ rule: { ...rule, cancelledOn: '2027-06-01' }, postToPeriod: 'P' }).adjustmentMinor).toBe(0n);
  });

  it('refuses bad input naming the field', () => {
    const prorated = { method: 'prorated-unserved' as const, earnedMinor: 900n, contractStart: '2026-01-01', contractEnd: '2026-12-31', cancelledOn: '2026-06-01' };
    expect(() => computeClawback({ rule: { ...prorated, cancelledOn: '2026-02-30' }, postToPeriod: 'P' })).toThrow(/rule\.cancelledOn/);
    expect(() => computeClawback({ rule: { ...prorated, contractEnd: '2025-12-30' }, postToPeriod: 'P' })).toThrow(/rule\.contractEnd/);
    expect(() => computeClawback({ rule: { method: 'of-earned', earnedMinor: 1n, percentage: parseDecimal('1.01') }, postToPeriod: 'P' })).toThrow(/rule\.percentage/);
    expect(() => computeClawback({ rule: { method: 'of-paid', paidMinor: -1n }, postToPeriod: 'P' })).toThrow(/rule\.paidMinor/);
    expect(() => computeClawback({ rule: { method: 'of-paid', paidMinor: 1n }, postToPeriod: ' ' })).toThrow(/postToPeriod/);
  });
});

describe('clawbacks: properties', () => {
  it('prorated: never positive, never more than earned, and smaller the later the cancellation', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: -50, max: 3_100 }),
        fc.integer({ min: 0, max: 100 }),
        (earnedMinor, termLength, cancelOffset, later) => {
          const contractStart = '2026-03-15';
          const base = { method: 'prorated-unserved' as const, earnedMinor, contractStart, contractEnd: addDays(contractStart, termLength) };
          const early = computeClawback({ rule: { ...base, cancelledOn: addDays(contractStart, cancelOffset) }, postToPeriod: 'P' }).adjustmentMinor;
          const late = computeClawback({ rule: { ...base, cancelledOn: addDays(contractStart, cancelOffset + later) }, postToPeriod: 'P' }).adjustmentMinor;
          expect(early <= 0n && early >= -earnedMinor).toBe(true);
          expect(late >= early).toBe(true);
        },
      ),
    );
  });
});
