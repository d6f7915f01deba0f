import { describe, expect, it } from 'vitest';
import { issueOf } from '../../test-support/domain-error.js';
import { isIncrementalComponent, validateCapitalizationPolicy, type CapitalizationPolicy } from './policy.js';

const policy: CapitalizationPolicy = {
  incrementalComponentIds: ['new-logo', 'expansion'],
  benefitPeriod: { basis: 'customer-life', months: 60 },
  practicalExpedient: true,
  accounts: { deferredCommissionAsset: '1400', commissionExpense: '6100', commissionsPayable: '2100', impairmentExpense: '6190' },
};

/** Returns the field of the validation error for `policy` with `change` applied. */
const fieldOf = (change: Record<string, unknown>): string | undefined =>
  issueOf(() => validateCapitalizationPolicy({ ...policy, ...change } as unknown as CapitalizationPolicy)).field;

describe('capitalization policy', () => {
  it('accepts a well-formed policy and returns it', () => {
    expect(validateCapitalizationPolicy(policy)).toBe(policy);
    expect(validateCapitalizationPolicy({ ...policy, benefitPeriod: { basis: 'contract-term' }, incrementalComponentIds: [] })).toBeTruthy();
    expect(validateCapitalizationPolicy({ ...policy, accounts: { ...policy.accounts, impairmentExpense: '6100' } })).toBeTruthy();
  });

  it('tells incremental components from the others', () => {
    expect(isIncrementalComponent(policy, 'new-logo')).toBe(true);
    expect(isIncrementalComponent(policy, 'mbo')).toBe(false);
  });

  it('refuses bad input naming the field', () => {
    expect(issueOf(() => validateCapitalizationPolicy(null as unknown as CapitalizationPolicy))).toEqual({ code: 'validation_failed', field: 'policy' });
    expect(fieldOf({ incrementalComponentIds: 'new-logo' })).toBe('incrementalComponentIds');
    expect(fieldOf({ incrementalComponentIds: ['a', ''] })).toBe('incrementalComponentIds[1]');
    expect(fieldOf({ incrementalComponentIds: ['a', 'b', 'a'] })).toBe('incrementalComponentIds[2]');
    expect(fieldOf({ benefitPeriod: undefined })).toBe('benefitPeriod');
    expect(fieldOf({ benefitPeriod: { basis: 'forever' } })).toBe('benefitPeriod.basis');
    expect(fieldOf({ benefitPeriod: { basis: 'customer-life', months: 0 } })).toBe('benefitPeriod.months');
    expect(fieldOf({ benefitPeriod: { basis: 'customer-life', months: 12.5 } })).toBe('benefitPeriod.months');
    expect(fieldOf({ benefitPeriod: { basis: 'customer-life', months: 601 } })).toBe('benefitPeriod.months');
    expect(fieldOf({ benefitPeriod: { basis: 'customer-life' } })).toBe('benefitPeriod.months');
    expect(fieldOf({ practicalExpedient: 'yes' })).toBe('practicalExpedient');
    expect(fieldOf({ accounts: undefined })).toBe('accounts');
    expect(fieldOf({ accounts: { ...policy.accounts, commissionsPayable: '' } })).toBe('accounts.commissionsPayable');
    expect(fieldOf({ accounts: { ...policy.accounts, commissionExpense: ' 6100' } })).toBe('accounts.commissionExpense');
    expect(fieldOf({ accounts: { ...policy.accounts, impairmentExpense: '1400' } })).toBe('accounts.impairmentExpense');
    expect(fieldOf({ accounts: { ...policy.accounts, commissionsPayable: '6100' } })).toBe('accounts.commissionsPayable');
    expect(fieldOf({ accounts: { ...policy.accounts, impairmentExpense: '2100' } })).toBe('accounts.impairmentExpense');
  });
});
