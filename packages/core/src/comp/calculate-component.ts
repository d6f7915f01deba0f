import { formatDecimal, pow10, type Decimal } from '../decimal.js';
import { DomainError } from '../errors.js';
import { divideRounded, type RoundingMode } from '../money.js';
import { applyTiers, type ExactMinor, type TierResult } from './apply-tiers.js';
import type { Component, ComponentMeasureGate } from './component.js';
import { applyCap, applyFloor, applyMeasureGate, applyQualifier, applyThresholdGate, type AdjustmentExplanation, type Limit, type MeasureReading } from './gates-caps.js';
import { computeMeasure, selectCredits, type Credit, type MeasureExplanation } from './measure.js';
import type { RateTable, RateTier } from './rate-table.js';

/** Attainment = measure / quota: the exact reduced fraction and a 4-place half-even display. */
export interface Attainment {
  readonly exact: ExactMinor;
  readonly display: string;
}

/**
 * One step of a component's explanation chain, in the order the steps were applied.
 * Adjustment lines appear for every gate, qualifier, cap and floor the component declares;
 * `adjustment.acted` says whether it changed the amount.
 */
export type EarningLine =
  | {
      readonly step: 'measure';
      readonly accumulation: Component['accumulation'];
      readonly measure: MeasureExplanation;
      readonly creditIds: readonly string[];
      readonly valueMinor: bigint;
      readonly quotaMinor: bigint;
      readonly attainment?: Attainment;
      /** What the table was applied to ('period', 'year-to-date'; per-transaction tier lines carry their own value): tiers start at 0, so a negative measure pays as 0. */
      readonly tierInputMinor: bigint;
    }
  | { readonly step: 'tiers'; readonly creditId?: string; readonly valueMinor: bigint; readonly result: TierResult }
  | { readonly step: 'per-transaction-total'; readonly creditCount: number; readonly amountMinor: bigint }
  /** Payout split: the whole deal counted, the payee paid her share; `share` is the exact weighted share of the counted credits. */
  | { readonly step: 'payout-share'; readonly share: ExactMinor; readonly beforeMinor: bigint; readonly afterMinor: bigint }
  | { readonly step: 'threshold-gate' | 'qualifier' | 'cap' | 'floor'; readonly adjustment: AdjustmentExplanation }
  | { readonly step: 'measure-gate'; readonly adjustment: AdjustmentExplanation; readonly fromTierIndex: number; readonly ungatedAmountMinor: bigint }
  /** Year- or quarter-to-date: what the table gives on the measure since `since`, less what earlier periods of that span earned. */
  | { readonly step: 'to-date'; readonly accumulation: 'year-to-date' | 'quarter-to-date'; readonly since: string; readonly toDateEarnedMinor: bigint; readonly earnedBeforeMinor: bigint; readonly periodAmountMinor: bigint }
  /** A formula component: its source, the inputs it read (decimal text), the exact result in major units and the amount rounded to minor units. */
  | { readonly step: 'formula'; readonly source: string; readonly inputs: Readonly<Record<string, string>>; readonly result: string; readonly roundingMode: RoundingMode; readonly amountMinor: bigint };

export interface ComponentResult {
  readonly componentId: string;
  readonly amountMinor: bigint;
  readonly lines: readonly EarningLine[];
}

export interface CalculateComponentInput {
  readonly component: Component;
  /** One payee's credits; those outside the measure's types and dates are ignored. */
  readonly credits: readonly Credit[];
  /** Quota for the measure's scope (the year-to-date quota for 'year-to-date'), minor units; 0 if none. */
  readonly quotaMinor: bigint;
  readonly targetIncentiveMinor?: bigint;
  /** Inclusive dates, YYYY-MM-DD. */
  readonly period: { readonly from: string; readonly to: string };
  /** First day of the year, required by 'year-to-date'. */
  readonly yearStart?: string;
  /** First day of the quarter, required by 'quarter-to-date'. */
  readonly quarterStart?: string;
  /** What earlier periods of the year (or quarter) already earned on this component ('year-to-date', 'quarter-to-date'), subtracted as given. */
  readonly earnedBeforeMinor?: bigint;
  /** Readings of other measures named by gates and qualifiers. */
  readonly otherMeasures?: Readonly<Record<string, MeasureReading>>;
}

const absB = (v: bigint): bigint => (v < 0n ? -v : v);
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? absB(a) : gcd(b, a % b));
const invalid = (field: string, message: string): DomainError => new DomainError('validation_failed', `${field}: ${message}`, [{ field, message }]);

/** Exact attainment; undefined without a positive quota. */
export function computeAttainment({ valueMinor, quotaMinor }: { valueMinor: bigint; quotaMinor: bigint }): Attainment | undefined {
  if (quotaMinor <= 0n) return undefined;
  const g = gcd(valueMinor, quotaMinor) || 1n;
  return { exact: { numerator: valueMinor / g, denominator: quotaMinor / g }, display: formatDecimal({ units: divideRounded(valueMinor * 10_000n, quotaMinor, 'half-even'), scale: 4 }, 4) };
}

/** The table a failed measure gate leaves: tiers from `fromTierIndex` lose their extra (see ComponentMeasureGate). */
function tableWithoutGatedTiers(table: RateTable, mode: Component['mode'], fromTierIndex: number): RateTable {
  const base = table.tiers[fromTierIndex - 1] as RateTier;
  const tiers = table.tiers.map((tier, i): RateTier => {
    if (i < fromTierIndex) return tier;
    if (mode === 'interpolated') return { ...tier, payoutMinor: 0n };
    return { lower: tier.lower, ...(tier.upper ? { upper: tier.upper } : {}), ...(base.rate ? { rate: base.rate } : {}), ...(base.multiplier ? { multiplier: base.multiplier } : {}) };
  });
  return { ...table, tiers };
}

function validate(input: CalculateComponentInput): void {
  const { component, period, quotaMinor } = input;
  if (!(period.from <= period.to)) throw invalid('period', 'from must not be after to');
  if (quotaMinor < 0n) throw invalid('quotaMinor', 'must be >= 0');
  const since = toDateStart(input);
  if (since) {
    if (since.date === undefined) throw invalid(since.field, `required by ${component.accumulation} accumulation`);
    if (since.date > period.from) throw invalid(since.field, 'must not be after the period start');
  }
  const gate = component.measureGate;
  if (gate && (!Number.isInteger(gate.fromTierIndex) || gate.fromTierIndex < 0 || gate.fromTierIndex >= component.rateTable.tiers.length)) {
    throw invalid(`components.${component.id}.measureGate.fromTierIndex`, 'must name a tier of the table');
  }
}

/** Where a to-date accumulation starts counting, and the input that says so. */
function toDateStart(input: CalculateComponentInput): { field: string; date: string | undefined } | undefined {
  if (input.component.accumulation === 'year-to-date') return { field: 'yearStart', date: input.yearStart };
  if (input.component.accumulation === 'quarter-to-date') return { field: 'quarterStart', date: input.quarterStart };
  return undefined;
}

function readingOf(input: CalculateComponentInput, measure: string, field: string): MeasureReading {
  const reading = input.otherMeasures?.[measure];
  if (!reading) throw invalid(`otherMeasures.${measure}`, `needed by ${field}`);
  return reading;
}

interface TierPass {
  readonly amountMinor: bigint;
  readonly lines: EarningLine[];
  /** Amount the same credits earn with the gated tiers suppressed. */
  readonly ungatedOnlyMinor: (gate: ComponentMeasureGate) => bigint;
}

/** Runs the table over the tier inputs: one value (period, year-to-date) or one per credit. */
function runTiers(input: CalculateComponentInput, values: readonly { creditId?: string; valueMinor: bigint }[]): TierPass {
  const { component, quotaMinor, targetIncentiveMinor } = input;
  // Built without conditional spreads: this runs for every payee and period.
  const tiersOf = (table: RateTable, valueMinor: bigint): TierResult =>
    applyTiers({ table, mode: component.mode, value: valueMinor, rounding: component.rounding, quota: quotaMinor > 0n ? quotaMinor : undefined, targetIncentive: targetIncentiveMinor });
  const lines: EarningLine[] = [];
  let amountMinor = 0n;
  for (const v of values) {
    const result = tiersOf(component.rateTable, v.valueMinor);
    lines.push(v.creditId === undefined ? { step: 'tiers', valueMinor: v.valueMinor, result } : { step: 'tiers', creditId: v.creditId, valueMinor: v.valueMinor, result });
    amountMinor += result.amountMinor;
  }
  const ungatedOnlyMinor = (gate: ComponentMeasureGate): bigint => {
    if (gate.fromTierIndex === 0) return 0n;
    const table = tableWithoutGatedTiers(component.rateTable, component.mode, gate.fromTierIndex);
    return values.reduce((acc, v) => acc + tiersOf(table, v.valueMinor).amountMinor, 0n);
  };
  return { amountMinor, lines, ungatedOnlyMinor };
}

const ONE_SHARE: Decimal = { units: 1n, scale: 0 };

/** A credit's payout share over a common denominator 10^scale. */
function shareUnits(c: Credit, scale: number): bigint {
  const s = c.payoutShare ?? ONE_SHARE;
  return s.units * pow10(scale - s.scale);
}

const maxShareScale = (credits: readonly Credit[]): number => credits.reduce((m, c) => Math.max(m, c.payoutShare?.scale ?? 0), 0);

function reduced(numerator: bigint, denominator: bigint): ExactMinor {
  if (denominator === 0n) return { numerator: 1n, denominator: 1n };
  const g = gcd(numerator, denominator) || 1n;
  return { numerator: numerator / g, denominator: denominator / g };
}

/**
 * The share of a period's amount a payee keeps: the payout shares weighted by what each
 * credit adds to the measure (its amount for sums, one for counts). Credits without a
 * share count at 1. The same for any order of credits.
 */
function weightedShare(counted: readonly Credit[], aggregate: 'sum' | 'count'): ExactMinor {
  const scale = maxShareScale(counted);
  let numerator = 0n;
  let weight = 0n;
  for (const c of counted) {
    const w = aggregate === 'count' ? 1n : c.amountMinor;
    numerator += w * shareUnits(c, scale);
    weight += w;
  }
  return reduced(numerator, weight * pow10(scale));
}

/** Per transaction, each credit's own tier result carries its own share. */
function perTransactionShare(counted: readonly Credit[], lines: readonly EarningLine[]): ExactMinor {
  const byId = new Map(counted.map((c) => [c.id, c]));
  const scale = maxShareScale(counted);
  let numerator = 0n;
  let total = 0n;
  for (const line of lines) {
    if (line.step !== 'tiers' || line.creditId === undefined) continue;
    const c = byId.get(line.creditId) as Credit;
    numerator += line.result.amountMinor * shareUnits(c, scale);
    total += line.result.amountMinor;
  }
  return reduced(numerator, total * pow10(scale));
}

/**
 * Calculates one plan component for one payee and period, applying the steps in the
 * order {@link Component} declares: measure -> tiers -> threshold gate -> measure gate -> payout share ->
 * to-date subtraction -> qualifier -> cap -> floor. Pure and deterministic: the same
 * input gives a deep-equal result, independent of the order of `credits` (per-transaction
 * lines are listed in date-then-id order). Throws `validation_failed` DomainErrors.
 */
export function calculateComponent(input: CalculateComponentInput): ComponentResult {
  validate(input);
  const { component, credits, quotaMinor, period } = input;
  const since = toDateStart(input)?.date;
  const from = since ?? period.from;
  const scope = { creditTypes: component.measure.creditTypes, aggregate: component.measure.aggregate, from, to: period.to };
  const measured = computeMeasure({ credits, measure: scope });
  const tierInputMinor = measured.valueMinor < 0n ? 0n : measured.valueMinor;
  const attainment = computeAttainment({ valueMinor: measured.valueMinor, quotaMinor });
  const lines: EarningLine[] = [
    { step: 'measure', accumulation: component.accumulation, measure: measured.explanation, creditIds: measured.creditIds, valueMinor: measured.valueMinor, quotaMinor, ...(attainment ? { attainment } : {}), tierInputMinor },
  ];

  let pass: TierPass;
  if (component.accumulation === 'per-transaction') {
    const perCredit = selectCredits({ credits, measure: scope }).map((c, i) => {
      // A reversal through a table from zero has no defined meaning; reversals go through clawbacks.
      if (c.amountMinor < 0n) throw invalid(`credits.${c.id}.amountMinor`, `per-transaction accumulation needs non-negative credits (credit ${i})`);
      return { creditId: c.id, valueMinor: component.measure.aggregate === 'count' ? 1n : c.amountMinor };
    });
    pass = runTiers(input, perCredit);
    lines.push(...pass.lines, { step: 'per-transaction-total', creditCount: perCredit.length, amountMinor: pass.amountMinor });
  } else {
    pass = runTiers(input, [{ valueMinor: tierInputMinor }]);
    lines.push(...pass.lines);
  }
  let amount = pass.amountMinor;
  let thresholdFailed = false;

  if (component.thresholdGate) {
    const gated = applyThresholdGate({ amountMinor: amount, gate: component.thresholdGate, reading: { valueMinor: measured.valueMinor, ...(quotaMinor > 0n ? { quotaMinor } : {}) } });
    amount = gated.amountMinor;
    thresholdFailed = gated.explanation.passed === false;
    lines.push({ step: 'threshold-gate', adjustment: gated.explanation });
  }
  if (component.measureGate) {
    const gate = component.measureGate;
    // Only the part the gated tiers add is at stake; the rest is paid either way. A failed threshold gate already zeroed everything.
    const ungated = thresholdFailed ? 0n : pass.ungatedOnlyMinor(gate);
    const gated = applyMeasureGate({ amountMinor: amount - ungated, gate: gate.condition, reading: readingOf(input, gate.condition.measure, 'measureGate') });
    amount = ungated + gated.amountMinor;
    lines.push({ step: 'measure-gate', adjustment: gated.explanation, fromTierIndex: gate.fromTierIndex, ungatedAmountMinor: ungated });
  }
  if (measured.hasPayoutShares) {
    const counted = selectCredits({ credits, measure: scope });
    const share = component.accumulation === 'per-transaction' ? perTransactionShare(counted, pass.lines) : weightedShare(counted, component.measure.aggregate);
    const after = divideRounded(amount * share.numerator, share.denominator, component.rounding.mode);
    lines.push({ step: 'payout-share', share, beforeMinor: amount, afterMinor: after });
    amount = after;
  }
  if (since !== undefined) {
    const earnedBeforeMinor = input.earnedBeforeMinor ?? 0n;
    const periodAmountMinor = amount - earnedBeforeMinor;
    lines.push({ step: 'to-date', accumulation: component.accumulation as 'year-to-date' | 'quarter-to-date', since, toDateEarnedMinor: amount, earnedBeforeMinor, periodAmountMinor });
    amount = periodAmountMinor;
  }
  if (component.qualifier) {
    const q = applyQualifier({ amountMinor: amount, qualifier: component.qualifier, reading: readingOf(input, component.qualifier.measure, 'qualifier'), roundingMode: component.rounding.mode });
    amount = q.amountMinor;
    lines.push({ step: 'qualifier', adjustment: q.explanation });
  }
  return { componentId: component.id, amountMinor: applyCapAndFloor({ amountMinor: amount, cap: component.cap, floor: component.floor, targetIncentiveMinor: input.targetIncentiveMinor, lines }), lines };
}

/** The last steps of every component: its cap, then its floor, each explained in `lines`. Returns the amount paid. */
export function applyCapAndFloor(params: { amountMinor: bigint; cap: Limit | undefined; floor: Limit | undefined; targetIncentiveMinor: bigint | undefined; lines: EarningLine[] }): bigint {
  let amount = params.amountMinor;
  const ti = params.targetIncentiveMinor === undefined ? {} : { targetIncentiveMinor: params.targetIncentiveMinor };
  if (params.cap) {
    const c = applyCap({ amountMinor: amount, cap: params.cap, ...ti });
    amount = c.amountMinor;
    params.lines.push({ step: 'cap', adjustment: c.explanation });
  }
  if (params.floor) {
    const f = applyFloor({ amountMinor: amount, floor: params.floor, ...ti });
    amount = f.amountMinor;
    params.lines.push({ step: 'floor', adjustment: f.explanation });
  }
  return amount;
}
