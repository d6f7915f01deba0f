import { invalid } from '../../errors.js';
import { formatMinorAsMajor, isCurrencyCode } from '../../money.js';
import { amortizeStraightLine } from '../capitalization.js';
import { contractTermMonths, monthIndexOfDate, monthLabelOf, requireCalendarDate } from './months.js';
import { isIncrementalComponent, type CapitalizationPolicy } from './policy.js';

/** One payee's earning attributable to one contract: the unit that is capitalized or expensed. */
export interface CommissionCost {
  /** Unique across the costs handed to one roll-forward or journal export. */
  readonly id: string;
  readonly contractId: string;
  readonly payeeId: string;
  readonly componentId: string;
  /**
   * Minor units of `currency`. Negative for a clawback that reduces an earlier cost of the
   * same contract: it takes the same treatment that cost had and unwinds over what is left
   * of that cost's benefit period (see capitalizeCost).
   */
  readonly amountMinor: bigint;
  readonly currency: string;
  /** 'YYYY-MM-DD' the cost is incurred (earned); capitalization and amortization start that month. */
  readonly recognizedOn: string;
  /** Contract term, 'YYYY-MM-DD', both ends inclusive. */
  readonly contractStart: string;
  readonly contractEnd: string;
  /** Negative amounts only: when the reduced cost was recognized. Default: contractStart. */
  readonly originalRecognizedOn?: string;
}

/** One month's movement of a capitalized cost; amounts are signed like the cost. */
export interface CostScheduleLine {
  /** 'YYYY-MM'. */
  readonly month: string;
  readonly kind: 'amortization' | 'impairment';
  readonly amountMinor: bigint;
  /** Still capitalized after this line. */
  readonly remainingMinor: bigint;
}

/** Why a schedule changed after it was first built (see modifications.ts). */
export interface CostScheduleRevision {
  readonly kind: 'modification' | 'churn';
  /** 'YYYY-MM-DD' of the event. */
  readonly on: string;
  /** 'YYYY-MM' the revision takes effect: the event month, or the first month if later. */
  readonly month: string;
  /** Balance still capitalized at the start of `month`, minor units. */
  readonly balanceMinor: bigint;
  readonly effect: 're-spread' | 'impaired' | 'none';
  readonly explanation: string;
}

/**
 * A capitalized cost and its amortization. Invariant: the lines sum exactly to
 * capitalizedMinor and the last line's remainingMinor is 0.
 */
export interface CostSchedule {
  /** The cost; a modification replaces its contractEnd with the new end. */
  readonly cost: CommissionCost;
  /** 'YYYY-MM' the asset is recognized: the month of cost.recognizedOn. */
  readonly capitalizedMonth: string;
  readonly capitalizedMinor: bigint;
  /** 'YYYY-MM' the benefit period starts: capitalizedMonth, or the reduced cost's month for a clawback. */
  readonly benefitStartMonth: string;
  /** Length of the whole benefit period, months. */
  readonly benefitMonths: number;
  readonly lines: readonly CostScheduleLine[];
  readonly revisions: readonly CostScheduleRevision[];
}

/** Why a cost is expensed when recognized. */
export type ExpenseReason = 'not-incremental' | 'practical-expedient' | 'benefit-period-ended';

export type CapitalizationOutcome =
  | {
      readonly treatment: 'expensed';
      readonly reason: ExpenseReason;
      readonly cost: CommissionCost;
      /** 'YYYY-MM' the expense posts. */
      readonly month: string;
      readonly explanation: string;
    }
  | { readonly treatment: 'capitalized'; readonly schedule: CostSchedule; readonly explanation: CapitalizationExplanation };

export interface CapitalizationExplanation {
  readonly standard: 'ASC 340-40 / IFRS 15';
  readonly method: 'straight-line';
  readonly basis: CapitalizationPolicy['benefitPeriod']['basis'];
  readonly benefitMonths: number;
  /** Months actually amortized over ('YYYY-MM' first and last): all of them, or what a clawback has left. */
  readonly firstMonth: string;
  readonly lastMonth: string;
  readonly months: number;
  /** Signed: what each month gets, and the extra minor units of the last month. */
  readonly baseMonthlyMinor: bigint;
  readonly remainderMinor: bigint;
  readonly text: string;
}

function requireText(field: string, value: unknown): void {
  if (typeof value !== 'string' || value === '') throw invalid(field, 'must be a non-empty string');
}

/** Throws invalid('cost.<field>') unless `cost` is well formed. */
export function validateCommissionCost(cost: CommissionCost): void {
  for (const key of ['id', 'contractId', 'payeeId', 'componentId'] as const) requireText(`cost.${key}`, cost[key]);
  if (typeof cost.amountMinor !== 'bigint') throw invalid('cost.amountMinor', 'must be a bigint of minor units');
  if (typeof cost.currency !== 'string' || !isCurrencyCode(cost.currency)) throw invalid('cost.currency', 'must be an ISO 4217 code');
  for (const key of ['recognizedOn', 'contractStart', 'contractEnd'] as const) requireCalendarDate(`cost.${key}`, cost[key]);
  if (cost.contractEnd < cost.contractStart) throw invalid('cost.contractEnd', 'must not be before contractStart');
  if (cost.originalRecognizedOn !== undefined) requireCalendarDate('cost.originalRecognizedOn', cost.originalRecognizedOn);
}

/** Benefit period of a cost under a policy, whole months. */
export function benefitMonthsOf(policy: CapitalizationPolicy, cost: Pick<CommissionCost, 'contractStart' | 'contractEnd'>): number {
  return policy.benefitPeriod.basis === 'customer-life' ? policy.benefitPeriod.months : contractTermMonths(cost.contractStart, cost.contractEnd);
}

/**
 * Spreads a signed amount straight-line over `months` months from month count `first`,
 * through amortizeStraightLine (remainder in the last month). Lines sum exactly to totalMinor.
 */
export function spreadStraightLine(totalMinor: bigint, months: number, first: number): CostScheduleLine[] {
  const sign = totalMinor < 0n ? -1n : 1n;
  const { entries } = amortizeStraightLine({ capitalizedMinor: totalMinor * sign, term: { months, firstMonth: monthLabelOf(first) } });
  return entries.map((e) => ({ month: e.month ?? '', kind: 'amortization', amountMinor: e.amountMinor * sign, remainingMinor: e.remainingMinor * sign }));
}

const who = (c: CommissionCost): string => `cost ${c.id} (component ${c.componentId}) on contract ${c.contractId} for payee ${c.payeeId}`;
const money = (minor: bigint, currency: string): string => `${formatMinorAsMajor(minor, currency)} ${currency}`;

/**
 * Decides how one commission cost is accounted for and, when capitalized, builds its
 * straight-line schedule by month.
 *
 * - Not an incremental component: expensed when recognized.
 * - Benefit period <= 12 months with the practical expedient on: expensed when recognized.
 * - Otherwise capitalized in the month of recognizedOn and amortized straight line over the
 *   benefit period starting that month; the minor units that do not divide go to the last month.
 * - A negative amount (clawback) follows the same rules, so it mirrors how the cost it reduces
 *   was treated. Capitalized, it reduces the asset in its month and unwinds straight line over
 *   the months left of the reduced cost's benefit period (which starts in the month of
 *   originalRecognizedOn, default contractStart), so both end together and the net balance
 *   runs off to zero. If that period has already ended, the clawback is expensed (a credit to
 *   commission expense): there is no asset left to reduce. A clawback larger than the reduced
 *   cost's unamortized balance is the caller's error and would leave a negative balance.
 *
 * Throws invalid('cost.<field>') for a malformed cost, and for a clawback dated before the
 * cost it reduces.
 */
export function capitalizeCost(input: { readonly policy: CapitalizationPolicy; readonly cost: CommissionCost }): CapitalizationOutcome {
  const { policy, cost } = input;
  validateCommissionCost(cost);
  const recognized = monthIndexOfDate('cost.recognizedOn', cost.recognizedOn);
  const expensed = (reason: ExpenseReason, why: string): CapitalizationOutcome => ({
    treatment: 'expensed',
    reason,
    cost,
    month: monthLabelOf(recognized),
    explanation: `Expensed ${money(cost.amountMinor, cost.currency)} of ${who(cost)} in ${monthLabelOf(recognized)}: ${why}.`,
  });
  if (!isIncrementalComponent(policy, cost.componentId)) {
    return expensed('not-incremental', `component ${cost.componentId} is not an incremental cost of obtaining a contract under the policy`);
  }
  const benefitMonths = benefitMonthsOf(policy, cost);
  if (policy.practicalExpedient && benefitMonths <= 12) {
    return expensed('practical-expedient', `benefit period of ${benefitMonths} months is 12 or less and the practical expedient is on`);
  }
  let start = recognized;
  if (cost.amountMinor < 0n) {
    start = monthIndexOfDate('cost.originalRecognizedOn', cost.originalRecognizedOn ?? cost.contractStart);
    if (recognized < start) throw invalid('cost.recognizedOn', 'a clawback cannot be recognized before the cost it reduces');
    if (recognized > start + benefitMonths - 1) {
      return expensed('benefit-period-ended', `clawback after the benefit period of the reduced cost ended in ${monthLabelOf(start + benefitMonths - 1)}`);
    }
  }
  const months = start + benefitMonths - recognized;
  const lines = spreadStraightLine(cost.amountMinor, months, recognized);
  const base = cost.amountMinor / BigInt(months);
  const firstMonth = monthLabelOf(recognized);
  const lastMonth = monthLabelOf(recognized + months - 1);
  const span = months === benefitMonths ? `${months} months` : `the ${months} months left of a ${benefitMonths}-month benefit period`;
  const basis = policy.benefitPeriod.basis;
  return {
    treatment: 'capitalized',
    schedule: {
      cost,
      capitalizedMonth: firstMonth,
      capitalizedMinor: cost.amountMinor,
      benefitStartMonth: monthLabelOf(start),
      benefitMonths,
      lines,
      revisions: [],
    },
    explanation: {
      standard: 'ASC 340-40 / IFRS 15',
      method: 'straight-line',
      basis,
      benefitMonths,
      firstMonth,
      lastMonth,
      months,
      baseMonthlyMinor: base,
      remainderMinor: cost.amountMinor - base * BigInt(months),
      text:
        `Capitalized ${money(cost.amountMinor, cost.currency)} of ${who(cost)} in ${firstMonth} as an incremental cost of obtaining a contract; ` +
        `amortized straight line over ${span} (${basis}) from ${firstMonth} to ${lastMonth}: ${money(base, cost.currency)} a month` +
        (cost.amountMinor === base * BigInt(months) ? '.' : `, the last month taking the ${money(cost.amountMinor - base * BigInt(months), cost.currency)} that does not divide evenly.`),
    },
  };
}
