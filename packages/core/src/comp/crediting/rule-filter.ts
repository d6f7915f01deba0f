import { annualValue } from '../annual-value.js';
import type { CreditingFilters, CreditingRule, CreditingTransaction } from './types.js';

/** What a rule credits of a transaction it matches. */
export interface RuleMatch {
  /** The transaction amount, or the total of the line items the product filter selected. */
  readonly basisMinor: bigint;
  /** Sorted, distinct product ids of the selected line items (only when line items were selected). */
  readonly lineItemProductIds?: readonly string[];
  /** Basis 'acv': the term the amount was annualized by (when over a year). */
  readonly termMonths?: number;
}

export type RuleMatcher = (tx: CreditingTransaction) => RuleMatch | null;

const setOf = (list: readonly string[] | undefined): ReadonlySet<string> | null => (list === undefined ? null : new Set(list));

/**
 * Compiles a rule's filters once (sets, not list scans: this runs per transaction per rule).
 * Every filter given must match; product ids and families are two ways of naming products, so a
 * product matches when either list names it. On a transaction with line items the product filter
 * selects line items and only their amounts are credited; without line items it reads the
 * transaction's own product.
 */
export function compileFilters(filters: CreditingFilters | undefined): RuleMatcher {
  const kinds = setOf(filters?.kinds);
  const pipelines = setOf(filters?.pipelineIds);
  const productIds = setOf(filters?.productIds);
  const families = setOf(filters?.productFamilies);
  const filtersProducts = productIds !== null || families !== null;
  const productMatches = (productId: string | undefined, family: string | undefined): boolean =>
    (productIds !== null && productId !== undefined && productIds.has(productId)) || (families !== null && family !== undefined && families.has(family));

  return (tx) => {
    if (kinds !== null && !kinds.has(tx.kind)) return null;
    if (pipelines !== null && (tx.pipelineId === undefined || !pipelines.has(tx.pipelineId))) return null;
    if (!filtersProducts) return { basisMinor: tx.amountMinor };
    const items = tx.lineItems ?? [];
    if (items.length === 0) return productMatches(tx.productId, tx.productFamily) ? { basisMinor: tx.amountMinor } : null;
    let basisMinor = 0n;
    const ids = new Set<string>();
    for (const item of items) {
      if (!productMatches(item.productId, item.productFamily)) continue;
      basisMinor += item.amountMinor;
      ids.add(item.productId);
    }
    if (ids.size === 0) return null;
    return { basisMinor, lineItemProductIds: [...ids].sort() };
  };
}

/**
 * A rule's matcher: its filters, then its basis. With basis 'acv' the amount selected is the
 * contract's annual value (a multi-year deal credits a year's worth).
 */
export function compileRule(rule: CreditingRule): RuleMatcher {
  const matches = compileFilters(rule.filters);
  if (rule.basis !== 'acv') return matches;
  return (tx) => {
    const match = matches(tx);
    if (match === null || tx.termMonths === undefined || tx.termMonths <= 12) return match;
    return { ...match, basisMinor: annualValue(match.basisMinor, tx.termMonths), termMonths: tx.termMonths };
  };
}
