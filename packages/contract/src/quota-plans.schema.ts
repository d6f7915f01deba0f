import { PERSON_KINDS, QUOTA_PLAN_MEASURES } from '@attain/core';
import { z } from 'zod';
import { CalendarDate, Id, Instant, MinorUnits } from './primitives.schema.js';
import { QuotaAllocateBody, QuotaDiagnostics, QuotaUnit } from './quotas.schema.js';

/*
 * Quota plans: a fiscal year's quotas for one measure, saved in versions, submitted, approved
 * by someone other than who submitted, and then written into the plan assignments.
 */

const Role = z.enum(PERSON_KINDS);
/** An exact decimal share such as 0.05 or 0.6. */
const Share = z.string().trim().regex(/^\d(\.\d{1,6})?$/, 'must be a decimal such as 0.05');
const Factor = z.string().trim().regex(/^(0(\.\d{1,6})?|1(\.0{1,6})?)$/, 'must be a decimal from 0 to 1 such as 0.25');
const Reason = z.string().trim().min(1, 'must say why').max(500);
const Comment = z.string().trim().max(2000);

export const QUOTA_MEASURES = QUOTA_PLAN_MEASURES;
/** Why an approved plan changes mid-year: a defined list, as auditors ask. */
export const QUOTA_CHANGE_REASONS = ['territory-change', 'role-change', 'leave', 'hire', 'departure', 'correction', 'market-change'] as const;

export const QuotaPhasingWire = z.object({
  by: z.enum(['quarter', 'month']),
  /** 4 or 12 exact decimals summing to 1, from the fiscal year's first month. */
  weights: z.array(Share).min(4).max(12),
});

/** A to-be-hired seller who carries quota from her expected start. */
export const QuotaPlaceholderBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: Role,
  /** The manager she will report to (a person). */
  managerId: Id.nullable(),
  startDate: CalendarDate,
  annualMinor: MinorUnits,
  reason: Reason,
});

/** POST /quota-plans: the allocation (as POST /quotas/allocate) and the plan's own settings; writes version 1. */
export const CreateQuotaPlanBody = QuotaAllocateBody.extend({
  phasing: QuotaPhasingWire.nullable().default(null),
  /** A ramp per role for new hires: one factor per month from the month of the hire. */
  ramps: z.partialRecord(Role, z.array(Factor).min(1).max(36)).default({}),
  paddingBound: Share.default('0.05'),
  expectedAttainment: Share.default('0.6'),
  placeholders: z.array(QuotaPlaceholderBody).max(500).default([]),
  /** Approval waits until every manager of the plan with a login has signed off the version in review. */
  signOffsRequired: z.boolean().default(false),
});
export type CreateQuotaPlanBody = z.input<typeof CreateQuotaPlanBody>;

/** PUT /quota-plans/{id}: the next version from `baseVersion` (409 when it is not the latest). */
export const SaveQuotaPlanBody = z.strictObject({
  baseVersion: z.number().int().min(1),
  reason: Reason,
  /** Required once the plan was approved: why it changes mid-year. */
  changeReason: z.enum(QUOTA_CHANGE_REASONS).optional(),
  /** Once approved: the day the changed quotas take effect, today or later (default today); the quota before it stays until then. */
  effectiveFrom: CalendarDate.optional(),
  /** Quotas set by hand, each with its reason. */
  edits: z.array(z.strictObject({ key: z.string().min(1).max(64), annualMinor: MinorUnits, reason: Reason })).max(2000).default([]),
  addPlaceholders: z.array(QuotaPlaceholderBody).max(500).default([]),
  /** Placeholders to take out, by key. */
  removeKeys: z.array(z.string().min(1).max(64)).max(500).default([]),
  phasing: QuotaPhasingWire.nullable().optional(),
  ramps: z.partialRecord(Role, z.array(Factor).min(1).max(36)).optional(),
  paddingBound: Share.optional(),
  expectedAttainment: Share.optional(),
  signOffsRequired: z.boolean().optional(),
});
export type SaveQuotaPlanBody = z.input<typeof SaveQuotaPlanBody>;

/** POST /quota-plans/{id}/territory-change: a territory model's moves carry quota with them from a day, pro-rated. */
export const QuotaTerritoryChangeBody = z.strictObject({ baseVersion: z.number().int().min(1), modelId: Id, effectiveDate: CalendarDate });
export type QuotaTerritoryChangeBody = z.input<typeof QuotaTerritoryChangeBody>;

export const QuotaPlanCommentBody = z.strictObject({ comment: Comment.default('') });
export type QuotaPlanCommentBody = z.input<typeof QuotaPlanCommentBody>;
/** Approving names the version seen; padding over the bound needs a comment saying why it is accepted. */
export const ApproveQuotaPlanBody = z.strictObject({ version: z.number().int().min(1), comment: Comment.default('') });
export type ApproveQuotaPlanBody = z.input<typeof ApproveQuotaPlanBody>;
export const RejectQuotaPlanBody = z.strictObject({ comment: z.string().trim().min(1, 'must say why').max(2000) });
export type RejectQuotaPlanBody = z.input<typeof RejectQuotaPlanBody>;

export const QuotaPlanGetQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });
export const QuotaPlanCompareQuery = z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

const Abilities = z.object({ update: z.boolean(), submit: z.boolean(), approve: z.boolean() });

export const QuotaPlanSummary = z.object({
  id: Id, fiscalYear: z.number().int(), measure: z.enum(QUOTA_MEASURES), unit: QuotaUnit,
  status: z.enum(['draft', 'in_review', 'approved']),
  version: z.number().int(), approvedVersion: z.number().int().nullable(),
  currency: z.string(), targetMinor: MinorUnits, lineCount: z.number().int(),
  updatedAt: Instant, abilities: Abilities,
});
export type QuotaPlanSummary = z.infer<typeof QuotaPlanSummary>;

export const QuotaPlanLineWire = z.object({
  key: z.string(), kind: z.enum(['seller', 'manager', 'placeholder']), personId: Id.nullable(), name: z.string(), role: Role,
  parentKey: z.string().nullable(), startDate: CalendarDate.nullable(),
  /** The full year's run rate. */
  annualMinor: MinorUnits,
  reason: z.string().nullable(),
  /** Changes inside the year: the quotas held before, each until the day before `until`; `annualMinor` from the last on. */
  earlier: z.array(z.object({ annualMinor: MinorUnits, until: CalendarDate })),
  historyMinor: MinorUnits, potentialMinor: MinorUnits,
  /** What she carries inside the year: phased by the seasonality, from her start, times her ramp. */
  inYearMinor: MinorUnits,
  /** The in-year quota by fiscal quarter (largest remainder: they sum to inYearMinor). */
  quarters: z.array(MinorUnits),
  /** Her ramp's factors left at the year's first day (or her start); null: none. */
  ramp: z.array(z.string()).nullable(),
  /** Annual over last year's bookings, minus 1; null without bookings. */
  growth: z.number().nullable(),
});
export type QuotaPlanLineWire = z.infer<typeof QuotaPlanLineWire>;

export const QuotaCascadeNode = z.object({
  /** A manager's line, or null for the company target. */
  key: z.string().nullable(), name: z.string(),
  quotaMinor: MinorUnits, childrenMinor: MinorUnits, children: z.number().int(),
  padding: z.number().nullable(), overBound: z.boolean(), short: z.boolean(),
});

const EditWire = z.strictObject({ key: z.string().min(1).max(64), annualMinor: MinorUnits, reason: Reason });

/** POST /team-quotas/{id}/proposals: a manager's numbers for lines of her team, with a comment. */
export const QuotaProposalBody = z.strictObject({ edits: z.array(EditWire).min(1).max(500), comment: Comment.default('') });
export type QuotaProposalBody = z.input<typeof QuotaProposalBody>;
export const QuotaSignOffBody = z.strictObject({ comment: Comment.default('') });
export type QuotaSignOffBody = z.input<typeof QuotaSignOffBody>;

export const QuotaProposalWire = z.object({
  version: z.number().int(), byName: z.string(), at: Instant, comment: z.string(),
  /** Each line asked for: what the shown version has, and what she proposes. */
  edits: z.array(z.object({ key: z.string(), name: z.string(), currentMinor: MinorUnits.nullable(), proposedMinor: MinorUnits, reason: z.string() })),
});
export type QuotaProposalWire = z.infer<typeof QuotaProposalWire>;
export const QuotaSignOffWire = z.object({ version: z.number().int(), byName: z.string(), at: Instant, comment: z.string() });

export const QuotaPlanDetail = QuotaPlanSummary.extend({
  /** The version shown (the latest unless asked). */
  shownVersion: z.number().int(),
  yearFrom: CalendarDate, yearTo: CalendarDate,
  settings: z.object({ historyWeight: z.string(), weightsByRole: z.record(z.string(), z.string()), roles: z.array(Role), minGrowth: z.string().nullable(), maxGrowth: z.string().nullable() }),
  phasing: QuotaPhasingWire.nullable(),
  ramps: z.record(z.string(), z.array(z.string())),
  paddingBound: z.string(), expectedAttainment: z.string(),
  lines: z.array(QuotaPlanLineWire),
  cascade: z.array(QuotaCascadeNode),
  /** Quota-to-capacity: what the sellers (and placeholders) carry in the year, times the expected attainment, against the target. */
  capacity: z.object({
    inYearMinor: MinorUnits, expectedMinor: MinorUnits,
    /** expected over the target (1 = the number is covered). */
    coverage: z.number().nullable(),
    /** Sellers at the mean in-year quota and the expected attainment that the target needs. */
    sellersNeeded: z.number().int().nullable(),
    sellers: z.number().int(),
  }),
  diagnostics: QuotaDiagnostics,
  versions: z.array(z.object({ version: z.number().int(), reason: z.string(), createdByName: z.string(), createdAt: Instant })),
  events: z.array(z.object({ kind: z.string(), version: z.number().int(), comment: z.string(), byName: z.string(), at: Instant })),
  /** Managers' proposals (bottom-up) and their sign-offs, each on the version she saw. */
  proposals: z.array(QuotaProposalWire),
  signOffs: z.array(QuotaSignOffWire),
  signOffsRequired: z.boolean(),
  /** The plan's managers with a login who have not signed off the latest version (approval waits for them when signOffsRequired). */
  signOffsMissing: z.array(z.object({ personId: Id, name: z.string() })),
});
export type QuotaPlanDetail = z.infer<typeof QuotaPlanDetail>;

/** GET /team-quotas: the plans in which the manager has a team. */
export const QuotaTeamSummary = z.object({
  id: Id, fiscalYear: z.number().int(), measure: z.enum(QUOTA_MEASURES), unit: QuotaUnit, status: z.enum(['draft', 'in_review', 'approved']), version: z.number().int(),
  currency: z.string(), lineCount: z.number().int(), teamMinor: MinorUnits,
});
export type QuotaTeamSummary = z.infer<typeof QuotaTeamSummary>;

/** GET /team-quotas/{id}: the manager's own line and her team's, her proposals and whether she signed off the latest version. */
export const QuotaTeamView = QuotaTeamSummary.extend({
  yearFrom: CalendarDate, yearTo: CalendarDate, phasing: QuotaPhasingWire.nullable(),
  /** Her own line's key. */
  managerKey: z.string(),
  lines: z.array(QuotaPlanLineWire),
  cascade: z.array(QuotaCascadeNode),
  proposals: z.array(QuotaProposalWire),
  signedOff: z.boolean(),
  abilities: z.object({ propose: z.boolean(), signOff: z.boolean() }),
});
export type QuotaTeamView = z.infer<typeof QuotaTeamView>;

/** What approval wrote into the plan assignments, and what it could not, with why. */
export const QuotaPlanApproved = z.object({
  plan: QuotaPlanDetail,
  applied: z.array(z.object({ personId: Id, name: z.string(), assignmentId: Id, validFrom: CalendarDate, validTo: CalendarDate.nullable(), annualMinor: MinorUnits, how: z.enum(['changed', 'replaced', 'rolled-forward']) })),
  skipped: z.array(z.object({ key: z.string(), name: z.string(), reason: z.string() })),
});
export type QuotaPlanApproved = z.infer<typeof QuotaPlanApproved>;

export const QuotaPlanComparison = z.object({
  from: z.number().int(), to: z.number().int(), measure: z.enum(QUOTA_MEASURES), unit: QuotaUnit, currency: z.string(),
  target: z.object({ beforeMinor: MinorUnits, afterMinor: MinorUnits }),
  lines: z.array(z.object({ key: z.string(), name: z.string(), kind: z.string(), beforeMinor: MinorUnits.nullable(), afterMinor: MinorUnits.nullable(), reason: z.string().nullable() })),
  settings: z.array(z.string()),
});
export type QuotaPlanComparison = z.infer<typeof QuotaPlanComparison>;

export const QuotaTerritoriesQuery = z.strictObject({ modelId: Id.optional() });

/** GET /quota-plans/{id}/territories: the plan's quotas over a territory model's territories (the active one unless asked). */
export const QuotaByTerritory = z.object({
  /** Null when the organisation has no active territory model and none was asked for. */
  modelId: Id.nullable(), modelName: z.string().nullable(),
  /** The day the accounts are placed: the year's first, or today once the year has begun. */
  asOf: CalendarDate, currency: z.string(),
  territories: z.array(z.object({
    key: z.string(), name: z.string(), ownerId: Id.nullable(), ownerName: z.string().nullable(),
    accounts: z.number().int(), potentialMinor: MinorUnits,
    /** The owner's annual quota in the plan, apportioned over her territories by their potential; null without an owner line. */
    quotaMinor: MinorUnits.nullable(),
    /** Quota over potential; null without either. */
    quotaPerPotential: z.number().nullable(),
  })),
  /** Quota per unit of potential across the territories with both: Gini (0 = in proportion), lowest and highest. */
  fairness: z.object({ gini: z.number(), min: z.number(), max: z.number(), sellers: z.number().int() }).nullable(),
});
export type QuotaByTerritory = z.infer<typeof QuotaByTerritory>;
