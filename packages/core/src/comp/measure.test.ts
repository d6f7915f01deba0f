import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { computeMeasure, type Credit } from './measure.js';

const credit = (id: string, amountMinor: bigint, date: string, creditType = 'booking'): Credit => ({ id, payeeId: 'p1', creditType, amountMinor, date, sourceId: `opp-${id}`, rule: 'owner' });

const credits: Credit[] = [
  credit('c3', 300_00n, '2026-02-10'),
  credit('c1', 100_00n, '2026-01-01'),
  credit('c2', 200_00n, '2026-03-31'),
  credit('c4', 999_00n, '2026-04-01'),
  credit('c5', 50_00n, '2026-02-01', 'renewal'),
  credit('c6', -40_00n, '2026-02-15'),
];

describe('computeMeasure', () => {
  it('sums the chosen credit types within the inclusive date range', () => {
    const result = computeMeasure({ credits, measure: { creditTypes: ['booking'], aggregate: 'sum', from: '2026-01-01', to: '2026-03-31' } });
    // c1 + c3 + c2 + c6 (a reversal); c4 is after the range, c5 another type.
    expect(result).toEqual({
      valueMinor: 560_00n,
      creditIds: ['c1', 'c3', 'c6', 'c2'], // date-then-id order
      explanation: { creditTypes: ['booking'], aggregate: 'sum', from: '2026-01-01', to: '2026-03-31', creditCount: 4, valueMinor: 560_00n },
      hasPayoutShares: false,
    });
  });

  it('counts credits for a count measure and sorts the listed types', () => {
    const result = computeMeasure({ credits, measure: { creditTypes: ['renewal', 'booking'], aggregate: 'count', from: '2026-02-01', to: '2026-02-28' } });
    expect(result.valueMinor).toBe(3n);
    expect(result.creditIds).toEqual(['c5', 'c3', 'c6']);
    expect(result.explanation.creditTypes).toEqual(['booking', 'renewal']);
  });

  it('refuses two credits of the same date and id, and malformed dates', () => {
    const measure = { creditTypes: ['booking'], aggregate: 'sum' as const, from: '2026-01-01', to: '2026-12-31' };
    // The same id on two dates is refused by sortCredits, which a batch runs once per payee.
    expect(() => computeMeasure({ credits: [credit('a', 1n, '2026-01-02'), credit('b', 1n, '2026-01-01'), credit('a', 2n, '2026-01-02')], measure })).toThrow(/duplicate credit id a/);
    expect(() => computeMeasure({ credits: [credit('a', 1n, '2026-1-1')], measure })).toThrow(DomainError);
  });

  it('does not depend on the order of credits (property)', () => {
    const arb = fc
      .array(fc.record({ amountMinor: fc.bigInt({ min: -1_000_000n, max: 10_000_000n }), day: fc.integer({ min: 1, max: 28 }), month: fc.integer({ min: 1, max: 6 }), type: fc.constantFrom('booking', 'renewal') }), { maxLength: 20 })
      .map((rows) => rows.map((r, i) => credit(`c${i}`, r.amountMinor, `2026-0${r.month}-${String(r.day).padStart(2, '0')}`, r.type)))
      .chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length })));
    fc.assert(
      fc.property(arb, fc.constantFrom('sum' as const, 'count' as const), ([cs, shuffled], aggregate) => {
        const measure = { creditTypes: ['booking'], aggregate, from: '2026-02-01', to: '2026-05-15' };
        expect(computeMeasure({ credits: shuffled, measure })).toEqual(computeMeasure({ credits: cs, measure }));
      }),
      { numRuns: 2_000 },
    );
  });
});
