import { formatDecimal, pow10, type Decimal } from '../decimal.js';
import { invalid } from '../errors.js';
import { divideRounded, type RoundingMode } from '../money.js';
import type { ComponentKind } from './component.js';
import { evaluateExpression, type Expression, type ExpressionValue } from './expression/index.js';
import type { Limit } from './gates-caps.js';
import { computeMeasure, type Credit, type MeasureDefinition } from './measure.js';
import { applyCapAndFloor, computeAttainment, type ComponentResult, type EarningLine } from './calculate-component.js';

/**
 * A component whose amount is a formula of the plan's expression language, for pay a rate
 * table cannot state: a weighted MBO (targetIncentive x the weighted sum of objective
 * scores), a bonus on two measures at once. The formula reads, in major units of the plan
 * currency: `measure` (the component's own measure, if it has one; a count for count
 * measures), `quota`, `attainment` (measure / quota to 12 places, 0 without a quota),
 * `targetIncentive`, and each declared score (a decimal supplied per payee and period,
 * such as an objective's rating). It yields money in major units, rounded once to minor
 * units with `roundingMode`; then the cap and floor apply.
 */
export interface FormulaComponent {
  readonly id: string;
  readonly name: string;
  readonly kind: ComponentKind;
  readonly formula: Expression;
  readonly measure?: MeasureDefinition;
  /** Names of the scores the formula reads (e.g. objective ratings). */
  readonly scores: readonly string[];
  readonly roundingMode: RoundingMode;
  readonly cap?: Limit;
  readonly floor?: Limit;
}

/** The names a formula may read besides its scores. */
export const FORMULA_INPUTS = ['measure', 'quota', 'attainment', 'targetIncentive'] as const;

export interface CalculateFormulaInput {
  readonly component: FormulaComponent;
  readonly credits: readonly Credit[];
  readonly quotaMinor: bigint;
  readonly targetIncentiveMinor?: bigint;
  readonly period: { readonly from: string; readonly to: string };
  readonly scores?: Readonly<Record<string, Decimal>>;
  /** Minor units per major unit of the plan currency, as a power of ten (2 for USD). */
  readonly currencyExponent: number;
}

const ATTAINMENT_SCALE = 12;

/** Calculates a formula component for one payee and period. Pure; throws validation_failed DomainErrors naming the field. */
export function calculateFormulaComponent(input: CalculateFormulaInput): ComponentResult {
  const { component, quotaMinor, currencyExponent } = input;
  const lines: EarningLine[] = [];
  const major = (minor: bigint): Decimal => ({ units: minor, scale: currencyExponent });
  let measureValue: Decimal = { units: 0n, scale: 0 };
  let attainment: Decimal = { units: 0n, scale: 0 };
  if (component.measure) {
    const measured = computeMeasure({ credits: input.credits, measure: { ...component.measure, from: input.period.from, to: input.period.to } });
    const att = computeAttainment({ valueMinor: measured.valueMinor, quotaMinor });
    lines.push({ step: 'measure', accumulation: 'period', measure: measured.explanation, creditIds: measured.creditIds, valueMinor: measured.valueMinor, quotaMinor, ...(att ? { attainment: att } : {}), tierInputMinor: measured.valueMinor });
    measureValue = component.measure.aggregate === 'count' ? { units: measured.valueMinor, scale: 0 } : major(measured.valueMinor);
    if (quotaMinor > 0n) attainment = { units: divideRounded(measured.valueMinor * pow10(ATTAINMENT_SCALE), quotaMinor, 'half-even'), scale: ATTAINMENT_SCALE };
  }
  const values: Record<string, ExpressionValue> = {
    measure: measureValue,
    quota: component.measure?.aggregate === 'count' ? { units: quotaMinor, scale: 0 } : major(quotaMinor),
    attainment,
    targetIncentive: major(input.targetIncentiveMinor ?? 0n),
  };
  for (const name of component.scores) {
    const score = input.scores?.[name];
    if (score === undefined) throw invalid(`scores.${name}`, `needed by the formula of ${component.id}`);
    values[name] = score;
  }
  const result = evaluateExpression({ expression: component.formula, inputs: values });
  if (typeof result === 'boolean') throw invalid(component.formula.field, 'the formula must yield an amount, not true or false');
  // major units -> minor units: x 10^exponent, one rounding.
  const amount = result.scale <= currencyExponent ? result.units * pow10(currencyExponent - result.scale) : divideRounded(result.units, pow10(result.scale - currencyExponent), component.roundingMode);
  const shown: Record<string, string> = {};
  for (const name of component.formula.inputs) {
    const v = values[name];
    if (v !== undefined) shown[name] = typeof v === 'boolean' ? String(v) : formatDecimal(v);
  }
  lines.push({ step: 'formula', source: component.formula.source, inputs: shown, result: formatDecimal(result), roundingMode: component.roundingMode, amountMinor: amount });
  return { componentId: component.id, amountMinor: applyCapAndFloor({ amountMinor: amount, cap: component.cap, floor: component.floor, targetIncentiveMinor: input.targetIncentiveMinor, lines }), lines };
}
