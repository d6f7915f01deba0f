import type { ClawbackRule, Component, Decimal, DrawRecovery, FieldIssue, FormulaComponent, Limit, ProrationBasis, QuotaMeasure, QuotaPhasing } from '@attain/core';

/** Limits checked before work grows, so a hostile plan file is refused quickly. */
export const PLAN_FILE_LIMITS = {
  maxBytes: 1_000_000,
  maxComponents: 50,
  maxTiers: 100,
  maxExamples: 200,
  maxCreditsPerExample: 10_000,
  /** Alias expansions allowed while reading one file (a "billion laughs" file needs many). */
  maxAliases: 100,
} as const;

/** A problem in a plan file: the field path and where it is (1-based line and column). */
export interface PlanIssue extends FieldIssue {
  readonly line: number;
  readonly column: number;
}

/**
 * What a plan file adds to a core component: an optional date window (a SPIF counts only
 * credits dated inside it, whatever the period) and a minimum credit amount (a SPIF on
 * deals of at least 10,000.00 ignores smaller credits).
 */
interface CreditFilters {
  readonly window?: { readonly from: string; readonly to: string };
  readonly minCreditAmountMinor?: bigint;
  /** Attainment against the assignment's quota of this measure (a count of new logos), not the money quota. */
  readonly quotaMeasure?: QuotaMeasure;
}

/** A component paid through a rate table. */
export interface PlanTierComponent extends Component, CreditFilters {}

/** A component paid by a formula (a weighted MBO, a bonus on two measures). */
export interface PlanFormulaComponent extends FormulaComponent, CreditFilters {}

export type PlanComponent = PlanTierComponent | PlanFormulaComponent;

export const isFormulaComponent = (c: PlanComponent): c is PlanFormulaComponent => 'formula' in c;

/** Whether a component measures a count (meetings) rather than money; a formula without a measure counts as money. */
export const measuresCount = (c: PlanComponent): boolean => c.measure?.aggregate === 'count';

/** A draw the plan guarantees per period (see core runDrawSchedule). */
export interface PlanDraw {
  readonly amountMinor: bigint;
  readonly recoverable: boolean;
  readonly recovery: DrawRecovery;
}

/** How a cancelled deal's commission comes back (see core computeClawback). */
export interface PlanClawback {
  readonly method: ClawbackRule['method'];
  /** For 'of-earned' and 'of-paid' (default 1). */
  readonly percentage?: Decimal;
  /** For 'prorated-unserved' in a calc run: the contract term a deal is taken to run from its close date (default 12 months). */
  readonly termMonths?: number;
}

/** A cancellation an example or a run applies the plan's clawback to. */
export interface PlanClawbackEvent {
  readonly id: string;
  readonly earnedMinor?: bigint;
  readonly paidMinor?: bigint;
  readonly contractStart?: string;
  readonly contractEnd?: string;
  readonly cancelledOn?: string;
}

/** A reading of another measure a gate or qualifier names, minor units. */
export interface PlanMeasureReading {
  readonly valueMinor: bigint;
  readonly quotaMinor?: bigint;
}

export interface PlanExampleCredit {
  readonly id: string;
  readonly type: string;
  readonly amountMinor: bigint;
  readonly date: string;
  /** A payout split: the whole amount counts, the payee is paid this share (core Credit.payoutShare). */
  readonly payoutShare?: Decimal;
}

/** A worked example written in the plan: inputs and the expected pay per component and in total. */
export interface PlanExample {
  readonly name: string;
  /** Quota of the money (sum) components, minor units. */
  readonly quotaMinor: bigint;
  /** Per-component quota overrides: minor units for sum measures, a count for count measures. */
  readonly quotas: Readonly<Record<string, bigint>>;
  readonly targetIncentiveMinor?: bigint;
  readonly period: { readonly from: string; readonly to: string };
  readonly yearStart?: string;
  /** The annual quota, phased by the plan's quotaPhasing (instead of `quota`). */
  readonly annualQuotaMinor?: bigint;
  /** The days the payee was on the plan within the period (joined or left mid-period). */
  readonly served?: { readonly from: string; readonly to: string };
  readonly measures: Readonly<Record<string, PlanMeasureReading>>;
  /** Per-period scores a formula reads (e.g. objective ratings). */
  readonly scores: Readonly<Record<string, Decimal>>;
  /** What earlier periods already earned per component (to-date accumulations). */
  readonly earnedBefore: Readonly<Record<string, bigint>>;
  /** Draw balance carried in (<= 0: owed back). */
  readonly drawBalanceMinor?: bigint;
  readonly clawbacks: readonly PlanClawbackEvent[];
  readonly credits: readonly PlanExampleCredit[];
  /** Expected amounts in minor units by component id, 'total' (earnings) and 'payout' (after draw and clawbacks). */
  readonly expect: Readonly<Record<string, bigint>>;
  readonly line: number;
}

export interface Plan {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly effective: { readonly from: string; readonly to?: string };
  readonly currency: string;
  /** How often it pays: a calc run of a quarter takes the quarterly plans, a run of a month the monthly ones. */
  readonly payPeriod: 'quarter' | 'month';
  /** First month of the fiscal year (1-12): where year- and quarter-to-date start. */
  readonly yearStartMonth: number;
  /** How quota and target incentive shrink for a payee on the plan for part of a period. */
  readonly proration: ProrationBasis;
  /** Seasonal phasing of an annual quota. */
  readonly quotaPhasing?: QuotaPhasing;
  /** A cap on the sum of all components in a period. */
  readonly cap?: Limit;
  readonly draw?: PlanDraw;
  readonly clawback?: PlanClawback;
  readonly components: readonly PlanComponent[];
  readonly examples: readonly PlanExample[];
}
