import { PERSON_KINDS, QUOTA_PLAN_MEASURES } from '@attain/core';
import { z } from 'zod';
import { Id, MinorUnits } from './primitives.schema.js';

/** An exact decimal weight in [0, 1], as text ("0.6"). */
const Weight = z.string().trim().regex(/^(0(\.\d{1,6})?|1(\.0{1,6})?)$/, 'must be a decimal from 0 to 1 such as 0.6');
/** A growth over last year's bookings as an exact decimal ("-0.1" = 10% less, "0.5" = 50% more). */
const Growth = z.string().trim().regex(/^-?\d{1,3}(\.\d{1,6})?$/, 'must be a decimal such as -0.1 or 0.5');

/**
 * POST /quotas/allocate: the company number for a fiscal year cascaded to the sellers by last
 * year's bookings and the potential they cover (a preview: nothing is written).
 */
export const QuotaAllocateBody = z.object({
  /** The fiscal year, named by the calendar year it ends in (2027 = FY2027). */
  fiscalYear: z.number().int().min(2000).max(2100),
  /** What is allocated: bookings (money) or new logos (a count; then every amount of the allocation is a count). */
  measure: z.enum(QUOTA_PLAN_MEASURES).default('bookings'),
  targetMinor: MinorUnits,
  /** How much last year's bookings count against potential, 0..1 (0.5 = the even blend). */
  historyWeight: Weight.default('0.5'),
  /** A weight per role, over `historyWeight` (e.g. account managers 0.8, AEs 0.3). */
  weightsByRole: z.partialRecord(z.enum(PERSON_KINDS), Weight).default({}),
  /** The roles that carry quota. */
  roles: z.array(z.enum(PERSON_KINDS)).min(1).default(['ae', 'am']),
  /** Bounds on each seller's quota against her bookings last year (for sellers who booked). */
  minGrowth: Growth.optional(),
  maxGrowth: Growth.optional(),
  overrides: z.array(z.object({ personId: Id, amountMinor: MinorUnits, reason: z.string().trim().min(1).max(500) })).max(1000).default([]),
  /**
   * Whom the blend shares the number among: the sellers, by what they booked and own; or the
   * leaf territories of a territory model (the active one unless `territoryModelId` names
   * another), by what was booked on their accounts and their potential, each seller then carrying
   * the sum of the territories she owns.
   */
  basis: z.enum(['sellers', 'territories']).default('sellers'),
  territoryModelId: Id.optional(),
});
export type QuotaAllocateBody = z.input<typeof QuotaAllocateBody>;

export const QuotaSellerLine = z.object({
  personId: Id, name: z.string(), role: z.enum(PERSON_KINDS), managerId: Id.nullable(), managerName: z.string().nullable(),
  historyMinor: MinorUnits, potentialMinor: MinorUnits, historyWeight: z.string(),
  /** Her share of the blend before bounds, 0..1. */
  share: z.number(),
  quotaMinor: MinorUnits,
  /** Quota over last year's bookings, minus 1; null without bookings. */
  growth: z.number().nullable(),
  bound: z.enum(['override', 'floor', 'cap']).nullable(),
  reason: z.string().nullable(),
  /** Quota over on-target earnings (base salary plus target incentive of the plan assignment in force today); null without one. */
  quotaToOte: z.number().nullable(),
});

export const QuotaDiagnostics = z.object({
  /** The predicted share of sellers at or above quota (mean, 10th and 90th percentile of 2,000 seeded trials); null: not enough history. */
  shareAtQuota: z.object({ mean: z.number(), p10: z.number(), p90: z.number(), sellers: z.number().int() }).nullable(),
  /** Why there is no prediction: a year of history not over or not whole, or too few sellers with both years. */
  notEnoughHistory: z.string().nullable(),
  /** Sellers with bookings in both years before: the growths the prediction draws from. */
  growthsKnown: z.number().int(),
  /** Quota per unit of potential across the sellers who cover some: Gini (0 = in proportion), lowest and highest. */
  quotaPerPotential: z.object({ gini: z.number(), min: z.number(), max: z.number(), sellers: z.number().int() }).nullable(),
  /** The total over last year's bookings (1.2 = 20% growth asked); null without bookings. */
  totalOverBookings: z.number().nullable(),
  /** Last year's attainment (bookings over the quota of her assignment then) against the potential she covers: Pearson's r; weak in a fair plan. */
  attainmentVsPotential: z.object({ correlation: z.number(), sellers: z.number().int() }).nullable(),
  /** Quota over on-target earnings across the sellers who have an OTE (a median around 5x is common). */
  quotaToOte: z.object({ median: z.number(), min: z.number(), max: z.number(), sellers: z.number().int() }).nullable(),
});
export type QuotaDiagnostics = z.infer<typeof QuotaDiagnostics>;

/** Money (minor units) or a count: how the quotas, history and target of a measure are written. */
export const QuotaUnit = z.enum(['money', 'count']);

/** A leaf territory's part of an allocation by territory. */
export const QuotaTerritoryShare = z.object({
  key: z.string(), name: z.string(),
  /** The seller who owns it on the year's first day (today once the year has begun); null when no seller does. */
  ownerId: Id.nullable(), ownerName: z.string().nullable(),
  accounts: z.number().int(),
  historyMinor: MinorUnits, potentialMinor: MinorUnits, historyWeight: z.string(),
  share: z.number(),
  quotaMinor: MinorUnits,
  bound: z.enum(['floor', 'cap']).nullable(),
});

export const QuotaAllocation = z.object({
  fiscalYear: z.number().int(),
  measure: z.enum(QUOTA_PLAN_MEASURES),
  unit: QuotaUnit,
  currency: z.string(),
  targetMinor: MinorUnits,
  /** Last year's bookings are the deals won from `historyFrom` to `historyTo`. */
  historyFrom: z.string(), historyTo: z.string(),
  sellers: z.array(QuotaSellerLine),
  /** Each manager's sellers' quotas summed: the cascade, level by level. */
  managers: z.array(z.object({ personId: Id, name: z.string(), sellers: z.number().int(), quotaMinor: MinorUnits, historyMinor: MinorUnits })),
  totalMinor: MinorUnits,
  diagnostics: QuotaDiagnostics,
  basis: z.enum(['sellers', 'territories']),
  /** With basis territories: the model, and each leaf territory's share of the number. */
  territoryModel: z.object({ id: Id, name: z.string() }).nullable(),
  territories: z.array(QuotaTerritoryShare),
  /** With basis territories: the quota of territories no seller owns (vacant, or held by a seat to be hired); the sellers' total plus this is the target. */
  vacantMinor: MinorUnits,
});
export type QuotaAllocation = z.infer<typeof QuotaAllocation>;
