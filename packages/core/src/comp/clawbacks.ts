import { daysBetween, isCalendarDate } from '../calendar.js';
import { formatDecimal, multiplyMoney, type Decimal } from '../decimal.js';
import { invalid } from '../errors.js';
import { divideRounded, type RoundingMode } from '../money.js';

/**
 * How much of a cancelled deal's commission comes back:
 * - 'of-earned': a percentage of what was earned on the deal;
 * - 'of-paid': a percentage of what was already paid out (unpaid earnings are simply never paid);
 * - 'prorated-unserved': what was earned x the share of the contract term not served,
 *   counted in exact days.
 */
export type ClawbackRule =
  | { readonly method: 'of-earned'; readonly earnedMinor: bigint; readonly percentage: Decimal }
  | { readonly method: 'of-paid'; readonly paidMinor: bigint; readonly percentage?: Decimal }
  | {
      readonly method: 'prorated-unserved';
      readonly earnedMinor: bigint;
      /** First day of the contract term, YYYY-MM-DD, inclusive. */
      readonly contractStart: string;
      /** Last day of the contract term, YYYY-MM-DD, inclusive. */
      readonly contractEnd: string;
      /** First day no longer served, YYYY-MM-DD (service ends the day before). */
      readonly cancelledOn: string;
    };

export interface ClawbackInput {
  readonly rule: ClawbackRule;
  /** The open fiscal period the adjustment posts to ('FY2027-M05'); closed periods never change. */
  readonly postToPeriod: string;
  /** Rounding of the one division; default half-even. */
  readonly roundingMode?: RoundingMode;
}

/** Exact day counts behind a prorated clawback. */
export interface ClawbackProration {
  readonly contractStart: string;
  readonly contractEnd: string;
  readonly cancelledOn: string;
  readonly termDays: number;
  /** Days from contractStart to the day before cancelledOn, clamped to [0, termDays]. */
  readonly servedDays: number;
  readonly unservedDays: number;
}

export interface ClawbackExplanation {
  readonly method: ClawbackRule['method'];
  /** The amount the clawback is taken from (earned or paid), minor units. */
  readonly baseMinor: bigint;
  /** The fraction applied as a decimal string ("1", "0.5"); for prorated, unserved/term days. */
  readonly fraction: string;
  readonly proration: ClawbackProration | null;
  readonly roundingMode: RoundingMode;
  readonly postToPeriod: string;
}

export interface ClawbackResult {
  /** The adjustment to post, minor units, <= 0. */
  readonly adjustmentMinor: bigint;
  readonly postToPeriod: string;
  readonly explanation: ClawbackExplanation;
}

const ONE: Decimal = { units: 1n, scale: 0 };

function checkPercentage(p: Decimal): void {
  if (p.units < 0n || p.units > 10n ** BigInt(p.scale)) throw invalid('rule.percentage', `must be between 0 and 1 (got ${formatDecimal(p)})`);
}

function checkDate(field: string, value: string): void {
  if (!isCalendarDate(value)) throw invalid(`rule.${field}`, `not a calendar date YYYY-MM-DD: "${value}"`);
}

function prorate(rule: Extract<ClawbackRule, { method: 'prorated-unserved' }>): ClawbackProration {
  checkDate('contractStart', rule.contractStart);
  checkDate('contractEnd', rule.contractEnd);
  checkDate('cancelledOn', rule.cancelledOn);
  const termDays = daysBetween(rule.contractStart, rule.contractEnd) + 1;
  if (termDays < 1) throw invalid('rule.contractEnd', 'must not be before contractStart');
  // A cancellation before the start serves nothing; one after the end serves everything.
  const servedDays = Math.min(termDays, Math.max(0, daysBetween(rule.contractStart, rule.cancelledOn)));
  return { contractStart: rule.contractStart, contractEnd: rule.contractEnd, cancelledOn: rule.cancelledOn, termDays, servedDays, unservedDays: termDays - servedDays };
}

/**
 * The negative adjustment a cancelled deal causes, with its explanation. The amount is
 * rounded once (divideRounded), never exceeds the base, and posts to `postToPeriod`.
 */
export function computeClawback(input: ClawbackInput): ClawbackResult {
  const mode = input.roundingMode ?? 'half-even';
  const { rule } = input;
  if (input.postToPeriod.trim() === '') throw invalid('postToPeriod', 'the period the clawback posts to is required');
  const base = rule.method === 'of-paid' ? rule.paidMinor : rule.earnedMinor;
  if (base < 0n) throw invalid(rule.method === 'of-paid' ? 'rule.paidMinor' : 'rule.earnedMinor', 'must not be negative');
  let baseMinor: bigint;
  let amountMinor: bigint;
  let fraction: string;
  let proration: ClawbackProration | null = null;
  if (rule.method === 'prorated-unserved') {
    baseMinor = rule.earnedMinor;
    proration = prorate(rule);
    amountMinor = divideRounded(baseMinor * BigInt(proration.unservedDays), BigInt(proration.termDays), mode);
    fraction = `${proration.unservedDays}/${proration.termDays}`;
  } else {
    baseMinor = rule.method === 'of-earned' ? rule.earnedMinor : rule.paidMinor;
    const percentage = rule.percentage ?? ONE;
    checkPercentage(percentage);
    amountMinor = multiplyMoney(baseMinor, percentage, mode);
    fraction = formatDecimal(percentage);
  }
  return {
    adjustmentMinor: -amountMinor,
    postToPeriod: input.postToPeriod,
    explanation: { method: rule.method, baseMinor, fraction, proration, roundingMode: mode, postToPeriod: input.postToPeriod },
  };
}
