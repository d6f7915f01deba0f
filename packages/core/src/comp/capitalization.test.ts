import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amortizeStraightLine } from './capitalization.js';

describe('capitalization: golden example 7', () => {
  it('a 3,000 commission over a 5-year customer life amortizes 50 a month (velocityhq.com)', () => {
    const { entries, explanation } = amortizeStraightLine({ capitalizedMinor: 3_000_00n, term: { months: 60 } });
    expect(entries).toHaveLength(60);
    expect(new Set(entries.map((e) => e.amountMinor))).toEqual(new Set([50_00n]));
    expect(entries.at(-1)).toMatchObject({ cumulativeMinor: 3_000_00n, remainingMinor: 0n });
    expect(explanation).toEqual({
      standard: 'ASC 340-40',
      method: 'straight-line',
      capitalizedMinor: 3_000_00n,
      months: 60,
      baseMonthlyMinor: 50_00n,
      remainderMinor: 0n,
      remainderMonthIndex: 60,
    });
  });

  it('6,000 over a 24-month contract amortizes 250 a month', () => {
    const { entries } = amortizeStraightLine({ capitalizedMinor: 6_000_00n, term: { benefitPeriod: { firstMonth: '2026-11', lastMonth: '2028-10' } } });
    expect(entries).toHaveLength(24);
    expect(entries.every((e) => e.amountMinor === 250_00n)).toBe(true);
    expect([entries[0]?.month, entries[2]?.month, entries[23]?.month]).toEqual(['2026-11', '2027-01', '2028-10']);
  });
});

describe('capitalization: rules', () => {
  it('puts the indivisible minor units in the declared month', () => {
    const last = amortizeStraightLine({ capitalizedMinor: 1_000_00n, term: { months: 3, firstMonth: '2026-12' } });
    expect(last.entries.map((e) => [e.month, e.amountMinor])).toEqual([
      ['2026-12', 33_333n],
      ['2027-01', 33_333n],
      ['2027-02', 33_334n],
    ]);
    const first = amortizeStraightLine({ capitalizedMinor: 1_000_00n, term: { months: 3 }, remainderIn: 'first' });
    expect(first.entries.map((e) => e.amountMinor)).toEqual([33_334n, 33_333n, 33_333n]);
    expect(first.entries[0]?.month).toBeNull();
    expect(first.explanation).toMatchObject({ remainderMinor: 1n, remainderMonthIndex: 1 });
  });

  it('refuses bad input naming the field', () => {
    expect(() => amortizeStraightLine({ capitalizedMinor: -1n, term: { months: 3 } })).toThrow(/capitalizedMinor/);
    expect(() => amortizeStraightLine({ capitalizedMinor: 1n, term: { months: 0 } })).toThrow(/term\.months/);
    expect(() => amortizeStraightLine({ capitalizedMinor: 1n, term: { months: 2.5 } })).toThrow(/term\.months/);
    expect(() => amortizeStraightLine({ capitalizedMinor: 1n, term: { months: 2, firstMonth: '2026-13' } })).toThrow(/term\.firstMonth/);
    expect(() => amortizeStraightLine({ capitalizedMinor: 1n, term: { benefitPeriod: { firstMonth: '2026-05', lastMonth: '2026-04' } } })).toThrow(
      /term\.benefitPeriod\.lastMonth/,
    );
  });
});

describe('capitalization: properties', () => {
  it('the schedule sums exactly to the capitalized amount, entries are non-negative, length = months', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.integer({ min: 1, max: 120 }), fc.constantFrom('first' as const, 'last' as const), (capitalizedMinor, months, remainderIn) => {
        const { entries } = amortizeStraightLine({ capitalizedMinor, term: { months }, remainderIn });
        expect(entries).toHaveLength(months);
        expect(entries.every((e) => e.amountMinor >= 0n)).toBe(true);
        expect(entries.reduce((sum, e) => sum + e.amountMinor, 0n)).toBe(capitalizedMinor);
        expect(entries.at(-1)?.remainingMinor).toBe(0n);
      }),
    );
  });
});
