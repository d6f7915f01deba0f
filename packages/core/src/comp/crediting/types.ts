import type { Decimal } from '../../decimal.js';
import type { ReportingLine } from '../../hierarchy.js';
import type { Credit } from '../measure.js';

/** How a transaction's split divides it; see docs/crediting.md. */
export type CreditingSplitKind = 'credit' | 'payout' | 'overlay';

/**
 * One person's share of a transaction.
 * - 'credit': the credit splits replace the owner; their shares total exactly 1 and the parts
 *   (largest remainder) total exactly the credited amount.
 * - 'payout': each member is credited the FULL amount (attainment sees the whole deal) and
 *   carries `payoutShare`, the part of the computed payout she is paid; shares total exactly 1.
 * - 'overlay': credited on top of the standard 100% (amount x share, rounded half-even once).
 */
export interface CreditingSplit {
  readonly personId: string;
  /** Exact fraction, 0.6 = 60%; never negative. */
  readonly share: Decimal;
  readonly kind: CreditingSplitKind;
}

/** A product line of a transaction; line amounts total exactly the transaction amount. */
export interface CreditingLineItem {
  readonly productId: string;
  readonly productFamily?: string;
  /** Minor units of the transaction currency; negative on a cancellation. */
  readonly amountMinor: bigint;
}

/** A business event that can earn credit (a booking, a renewal, a cancellation...). */
export interface CreditingTransaction {
  /** Source key; unique among the transactions of one crediting call. */
  readonly id: string;
  /** YYYY-MM-DD: the credit date, and the date territory membership and reporting lines are read on. */
  readonly date: string;
  /** Minor units; negative for a reversal or cancellation. */
  readonly amountMinor: bigint;
  /** ISO 4217, upper case. */
  readonly currency: string;
  /** 'new-business', 'renewal', 'expansion' or any identifier rules filter on. */
  readonly kind: string;
  readonly ownerId: string;
  readonly territoryId?: string;
  readonly productId?: string;
  readonly productFamily?: string;
  readonly pipelineId?: string;
  readonly lineItems?: readonly CreditingLineItem[];
  readonly splits?: readonly CreditingSplit[];
  /** The contract's term in months (1-120); absent: a year or less. Rules with basis 'acv' credit its annual value. */
  readonly termMonths?: number;
}

/** A person in a territory with a role, from `from` to `to`, both inclusive (`to` absent = open). */
export interface CreditingTerritoryMember {
  readonly territoryId: string;
  readonly personId: string;
  readonly role: string;
  readonly from: string;
  readonly to?: string;
}

/**
 * Which transactions a rule credits. Every filter given must match (absent = any). Product
 * filters name products by id or by family (a line item matches either); on a transaction with
 * line items they select the line items, and only their amounts are credited.
 */
export interface CreditingFilters {
  readonly kinds?: readonly string[];
  readonly productIds?: readonly string[];
  readonly productFamilies?: readonly string[];
  readonly pipelineIds?: readonly string[];
}

/** The owner (or the credit / payout / overlay splits that replace or join her). */
export interface OwnerSource {
  readonly type: 'owner';
}

/**
 * Territory members in force on the transaction date whose role is one of `roles`. Each gets
 * the full amount, or amount x `share` (rounded half-even once), or with 'equal' an equal part
 * (largest remainder, so the parts total the amount). A person holding several matching roles
 * is credited once, under the first of `roles` she holds.
 */
export interface TerritorySource {
  readonly type: 'territory';
  readonly roles: readonly string[];
  readonly share?: Decimal | 'equal';
}

/**
 * For every credit the rules named in `of` made on a transaction, the managers above the
 * credited person on the transaction date: the direct manager only, or all of them.
 */
export interface RollupSource {
  readonly type: 'rollup';
  readonly of: readonly string[];
  readonly levels: 'direct' | 'all';
}

export type CreditingSource = OwnerSource | TerritorySource | RollupSource;

export interface CreditingRule {
  /** Unique; kept on every credit the rule makes. */
  readonly name: string;
  /** What measures count, e.g. 'booking', 'renewal', 'team-booking'. */
  readonly creditType: string;
  readonly filters?: CreditingFilters;
  readonly source: CreditingSource;
  /** What is credited: the amount (absent), or its annual contract value ('acv': core comp/annual-value.ts). */
  readonly basis?: 'acv';
}

/** Why a roll-up credit exists. */
export interface RollupExplanation {
  /** The credit rolled up. */
  readonly fromCreditId: string;
  /** The person whose credit it rolls up. */
  readonly creditedVia: string;
  /** 1 = direct manager of `creditedVia`, 2 = her manager's manager, ... */
  readonly level: number;
  readonly direct: boolean;
}

/**
 * A core {@link Credit} with what a statement needs to explain it. `amountMinor` is in
 * `currency` minor units. Optional fields appear only where they apply.
 */
export interface CreditWithExplanation extends Credit {
  readonly currency: string;
  /** The amount the rule credited from: the transaction amount, or the matching line items' total. */
  readonly basisMinor: bigint;
  /** The contract term the basis was annualized by (basis 'acv', a term over 12 months). */
  readonly termMonths?: number;
  /** Product ids of the line items credited, sorted, when a product filter selected line items. */
  readonly lineItemProductIds?: readonly string[];
  /** The fraction of the basis credited (split share, territory share). */
  readonly share?: Decimal;
  /** Territory 'equal' share: the number of members the basis was divided among. */
  readonly equalShareOf?: number;
  readonly splitKind?: CreditingSplitKind;
  /** Payout split: the part of the computed payout this payee is paid; her credit is the full basis. */
  readonly payoutShare?: Decimal;
  readonly territoryId?: string;
  readonly role?: string;
  readonly rollup?: RollupExplanation;
}

/** Something that did not stop crediting but that an admin should see (e.g. a deal nobody got). */
export interface CreditingIssue {
  readonly code: 'uncredited' | 'no-territory' | 'no-territory-member';
  readonly transactionId: string;
  readonly rule?: string;
  /** Path into the input, e.g. transactions[3].territoryId. */
  readonly field: string;
  readonly message: string;
}

export interface CreditingInput {
  readonly transactions: readonly CreditingTransaction[];
  /** Evaluated in dependency order (a roll-up after the rules it rolls up); the output does not depend on the list order. */
  readonly rules: readonly CreditingRule[];
  readonly territoryMembers?: readonly CreditingTerritoryMember[];
  readonly reportingLines?: readonly ReportingLine[];
}

export interface CreditingResult {
  /** Sorted by date, then id; ids are unique. */
  readonly credits: readonly CreditWithExplanation[];
  /** Sorted by transaction id, rule, code. */
  readonly issues: readonly CreditingIssue[];
}
