import { describe, expect, it } from 'vitest';
import { daysBetween, neededCoverageText, percentText, winRateByValueText, winRateText } from './home-figures.js';

describe('home figures', () => {
  it('computes the win rate from the integer counts, rounding half up to a whole percent', () => {
    expect(winRateText(129, 384)).toBe('25%');
    expect(winRateText(1, 2)).toBe('33%');
    expect(winRateText(1, 1)).toBe('50%');
    expect(winRateText(1, 7)).toBe('13%'); // 12.5 rounds up
    expect(winRateText(0, 0)).toBeNull();
  });

  it('computes the win rate by value exactly from minor units', () => {
    expect(winRateByValueText('967375200', '2843212400')).toBe('25%');
    expect(winRateByValueText('90071992547409930', '90071992547409930')).toBe('50%');
    expect(winRateByValueText('0', '0')).toBeNull();
  });

  it('gives the needed coverage as 1 / win rate', () => {
    expect(neededCoverageText(1, 3)).toBe('4.0×');
    expect(neededCoverageText(3, 7)).toBe('3.3×');
    expect(neededCoverageText(0, 5)).toBeNull();
  });

  it('says a share of a target', () => {
    expect(percentText(750n, 1000n)).toBe('75%');
    expect(percentText(1500n, 1000n)).toBe('150%');
    expect(percentText(1n, 0n)).toBeNull();
  });

  it('counts days between calendar dates', () => {
    expect(daysBetween('2026-11-13', '2026-11-27')).toBe(14);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
  });
});
