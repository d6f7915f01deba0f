import {
  applyCap,
  calculateComponent,
  calculateFormulaComponent,
  computeClawback,
  currencyExponent,
  fiscalPeriodOf,
  invalid,
  phaseQuota,
  prorate,
  runDrawSchedule,
  servedWithin,
  type AdjustmentExplanation,
  type ClawbackResult,
  type ClawbackRule,
  type ComponentResult,
  type Credit,
  type Decimal,
  type DrawPeriodResult,
  type MeasureReading,
  type PhaseQuotaResult,
  type ProrationExplanation,
} from '@attain/core';
import { isFormulaComponent, measuresCount, type Plan, type PlanClawbackEvent, type PlanComponent, type PlanExampleCredit, type PlanMeasureReading } from './plan-schema.js';

type Range = { readonly from: string; readonly to: string };

export interface PlanCalculationInput {
  readonly plan: Plan;
  /** As a plan file's examples give them, or as crediting made them (a calc run passes those as they are). */
  readonly credits: readonly (PlanExampleCredit | Credit)[];
  /** Quota of the money (sum) components for the period, minor units; 0 if none. */
  readonly quotaMinor: bigint;
  /** The annual quota, phased by the plan's quotaPhasing (replaces quotaMinor). */
  readonly annualQuotaMinor?: bigint;
  /** Per-component quota overrides (a count for count measures), taken as given. */
  readonly quotas?: Readonly<Record<string, bigint>>;
  readonly targetIncentiveMinor?: bigint;
  readonly period: Range;
  /** Defaults to the first day of the fiscal year (plan.yearStartMonth) containing the period. */
  readonly yearStart?: string;
  /** The days the payee was on this plan within the period: quota and target incentive are prorated, credits outside are not hers under this plan. */
  readonly served?: Range;
  readonly measures?: Readonly<Record<string, PlanMeasureReading>>;
  readonly scores?: Readonly<Record<string, Decimal>>;
  /** What earlier periods of the year (or quarter) earned per component, for to-date accumulations. */
  readonly earnedBefore?: Readonly<Record<string, bigint>>;
  /** Draw balance carried in (<= 0: owed back). */
  readonly drawBalanceMinor?: bigint;
  readonly clawbacks?: readonly PlanClawbackEvent[];
  /**
   * Set when quotaMinor and targetIncentiveMinor were already derived for the days served (a
   * calc run derives them with assignmentTerms: proration, phasing and ramp): they are taken
   * as given, not prorated again. `quotaToDateMinor` is the quota from a span's first day
   * (quarter or year start) to the period's end, for to-date components.
   */
  readonly derived?: { readonly quotaToDateMinor: Readonly<Record<string, bigint>> };
}

export interface PlanCalculation {
  readonly planId: string;
  readonly planVersion: number;
  readonly currency: string;
  readonly period: Range;
  /** How the period quota was set: as given, phased from the annual quota, prorated for part of the period. */
  readonly quota: { readonly quotaMinor: bigint; readonly phasing?: PhaseQuotaResult['explanation']; readonly proration?: ProrationExplanation };
  readonly targetIncentive?: { readonly amountMinor: bigint; readonly proration?: ProrationExplanation };
  readonly served?: Range;
  readonly components: readonly (ComponentResult & { readonly name: string; readonly window?: Range })[];
  /** Sum of the components. */
  readonly earnedMinor: bigint;
  readonly planCap?: AdjustmentExplanation;
  /** Earnings after the plan cap. */
  readonly totalMinor: bigint;
  readonly clawbacks: readonly (ClawbackResult & { readonly id: string })[];
  readonly draw?: DrawPeriodResult;
  /** What the period pays: earnings with the draw's advance or recovery, plus clawbacks. */
  readonly payoutMinor: bigint;
}

const toCredit = (c: PlanExampleCredit | Credit): Credit => ('creditType' in c ? c : {
  id: c.id, payeeId: 'payee', creditType: c.type, amountMinor: c.amountMinor, date: c.date, sourceId: c.id, rule: 'plan-file', ...(c.payoutShare ? { payoutShare: c.payoutShare } : {}),
});

/** Credits a component sees: those dated inside its window, and at least its minimum amount. */
function creditsFor(component: PlanComponent, credits: readonly Credit[]): Credit[] {
  const w = component.window;
  const min = component.minCreditAmountMinor;
  return credits.filter((c) => (!w || (c.date >= w.from && c.date <= w.to)) && (min === undefined || c.amountMinor >= min));
}

/** A quota for a component: the override if given; the period's money quota for sum measures; none (0) for counts. */
function quotaFor(component: PlanComponent, quotas: PlanCalculationInput['quotas'], quotaMinor: bigint): bigint {
  const override = quotas && Object.hasOwn(quotas, component.id) ? quotas[component.id] : undefined;
  if (override !== undefined) return override;
  return measuresCount(component) ? 0n : quotaMinor;
}

/**
 * The days of the period this plan version pays for: the payee's days on the plan (if
 * given) within the version's effective dates. A plan that changes mid-period is two
 * versions, each paying its part, prorated as the plan says.
 */
function servedDays(plan: Plan, period: Range, served: Range | undefined): Range | undefined {
  const { from, to } = plan.effective;
  const onPlan = servedWithin({ period, start: served?.from ?? period.from, end: served?.to ?? period.to });
  if (onPlan === null) throw invalid('served', `${served?.from}..${served?.to} does not meet the period`);
  const clipped = servedWithin({ period: onPlan, start: from, ...(to === undefined ? {} : { end: to }) });
  if (clipped === null) throw invalid('period', `${period.from}..${period.to} is outside the plan's effective dates ${from}..${to ?? ''}`.trimEnd());
  return served || clipped.from !== period.from || clipped.to !== period.to ? clipped : undefined;
}

/** The period quota: phased from the annual quota, or the given one prorated by days served. */
function periodQuota(input: PlanCalculationInput, yearStart: string, served: Range | undefined): PlanCalculation['quota'] {
  const { plan, period } = input;
  if (input.annualQuotaMinor !== undefined) {
    if (!plan.quotaPhasing) throw invalid('annualQuota', 'the plan has no quotaPhasing');
    const phased = phaseQuota({ annualMinor: input.annualQuotaMinor, phasing: plan.quotaPhasing, yearStart, period, ...(served ? { served } : {}) });
    return { quotaMinor: phased.quotaMinor, phasing: phased.explanation };
  }
  if (!served || input.derived) return { quotaMinor: input.quotaMinor };
  const p = prorate({ amountMinor: input.quotaMinor, period, served, basis: plan.proration });
  return { quotaMinor: p.amountMinor, proration: p.explanation };
}

/** A to-date component measures against the quota phased from `since` to the period's end (an annual quota is needed for that). */
function toDateQuota(input: PlanCalculationInput, yearStart: string, since: string, periodQuota: PlanCalculation['quota']): PlanCalculation['quota'] {
  const derived = input.derived?.quotaToDateMinor[since];
  if (derived !== undefined) return { quotaMinor: derived };
  if (input.annualQuotaMinor === undefined || !input.plan.quotaPhasing) return periodQuota;
  const served = input.served;
  const phased = phaseQuota({ annualMinor: input.annualQuotaMinor, phasing: input.plan.quotaPhasing, yearStart, period: { from: since, to: input.period.to }, ...(served ? { served } : {}) });
  return { quotaMinor: phased.quotaMinor, phasing: phased.explanation };
}

/** The target incentive for the period, prorated like the quota when the payee served part of it. */
function periodTargetIncentive(input: PlanCalculationInput, served: Range | undefined): PlanCalculation['targetIncentive'] {
  if (input.targetIncentiveMinor === undefined) return undefined;
  if (!served || input.derived) return { amountMinor: input.targetIncentiveMinor };
  const p = prorate({ amountMinor: input.targetIncentiveMinor, period: input.period, served, basis: input.plan.proration });
  return { amountMinor: p.amountMinor, proration: p.explanation };
}

const maxDate = (a: string | undefined, b: string | undefined): string | undefined => (a === undefined ? b : b === undefined || a > b ? a : b);
const minDate = (a: string | undefined, b: string | undefined): string | undefined => (a === undefined ? b : b === undefined || a < b ? a : b);

function clawbackRule(plan: Plan, event: PlanClawbackEvent, i: number): ClawbackRule {
  const policy = plan.clawback;
  if (!policy) throw invalid(`clawbacks[${i}]`, 'the plan declares no clawback');
  const need = <T>(value: T | undefined, field: string): T => {
    if (value === undefined) throw invalid(`clawbacks[${i}].${field}`, `required by ${policy.method}`);
    return value;
  };
  const percentage = policy.percentage ?? { units: 1n, scale: 0 };
  switch (policy.method) {
    case 'of-earned':
      return { method: 'of-earned', earnedMinor: need(event.earnedMinor, 'earned'), percentage };
    case 'of-paid':
      return { method: 'of-paid', paidMinor: need(event.paidMinor, 'paid'), percentage };
    case 'prorated-unserved':
      return { method: 'prorated-unserved', earnedMinor: need(event.earnedMinor, 'earned'), contractStart: need(event.contractStart, 'contractStart'), contractEnd: need(event.contractEnd, 'contractEnd'), cancelledOn: need(event.cancelledOn, 'cancelledOn') };
  }
}

/**
 * Calculates a plan for one payee and period without a database: each component through
 * core (tiers or formula), then the plan cap, clawbacks of cancelled deals and the draw.
 * Quota and target incentive are phased and prorated as the plan says, and each step is
 * in the result. Pure: same input, deep-equal output (and the same hash, see calculationHash).
 */
export function calculatePlan(input: PlanCalculationInput): PlanCalculation {
  const { plan, period } = input;
  if (!(period.from <= period.to)) throw invalid('period', 'from must not be after to');
  const served = servedDays(plan, period, input.served);
  const yearStart = input.yearStart ?? fiscalPeriodOf(period.from, plan.yearStartMonth, 'year').start;
  const quarterStart = fiscalPeriodOf(period.from, plan.yearStartMonth, 'quarter').start;
  const quota = periodQuota(input, yearStart, served);
  const targetIncentive = periodTargetIncentive(input, served);
  const ti = targetIncentive === undefined ? {} : { targetIncentiveMinor: targetIncentive.amountMinor };
  // Credits dated while the payee was on this plan version count; to-date measures reach back before the period.
  const onFrom = maxDate(input.served?.from, plan.effective.from);
  const onTo = minDate(input.served?.to, plan.effective.to);
  const credits: Credit[] = [];
  for (const c of input.credits) if ((onFrom === undefined || c.date >= onFrom) && (onTo === undefined || c.date <= onTo)) credits.push(toCredit(c));
  const otherMeasures: Record<string, MeasureReading> = { ...(input.measures ?? {}) };
  const exponent = currencyExponent(plan.currency);
  const components = plan.components.map((component) => {
    const since = isFormulaComponent(component) ? undefined : component.accumulation === 'year-to-date' ? yearStart : component.accumulation === 'quarter-to-date' ? quarterStart : undefined;
    const scopeQuota = since === undefined ? quota : toDateQuota(input, yearStart, since, quota);
    const base = { credits: creditsFor(component, credits), quotaMinor: quotaFor(component, input.quotas, scopeQuota.quotaMinor), period, ...ti };
    const result = isFormulaComponent(component)
      ? calculateFormulaComponent({ ...base, component, currencyExponent: exponent, ...(input.scores ? { scores: input.scores } : {}) })
      : calculateComponent({ ...base, component, otherMeasures, yearStart, quarterStart, ...(input.earnedBefore?.[component.id] === undefined ? {} : { earnedBeforeMinor: input.earnedBefore[component.id] }) });
    return { ...result, name: component.name, ...(component.window ? { window: component.window } : {}) };
  });
  const earnedMinor = components.reduce((acc, c) => acc + c.amountMinor, 0n);
  const capped = plan.cap ? applyCap({ amountMinor: earnedMinor, cap: plan.cap, ...ti }) : undefined;
  const totalMinor = capped?.amountMinor ?? earnedMinor;
  const postToPeriod = `${period.from}..${period.to}`;
  const clawbacks = (input.clawbacks ?? []).map((event, i) => ({ id: event.id, ...computeClawback({ rule: clawbackRule(plan, event, i), postToPeriod }) }));
  const draw = plan.draw
    ? runDrawSchedule({ drawMinor: plan.draw.amountMinor, recoverable: plan.draw.recoverable, recovery: plan.draw.recovery, periods: [{ periodKey: postToPeriod, earnedMinor: totalMinor < 0n ? 0n : totalMinor }], openingBalanceMinor: input.drawBalanceMinor ?? 0n })[0]
    : undefined;
  // A draw works on what was earned; a negative period (a year-to-date reversal) passes through untouched.
  const paidBeforeClawbacks = draw ? draw.paidMinor + (totalMinor < 0n ? totalMinor : 0n) : totalMinor;
  return {
    planId: plan.id,
    planVersion: plan.version,
    currency: plan.currency,
    period,
    quota,
    ...(targetIncentive ? { targetIncentive } : {}),
    ...(served ? { served } : {}),
    components,
    earnedMinor,
    ...(capped ? { planCap: capped.explanation } : {}),
    totalMinor,
    clawbacks,
    ...(draw ? { draw } : {}),
    payoutMinor: paidBeforeClawbacks + clawbacks.reduce((acc, c) => acc + c.adjustmentMinor, 0n),
  };
}
