import {
  addDays, checkDateRange, currencyExponent, daysInRange, divideRounded, fiscalPeriodOf, formatDate, formatDecimal, formatMinorAsMajor, intersectRanges, invalid,
  parseDecimal, phaseQuota, pow10, reduceFraction, servedWithin, dateParts, daysInMonth,
  type DateRange, type Decimal, type ExactFraction, type ProrationBasis, type QuotaPhasing, type RoundingMode,
} from '@attain/core';

/*
 * What an assignment asks of a payee in one period: the days she is on the plan, her
 * target incentive for the period and her period quota after phasing and ramp. Pure: the
 * plan's terms come in read, nothing is loaded. Every amount is kept as an exact fraction
 * of minor units and rounded once, at the end, with core's divideRounded.
 */

/** The assignment's own values (as stored). */
export interface AssignmentTermsAssignment {
  readonly validFrom: string;
  readonly validTo: string | null;
  /** Annual, minor units. */
  readonly targetIncentiveMinor: bigint;
  /** Annual, minor units; null when the plan has no quota. */
  readonly annualQuotaMinor: bigint | null;
  /** Exact decimal strings in [0, 1], one per month from the month of validFrom; 1 after the last. */
  readonly ramp: readonly string[] | null;
  /**
   * Seasonality from an approved quota plan, over the plan's: weights as exact decimal strings
   * from `yearStartMonth` (the organisation's fiscal year, which may differ from the plan's). Absent or null = the plan's.
   */
  readonly quotaPhasing?: { readonly by: 'quarter' | 'month'; readonly weights: readonly string[]; readonly yearStartMonth: number } | null;
}

/** The terms of the plan version the assignment pays by. */
export interface AssignmentTermsPlan {
  /** First month (1-12) of the plan's fiscal year: where phasing starts and what "a year" is. */
  readonly yearStartMonth: number;
  /** 'calendar-days': a payee on the plan for part of the period gets that part; 'none': the whole period's. */
  readonly proration: ProrationBasis;
  readonly quotaPhasing?: QuotaPhasing;
}

export interface AssignmentTermsInput {
  readonly assignment: AssignmentTermsAssignment;
  readonly plan: AssignmentTermsPlan;
  readonly period: DateRange;
  /** For the explanation's amounts only. */
  readonly currency: string;
  readonly roundingMode?: RoundingMode;
  /** False: only the amounts, no `steps` (a calc run derives the terms of ten thousand payees; a statement words them when read). */
  readonly explain?: boolean;
}

/** One fiscal year's share of the period's target incentive. */
export interface TargetSegment {
  readonly range: DateRange;
  readonly daysCounted: number;
  readonly daysInYear: number;
  /** annual x daysCounted / daysInYear, minor units, exact. */
  readonly exact: ExactFraction;
}

/** One calendar month's share of the period quota. */
export interface QuotaMonth {
  /** 'YYYY-MM'. */
  readonly month: string;
  /** 1-based month since the month of validFrom (the ramp's index + 1). */
  readonly monthOnPlan: number;
  /** The month's quota before the ramp, minor units, exact. */
  readonly baseExact: ExactFraction;
  /** The ramp factor of the month, as written ("1" without a ramp or past its end). */
  readonly rampFactor: string;
  /** baseExact x rampFactor, minor units, exact. */
  readonly exact: ExactFraction;
}

export interface AssignmentTerms {
  readonly period: DateRange;
  readonly daysInPeriod: number;
  /** The part of the period the payee is on the plan; null when none. */
  readonly onPlan: DateRange | null;
  readonly daysOnPlan: number;
  readonly proration: ProrationBasis;
  readonly targetIncentive: { readonly amountMinor: bigint; readonly exact: ExactFraction; readonly segments: readonly TargetSegment[] };
  /** Null when the assignment has no quota. */
  readonly quota: {
    readonly amountMinor: bigint;
    readonly exact: ExactFraction;
    readonly method: 'phased' | 'by-days';
    readonly months: readonly QuotaMonth[];
  } | null;
  readonly roundingMode: RoundingMode;
  /** Each step in words, in order, with its numbers. */
  readonly steps: readonly string[];
}

/** Adds a step in words, worded when called. */
type Say = (line: () => string) => void;

const ZERO = reduceFraction(0n, 1n);
const add = (a: ExactFraction, b: ExactFraction): ExactFraction => reduceFraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
const times = (f: ExactFraction, d: Decimal): ExactFraction => reduceFraction(f.numerator * d.units, f.denominator * pow10(d.scale));

/** Reads the ramp's decimals, each in [0, 1]; a field-named error otherwise. */
export function parseRamp(ramp: readonly string[], field = 'ramp'): Decimal[] {
  return ramp.map((text, i) => {
    let d: Decimal;
    try {
      d = parseDecimal(text);
    } catch {
      throw invalid(`${field}[${i}]`, `must be a decimal such as 0.25 (got "${text}")`);
    }
    if (d.units < 0n || d.units > pow10(d.scale)) throw invalid(`${field}[${i}]`, `must be between 0 and 1 (got ${text})`);
    return d;
  });
}

/** The fiscal years (of the plan) the range crosses, each clipped to the range. */
function yearSegments(range: DateRange, yearStartMonth: number): { range: DateRange; year: DateRange; key: string }[] {
  const out: { range: DateRange; year: DateRange; key: string }[] = [];
  for (let day = range.from; day <= range.to; ) {
    const fy = fiscalPeriodOf(day, yearStartMonth, 'year');
    const year = { from: fy.start, to: fy.end };
    const clipped = intersectRanges(range, year);
    if (clipped) out.push({ range: clipped, year, key: fy.key });
    day = addDays(fy.end, 1);
  }
  return out;
}

/** The calendar months a range touches, each clipped to it. */
function monthsOf(range: DateRange): { month: string; range: DateRange; whole: DateRange }[] {
  const out: { month: string; range: DateRange; whole: DateRange }[] = [];
  for (let day = range.from; day <= range.to; ) {
    const { year, month } = dateParts(day);
    const whole = { from: formatDate(year, month, 1), to: formatDate(year, month, daysInMonth(year, month)) };
    const clipped = intersectRanges(range, whole);
    if (clipped) out.push({ month: whole.from.slice(0, 7), range: clipped, whole });
    day = addDays(whole.to, 1);
  }
  return out;
}

/** Months from the month of `from` to `month` ('YYYY-MM'), 0 for the same month. */
function monthIndex(from: string, month: string): number {
  const a = dateParts(from);
  const b = dateParts(`${month}-01`);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** An exact amount of minor units as major units, cut after 4 more digits ("..." when cut), for the explanation. */
function showExact(f: ExactFraction, currency: string): string {
  const extra = 4;
  const exponent = currencyExponent(currency);
  const scaled = f.numerator * pow10(extra);
  const cut = scaled % f.denominator !== 0n;
  return `${formatDecimal({ units: scaled / f.denominator, scale: exponent + extra }, exponent)}${cut ? '...' : ''}`;
}

/**
 * The terms of an assignment in a period:
 * - days on the plan: the period clipped to the assignment's dates (core servedWithin);
 * - target incentive: annual x days counted / days in the plan's fiscal year, per fiscal
 *   year the period crosses (days counted: those on the plan, or the whole period when the
 *   plan's proration is 'none');
 * - quota: the annual quota phased by the plan's quotaPhasing (core phaseQuota: a month's
 *   weight x the share of the month counted), or by days like the target when the plan has
 *   no phasing; each month's share times the ramp factor of that month (months counted from
 *   the month of valid_from, the partial first month included).
 * Each total is exact until it is rounded once.
 */
export function assignmentTerms(input: AssignmentTermsInput): AssignmentTerms {
  const { assignment: a, period, currency } = input;
  checkDateRange('period', period);
  const roundingMode = input.roundingMode ?? 'half-even';
  const ramp = a.ramp === null ? null : parseRamp(a.ramp);
  // The quota plan's seasonality, when it set one, phases this assignment's quota instead of the plan's.
  const own = a.quotaPhasing ? { by: a.quotaPhasing.by, weights: a.quotaPhasing.weights.map((w) => parseDecimal(w)) } : null;
  const plan = own ? { ...input.plan, quotaPhasing: own } : input.plan;
  const phasingYearStart = a.quotaPhasing?.yearStartMonth ?? plan.yearStartMonth;
  const money = (minor: bigint) => `${formatMinorAsMajor(minor, currency)} ${currency}`;
  const onPlan = servedWithin({ period, start: a.validFrom, ...(a.validTo === null ? {} : { end: a.validTo }) });
  const daysInPeriod = daysInRange(period);
  const daysOnPlan = onPlan ? daysInRange(onPlan) : 0;
  // What counts: the days on the plan, or the whole period when the plan does not prorate (but only if she is on it at all).
  const counted = onPlan === null ? null : plan.proration === 'none' ? period : onPlan;
  const steps: string[] = [];
  // A step is worded only when it is kept: the amounts in words are most of the cost.
  const say: Say = input.explain === false ? () => undefined : (line) => void steps.push(line());
  say(() => (onPlan
    ? `on the plan ${onPlan.from}..${onPlan.to}: ${daysOnPlan} of the period's ${daysInPeriod} days (assignment ${a.validFrom}..${a.validTo ?? 'open'})`
    : `not on the plan in ${period.from}..${period.to} (assignment ${a.validFrom}..${a.validTo ?? 'open'}): nothing is due`));
  if (onPlan && plan.proration === 'none') say(() => "the plan's proration is 'none': the whole period counts");

  const segments: TargetSegment[] = counted
    ? yearSegments(counted, plan.yearStartMonth).map((s) => {
        const daysCounted = daysInRange(s.range);
        const daysInYear = daysInRange(s.year);
        return { range: s.range, daysCounted, daysInYear, exact: reduceFraction(a.targetIncentiveMinor * BigInt(daysCounted), BigInt(daysInYear)) };
      })
    : [];
  const targetExact = segments.reduce((acc, s) => add(acc, s.exact), ZERO);
  const targetMinor = divideRounded(targetExact.numerator, targetExact.denominator, roundingMode);
  for (const s of segments) {
    say(() => `target incentive ${s.range.from}..${s.range.to}: ${money(a.targetIncentiveMinor)} a year x ${s.daysCounted} / ${s.daysInYear} days of the plan year = ${showExact(s.exact, currency)}`);
  }
  say(() => `period target incentive: ${showExact(targetExact, currency)} rounded once (${roundingMode}) = ${money(targetMinor)}`);

  const quota = a.annualQuotaMinor === null ? null : periodQuota({ annual: a.annualQuotaMinor, plan, phasingYearStart, period, counted, ramp, validFrom: a.validFrom, currency, say, roundingMode });
  if (a.annualQuotaMinor === null) say(() => 'no quota: the assignment has none');

  return {
    period, daysInPeriod, onPlan, daysOnPlan, proration: plan.proration,
    targetIncentive: { amountMinor: targetMinor, exact: targetExact, segments },
    quota, roundingMode, steps,
  };
}

interface QuotaInput {
  readonly annual: bigint;
  readonly plan: AssignmentTermsPlan;
  /** First month of the year the phasing's weights start from. */
  readonly phasingYearStart: number;
  readonly period: DateRange;
  readonly counted: DateRange | null;
  readonly ramp: readonly Decimal[] | null;
  readonly validFrom: string;
  readonly currency: string;
  readonly say: Say;
  readonly roundingMode: RoundingMode;
}

/** The month-by-month base quota (before the ramp), exact. */
function baseMonths(q: QuotaInput): { month: string; exact: ExactFraction }[] {
  if (q.counted === null) return [];
  const { plan, counted } = q;
  if (plan.quotaPhasing) {
    const phasing = plan.quotaPhasing;
    // phaseQuota works inside one fiscal year: phase each year the period crosses.
    return yearSegments(q.period, q.phasingYearStart).flatMap((s) =>
      phaseQuota({ annualMinor: q.annual, phasing, yearStart: s.year.from, period: s.range, served: counted }).explanation.months.map((m) => ({ month: m.month, exact: m.quotaExact })),
    );
  }
  return yearSegments(q.period, plan.yearStartMonth).flatMap((s) =>
    monthsOf(s.range).map((m) => {
      const held = intersectRanges(m.range, counted);
      const days = held ? daysInRange(held) : 0;
      return { month: m.month, exact: reduceFraction(q.annual * BigInt(days), BigInt(daysInRange(s.year))) };
    }),
  );
}

function periodQuota(q: QuotaInput): NonNullable<AssignmentTerms['quota']> {
  const method = q.plan.quotaPhasing ? 'phased' : 'by-days';
  const money = (minor: bigint) => `${formatMinorAsMajor(minor, q.currency)} ${q.currency}`;
  q.say(() => (method === 'phased'
      ? `quota: ${money(q.annual)} a year phased by ${q.plan.quotaPhasing?.by} (weights ${q.plan.quotaPhasing?.weights.map((w) => formatDecimal(w)).join(' / ')}), each month's weight x its share counted`
      : `quota: ${money(q.annual)} a year by days (the plan has no quota phasing): annual x days counted / days of the plan year`));
  const months: QuotaMonth[] = baseMonths(q).map((m) => {
    const monthOnPlan = monthIndex(q.validFrom, m.month) + 1;
    const factor = q.ramp && monthOnPlan >= 1 ? (q.ramp[monthOnPlan - 1] ?? { units: 1n, scale: 0 }) : { units: 1n, scale: 0 };
    const exact = times(m.exact, factor);
    q.say(() => `  ${m.month}: ${showExact(m.exact, q.currency)}${q.ramp ? ` x ramp month ${monthOnPlan} factor ${formatDecimal(factor)} = ${showExact(exact, q.currency)}` : ''}`);
    return { month: m.month, monthOnPlan, baseExact: m.exact, rampFactor: formatDecimal(factor), exact };
  });
  const exact = months.reduce((acc, m) => add(acc, m.exact), ZERO);
  const amountMinor = divideRounded(exact.numerator, exact.denominator, q.roundingMode);
  q.say(() => `period quota: ${showExact(exact, q.currency)} rounded once (${q.roundingMode}) = ${money(amountMinor)}`);
  return { amountMinor, exact, method, months };
}
