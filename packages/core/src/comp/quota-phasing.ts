import { dateParts, daysInMonth, formatDate, isCalendarDate } from '../calendar.js';
import { formatDecimal, pow10, type Decimal } from '../decimal.js';
import { invalid } from '../errors.js';
import { divideRounded, type RoundingMode } from '../money.js';
import { checkDateRange, daysInRange, intersectRanges, reduceFraction, type DateRange, type ExactFraction } from './proration.js';

/**
 * Seasonal phasing of an annual quota: 4 quarterly or 12 monthly weights, exact decimals
 * that sum to exactly 1, in fiscal order from the first month of the fiscal year.
 */
export interface QuotaPhasing {
  readonly by: 'quarter' | 'month';
  readonly weights: readonly Decimal[];
}

export interface PhaseQuotaInput {
  /** The annual quota, minor units, >= 0. */
  readonly annualMinor: bigint;
  readonly phasing: QuotaPhasing;
  /** First day of the fiscal year, YYYY-MM-01 (any month). */
  readonly yearStart: string;
  /** The period to phase, inside the fiscal year. */
  readonly period: DateRange;
  /** The days the payee holds the quota (hire to leave); absent = the whole period. */
  readonly served?: DateRange;
  /** Mode of the one rounding; default half-even. */
  readonly roundingMode?: RoundingMode;
}

/** One calendar month's share of a period quota. */
export interface PhasedMonth {
  /** 'YYYY-MM'. */
  readonly month: string;
  /** The month's exact share of the year (a quarter's weight / 3 when phased by quarter). */
  readonly weight: ExactFraction;
  /** Days of the month inside both the period and the served range. */
  readonly daysServed: number;
  readonly daysInMonth: number;
  /** daysServed / daysInMonth, reduced. */
  readonly servedFraction: ExactFraction;
  /** annualMinor x weight x servedFraction, unrounded, minor units. */
  readonly quotaExact: ExactFraction;
}

export interface PhaseQuotaResult {
  /** The exact total rounded once, minor units. */
  readonly quotaMinor: bigint;
  readonly explanation: {
    readonly months: readonly PhasedMonth[];
    /** Sum of the months' quotaExact, minor units. */
    readonly exactTotal: ExactFraction;
    readonly roundingMode: RoundingMode;
  };
}

export interface PhaseQuotaByPeriodsInput extends Omit<PhaseQuotaInput, 'period'> {
  /** Non-overlapping periods inside the fiscal year, in any order. */
  readonly periods: readonly DateRange[];
}

export interface PhasedPeriodQuota {
  readonly period: DateRange;
  readonly quotaMinor: bigint;
  /** The period's unrounded quota, minor units. */
  readonly exact: ExactFraction;
  /** The exact quota rounded down: every period gets at least this. */
  readonly floorMinor: bigint;
  /** True when the period got one of the leftover units for having one of the largest remainders. */
  readonly receivedRemainderUnit: boolean;
  readonly months: readonly PhasedMonth[];
}

export interface PhaseQuotaByPeriodsResult {
  /** One entry per input period, in input order. */
  readonly periods: readonly PhasedPeriodQuota[];
  /** Sum of the parts; equals the annual quota when the periods cover the year and the payee served all of it. */
  readonly totalMinor: bigint;
  readonly explanation: {
    readonly exactTotal: ExactFraction;
    /** How many periods got one unit above their floor. */
    readonly remainderUnits: number;
    readonly method: string;
    readonly roundingMode: RoundingMode;
  };
}

interface FiscalMonth {
  readonly label: string;
  readonly range: DateRange;
  readonly weight: ExactFraction;
}

const addFractions = (a: ExactFraction, b: ExactFraction): ExactFraction =>
  reduceFraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);

/** Refuses phasing that is not 4 or 12 non-negative weights summing to exactly 1, naming the field. */
export function checkQuotaPhasing(phasing: QuotaPhasing): void {
  if (phasing.by !== 'quarter' && phasing.by !== 'month') throw invalid('phasing.by', `must be 'quarter' or 'month' (got "${String(phasing.by)}")`);
  const expected = phasing.by === 'quarter' ? 4 : 12;
  if (phasing.weights.length !== expected) throw invalid('phasing.weights', `phasing by ${phasing.by} needs ${expected} weights (got ${phasing.weights.length})`);
  phasing.weights.forEach((w, i) => {
    if (!Number.isInteger(w.scale) || w.scale < 0) throw invalid(`phasing.weights[${i}]`, `scale must be a non-negative integer (got ${w.scale})`);
    if (w.units < 0n) throw invalid(`phasing.weights[${i}]`, `must not be negative (got ${formatDecimal(w)})`);
  });
  // Compare the sum to 1 at one common scale so 0.2 + 0.30 + 0.5 counts as exactly 1.
  const scale = Math.max(...phasing.weights.map((w) => w.scale));
  const sum = phasing.weights.reduce((acc, w) => acc + w.units * pow10(scale - w.scale), 0n);
  if (sum !== pow10(scale)) {
    throw invalid('phasing.weights', `must sum to exactly 1 (got ${formatDecimal({ units: sum, scale })})`);
  }
}

/** The twelve months of the fiscal year with their exact weights. */
function fiscalMonths(yearStart: string, phasing: QuotaPhasing): FiscalMonth[] {
  const { year, month } = dateParts(yearStart);
  return Array.from({ length: 12 }, (_, i) => {
    const y = year + Math.floor((month - 1 + i) / 12);
    const m = ((month - 1 + i) % 12) + 1;
    const w = phasing.by === 'month' ? phasing.weights[i] : phasing.weights[Math.floor(i / 3)];
    const decimal = w ?? { units: 0n, scale: 0 };
    // A quarter's weight spreads over its three months in exact thirds.
    const weight = reduceFraction(decimal.units, pow10(decimal.scale) * (phasing.by === 'quarter' ? 3n : 1n));
    return { label: formatDate(y, m, 1).slice(0, 7), range: { from: formatDate(y, m, 1), to: formatDate(y, m, daysInMonth(y, m)) }, weight };
  });
}

/** Validates everything but the period(s); returns the fiscal year's months. */
function prepare(input: Omit<PhaseQuotaInput, 'period'>): { months: FiscalMonth[]; year: DateRange } {
  if (input.annualMinor < 0n) throw invalid('annualMinor', `must not be negative (got ${input.annualMinor})`);
  if (!isCalendarDate(input.yearStart) || !input.yearStart.endsWith('-01')) {
    throw invalid('yearStart', `must be the first day of a month, YYYY-MM-01 (got "${input.yearStart}")`);
  }
  checkQuotaPhasing(input.phasing);
  if (input.served) checkDateRange('served', input.served);
  const months = fiscalMonths(input.yearStart, input.phasing);
  return { months, year: { from: input.yearStart, to: months[11]?.range.to ?? input.yearStart } };
}

function checkInYear(field: string, period: DateRange, year: DateRange): void {
  checkDateRange(field, period);
  if (period.from < year.from) throw invalid(`${field}.from`, `must be inside the fiscal year ${year.from}..${year.to}`);
  if (period.to > year.to) throw invalid(`${field}.to`, `must be inside the fiscal year ${year.from}..${year.to}`);
}

/** The exact quota of one validated period, month by month. */
function exactForPeriod(annualMinor: bigint, months: readonly FiscalMonth[], period: DateRange, served: DateRange | undefined) {
  const phased: PhasedMonth[] = [];
  let total = reduceFraction(0n, 1n);
  for (const m of months) {
    const inPeriod = intersectRanges(m.range, period);
    if (!inPeriod) continue;
    const held = served ? intersectRanges(inPeriod, served) : inPeriod;
    const daysServed = held ? daysInRange(held) : 0;
    const dim = daysInRange(m.range);
    const servedFraction = reduceFraction(BigInt(daysServed), BigInt(dim));
    const quotaExact = reduceFraction(
      annualMinor * m.weight.numerator * servedFraction.numerator,
      m.weight.denominator * servedFraction.denominator,
    );
    phased.push({ month: m.label, weight: m.weight, daysServed, daysInMonth: dim, servedFraction, quotaExact });
    total = addFractions(total, quotaExact);
  }
  return { months: phased, exactTotal: total };
}

/**
 * The quota of one period: the exact sum over its months of
 * annual x month weight x share of the month served, rounded once with {@link divideRounded}.
 * A payee who starts mid-year gets the remaining phases only.
 */
export function phaseQuota(input: PhaseQuotaInput): PhaseQuotaResult {
  const { months, year } = prepare(input);
  checkInYear('period', input.period, year);
  const roundingMode = input.roundingMode ?? 'half-even';
  const exact = exactForPeriod(input.annualMinor, months, input.period, input.served);
  return {
    quotaMinor: divideRounded(exact.exactTotal.numerator, exact.exactTotal.denominator, roundingMode),
    explanation: { ...exact, roundingMode },
  };
}

/** a/b > c/d for positive denominators. */
const greater = (a: ExactFraction, b: ExactFraction): boolean => a.numerator * b.denominator > b.numerator * a.denominator;

/**
 * The quotas of several non-overlapping periods of one fiscal year (the quarters, say),
 * such that the parts sum to the exact total rounded once. Each period gets its exact
 * quota rounded down; the units left over go one each to the periods with the largest
 * remainders, ties to the earlier period. Periods are ranked by date, never by input
 * position, so the result does not depend on their order. When the periods cover the
 * year and the payee served all of it, the parts sum exactly to the annual quota.
 */
export function phaseQuotaByPeriods(input: PhaseQuotaByPeriodsInput): PhaseQuotaByPeriodsResult {
  const { months, year } = prepare(input);
  input.periods.forEach((p, i) => checkInYear(`periods[${i}]`, p, year));
  const byDate = input.periods.map((p, i) => ({ p, i })).sort((a, b) => (a.p.from < b.p.from ? -1 : a.p.from > b.p.from ? 1 : 0));
  for (let k = 1; k < byDate.length; k += 1) {
    const prev = byDate[k - 1];
    const cur = byDate[k];
    if (prev && cur && cur.p.from <= prev.p.to) throw invalid(`periods[${cur.i}]`, `overlaps periods[${prev.i}] (${prev.p.from}..${prev.p.to})`);
  }
  const roundingMode = input.roundingMode ?? 'half-even';
  const exacts = input.periods.map((p) => exactForPeriod(input.annualMinor, months, p, input.served));
  const exactTotal = exacts.reduce((acc, e) => addFractions(acc, e.exactTotal), reduceFraction(0n, 1n));
  const totalMinor = divideRounded(exactTotal.numerator, exactTotal.denominator, roundingMode);
  const floors = exacts.map((e) => e.exactTotal.numerator / e.exactTotal.denominator);
  const remainders = exacts.map((e) => reduceFraction(e.exactTotal.numerator % e.exactTotal.denominator, e.exactTotal.denominator));
  // byDate is already in date order; a stable sort keeps the earlier period first on equal remainders.
  const ranked = byDate.map(({ i }) => i).sort((a, b) => {
    const ra = remainders[a] ?? reduceFraction(0n, 1n);
    const rb = remainders[b] ?? reduceFraction(0n, 1n);
    return greater(ra, rb) ? -1 : greater(rb, ra) ? 1 : 0;
  });
  const leftover = Number(totalMinor - floors.reduce((a, b) => a + b, 0n));
  const extra = new Set(ranked.slice(0, leftover));
  const periods = input.periods.map((period, i) => {
    const floorMinor = floors[i] ?? 0n;
    const e = exacts[i];
    return {
      period,
      quotaMinor: floorMinor + (extra.has(i) ? 1n : 0n),
      exact: e?.exactTotal ?? reduceFraction(0n, 1n),
      floorMinor,
      receivedRemainderUnit: extra.has(i),
      months: e?.months ?? [],
    };
  });
  return {
    periods,
    totalMinor,
    explanation: {
      exactTotal,
      remainderUnits: extra.size,
      method:
        `largest remainder: the exact total is rounded once (${roundingMode}); each period gets its exact quota rounded down ` +
        `and the ${extra.size} unit(s) left over go one each to the periods with the largest remainders, earlier period first on a tie`,
      roundingMode,
    },
  };
}
