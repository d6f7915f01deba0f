import type { Decimal } from '../decimal.js';
import type { TierMode, TierRounding } from './apply-tiers.js';
import type { Limit, MeasureCondition } from './gates-caps.js';
import type { MeasureDefinition } from './measure.js';
import type { RateTable } from './rate-table.js';

export type ComponentKind = 'commission' | 'bonus' | 'spif' | 'mbo';

/**
 * How credits accumulate before the rate table applies.
 * - 'period': the period's measure, from zero.
 * - 'per-transaction': each credit through the table from zero, in date-then-id order; the results summed.
 * - 'quarter-to-date': the same within the quarter, for monthly pay on a quarterly quota (the
 *   measure resets each quarter, the pay cycle is the month).
 * - 'year-to-date': the table applies to the year-to-date measure; what earlier periods of the
 *   year already earned (`earnedBeforeMinor`) is subtracted.
 */
export type Accumulation = 'period' | 'per-transaction' | 'quarter-to-date' | 'year-to-date';

/**
 * A gate on another measure (e.g. annual attainment >= "1"). When it fails, tiers from
 * `fromTierIndex` on lose their extra: in rate and multiplier modes they pay at the factor
 * of tier `fromTierIndex - 1` (the accelerator is suppressed, the base rate continues); in
 * 'interpolated' they pay nothing. `fromTierIndex: 0` gates the whole amount.
 */
export interface ComponentMeasureGate {
  readonly condition: MeasureCondition;
  readonly fromTierIndex: number;
}

/** A qualifier: if the named measure misses, the amount is multiplied by `multiplierIfMissed`. */
export type ComponentQualifier = MeasureCondition & { readonly multiplierIfMissed: Decimal };

/**
 * One earning rule of a plan, as a plan file is parsed into. Steps apply in this order:
 * measure -> tiers -> threshold gate -> measure gate -> (payout share) -> (to-date subtraction) ->
 * qualifier -> cap -> floor. Rounding to minor units happens in the tiers (as `rounding`
 * says) and in the qualifier (with `rounding.mode`); caps and floors are whole amounts.
 */
export interface Component {
  readonly id: string;
  readonly name: string;
  readonly kind: ComponentKind;
  readonly measure: MeasureDefinition;
  readonly rateTable: RateTable;
  readonly mode: TierMode;
  readonly rounding: TierRounding;
  readonly accumulation: Accumulation;
  /** Nothing is paid unless the component's own measure (the one the tiers used) passes. */
  readonly thresholdGate?: MeasureCondition;
  readonly measureGate?: ComponentMeasureGate;
  readonly qualifier?: ComponentQualifier;
  /** Per component and period: applies to what this period pays. */
  readonly cap?: Limit;
  readonly floor?: Limit;
}
