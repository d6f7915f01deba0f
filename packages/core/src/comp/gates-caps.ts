import { formatDecimal, multiplyMoney, type Decimal } from '../decimal.js';
import { DomainError } from '../errors.js';
import type { RoundingMode } from '../money.js';
import { compareMeasureToThreshold, type EdgeBasis } from './rate-table.js';

/** Whether a measure exactly on the threshold passes ('at-or-above') or not ('above'). */
export type ThresholdPass = 'at-or-above' | 'above';

/** A condition on a named measure, e.g. annual attainment at or above "1.00". */
export interface MeasureCondition {
  /** Name of the measure, shown on the statement (e.g. "annual-bookings"). */
  readonly measure: string;
  readonly basis: EdgeBasis;
  /** Minor units for 'amount', a ratio of quota for 'attainment'. */
  readonly threshold: Decimal;
  readonly passWhen: ThresholdPass;
}

/** The measure's value (and quota for attainment), minor units. */
export interface MeasureReading {
  readonly valueMinor: bigint;
  readonly quotaMinor?: bigint;
}

/** What one gate, qualifier, cap or floor did to an amount. deltaMinor = afterMinor - beforeMinor. */
export interface AdjustmentExplanation {
  readonly kind: 'threshold-gate' | 'measure-gate' | 'qualifier' | 'cap' | 'floor';
  readonly acted: boolean;
  readonly beforeMinor: bigint;
  readonly afterMinor: bigint;
  readonly deltaMinor: bigint;
  /** For gates and qualifiers: the condition and the reading it was checked against. */
  readonly measure?: string;
  readonly basis?: EdgeBasis;
  readonly threshold?: string;
  readonly passWhen?: ThresholdPass;
  readonly measureValueMinor?: bigint;
  readonly quotaMinor?: bigint;
  readonly passed?: boolean;
  /** For qualifiers: the multiplier applied on a miss, and the rounding used. */
  readonly multiplier?: string;
  readonly roundingMode?: RoundingMode;
  /** For caps and floors: the limit in minor units and how it was set. */
  readonly limitMinor?: bigint;
  readonly limitKind?: Limit['kind'];
  readonly targetMultiple?: string;
}

export interface Adjusted {
  readonly amountMinor: bigint;
  readonly explanation: AdjustmentExplanation;
}

/** A cap or floor: a fixed amount, or a multiple of the target incentive. */
export type Limit = { readonly kind: 'amount'; readonly limitMinor: bigint } | { readonly kind: 'target-multiple'; readonly multiple: Decimal };

function passes(condition: MeasureCondition, reading: MeasureReading): boolean {
  const cmp = compareMeasureToThreshold({ valueMinor: reading.valueMinor, quotaMinor: reading.quotaMinor, basis: condition.basis, threshold: condition.threshold });
  return condition.passWhen === 'at-or-above' ? cmp >= 0 : cmp > 0;
}

function describeCondition(condition: MeasureCondition, reading: MeasureReading, passed: boolean) {
  return {
    measure: condition.measure,
    basis: condition.basis,
    threshold: formatDecimal(condition.threshold),
    passWhen: condition.passWhen,
    measureValueMinor: reading.valueMinor,
    ...(reading.quotaMinor === undefined ? {} : { quotaMinor: reading.quotaMinor }),
    passed,
  };
}

function gate(kind: 'threshold-gate' | 'measure-gate', amountMinor: bigint, condition: MeasureCondition, reading: MeasureReading): Adjusted {
  const passed = passes(condition, reading);
  const after = passed ? amountMinor : 0n;
  return {
    amountMinor: after,
    explanation: { kind, acted: after !== amountMinor, beforeMinor: amountMinor, afterMinor: after, deltaMinor: after - amountMinor, ...describeCondition(condition, reading, passed) },
  };
}

/**
 * Threshold gate: nothing is paid unless the component's own measure passes the threshold
 * (e.g. attainment at or above "0.50"). Below the gate the result is exactly 0.
 */
export function applyThresholdGate({ amountMinor, gate: condition, reading }: { amountMinor: bigint; gate: MeasureCondition; reading: MeasureReading }): Adjusted {
  return gate('threshold-gate', amountMinor, condition, reading);
}

/**
 * Gate on another measure: `amountMinor` (e.g. just the accelerator part of a component)
 * is paid only if a different measure passes (e.g. annual attainment at or above "1").
 */
export function applyMeasureGate({ amountMinor, gate: condition, reading }: { amountMinor: bigint; gate: MeasureCondition; reading: MeasureReading }): Adjusted {
  return gate('measure-gate', amountMinor, condition, reading);
}

/**
 * Qualifier: if a second measure misses its threshold the amount is multiplied by
 * `multiplierIfMissed` (e.g. "0.75"), rounded once with `roundingMode`; otherwise unchanged.
 */
export function applyQualifier({ amountMinor, qualifier, reading, roundingMode }: { amountMinor: bigint; qualifier: MeasureCondition & { readonly multiplierIfMissed: Decimal }; reading: MeasureReading; roundingMode: RoundingMode }): Adjusted {
  const passed = passes(qualifier, reading);
  const after = passed ? amountMinor : multiplyMoney(amountMinor, qualifier.multiplierIfMissed, roundingMode);
  return {
    amountMinor: after,
    explanation: {
      kind: 'qualifier',
      acted: !passed,
      beforeMinor: amountMinor,
      afterMinor: after,
      deltaMinor: after - amountMinor,
      ...describeCondition(qualifier, reading, passed),
      multiplier: formatDecimal(qualifier.multiplierIfMissed),
      roundingMode,
    },
  };
}

/**
 * A limit in minor units. A multiple of target is rounded toward the inside of the limit
 * (floor for a cap, ceiling for a floor) so that a cap is never exceeded and a floor never
 * undershot by a rounding.
 */
function resolveLimit(limit: Limit, side: 'cap' | 'floor', targetIncentiveMinor: bigint | undefined): bigint {
  if (limit.kind === 'amount') return limit.limitMinor;
  if (targetIncentiveMinor === undefined) throw new DomainError('validation_failed', `${side}: a multiple of target needs the target incentive`, [{ field: 'targetIncentiveMinor', message: `required by a ${side} set as a multiple of target` }]);
  return multiplyMoney(targetIncentiveMinor, limit.multiple, side === 'cap' ? 'floor' : 'ceiling');
}

function limitExplanation(limit: Limit, limitMinor: bigint) {
  return { limitMinor, limitKind: limit.kind, ...(limit.kind === 'target-multiple' ? { targetMultiple: formatDecimal(limit.multiple) } : {}) };
}

/** Cap: the amount never exceeds the limit (amount, or multiple of target incentive). */
export function applyCap({ amountMinor, cap, targetIncentiveMinor }: { amountMinor: bigint; cap: Limit; targetIncentiveMinor?: bigint }): Adjusted {
  const limitMinor = resolveLimit(cap, 'cap', targetIncentiveMinor);
  const after = amountMinor > limitMinor ? limitMinor : amountMinor;
  return { amountMinor: after, explanation: { kind: 'cap', acted: after !== amountMinor, beforeMinor: amountMinor, afterMinor: after, deltaMinor: after - amountMinor, ...limitExplanation(cap, limitMinor) } };
}

/** Floor: the amount is never below the limit (amount, or multiple of target incentive). */
export function applyFloor({ amountMinor, floor, targetIncentiveMinor }: { amountMinor: bigint; floor: Limit; targetIncentiveMinor?: bigint }): Adjusted {
  const limitMinor = resolveLimit(floor, 'floor', targetIncentiveMinor);
  const after = amountMinor < limitMinor ? limitMinor : amountMinor;
  return { amountMinor: after, explanation: { kind: 'floor', acted: after !== amountMinor, beforeMinor: amountMinor, afterMinor: after, deltaMinor: after - amountMinor, ...limitExplanation(floor, limitMinor) } };
}
