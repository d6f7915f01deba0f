import { applyCap, divideRounded, type Decimal } from '@attain/core';
import { calculatePlan } from '../comp/plan-calculate.js';
import type { Plan, PlanComponent, PlanExampleCredit, PlanMeasureReading } from '../comp/plan-schema.js';

/** Attainments of the payout curve: 0% to 200% of quota in steps of 5 points. */
export const CURVE_PERCENTS: readonly number[] = Array.from({ length: 41 }, (_, i) => i * 5);

export interface CurvePoint {
  readonly attainmentPercent: number;
  /** Quota x attainment, minor units: the measure every money component was given. */
  readonly measureMinor: bigint;
  readonly components: Readonly<Record<string, bigint>>;
  /** Sum of the components after the plan's own cap, if it has one (before draws and clawbacks). */
  readonly totalMinor: bigint;
}

export interface CurveInput {
  readonly plan: Plan;
  /** Quota of the money (sum) components, minor units, > 0. */
  readonly quotaMinor: bigint;
  readonly targetIncentiveMinor: bigint;
  readonly period: { readonly from: string; readonly to: string };
  readonly percents?: readonly number[];
}

/** Every measure named by a gate or qualifier of the plan. */
export function namedMeasures(plan: Plan): string[] {
  const names = new Set<string>();
  for (const c of plan.components) {
    if ('measureGate' in c && c.measureGate) names.add(c.measureGate.condition.measure);
    if ('qualifier' in c && c.qualifier) names.add(c.qualifier.measure);
  }
  return [...names].sort();
}

/** Readings of the named measures at one value: they "read the same attainment" as the curve point. */
export function readingsAt(plan: Plan, valueMinor: bigint, quotaMinor: bigint): Record<string, PlanMeasureReading> {
  return Object.fromEntries(namedMeasures(plan).map((m) => [m, { valueMinor, quotaMinor }]));
}

/** Scores a formula reads, set to the same attainment (as a ratio: 105% -> 1.05), so a formula plan has a curve too. */
export function scoresAt(plan: Plan, ratio: Decimal): Record<string, Decimal> {
  const names = plan.components.flatMap((c) => ('scores' in c ? c.scores : []));
  return Object.fromEntries(names.map((n) => [n, ratio]));
}

/**
 * The credits that set a component's measure to `valueMinor`: one synthetic credit of its first
 * credit type, dated on the period's last day. Count components (and formulas without a
 * measure) get none: a count has no meaning as a share of a money quota.
 */
function creditsFor(component: PlanComponent, valueMinor: bigint, date: string): PlanExampleCredit[] {
  const measure = component.measure;
  if (!measure || measure.aggregate === 'count' || valueMinor === 0n) return [];
  return [{ id: `curve-${component.id}`, type: measure.creditTypes[0] as string, amountMinor: valueMinor, date }];
}

/**
 * One component alone, so a credit meant for it is never counted by another component of
 * the same type; plan-level cap, draw and clawback are left out here and the plan cap is
 * applied to the sum.
 */
function componentAmount(input: CurveInput, component: PlanComponent, valueMinor: bigint, ratio: Decimal): bigint {
  const { cap: _cap, draw: _draw, clawback: _clawback, ...plan } = input.plan;
  const calc = calculatePlan({
    plan: { ...plan, components: [component] },
    credits: creditsFor(component, valueMinor, input.period.to),
    quotaMinor: input.quotaMinor,
    targetIncentiveMinor: input.targetIncentiveMinor,
    period: input.period,
    measures: readingsAt(input.plan, valueMinor, input.quotaMinor),
    scores: scoresAt(input.plan, ratio),
  });
  return calc.components[0]?.amountMinor ?? 0n;
}

/**
 * The payout curve of a plan: for each attainment, every money component's measure is set to
 * quota x attainment (rounded half-even to a minor unit, the one rounding function), the
 * gates, qualifiers and formula scores that name other measures read the same attainment,
 * and count components get a measure of 0. Pure: the same input gives a deep-equal curve.
 */
export function payoutCurve(input: CurveInput): CurvePoint[] {
  return (input.percents ?? CURVE_PERCENTS).map((percent) => {
    const measureMinor = divideRounded(input.quotaMinor * BigInt(percent), 100n, 'half-even');
    const ratio: Decimal = { units: BigInt(percent), scale: 2 };
    const components: Record<string, bigint> = {};
    let sum = 0n;
    for (const component of input.plan.components) {
      const amount = componentAmount(input, component, measureMinor, ratio);
      components[component.id] = amount;
      sum += amount;
    }
    const cap = input.plan.cap;
    const totalMinor = cap ? applyCap({ amountMinor: sum, cap, targetIncentiveMinor: input.targetIncentiveMinor }).amountMinor : sum;
    return { attainmentPercent: percent, measureMinor, components, totalMinor };
  });
}
