import { describe, expect, it } from 'vitest';
import { formatQuota, lastYearLabel, quotaTyped, unitSuffix } from './quota-units.js';

const money = { unit: 'money', currency: 'USD' } as const;
const logos = { unit: 'count', currency: 'USD', measure: 'new-logos' } as const;

describe('quota units', () => {
  it('shows and reads money in the currency and counts as whole numbers', () => {
    expect(formatQuota('150000000', money)).toBe('$1,500,000.00');
    expect(formatQuota('1200', logos)).toBe('1,200');
    expect(quotaTyped('1,500,000', money)).toBe('150000000');
    expect(quotaTyped('1,200', logos)).toBe('1200');
    expect(quotaTyped('2.5', logos)).toBeNull();
    expect([unitSuffix(money), unitSuffix(logos)]).toEqual(['(USD)', '(new logos)']);
    expect([lastYearLabel(money), lastYearLabel(logos)]).toEqual(['Booked last year', 'New logos last year']);
  });
});
