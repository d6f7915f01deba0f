import { invalid } from '../../errors.js';

/**
 * How long a capitalized commission benefits the company (ASC 340-40-35-1, IFRS 15.99):
 * - 'contract-term': the months of the contract the cost was paid for (see contractTermMonths);
 * - 'customer-life': an expected customer life in months, used when renewals are expected
 *   and do not earn a commensurate commission.
 */
export type BenefitPeriodBasis =
  | { readonly basis: 'contract-term' }
  | { readonly basis: 'customer-life'; readonly months: number };

/** Ledger account codes or names the journal entries post to. */
export interface CapitalizationAccounts {
  /** Balance-sheet asset holding capitalized, not yet amortized costs. */
  readonly deferredCommissionAsset: string;
  /** Expense for amortization and for costs expensed as incurred. */
  readonly commissionExpense: string;
  /** Liability credited when a cost is incurred (what payroll will pay). */
  readonly commissionsPayable: string;
  /** Expense for the balance written off on churn or cancellation. */
  readonly impairmentExpense: string;
}

/** A finance team's capitalization policy. Check it with validateCapitalizationPolicy. */
export interface CapitalizationPolicy {
  /**
   * Plan component ids whose earnings are incremental costs of obtaining a contract (they
   * would not be paid had the contract not been obtained). Earnings of other components
   * (salary-like bonuses, MBOs) are expensed when recognized.
   */
  readonly incrementalComponentIds: readonly string[];
  readonly benefitPeriod: BenefitPeriodBasis;
  /**
   * The practical expedient (ASC 340-40-25-4, IFRS 15.94): when on, a cost whose benefit
   * period is 12 months or less is expensed when recognized instead of capitalized.
   */
  readonly practicalExpedient: boolean;
  readonly accounts: CapitalizationAccounts;
}

/** Longest customer life accepted, in months (50 years): longer is a typing error. */
export const MAX_CUSTOMER_LIFE_MONTHS = 600;

const ACCOUNT_FIELDS = ['deferredCommissionAsset', 'commissionExpense', 'commissionsPayable', 'impairmentExpense'] as const;

function requireName(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(field, 'must be a non-empty string');
  if (value !== value.trim()) throw invalid(field, 'must not start or end with spaces');
  return value;
}

/**
 * Checks a policy (which may come from a file, so every type is checked at run time) and
 * returns it unchanged. Throws invalid(field) naming the first offending field.
 *
 * Invariants: component ids are unique non-empty strings; customer life is a whole number
 * of months in 1..MAX_CUSTOMER_LIFE_MONTHS; the asset account differs from each expense and
 * the payable account (else capitalizing would post to one account twice and show nothing);
 * each expense account differs from the payable. Impairment may share the commission expense account.
 */
export function validateCapitalizationPolicy(policy: CapitalizationPolicy): CapitalizationPolicy {
  if (typeof policy !== 'object' || policy === null) throw invalid('policy', 'must be an object');
  const ids: unknown = policy.incrementalComponentIds;
  if (!Array.isArray(ids)) throw invalid('incrementalComponentIds', 'must be a list of plan component ids');
  const seen = new Set<string>();
  ids.forEach((id: unknown, i) => {
    const name = requireName(`incrementalComponentIds[${i}]`, id);
    if (seen.has(name)) throw invalid(`incrementalComponentIds[${i}]`, `duplicate component id "${name}"`);
    seen.add(name);
  });
  const period: unknown = policy.benefitPeriod;
  if (typeof period !== 'object' || period === null) throw invalid('benefitPeriod', 'must be an object');
  const basis = (period as { basis?: unknown }).basis;
  if (basis === 'customer-life') {
    const months = (period as { months?: unknown }).months;
    if (typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > MAX_CUSTOMER_LIFE_MONTHS) {
      throw invalid('benefitPeriod.months', `must be a whole number of months from 1 to ${MAX_CUSTOMER_LIFE_MONTHS}`);
    }
  } else if (basis !== 'contract-term') {
    throw invalid('benefitPeriod.basis', 'must be "contract-term" or "customer-life"');
  }
  if (typeof policy.practicalExpedient !== 'boolean') throw invalid('practicalExpedient', 'must be true or false');
  const accounts: unknown = policy.accounts;
  if (typeof accounts !== 'object' || accounts === null) throw invalid('accounts', 'must be an object');
  for (const key of ACCOUNT_FIELDS) requireName(`accounts.${key}`, (accounts as Record<string, unknown>)[key]);
  const a = policy.accounts;
  for (const key of ['commissionExpense', 'commissionsPayable', 'impairmentExpense'] as const) {
    if (a[key] === a.deferredCommissionAsset) throw invalid(`accounts.${key}`, 'must differ from accounts.deferredCommissionAsset');
  }
  if (a.commissionExpense === a.commissionsPayable) throw invalid('accounts.commissionsPayable', 'must differ from accounts.commissionExpense');
  if (a.impairmentExpense === a.commissionsPayable) throw invalid('accounts.impairmentExpense', 'must differ from accounts.commissionsPayable');
  return policy;
}

/** True when earnings of `componentId` are incremental costs of obtaining a contract under `policy`. */
export function isIncrementalComponent(policy: CapitalizationPolicy, componentId: string): boolean {
  return policy.incrementalComponentIds.includes(componentId);
}
