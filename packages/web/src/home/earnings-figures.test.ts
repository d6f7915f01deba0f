import { describe, expect, it } from 'vitest';
import { amountToMinor, attainmentLabel, miniBars, progressPercent } from './earnings-figures.js';

describe('amountToMinor', () => {
  it('parses major units exactly to minor units', () => {
    expect(amountToMinor('12,500.50', 'USD')).toEqual({ minor: '1250050' });
    expect(amountToMinor(' 0.29 ', 'USD')).toEqual({ minor: '29' });
    expect(amountToMinor('90071992547409.93', 'USD')).toEqual({ minor: '9007199254740993' });
    expect(amountToMinor('500', 'JPY')).toEqual({ minor: '500' });
  });
  it('refuses empty, zero, negative and malformed amounts', () => {
    for (const text of ['', '0', '-5', '1.234', 'abc']) expect(amountToMinor(text, 'USD')).toHaveProperty('error');
  });
});

describe('attainment', () => {
  it('fills a progress bar in whole percent, capped at 100, and labels the exact percent', () => {
    expect(progressPercent('0.5069')).toBe(50);
    expect(progressPercent('1.5000')).toBe(100);
    expect(progressPercent(null)).toBe(0);
    expect(attainmentLabel('0.5069')).toBe('50.69%');
    expect(attainmentLabel('1.05')).toBe('105.00%');
    expect(attainmentLabel(null)).toBe('no quota');
  });
});

describe('miniBars', () => {
  it('scales periods to the largest earned amount', () => {
    expect(miniBars([{ periodKey: 'Q1', earnedMinor: '500' }, { periodKey: 'Q2', earnedMinor: '1000' }, { periodKey: 'Q3', earnedMinor: '0' }]).map((b) => b.height)).toEqual([0.5, 1, 0]);
  });
});
