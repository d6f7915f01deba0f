import { applyCap, divideRounded, type Decimal } from '@attain/core';
import { calculatePlan } from '../comp/plan-calculate.js';
import type { Plan, PlanComponent } from '../comp/plan-schema.js';
import { readingsAt, scoresAt } from '../plans/plan-curve.js';

/**
 * What a plan pays at one attainment (an exact ratio: 105/100 = 105%), built the way
 * the plan preview's curve is: every money component gets one synthetic credit of quota x
 * attainment (rounded half-even to a minor unit) of its first credit type on the period's last
 * day, gates and formula scores read the same attainment, count components get nothing, and the
 * plan cap applies to the sum. Draws and clawbacks are left out: this is the plan's cost.
 */
export function payoutAtAttainment(args: {
  readonly plan: Plan; readonly quotaMinor: bigint; readonly targetIncentiveMinor: bigint;
  readonly period: { readonly from: string; readonly to: string }; readonly attainment: { readonly numerator: bigint; readonly denominator: bigint };
}): bigint {
  const { plan: full, quotaMinor, targetIncentiveMinor, period } = args;
  const valueMinor = divideRounded(quotaMinor * args.attainment.numerator, args.attainment.denominator, 'half-even');
  // Formula scores take a decimal: six places is finer than any score a plan names.
  const attainment: Decimal = { units: divideRounded(args.attainment.numerator * 1_000_000n, args.attainment.denominator, 'half-even'), scale: 6 };
  const { cap, draw: _draw, clawback: _clawback, ...plan } = full;
  let sum = 0n;
  for (const component of full.components) sum += componentAt({ plan, full, component, valueMinor, quotaMinor, targetIncentiveMinor, period, attainment });
  return cap ? applyCap({ amountMinor: sum, cap, targetIncentiveMinor }).amountMinor : sum;
}

/** One component alone, so a synthetic credit meant for it is never counted by another of the same credit type. */
function componentAt(a: {
  plan: Omit<Plan, 'cap' | 'draw' | 'clawback'>; full: Plan; component: PlanComponent; valueMinor: bigint; quotaMinor: bigint; targetIncentiveMinor: bigint;
  period: { readonly from: string; readonly to: string }; attainment: Decimal;
}): bigint {
  const measure = a.component.measure;
  const credits = !measure || measure.aggregate === 'count' || a.valueMinor === 0n
    ? []
    : [{ id: `scenario-${a.component.id}`, type: measure.creditTypes[0] as string, amountMinor: a.valueMinor, date: a.period.to }];
  const calc = calculatePlan({
    plan: { ...a.plan, components: [a.component] } as Plan, credits, quotaMinor: a.quotaMinor, targetIncentiveMinor: a.targetIncentiveMinor, period: a.period,
    measures: readingsAt(a.full, a.valueMinor, a.quotaMinor), scores: scoresAt(a.full, a.attainment),
  });
  return calc.components[0]?.amountMinor ?? 0n;
}
