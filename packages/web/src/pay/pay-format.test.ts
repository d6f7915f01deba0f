import { describe, expect, it } from 'vitest';
import { formatMoney } from '../ui/format.js';
import { fractionToMinor, shortHash, sumMinor, words } from './pay-format.js';

describe('money strings', () => {
  it('formats minor units exactly, negatives and amounts beyond float precision included', () => {
    // Intl output depends on the locale: compare with the shape, not a hard-coded string.
    expect(formatMoney('67600539', 'USD')).toMatch(/676[,.\s\u202f]?005[.,]39/);
    expect(formatMoney('-2974794', 'USD')).toMatch(/29[,.\s\u202f]?747[.,]94/);
    expect(formatMoney('-2974794', 'USD')).toMatch(/-|\(|−/);
    expect(formatMoney('900719925474099312', 'USD')).toMatch(/9[,.\s\u202f]?007[,.\s\u202f]?199[,.\s\u202f]?254[,.\s\u202f]?740[,.\s\u202f]?993[.,]12/);
    expect(formatMoney('1500', 'JPY')).toMatch(/1[,.\s\u202f]?500/);
  });

  it('sums amounts as bigint', () => {
    expect(sumMinor([])).toBe('0');
    expect(sumMinor(['900719925474099312', '1', '-13'])).toBe('900719925474099300');
  });

  it('rounds an exact fraction once, half-even', () => {
    expect(fractionToMinor({ numerator: '341600000', denominator: '73' })).toBe('4679452');
    expect(fractionToMinor({ numerator: '5', denominator: '2' })).toBe('2');
    expect(fractionToMinor({ numerator: '7', denominator: '2' })).toBe('4');
    expect(fractionToMinor({ numerator: '-5', denominator: '2' })).toBe('-2');
  });
});

describe('shortHash and words', () => {
  it('keeps enough of a hash to tell two apart', () => {
    expect(shortHash('sha256:6a1878908ce92c885f0b4bdca4f243cd6c078b9e2ef3d524018e30af6d4c5ba6')).toBe('6a187890…c5ba6');
    expect(shortHash('abc')).toBe('abc');
    expect(shortHash(null)).toBe('');
  });
  it('turns keys into words', () => {
    expect(words('slice-at-rate')).toBe('slice at rate');
    expect(words('hold_release')).toBe('hold release');
  });
});
