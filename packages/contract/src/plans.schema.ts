import { z } from 'zod';
import { CalendarDate, Id, Instant, MinorUnits } from './primitives.schema.js';

/*
 * Compensation plans stored as versions: the plan file (YAML) exactly as typed, one row per
 * save, never edited. Money on the wire is minor units as strings; amounts a person types
 * (quota, target incentive, a sample deal) are major units as exact decimal strings, read
 * in the plan's currency without ever passing through a float.
 */

/** Largest plan source accepted, in characters (the plan reader's own limit is 1 MB of UTF-8). */
export const MAX_PLAN_SOURCE_CHARS = 1_000_000;

export const PLAN_VERSION_STATUSES = ['draft', 'published'] as const;
export type PlanVersionStatus = (typeof PLAN_VERSION_STATUSES)[number];

/** A problem in a plan source: the field path, what is wrong, and where (1-based line and column). */
export const PlanIssue = z.object({ field: z.string(), message: z.string(), line: z.number().int(), column: z.number().int() });
export type PlanIssue = z.infer<typeof PlanIssue>;

export const PlanVersionSummary = z.object({
  version: z.number().int().min(1),
  status: z.enum(PLAN_VERSION_STATUSES),
  effectiveFrom: CalendarDate,
  effectiveTo: CalendarDate.nullable(),
  createdAt: Instant,
  createdBy: z.string(),
});
export type PlanVersionSummary = z.infer<typeof PlanVersionSummary>;

/** One row of GET /plans: the plan and its latest version. */
export const PlanListItem = z.object({ id: Id, key: z.string(), name: z.string(), latest: PlanVersionSummary });
export type PlanListItem = z.infer<typeof PlanListItem>;

/** GET /plans/{id}: the plan and all its versions, newest first. */
export const PlanDetail = z.object({ id: Id, key: z.string(), name: z.string(), createdAt: Instant, versions: z.array(PlanVersionSummary) });
export type PlanDetail = z.infer<typeof PlanDetail>;

/** GET /plans/{id}/versions/{version}: one version with its source as typed. */
export const PlanVersionDetail = PlanVersionSummary.extend({ planId: Id, planKey: z.string(), source: z.string() });
export type PlanVersionDetail = z.infer<typeof PlanVersionDetail>;

export const PlanVersionParams = z.object({ id: Id, version: z.coerce.number().int().min(1).max(1_000_000) });

/** A plan source to validate or save. */
export const PlanSourceBody = z.strictObject({ source: z.string().max(MAX_PLAN_SOURCE_CHARS) });
export type PlanSourceBody = z.infer<typeof PlanSourceBody>;

/** What the editor needs of a plan that reads: its identity and components. */
export const PlanOutline = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  currency: z.string(),
  effective: z.object({ from: CalendarDate, to: CalendarDate.optional() }),
  components: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), aggregate: z.enum(['sum', 'count']), creditTypes: z.array(z.string()) })),
});
export type PlanOutline = z.infer<typeof PlanOutline>;

/** POST /plans/validate: never an error for a plan's own problems; they are the answer. */
export const PlanValidation = z.object({ ok: z.boolean(), issues: z.array(PlanIssue), plan: PlanOutline.nullable() });
export type PlanValidation = z.infer<typeof PlanValidation>;

/** An amount a person typed, in major units of the plan's currency ("500000.00"). */
const MajorAmount = z.string().trim().regex(/^\d{1,15}(\.\d{1,4})?$/, 'must be an amount such as 500000.00 (no sign, no separators)');

export const PlanPreviewBody = z.strictObject({
  source: z.string().max(MAX_PLAN_SOURCE_CHARS),
  /** Target incentive, major units (caps and floors may be a multiple of it). */
  targetIncentive: MajorAmount,
  /** Quota of the money components for the period, major units; must be above 0. */
  quota: MajorAmount,
  /** One deal to explain step by step: its amount (major units), date and credit type. */
  sampleDeal: z
    .strictObject({ amount: MajorAmount, date: CalendarDate.optional(), creditType: z.string().min(1).max(64).optional() })
    .optional(),
  /** Default: the first quarter of the plan's effective year. */
  period: z.strictObject({ from: CalendarDate, to: CalendarDate }).optional(),
});
export type PlanPreviewBody = z.infer<typeof PlanPreviewBody>;

/** One point of the payout curve: payout of each component and in total at an attainment. */
export const PlanCurvePoint = z.object({
  /** Whole percent of quota, 0 to 200 in steps of 5. */
  attainmentPercent: z.number().int(),
  /** The measure the money components were given: quota x attainment, minor units. */
  measureMinor: MinorUnits,
  components: z.record(z.string(), MinorUnits),
  totalMinor: MinorUnits,
});
export type PlanCurvePoint = z.infer<typeof PlanCurvePoint>;

/**
 * One step of the sample deal's explanation, flattened for a table. Quantities of the
 * measure (`measureValue`, `slice`) are minor units for sum measures and counts for count
 * measures (`unit` says which); `amountMinor` is always money.
 */
export const PlanExplanationRow = z.object({
  componentId: z.string(),
  componentName: z.string(),
  step: z.string(),
  unit: z.enum(['money', 'count']),
  measureValue: z.string().optional(),
  attainment: z.string().optional(),
  tier: z.number().int().optional(),
  rate: z.string().optional(),
  slice: z.string().optional(),
  amountMinor: MinorUnits.optional(),
  /** For gates, qualifiers, caps and floors: what was checked and whether it changed the amount. */
  acted: z.string().optional(),
  rounding: z.string().optional(),
});
export type PlanExplanationRow = z.infer<typeof PlanExplanationRow>;

export const PlanSample = z.object({
  amountMinor: MinorUnits,
  creditType: z.string(),
  date: CalendarDate,
  /** The calculation as computed: every component with every explanation line (bigints as strings of minor units). */
  calculation: z.object({
    planId: z.string(),
    planVersion: z.number().int(),
    currency: z.string(),
    period: z.object({ from: CalendarDate, to: CalendarDate }),
    components: z.array(z.object({ componentId: z.string(), name: z.string(), amountMinor: MinorUnits, lines: z.array(z.record(z.string(), z.unknown())) })),
    totalMinor: MinorUnits,
  }),
  explanation: z.array(PlanExplanationRow),
});
export type PlanSample = z.infer<typeof PlanSample>;

export const PlanPreview = z.object({
  currency: z.string(),
  period: z.object({ from: CalendarDate, to: CalendarDate }),
  quotaMinor: MinorUnits,
  targetIncentiveMinor: MinorUnits,
  components: z.array(z.object({ id: z.string(), name: z.string(), aggregate: z.enum(['sum', 'count']) })),
  curve: z.array(PlanCurvePoint),
  sample: PlanSample.nullable(),
});
export type PlanPreview = z.infer<typeof PlanPreview>;

/** The answer to a save: the plan and the version just stored. */
export const PlanSaved = z.object({ plan: PlanDetail, version: PlanVersionDetail });
export type PlanSaved = z.infer<typeof PlanSaved>;
