import { describe, expect, it } from 'vitest';
import { adjustmentMinor, ageText, disputeSubjectText } from './dispute-format.js';

describe('dispute formatting', () => {
  it('converts an adjustment typed in major units exactly, signed, and refuses what is not an amount', () => {
    expect(adjustmentMinor('100.00', 'USD')).toEqual({ minor: '10000' });
    expect(adjustmentMinor('-25.5', 'USD')).toEqual({ minor: '-2550' });
    expect(adjustmentMinor('1,234.56', 'USD')).toEqual({ minor: '123456' });
    // 0.1 + 0.2 as floats is 0.30000000000000004: no float is ever involved.
    expect(adjustmentMinor('0.30', 'USD')).toEqual({ minor: '30' });
    expect(adjustmentMinor('12345678901234567.89', 'USD')).toEqual({ minor: '1234567890123456789' });
    expect(adjustmentMinor('100', 'JPY')).toEqual({ minor: '100' });
    expect(adjustmentMinor('1.001', 'USD')).toHaveProperty('error');
    expect(adjustmentMinor('ten', 'USD')).toHaveProperty('error');
    expect(adjustmentMinor('0.00', 'USD')).toHaveProperty('error');
  });

  it('says what a dispute is about and how old it is', () => {
    expect(disputeSubjectText({ kind: 'line', subject: { planId: 'p', componentId: 'commission', step: 'tier-slice' } })).toBe('commission · tier slice');
    expect(disputeSubjectText({ kind: 'missing-credit', subject: { description: 'Acme renewal', opportunityId: 'opp_1' } })).toBe('Missing credit · Acme renewal · deal opp_1');
    expect([ageText(0), ageText(1), ageText(12)]).toEqual(['today', '1 day', '12 days']);
  });
});
