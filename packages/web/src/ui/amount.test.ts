import { describe, expect, it } from 'vitest';
import { amountMinor } from './amount.js';

describe('amountMinor', () => {
  it('reads major units as exact minor units, and refuses what is not an amount or is too small', () => {
    expect(amountMinor(' 1,500,000.25 ', 'USD')).toBe('150000025');
    expect(amountMinor('12', 'JPY')).toBe('12');
    expect(amountMinor('lots', 'USD')).toBeNull();
    expect(amountMinor('-1', 'USD')).toBeNull();
    expect(amountMinor('0', 'USD', 1n)).toBeNull();
  });
});
