import { divideRounded, invalid, parseMajorToMinor, type Actor } from '@attain/core';
import type { PlanPreview, PlanPreviewBody, PlanSample } from '@attain/contract';
import { calculatePlan } from '../comp/plan-calculate.js';
import { measuresCount, type Plan } from '../comp/plan-schema.js';
import { requireAbility } from '../authorize.js';
import { payoutCurve, readingsAt, scoresAt } from './plan-curve.js';
import { explanationRows, withBigintsAsStrings } from './plan-explanation.presenter.js';
import { planValidationError, readPlanSource } from './read-plan-source.js';

/** A typed amount in major units of the plan's currency, exactly; a field-named error otherwise. */
function amount(text: string, field: string, currency: string): bigint {
  try {
    return parseMajorToMinor(text.trim(), currency);
  } catch (error) {
    throw invalid(field, (error as Error).message);
  }
}

/** The first quarter of the plan's effective year: the period a preview uses unless given. */
export function defaultPreviewPeriod(plan: Plan): { from: string; to: string } {
  const year = plan.effective.from.slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-03-31` };
}

/** The credit type of a sample deal: the one asked for, or the first money component's first type. */
function sampleCreditType(plan: Plan, asked: string | undefined): string {
  if (asked !== undefined) return asked;
  const money = plan.components.find((c) => c.measure?.aggregate === 'sum') ?? plan.components.find((c) => c.measure);
  return money?.measure?.creditTypes[0] ?? 'booking';
}

function sampleOf(plan: Plan, input: { amountMinor: bigint; creditType: string; date: string; quotaMinor: bigint; targetIncentiveMinor: bigint; period: { from: string; to: string } }): PlanSample {
  const calc = calculatePlan({
    plan,
    credits: [{ id: 'sample-deal', type: input.creditType, amountMinor: input.amountMinor, date: input.date }],
    quotaMinor: input.quotaMinor,
    targetIncentiveMinor: input.targetIncentiveMinor,
    period: input.period,
    // Measures named by gates and qualifiers read the deal's own attainment, as the curve does.
    measures: readingsAt(plan, input.amountMinor, input.quotaMinor),
    scores: scoresAt(plan, { units: input.quotaMinor > 0n ? divideRounded(input.amountMinor * 10_000n, input.quotaMinor, 'half-even') : 0n, scale: 4 }),
  });
  return {
    amountMinor: input.amountMinor.toString(),
    creditType: input.creditType,
    date: input.date,
    calculation: withBigintsAsStrings(calc) as PlanSample['calculation'],
    explanation: explanationRows(plan, calc),
  };
}

/**
 * Previews a plan source without saving it: the payout curve from 0% to 200% of quota (each
 * component and the total, minor units as strings) and, when a sample deal is given, its
 * full calculation with every explanation line. A plan with problems is a validation
 * error whose issues carry line and column; so is a quota of 0.
 */
export function previewPlan(actor: Actor, input: PlanPreviewBody): PlanPreview {
  requireAbility(actor, 'comp_plan:read');
  const reading = readPlanSource(input.source);
  if (!reading.ok) throw planValidationError(reading.issues);
  const plan = reading.plan;
  const quotaMinor = amount(input.quota, 'quota', plan.currency);
  if (quotaMinor <= 0n) throw invalid('quota', 'must be more than 0');
  const targetIncentiveMinor = amount(input.targetIncentive, 'targetIncentive', plan.currency);
  const period = input.period ?? defaultPreviewPeriod(plan);
  if (period.from > period.to) throw invalid('period.to', 'must not be before period.from');
  const sampleDeal = input.sampleDeal;
  if (sampleDeal?.date !== undefined && (sampleDeal.date < period.from || sampleDeal.date > period.to)) {
    throw invalid('sampleDeal.date', `must be inside the period ${period.from} to ${period.to}`);
  }
  const curve = payoutCurve({ plan, quotaMinor, targetIncentiveMinor, period });
  const sample = sampleDeal
    ? sampleOf(plan, {
        amountMinor: amount(sampleDeal.amount, 'sampleDeal.amount', plan.currency),
        creditType: sampleCreditType(plan, sampleDeal.creditType),
        date: sampleDeal.date ?? period.to,
        quotaMinor, targetIncentiveMinor, period,
      })
    : null;
  return {
    currency: plan.currency,
    period,
    quotaMinor: quotaMinor.toString(),
    targetIncentiveMinor: targetIncentiveMinor.toString(),
    components: plan.components.map((c) => ({ id: c.id, name: c.name, aggregate: measuresCount(c) ? 'count' : 'sum' })),
    curve: curve.map((p) => ({
      attainmentPercent: p.attainmentPercent,
      measureMinor: p.measureMinor.toString(),
      components: Object.fromEntries(Object.entries(p.components).map(([k, v]) => [k, v.toString()])),
      totalMinor: p.totalMinor.toString(),
    })),
    sample,
  };
}
