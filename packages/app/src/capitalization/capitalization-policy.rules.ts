import { invalid, MAX_CUSTOMER_LIFE_MONTHS, validateCapitalizationPolicy, type CapitalizationPolicy } from '@attain/core';
import { parse } from 'yaml';

/**
 * The organisation's capitalization policy: core's policy plus what the organisation's data
 * cannot say yet. Transactions carry no contract term, so every contract is assumed to run
 * `defaultContractTermMonths` whole months from its transaction's date (docs/capitalization.md).
 */
export interface OrgCapitalizationPolicy extends CapitalizationPolicy {
  /** Whole months, 1..MAX_CUSTOMER_LIFE_MONTHS: the contract term assumed from a transaction's date. */
  readonly defaultContractTermMonths: number;
}

const FIELDS = ['incrementalComponentIds', 'benefitPeriod', 'practicalExpedient', 'defaultContractTermMonths', 'accounts'] as const;

/**
 * Checks a policy from any source (a request body, a file) and returns it with its fields in
 * one order, nothing else kept: what is stored and audited reads the same however it was
 * written. Throws invalid(field) naming the first offending field, unknown fields included.
 */
export function validateOrgCapitalizationPolicy(input: unknown): OrgCapitalizationPolicy {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw invalid('policy', 'must be an object');
  const raw = input as Record<string, unknown>;
  // A misspelt field would otherwise be dropped silently and the policy read differently than meant.
  for (const key of Object.keys(raw)) if (!(FIELDS as readonly string[]).includes(key)) throw invalid(key, 'is not a field of a capitalization policy');
  const core = validateCapitalizationPolicy(raw as unknown as CapitalizationPolicy);
  const term = raw.defaultContractTermMonths;
  if (typeof term !== 'number' || !Number.isInteger(term) || term < 1 || term > MAX_CUSTOMER_LIFE_MONTHS) {
    throw invalid('defaultContractTermMonths', `must be a whole number of months from 1 to ${MAX_CUSTOMER_LIFE_MONTHS}`);
  }
  const b = core.benefitPeriod;
  const a = core.accounts;
  return {
    incrementalComponentIds: [...core.incrementalComponentIds],
    benefitPeriod: b.basis === 'customer-life' ? { basis: 'customer-life', months: b.months } : { basis: 'contract-term' },
    practicalExpedient: core.practicalExpedient,
    defaultContractTermMonths: term,
    accounts: {
      deferredCommissionAsset: a.deferredCommissionAsset, commissionExpense: a.commissionExpense,
      commissionsPayable: a.commissionsPayable, impairmentExpense: a.impairmentExpense,
    },
  };
}

/** A policy file's text, YAML or JSON (YAML reads JSON too), checked. Throws invalid('file') for text that does not parse. */
export function parseCapitalizationPolicyText(text: string): OrgCapitalizationPolicy {
  let value: unknown;
  try {
    value = parse(text, { maxAliasCount: 10 });
  } catch (error) {
    throw invalid('file', `not YAML or JSON: ${(error as Error).message}`);
  }
  return validateOrgCapitalizationPolicy(value);
}

/**
 * The policy entry naming a plan's component, if any: "componentId" names that component in
 * every plan, "planKey/componentId" in one plan only. A cost carries the entry as its
 * componentId, so core's isIncrementalComponent answers for it.
 */
export function incrementalEntryOf(policy: Pick<CapitalizationPolicy, 'incrementalComponentIds'>, planKey: string, componentId: string): string | undefined {
  const scoped = `${planKey}/${componentId}`;
  return policy.incrementalComponentIds.find((id) => id === scoped) ?? policy.incrementalComponentIds.find((id) => id === componentId);
}
