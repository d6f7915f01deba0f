import { z } from 'zod';
import { PlanExplanationRow } from './plans.schema.js';
import { CalendarDate, Id, MinorUnits } from './primitives.schema.js';

/*
 * What-if on plan versions (re-run a period or a year under another version, cost at attainment
 * scenarios) and the rep's own earnings with a deal estimator. Money is minor units as strings;
 * nothing here is ever published or posted.
 */

/** A pay period ("FY2027-Q1", "2026-M07") or a fiscal year ("FY2027": each of its pay periods). */
export const WhatIfBody = z.object({ period: z.string().trim().min(4).max(20) });
export type WhatIfBody = z.infer<typeof WhatIfBody>;

/** One bar of a histogram: values v with fromMinor <= v <= toMinor (inclusive integer bounds). */
export const DistributionBucket = z.object({ fromMinor: MinorUnits, toMinor: MinorUnits, count: z.number().int().min(0) });
export type DistributionBucket = z.infer<typeof DistributionBucket>;

export const WhatIfPayee = z.object({
  personId: Id,
  personName: z.string(),
  /** What the period(s) pay her with her assignments' own versions. */
  baselineMinor: MinorUnits,
  /** The same with every assignment to the plan on the chosen version. */
  scenarioMinor: MinorUnits,
  /** scenario - baseline, exactly. */
  differenceMinor: MinorUnits,
});
export type WhatIfPayee = z.infer<typeof WhatIfPayee>;

export const WhatIfResult = z.object({
  planId: Id,
  planKey: z.string(),
  version: z.number().int(),
  versionStatus: z.enum(['draft', 'published']),
  /** The pay periods re-run, in order (one, or each of a fiscal year's). */
  periodKeys: z.array(z.string()),
  currency: z.string(),
  payees: z.array(WhatIfPayee),
  totals: z.object({ baselineMinor: MinorUnits, scenarioMinor: MinorUnits, differenceMinor: MinorUnits }),
  /** Histograms ready for a chart: of the change per payee, and of the scenario payout per payee. */
  distribution: z.object({ change: z.array(DistributionBucket), payout: z.array(DistributionBucket) }),
});
export type WhatIfResult = z.infer<typeof WhatIfResult>;

export const CostScenariosQuery = z.object({ period: z.string().trim().min(4).max(20) });
export type CostScenariosQuery = z.infer<typeof CostScenariosQuery>;

export const COST_SCENARIO_KEYS = ['50', '100', '150', 'historical'] as const;
export type CostScenarioKey = (typeof COST_SCENARIO_KEYS)[number];

export const CostScenarioPayee = z.object({
  personId: Id,
  personName: z.string(),
  /** Her quota for the period (prorated, phased, ramped as a run derives it). */
  quotaMinor: MinorUnits,
  /** Her attainment in the latest published result (a ratio, "1.0500" = 105%); null when none. */
  historicalAttainment: z.string().nullable(),
  /** The payout at each scenario; historical is null without a published attainment. */
  payoutMinor: z.object({ '50': MinorUnits, '100': MinorUnits, '150': MinorUnits, historical: MinorUnits.nullable() }),
});
export type CostScenarioPayee = z.infer<typeof CostScenarioPayee>;

export const CostScenarios = z.object({
  planId: Id,
  planKey: z.string(),
  version: z.number().int(),
  periodKey: z.string(),
  currency: z.string(),
  payees: z.array(CostScenarioPayee),
  scenarios: z.array(z.object({ key: z.enum(COST_SCENARIO_KEYS), label: z.string(), totalMinor: MinorUnits, payeeCount: z.number().int() })),
});
export type CostScenarios = z.infer<typeof CostScenarios>;

export const EarningsQuery = z.object({ year: z.coerce.number().int().min(1900).max(9999).optional() });
export type EarningsQuery = z.infer<typeof EarningsQuery>;

/** Attainment of one component in a statement: its measure against its quota. */
export const ComponentAttainment = z.object({
  planId: z.string(),
  planName: z.string(),
  componentId: z.string(),
  componentName: z.string(),
  measureMinor: MinorUnits,
  quotaMinor: MinorUnits,
  /** A ratio with four decimals ("0.5000" = 50%); null when the component has no quota. */
  attainment: z.string().nullable(),
});
export type ComponentAttainment = z.infer<typeof ComponentAttainment>;

export const EarningsPeriod = z.object({
  periodKey: z.string(),
  from: CalendarDate,
  to: CalendarDate,
  status: z.enum(['open', 'closed']),
  earnedMinor: MinorUnits,
  /** Entries posted to the period except payouts. */
  postedMinor: MinorUnits,
  paidMinor: MinorUnits,
  /** Holds posted to the period not yet released (>= 0). */
  onHoldMinor: MinorUnits,
  attainment: z.array(ComponentAttainment),
});
export type EarningsPeriod = z.infer<typeof EarningsPeriod>;

export const MyEarnings = z.object({
  personId: Id,
  personName: z.string(),
  fiscalYear: z.number().int(),
  currency: z.string(),
  periods: z.array(EarningsPeriod),
  totals: z.object({ earnedMinor: MinorUnits, postedMinor: MinorUnits, paidMinor: MinorUnits, onHoldMinor: MinorUnits }),
});
export type MyEarnings = z.infer<typeof MyEarnings>;

export const EstimateDealBody = z.object({
  amountMinor: MinorUnits.refine((v) => !v.startsWith('-') && v !== '0', 'must be more than 0'),
  closeDate: CalendarDate,
  kind: z.string().trim().min(1).max(40).optional(),
  /** A multi-year contract's term in months: ACV credits count its annual value. */
  termMonths: z.number().int().min(1).max(120).optional(),
});
export type EstimateDealBody = z.infer<typeof EstimateDealBody>;

export const DealEstimate = z.object({
  personId: Id,
  amountMinor: MinorUnits,
  closeDate: CalendarDate,
  currency: z.string(),
  /** The pay periods containing the close date, one per pay frequency of her plans. */
  periods: z.array(z.object({ periodKey: z.string(), baselineMinor: MinorUnits, scenarioMinor: MinorUnits, differenceMinor: MinorUnits })),
  baselineMinor: MinorUnits,
  scenarioMinor: MinorUnits,
  /** What the deal would add (scenario - baseline). */
  differenceMinor: MinorUnits,
  /** The scenario's explanation: per plan, every row (tier reached, rate, caps). */
  plans: z.array(z.object({ periodKey: z.string(), planId: z.string(), planName: z.string(), planVersion: z.number().int(), explanation: z.array(PlanExplanationRow) })),
});
export type DealEstimate = z.infer<typeof DealEstimate>;
