import { formatDecimal, pow10, type Decimal } from '../decimal.js';
import { DomainError, type FieldIssue } from '../errors.js';
import { divideRounded, type RoundingMode } from '../money.js';
import { findTierIndex, resolveTiers, validateRateTable, type RateTable, type RateTier, type ResolvedTier } from './rate-table.js';

/** How a tier table turns a measure into pay (see compensation.md, "tier application"). */
export type TierMode = 'marginal' | 'retroactive' | 'overage-multiplier' | 'interpolated' | 'band-multiplier';

/**
 * Where the one rounding to minor units happens.
 * - 'per-line': each line's exact amount is rounded; the total is the sum of rounded lines.
 * - 'total': lines stay exact; only their exact sum is rounded. Each line still shows a
 *   rounded `earnedMinor` for display and `rounding.residualMinor` states the difference.
 */
export type RoundingPoint = 'per-line' | 'total';

export interface TierRounding {
  readonly point: RoundingPoint;
  readonly mode: RoundingMode;
}

/** An exact amount of minor units as a reduced fraction (denominator > 0). */
export interface ExactMinor {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** One explained earning line: what slice of the measure, at what factor, earned what. */
export interface TierLine {
  readonly tierIndex: number;
  readonly kind: 'slice-at-rate' | 'whole-at-rate' | 'base-below-quota' | 'overage-above-quota' | 'pro-rata-payout' | 'band-multiplier';
  /** Slice of the measure this line covers, minor units: (from, to]. */
  readonly from: bigint;
  readonly to: bigint;
  readonly sliceMinor: bigint;
  /** Rate applied to the slice (rate modes). */
  readonly rate?: string;
  /** Band multiplier applied to attainment x target incentive (band-multiplier). */
  readonly multiplier?: string;
  /** Full payout of the tier and the share of it earned (interpolated). */
  readonly tierPayoutMinor?: bigint;
  readonly fraction?: ExactMinor;
  readonly earnedExact: ExactMinor;
  readonly earnedMinor: bigint;
}

export interface TierResult {
  readonly mode: TierMode;
  readonly amountMinor: bigint;
  readonly lines: readonly TierLine[];
  readonly rounding: TierRounding & { readonly exactTotal: ExactMinor; readonly residualMinor: bigint };
}

export interface ApplyTiersInput {
  readonly table: RateTable;
  readonly mode: TierMode;
  /** The measure, minor units (>= 0). */
  readonly value: bigint;
  /** Quota in minor units: needed by attainment tables, overage-multiplier and band-multiplier. */
  readonly quota?: bigint | undefined;
  /** Target incentive in minor units: needed by band-multiplier. */
  readonly targetIncentive?: bigint | undefined;
  readonly rounding: TierRounding;
}

/** A line under construction: `earnedMinor` is set once the rounding mode is applied (a fresh object, never shared). */
type Draft = Omit<TierLine, 'earnedMinor'> & { earnedMinor: bigint };

const absB = (v: bigint): bigint => (v < 0n ? -v : v);
function gcd(a: bigint, b: bigint): bigint {
  let x = absB(a);
  let y = absB(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function exact(numerator: bigint, denominator: bigint): ExactMinor {
  const sign = denominator < 0n ? -1n : 1n;
  const g = gcd(numerator, denominator) || 1n;
  return { numerator: (sign * numerator) / g, denominator: (sign * denominator) / g };
}

const sumExact = (parts: readonly ExactMinor[]): ExactMinor =>
  parts.reduce((acc, p) => exact(acc.numerator * p.denominator + p.numerator * acc.denominator, acc.denominator * p.denominator), exact(0n, 1n));

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

const FACTOR_OF: Record<TierMode, keyof RateTier> = {
  marginal: 'rate',
  retroactive: 'rate',
  'overage-multiplier': 'rate',
  interpolated: 'payoutMinor',
  'band-multiplier': 'multiplier',
};

/**
 * Tables already found valid for a mode. A plan's table is the same object for every payee
 * and period, so it is checked once, not once per calculation (tables are read-only).
 */
const validTables = new WeakMap<RateTable, Set<TierMode>>();

/** Checks the inputs a mode needs beyond a valid table; throws one DomainError with all issues. */
function validateForMode(input: ApplyTiersInput): void {
  const { table, mode, value, quota, targetIncentive } = input;
  const issues: FieldIssue[] = validTables.get(table)?.has(mode) ? [] : tableIssuesForMode(table, mode);
  if (value < 0n) issues.push({ field: 'value', message: 'must be >= 0' });
  const needsQuota = table.basis === 'attainment' || mode === 'overage-multiplier' || mode === 'band-multiplier';
  if (needsQuota && (quota === undefined || quota <= 0n)) issues.push({ field: 'quota', message: `a positive quota is required by ${mode} on ${table.basis}` });
  if (mode === 'band-multiplier' && (targetIncentive === undefined || targetIncentive < 0n)) issues.push({ field: 'targetIncentive', message: 'required (>= 0) by band-multiplier' });
  if (issues.length > 0) throw new DomainError('validation_failed', `applyTiers (${mode}): invalid input`, issues);
}

/** What a table must satisfy for a mode (throws on an invalid table); remembered when it passes. */
function tableIssuesForMode(table: RateTable, mode: TierMode): FieldIssue[] {
  validateRateTable({ table });
  const issues: FieldIssue[] = [];
  const factor = FACTOR_OF[mode];
  table.tiers.forEach((tier, i) => {
    if (tier[factor] === undefined) issues.push({ field: `table.tiers[${i}].${factor}`, message: `required by ${mode}` });
  });
  const last = table.tiers.length - 1;
  // Interpolation needs a last edge to pay pro rata against; every other mode needs a rate for any measure, however high.
  if (mode === 'interpolated' && table.tiers[last] && !table.tiers[last].upper) issues.push({ field: `table.tiers[${last}].upper`, message: 'interpolated tables need a bounded last tier to pay pro rata' });
  if (mode !== 'interpolated' && table.tiers[last]?.upper) issues.push({ field: `table.tiers[${last}].upper`, message: `the last tier must be open-ended in ${mode}` });
  // Where the whole amount takes one tier's factor, a falling factor makes pay fall as the measure rises.
  if (!table.decelerator && (mode === 'retroactive' || mode === 'overage-multiplier' || mode === 'band-multiplier')) {
    table.tiers.forEach((tier, i) => {
      const prev = table.tiers[i - 1];
      const a = prev?.[factor] as Decimal | undefined;
      const b = tier[factor] as Decimal | undefined;
      if (a && b && a.units * pow10(b.scale) > b.units * pow10(a.scale)) issues.push({ field: `table.tiers[${i}].${factor}`, message: `below the previous tier in ${mode}; declare the table a decelerator` });
    });
  }
  if (issues.length === 0) validTables.set(table, new Set([...(validTables.get(table) ?? []), mode]));
  return issues;
}

const rateTexts = new WeakMap<Decimal, string>();

/** A table's rate as text, formatted once per rate object (it is shown on every line). */
function rateText(rate: Decimal): string {
  let text = rateTexts.get(rate);
  if (text === undefined) {
    text = formatDecimal(rate);
    rateTexts.set(rate, text);
  }
  return text;
}

const atRate = (tierIndex: number, kind: Draft['kind'], from: bigint, to: bigint, rate: Decimal): Draft => ({
  tierIndex,
  kind,
  from,
  to,
  sliceMinor: to - from,
  rate: rateText(rate),
  earnedExact: exact((to - from) * rate.units, pow10(rate.scale)),
  earnedMinor: 0n,
});

function marginal(tiers: readonly ResolvedTier[], table: RateTable, value: bigint, reached: number): Draft[] {
  // Lines for every tier up to the one reached: a value exactly on an edge in a lower-inclusive table shows the upper tier with a zero slice.
  return tiers.slice(0, reached + 1).map((t, i) => {
    const to = t.upperMinor === undefined ? value : min(value, t.upperMinor);
    return atRate(i, 'slice-at-rate', t.lowerMinor, max(to, t.lowerMinor), table.tiers[i]?.rate as Decimal);
  });
}

function interpolated(tiers: readonly ResolvedTier[], table: RateTable, value: bigint): Draft[] {
  return tiers.flatMap((t, i) => {
    const upper = t.upperMinor as bigint;
    if (i > 0 && value <= t.lowerMinor) return [];
    const payout = table.tiers[i]?.payoutMinor as bigint;
    const to = min(value, upper);
    const width = upper - t.lowerMinor;
    // A zero-width tier (attainment edges resolved to one minor unit) is complete once reached.
    const fraction = width === 0n ? exact(1n, 1n) : exact(to - t.lowerMinor, width);
    const line: Draft = { tierIndex: i, kind: 'pro-rata-payout', from: t.lowerMinor, to, sliceMinor: to - t.lowerMinor, tierPayoutMinor: payout, fraction, earnedExact: exact(payout * fraction.numerator, fraction.denominator), earnedMinor: 0n };
    return [line];
  });
}

function draftLines(input: ApplyTiersInput, tiers: readonly ResolvedTier[], reached: number): Draft[] {
  const { table, mode, value } = input;
  const quota = input.quota ?? 0n;
  const reachedTier = table.tiers[reached] as RateTier;
  switch (mode) {
    case 'marginal':
      return marginal(tiers, table, value, reached);
    case 'retroactive':
      return [atRate(reached, 'whole-at-rate', 0n, value, reachedTier.rate as Decimal)];
    case 'overage-multiplier': {
      // Below quota at the base (first) tier's rate; all overage at the rate of the highest tier reached.
      const base = atRate(0, 'base-below-quota', 0n, min(value, quota), table.tiers[0]?.rate as Decimal);
      return value > quota ? [base, atRate(reached, 'overage-above-quota', quota, value, reachedTier.rate as Decimal)] : [base];
    }
    case 'interpolated':
      return interpolated(tiers, table, value);
    case 'band-multiplier': {
      // pay = (value / quota) x target incentive x multiplier, kept as one exact fraction.
      const m = reachedTier.multiplier as Decimal;
      const ti = input.targetIncentive ?? 0n;
      return [{ tierIndex: reached, kind: 'band-multiplier', from: 0n, to: value, sliceMinor: value, multiplier: formatDecimal(m), earnedExact: exact(value * ti * m.units, quota * pow10(m.scale)), earnedMinor: 0n }];
    }
  }
}

/**
 * Applies a rate table to a measure value in one of the tier modes. All intermediate
 * amounts are exact fractions of minor units; rounding happens only where
 * `rounding.point` says, with `rounding.mode`, through `divideRounded`.
 * Throws a `validation_failed` DomainError (field paths) on an invalid table or input.
 */
export function applyTiers(input: ApplyTiersInput): TierResult {
  validateForMode(input);
  const { table, value, rounding } = input;
  const tiers = resolveTiers({ table, quotaMinor: input.quota });
  const reached = findTierIndex({ valueMinor: value, tiers, boundary: table.boundary });
  const lines: TierLine[] = draftLines(input, tiers, reached);
  let lineSum = 0n;
  for (const line of lines as Draft[]) {
    line.earnedMinor = divideRounded(line.earnedExact.numerator, line.earnedExact.denominator, rounding.mode);
    lineSum += line.earnedMinor;
  }
  const exactTotal = sumExact(lines.map((l) => l.earnedExact));
  const amountMinor = rounding.point === 'per-line' ? lineSum : divideRounded(exactTotal.numerator, exactTotal.denominator, rounding.mode);
  return { mode: input.mode, amountMinor, lines, rounding: { point: rounding.point, mode: rounding.mode, exactTotal, residualMinor: amountMinor - lineSum } };
}
