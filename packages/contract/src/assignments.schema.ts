import { z } from 'zod';
import { QUOTA_MEASURE_NAMES, type QuotaMeasure } from '@attain/core';
import { CalendarDate, Id, Instant, MinorUnits } from './primitives.schema.js';

/*
 * Plan assignments: a person on a version of a compensation plan for an inclusive date
 * range, with her annual target incentive, annual quota and ramp. Money on the wire is
 * minor units as strings, in requests and responses alike (as in the CRM), never a float.
 */

/** A ramp: one exact decimal in [0, 1] per month from the month the assignment starts; 1 after the last. */
const Ramp = z.array(z.string().trim().regex(/^(0(\.\d{1,6})?|1(\.0{1,6})?)$/, 'must be a decimal from 0 to 1 such as 0.25')).min(1).max(36);

const Reason = z.string().trim().min(1, 'must say why').max(500);

/** Annual quotas of other measures than money, by measure (core MEASURE_QUOTAS): a count for new logos, as a string. */
export const MeasureQuotasWire = z.partialRecord(z.enum(QUOTA_MEASURE_NAMES as [QuotaMeasure, ...QuotaMeasure[]]), z.string().regex(/^\d{1,15}$/, 'must be a whole number: a count such as 12, or minor units for a money measure (ACV)'));

/** An exact fraction of minor units (numerator / denominator, lowest terms). */
export const ExactFractionWire = z.object({ numerator: z.string(), denominator: z.string() });

export const DateRangeWire = z.object({ from: CalendarDate, to: CalendarDate });

export const PlanAssignmentItem = z.object({
  id: Id,
  personId: Id,
  personName: z.string(),
  planId: Id,
  planKey: z.string(),
  planName: z.string(),
  planVersion: z.number().int().min(1),
  validFrom: CalendarDate,
  /** Inclusive; null = open-ended. */
  validTo: CalendarDate.nullable(),
  currency: z.string(),
  /** Annual, minor units. */
  targetIncentiveMinor: MinorUnits,
  /** Annual, minor units; null when the plan has no quota. */
  annualQuotaMinor: MinorUnits.nullable(),
  /** Annual base salary, minor units; null when not recorded. */
  baseSalaryMinor: MinorUnits.nullable(),
  /** On-target earnings: base salary + target incentive; null without a base salary. */
  oteMinor: MinorUnits.nullable(),
  /** The pay mix as whole-percent shares of OTE (base / variable, e.g. "50/50"), rounded half-even; null without a base salary. */
  payMix: z.string().nullable(),
  ramp: z.array(z.string()).nullable(),
  /** Annual quotas of other measures (new logos), by measure; {} when none. */
  measureQuotas: MeasureQuotasWire,
  /** Seasonality an approved quota plan set (weights from the month `yearStartMonth`), over the plan's; null = the plan's. */
  quotaPhasing: z.object({ by: z.enum(['quarter', 'month']), weights: z.array(z.string()), yearStartMonth: z.number().int() }).nullable(),
  reason: z.string(),
  createdBy: z.string(),
  /** Who set it, by name ("system" for the demo seeder and imports). */
  createdByName: z.string(),
  createdAt: Instant,
  endedBy: z.string().nullable(),
  endedAt: Instant.nullable(),
  /** What the caller may do with it: `update` = change it (effective-dated). */
  abilities: z.object({ read: z.boolean(), update: z.boolean() }),
});
export type PlanAssignmentItem = z.infer<typeof PlanAssignmentItem>;

/** The output of assignmentTerms for one period: minor units as strings, each step in words. */
export const AssignmentTermsWire = z.object({
  period: DateRangeWire,
  daysInPeriod: z.number().int(),
  onPlan: DateRangeWire.nullable(),
  daysOnPlan: z.number().int(),
  proration: z.enum(['calendar-days', 'none']),
  targetIncentive: z.object({
    amountMinor: MinorUnits,
    exact: ExactFractionWire,
    segments: z.array(z.object({ range: DateRangeWire, daysCounted: z.number().int(), daysInYear: z.number().int(), exact: ExactFractionWire })),
  }),
  quota: z
    .object({
      amountMinor: MinorUnits,
      exact: ExactFractionWire,
      method: z.enum(['phased', 'by-days']),
      months: z.array(z.object({ month: z.string(), monthOnPlan: z.number().int(), baseExact: ExactFractionWire, rampFactor: z.string(), exact: ExactFractionWire })),
    })
    .nullable(),
  roundingMode: z.string(),
  steps: z.array(z.string()),
});
export type AssignmentTermsWire = z.infer<typeof AssignmentTermsWire>;

/** GET /assignments/{id}: the assignment, and its terms when a period was asked for. */
export const PlanAssignmentDetail = PlanAssignmentItem.extend({ terms: AssignmentTermsWire.nullable() });
export type PlanAssignmentDetail = z.infer<typeof PlanAssignmentDetail>;

export const PlanAssignmentListQuery = z.strictObject({ personId: Id.optional(), planId: Id.optional(), asOf: CalendarDate.optional() });
export type PlanAssignmentListQuery = z.infer<typeof PlanAssignmentListQuery>;

/** A fiscal period ("2026-Q1", "FY2026", "2026-M03") or an inclusive range "2026-01-01..2026-03-31". */
export const PeriodText = z.string().trim().min(4).max(40);
export const PlanAssignmentGetQuery = z.strictObject({ period: PeriodText.optional() });

/** POST /assignments. Unknown fields are refused. */
export const CreatePlanAssignmentBody = z.strictObject({
  personId: Id,
  planId: Id,
  planVersion: z.number().int().min(1),
  validFrom: CalendarDate,
  validTo: CalendarDate.nullable().optional(),
  /** Annual, minor units of the organisation's currency (as every amount of the API). */
  targetIncentiveMinor: MinorUnits,
  /** Required when the plan has a quota; null or absent when it has none. */
  annualQuotaMinor: MinorUnits.nullable().optional(),
  /** Annual base salary, minor units; gives OTE and the pay mix. */
  baseSalaryMinor: MinorUnits.nullable().optional(),
  ramp: Ramp.nullable().optional(),
  /** Required for each measure a component of the plan names (`quota: new-logos`). */
  measureQuotas: MeasureQuotasWire.optional(),
  reason: Reason,
});
export type CreatePlanAssignmentBody = z.infer<typeof CreatePlanAssignmentBody>;

/**
 * POST /assignments/{id}/change: ends the assignment the day before `effectiveFrom` and
 * starts a new one from it; fields left out keep their current values.
 */
export const ChangePlanAssignmentBody = z.strictObject({
  effectiveFrom: CalendarDate,
  planVersion: z.number().int().min(1).optional(),
  targetIncentiveMinor: MinorUnits.optional(),
  annualQuotaMinor: MinorUnits.nullable().optional(),
  baseSalaryMinor: MinorUnits.nullable().optional(),
  ramp: Ramp.nullable().optional(),
  /** Replaces the quotas of other measures (all of them) when given. */
  measureQuotas: MeasureQuotasWire.optional(),
  reason: Reason,
});
export type ChangePlanAssignmentBody = z.infer<typeof ChangePlanAssignmentBody>;

export const PlanAssignmentChanged = z.object({ ended: PlanAssignmentItem, created: PlanAssignmentItem });
export type PlanAssignmentChanged = z.infer<typeof PlanAssignmentChanged>;
