import type { Credit } from '../measure.js';
import { directCreditId } from './credit-ids.js';
import type { RuleMatch } from './rule-filter.js';
import type { CreditingRule, CreditingTransaction, CreditWithExplanation } from './types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The fields every credit has: core's Credit (its payout share is an explanation field here) plus currency and basis. */
export interface CreditCore extends Omit<Credit, 'payoutShare'> {
  readonly currency: string;
  readonly basisMinor: bigint;
}

/** Explanation fields; absent ones stay absent (not undefined) so output JSON has no holes. */
export type CreditExtras = Omit<CreditWithExplanation, keyof CreditCore>;

/**
 * Builds a credit with the core fields in one literal and each explanation field assigned
 * only when present. Object spreads here made half a million credits per run allocate twice
 * and leave V8's fast object path; this keeps one shape per kind of credit.
 */
export function makeCredit(core: CreditCore, extras: CreditExtras): CreditWithExplanation {
  const credit: Mutable<CreditWithExplanation> = {
    id: core.id,
    payeeId: core.payeeId,
    creditType: core.creditType,
    amountMinor: core.amountMinor,
    date: core.date,
    sourceId: core.sourceId,
    rule: core.rule,
    currency: core.currency,
    basisMinor: core.basisMinor,
  };
  if (extras.lineItemProductIds !== undefined) credit.lineItemProductIds = extras.lineItemProductIds;
  if (extras.share !== undefined) credit.share = extras.share;
  if (extras.equalShareOf !== undefined) credit.equalShareOf = extras.equalShareOf;
  if (extras.splitKind !== undefined) credit.splitKind = extras.splitKind;
  if (extras.payoutShare !== undefined) credit.payoutShare = extras.payoutShare;
  if (extras.territoryId !== undefined) credit.territoryId = extras.territoryId;
  if (extras.role !== undefined) credit.role = extras.role;
  if (extras.rollup !== undefined) credit.rollup = extras.rollup;
  return credit;
}

/** A credit of `rule` on `tx` for `payeeId`, with the match's line items and any extra explanation. */
export function ruleCredit(tx: CreditingTransaction, rule: CreditingRule, match: RuleMatch, payeeId: string, amountMinor: bigint, extras?: CreditExtras): CreditWithExplanation {
  const core = { id: directCreditId(tx.id, rule.name, payeeId), payeeId, creditType: rule.creditType, amountMinor, date: tx.date, sourceId: tx.id, rule: rule.name, currency: tx.currency, basisMinor: match.basisMinor };
  // Without extras the core literal is the credit (makeCredit would copy it into a second object).
  const credit = (extras === undefined ? core : makeCredit(core, extras)) as Mutable<CreditWithExplanation>;
  if (match.lineItemProductIds !== undefined) credit.lineItemProductIds = match.lineItemProductIds;
  if (match.termMonths !== undefined) credit.termMonths = match.termMonths;
  return credit;
}

