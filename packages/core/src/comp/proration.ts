import { daysBetween, isCalendarDate } from '../calendar.js';
import { invalid } from '../errors.js';
import { divideRounded, type RoundingMode } from '../money.js';

/** A span of calendar dates, YYYY-MM-DD, both ends inclusive. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** An exact rational in lowest terms (gcd 1) with a positive denominator. */
export interface ExactFraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** 'calendar-days': amount x days served / days in the period; 'none': the full amount whatever was served. */
export type ProrationBasis = 'calendar-days' | 'none';

export interface ProrateInput {
  /** The full-period amount, minor units, >= 0. */
  readonly amountMinor: bigint;
  readonly period: DateRange;
  /** The days the payee served (hire/assignment start to leave/assignment end); clipped to the period. */
  readonly served: DateRange;
  readonly basis: ProrationBasis;
  /** Mode of the one rounding; default half-even. */
  readonly roundingMode?: RoundingMode;
}

export interface ProrationExplanation {
  readonly basis: ProrationBasis;
  /** Days of the served range that fall inside the period (0 when they do not meet). */
  readonly daysServed: number;
  readonly daysInPeriod: number;
  /** daysServed / daysInPeriod reduced; 1/1 for basis 'none'. */
  readonly fraction: ExactFraction;
  readonly fullAmountMinor: bigint;
  readonly roundingMode: RoundingMode;
}

export interface ProrationResult {
  /** fullAmountMinor x fraction, rounded once, minor units. */
  readonly amountMinor: bigint;
  readonly explanation: ProrationExplanation;
}

const absB = (v: bigint): bigint => (v < 0n ? -v : v);
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? absB(a) : gcd(b, a % b));

/** numerator/denominator in lowest terms with a positive denominator (0 is 0/1). */
export function reduceFraction(numerator: bigint, denominator: bigint): ExactFraction {
  if (denominator === 0n) throw new RangeError('zero denominator');
  const sign = denominator < 0n ? -1n : 1n;
  const g = gcd(numerator, denominator) || 1n;
  return { numerator: (sign * numerator) / g, denominator: (sign * denominator) / g };
}

/** Throws validation_failed naming `${field}.from` / `${field}.to` unless the range is two real dates in order. */
export function checkDateRange(field: string, range: DateRange): void {
  if (!isCalendarDate(range.from)) throw invalid(`${field}.from`, `not a calendar date YYYY-MM-DD: "${range.from}"`);
  if (!isCalendarDate(range.to)) throw invalid(`${field}.to`, `not a calendar date YYYY-MM-DD: "${range.to}"`);
  if (range.to < range.from) throw invalid(`${field}.to`, `must not be before ${field}.from (${range.from})`);
}

/** Days in an inclusive range. */
export const daysInRange = (range: DateRange): number => daysBetween(range.from, range.to) + 1;

/** The overlap of two valid inclusive ranges, or null when they share no day. */
export function intersectRanges(a: DateRange, b: DateRange): DateRange | null {
  // YYYY-MM-DD strings compare in date order.
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : null;
}

export interface ServedWithinInput {
  readonly period: DateRange;
  /** Hire or assignment start, inclusive; absent = served since before the period. */
  readonly start?: string;
  /** Leave or assignment end, inclusive (the last day served); absent = still serving. */
  readonly end?: string;
}

/**
 * The part of `period` a payee served, given her start and end dates (both inclusive),
 * or null when she served none of it.
 */
export function servedWithin(input: ServedWithinInput): DateRange | null {
  checkDateRange('period', input.period);
  if (input.start !== undefined && !isCalendarDate(input.start)) throw invalid('start', `not a calendar date YYYY-MM-DD: "${input.start}"`);
  if (input.end !== undefined && !isCalendarDate(input.end)) throw invalid('end', `not a calendar date YYYY-MM-DD: "${input.end}"`);
  if (input.start !== undefined && input.end !== undefined && input.end < input.start) {
    throw invalid('end', `must not be before start (${input.start})`);
  }
  return intersectRanges(input.period, { from: input.start ?? input.period.from, to: input.end ?? input.period.to });
}

/**
 * Prorates a full-period amount (a draw, a guarantee, a target) to the days served.
 * The fraction is exact (inclusive calendar days) and the product is rounded once with
 * {@link divideRounded}; service outside the period counts for nothing.
 */
export function prorate(input: ProrateInput): ProrationResult {
  if (input.amountMinor < 0n) throw invalid('amountMinor', `must not be negative (got ${input.amountMinor})`);
  if (input.basis !== 'calendar-days' && input.basis !== 'none') throw invalid('basis', `must be 'calendar-days' or 'none' (got "${String(input.basis)}")`);
  checkDateRange('period', input.period);
  checkDateRange('served', input.served);
  const roundingMode = input.roundingMode ?? 'half-even';
  const clipped = intersectRanges(input.period, input.served);
  const daysServed = clipped ? daysInRange(clipped) : 0;
  const daysInPeriod = daysInRange(input.period);
  const fraction = input.basis === 'none' ? reduceFraction(1n, 1n) : reduceFraction(BigInt(daysServed), BigInt(daysInPeriod));
  return {
    amountMinor: divideRounded(input.amountMinor * fraction.numerator, fraction.denominator, roundingMode),
    explanation: { basis: input.basis, daysServed, daysInPeriod, fraction, fullAmountMinor: input.amountMinor, roundingMode },
  };
}
