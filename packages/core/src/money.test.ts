import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder, divideRounded, formatMinorAsMajor, parseMajorToMinor } from './money.js';
import { multiplyMoney, parseDecimal, formatDecimal } from './decimal.js';
import { convertMinor, rateOn } from './fx.js';

describe('divideRounded', () => {
  it('rounds half to even by default, and each mode as named', () => {
    expect([5n, 15n, 25n, -5n, -15n].map((n) => divideRounded(n, 10n))).toEqual([0n, 2n, 2n, 0n, -2n]);
    expect(divideRounded(25n, 10n, 'half-up')).toBe(3n);
    expect(divideRounded(-25n, 10n, 'half-up')).toBe(-3n);
    expect(divideRounded(19n, 10n, 'down')).toBe(1n);
    expect(divideRounded(11n, 10n, 'up')).toBe(2n);
    expect(divideRounded(-11n, 10n, 'floor')).toBe(-2n);
    expect(divideRounded(-19n, 10n, 'ceiling')).toBe(-1n);
    expect(divideRounded(7n, -2n)).toBe(-4n);
  });

  it('never strays more than half a unit from the exact quotient', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        const q = divideRounded(n, d);
        const error = n - q * d; // exact remainder of the rounded quotient
        expect(2n * (error < 0n ? -error : error) <= d).toBe(true);
      }),
    );
  });
});

describe('allocateLargestRemainder', () => {
  it('splits exactly, even with awkward weights', () => {
    expect(allocateLargestRemainder(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocateLargestRemainder(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
    expect(allocateLargestRemainder(10n, [0n, 5n])).toEqual([0n, 10n]);
  });

  it('parts always sum to the whole and stay within one unit of the exact share', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 20 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0n));
        const parts = allocateLargestRemainder(total, weights);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
        const sum = weights.reduce((a, b) => a + b, 0n);
        parts.forEach((p, i) => {
          const exactTimesSum = total * (weights[i] as bigint);
          const diff = p * sum - exactTimesSum;
          expect((diff < 0n ? -diff : diff) < sum).toBe(true);
        });
      }),
    );
  });
});

describe('major and minor units', () => {
  it('parses exactly and refuses excess precision', () => {
    expect(parseMajorToMinor('1,234.56', 'USD')).toBe(123456n);
    expect(parseMajorToMinor('-0.5', 'USD')).toBe(-50n);
    expect(parseMajorToMinor('1200', 'JPY')).toBe(1200n);
    expect(parseMajorToMinor('1.200', 'USD')).toBe(120n);
    expect(() => parseMajorToMinor('1.234', 'USD')).toThrow(/more than 2 decimals/);
    expect(() => parseMajorToMinor('1e5', 'USD')).toThrow();
  });

  it('formats and parses back to the same amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.constantFrom('USD', 'JPY', 'KWD'), (minor, currency) => {
        expect(parseMajorToMinor(formatMinorAsMajor(minor, currency), currency)).toBe(minor);
      }),
    );
  });
});

describe('exact rates', () => {
  it('multiplies money by a decimal rate with a single rounding', () => {
    expect(multiplyMoney(123456n, parseDecimal('0.085'))).toBe(10494n); // 10493.76 -> 10494
    expect(multiplyMoney(5n, parseDecimal('0.5'))).toBe(2n); // 2.5 -> 2 (half-even)
    expect(formatDecimal(parseDecimal('1.2500'))).toBe('1.25');
  });

  it('converts currencies with the rate in force on the date', () => {
    const rates = [
      { currency: 'EUR', effectiveDate: '2026-01-01', rateE9: 1_100_000_000n },
      { currency: 'EUR', effectiveDate: '2026-07-01', rateE9: 1_050_000_000n },
    ];
    expect(rateOn(rates, 'EUR', '2026-06-30')?.rateE9).toBe(1_100_000_000n);
    expect(rateOn(rates, 'EUR', '2025-12-31')).toBeUndefined();
    expect(convertMinor({ amountMinor: 10000n, from: 'EUR', to: 'USD', rateE9: 1_050_000_000n })).toBe(10500n);
    expect(convertMinor({ amountMinor: 10000n, from: 'USD', to: 'JPY', rateE9: 150_123_000_000n })).toBe(15012n);
  });
});
