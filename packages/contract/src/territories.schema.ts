import { z } from 'zod';
import { CalendarDate, Instant, MinorUnits } from './primitives.schema.js';

/*
 * Territory models (docs/territories.md). The definition is checked by core readTerritoryModel,
 * which names each bad field by its path; the wire schema only gives it a shape.
 */

const Member = z.object({
  personId: z.string().nullable(), placeholder: z.string().nullable().optional(), role: z.string(),
  from: CalendarDate.nullable().optional(), to: CalendarDate.nullable().optional(),
});

export const TerritoryModelJson = z.object({
  /** The member role whose holder owns the territory's accounts. */
  ownerRole: z.string(),
  types: z.array(z.object({ key: z.string(), name: z.string(), priority: z.number().int() })),
  territories: z.array(z.object({
    key: z.string(), name: z.string(), parent: z.string().nullable(), level: z.string(), type: z.string().nullable(),
    members: z.array(Member),
  })),
  /** Tried in order of their territory's type priority, then as listed: the first an account passes places it. */
  rules: z.array(z.object({ territory: z.string(), filter: z.unknown() })),
  manual: z.array(z.object({ accountId: z.string(), territory: z.string() })),
  locks: z.array(z.string()),
});
export type TerritoryModelJson = z.infer<typeof TerritoryModelJson>;

export const TerritoryModelStatus = z.enum(['planning', 'active', 'archived']);

export const TerritoryModelSummary = z.object({
  id: z.string(), name: z.string(), status: TerritoryModelStatus, version: z.number().int(),
  /** From when an active or archived model placed accounts. */
  effectiveFrom: CalendarDate.nullable(),
  activatedAt: Instant.nullable(), activatedBy: z.string().nullable(), archivedAt: Instant.nullable(),
  createdBy: z.string(), createdAt: Instant, updatedAt: Instant,
  territories: z.number().int(),
});
export type TerritoryModelSummary = z.infer<typeof TerritoryModelSummary>;

export const TerritoryModelDetail = TerritoryModelSummary.extend({ definition: TerritoryModelJson });
export type TerritoryModelDetail = z.infer<typeof TerritoryModelDetail>;

/** POST /territory-models: a new planning model, empty, with a definition, or a copy of another model. */
export const TerritoryModelCreateBody = z.object({ name: z.string().min(1).max(100), definition: z.unknown().optional(), copyOf: z.string().optional() });
export type TerritoryModelCreateBody = z.infer<typeof TerritoryModelCreateBody>;

/** PUT /territory-models/{id}: a planning model's new name and definition; 409 if it changed since `baseVersion`. */
export const TerritoryModelSaveBody = z.object({ name: z.string().min(1).max(100), definition: z.unknown(), baseVersion: z.number().int() });
export type TerritoryModelSaveBody = z.infer<typeof TerritoryModelSaveBody>;

/**
 * POST /territory-models/{id}/optimize: the model's territories rebuilt from the US counties the
 * accounts are in, balanced on a measure, each with a county rule, and the reps who hold most of
 * each territory's potential today as its owners (least disruption).
 */
/** What a territory's load is measured in: potential, account count, or open pipeline. */
export const TerritoryMeasure = z.enum(['potential', 'accounts', 'pipeline']);
export type TerritoryMeasure = z.infer<typeof TerritoryMeasure>;

export const TerritoryOptimizeBody = z.object({
  /** scratch: new territories T01..Tn; current: the model's own territories rebalanced, each county starting where its accounts are today. */
  from: z.enum(['scratch', 'current']).default('scratch'),
  /** How many territories (from scratch; rebalancing keeps the model's). */
  territories: z.number().int().min(2).max(500).optional(),
  measure: z.enum(['potential', 'accounts']).default('potential'),
  /** The band around the mean each territory should be within (0.05 = 5%). */
  tolerance: z.number().min(0.001).max(0.5).default(0.05),
  /** Further measures kept within their own, usually wider, bands. */
  secondary: z.array(z.object({ measure: TerritoryMeasure, tolerance: z.number().min(0.001).max(1) })).max(3).default([]),
  /** Rebalancing: at most this share of the measure may change territory (0.1 = 10%). */
  maxDisruption: z.number().min(0).max(1).optional(),
  seed: z.number().int().min(0).max(1_000_000).optional(),
  baseVersion: z.number().int(),
}).superRefine((b, ctx) => {
  if (b.from === 'scratch' && b.territories === undefined) ctx.addIssue({ code: 'custom', path: ['territories'], message: 'how many territories: required from scratch' });
  if (b.from === 'scratch' && b.maxDisruption !== undefined) ctx.addIssue({ code: 'custom', path: ['maxDisruption'], message: 'a disruption cap needs today\'s territories: rebalance from current' });
});
export type TerritoryOptimizeBody = z.input<typeof TerritoryOptimizeBody>;

export const LoadBalanceWire = z.object({ maxDeviation: z.number(), cv: z.number(), gini: z.number(), maxOverMin: z.number() });

export const TerritoryOptimizeResult = z.object({
  model: TerritoryModelDetail,
  from: z.enum(['scratch', 'current']),
  measure: z.enum(['potential', 'accounts']),
  /** bisection: counties split at the cuts, their accounts carved out by hand; partition: whole counties. */
  method: z.enum(['bisection', 'partition']),
  withinBand: z.boolean(),
  /** Counties whose accounts are shared by more than one territory. */
  splitCounties: z.number().int(),
  metrics: LoadBalanceWire.extend({ compactness: z.number(), disconnected: z.number().int(), empty: z.number().int() }),
  /** Counties with weight: those with accounts, and those nearest an account outside them (the others join the territory around them, so every territory is one piece). */
  counties: z.number().int(),
  /** Accounts outside the contiguous US counties (Alaska, Hawaii, abroad), counted in the county nearest them and placed by hand in its territory; those without a location are in none. */
  accountsOutside: z.number().int(),
  secondary: z.array(z.object({ measure: TerritoryMeasure, tolerance: z.number(), maxDeviation: z.number(), withinBand: z.boolean() })),
  /** Rebalancing: the share of the measure and the accounts that change territory, and the accounts that stay put (by hand, locked, outside the counties). */
  movedShare: z.number().nullable(),
  movedAccounts: z.number().int().nullable(),
  heldAccounts: z.number().int(),
});
export type TerritoryOptimizeResult = z.infer<typeof TerritoryOptimizeResult>;

/** The NDJSON variant of optimize: progress lines (optimizing: starts done of at most `total`), then the result. */
export const TerritoryOptimizeProgressLine = z.object({ type: z.literal('progress'), stage: z.enum(['reading', 'optimizing', 'saving']), done: z.number().int(), total: z.number().int() });
export type TerritoryOptimizeProgressLine = z.infer<typeof TerritoryOptimizeProgressLine>;
export const TerritoryOptimizeResultLine = z.object({ type: z.literal('result'), result: TerritoryOptimizeResult });

const Values = z.object({ accounts: z.number().int(), potentialMinor: MinorUnits, pipelineMinor: MinorUnits, bookMinor: MinorUnits });

/** GET /territory-models/{id}/map: what the map and the balance chart draw. */
export const TerritoryMapWire = z.object({
  currency: z.string(),
  territories: z.array(Values.extend({
    key: z.string(), name: z.string(), parent: z.string().nullable(), level: z.string(),
    owner: z.object({ personId: z.string().nullable(), name: z.string() }).nullable(),
  })),
  /** Each county with accounts: its territory (that of most of its potential) and its sums. */
  counties: z.array(z.object({ fips: z.string(), territory: z.string().nullable(), accounts: z.number().int(), potentialMinor: MinorUnits })),
  /** Accounts as points (the largest by potential when there are many). */
  accounts: z.array(z.object({ id: z.string(), name: z.string(), latitude: z.number(), longitude: z.number(), territory: z.string().nullable(), potentialMinor: MinorUnits })),
  accountsTotal: z.number().int(),
  unassigned: z.number().int(),
  balance: LoadBalanceWire,
});
export type TerritoryMapWire = z.infer<typeof TerritoryMapWire>;

export const TerritoryDiffQuery = z.object({ effectiveDate: CalendarDate.optional() });

/** GET /territory-models/{id}/diff: the dry run of activating the model on a date. */
export const TerritoryDiffWire = z.object({
  modelId: z.string(),
  effectiveDate: CalendarDate,
  currency: z.string(),
  accounts: z.number().int(),
  territoryChanges: z.number().int(),
  /** Accounts whose owner changes, with their potential, open pipeline and book (won in the last twelve months). */
  moved: Values,
  unassigned: z.number().int(),
  /** Accounts in a territory whose owner seat is vacant (a placeholder): they stay with their owner until the hire. */
  vacant: z.number().int(),
  reps: z.array(z.object({
    personId: z.string().nullable(), name: z.string(), before: Values, after: Values, gained: z.number().int(), lost: z.number().int(),
    /** The annual quota of her plan assignment on the date, and what the potential moved would carry with it for the rest of the year (pro rata). */
    quotaMinor: MinorUnits.nullable(), quotaImpactMinor: MinorUnits.nullable(),
  })),
  territories: z.array(Values.extend({ key: z.string() })),
  balance: LoadBalanceWire,
});
export type TerritoryDiffWire = z.infer<typeof TerritoryDiffWire>;

/** POST /territory-models/{id}/activate. */
export const TerritoryActivateBody = z.object({
  effectiveDate: CalendarDate,
  /** Also carry quota: the moves go into the fiscal year's bookings quota plan as its next version, from the same day. */
  carryQuota: z.boolean().optional(),
});
export type TerritoryActivateBody = z.infer<typeof TerritoryActivateBody>;

export const TerritoryActivateResult = z.object({
  model: TerritoryModelSummary,
  /** Accounts given a new territory or owner row from the date. */
  changed: z.number().int(),
  /** Accounts and open opportunities whose owner was set now (none when the date is still to come). */
  accountOwnersSet: z.number().int(),
  opportunitiesMoved: z.number().int(),
  /** Whether owners will be set when the date comes. */
  pending: z.boolean(),
  /** With carryQuota: the quota plan carried into, and its new version (null when no seller's potential changed). */
  quota: z.object({ planId: z.string(), fiscalYear: z.number().int(), version: z.number().int().nullable(), sellers: z.number().int() }).nullable(),
});
export type TerritoryActivateResult = z.infer<typeof TerritoryActivateResult>;

/** GET /accounts/{id}/territories: an account's territory and owner over time. */
export const AccountTerritoryHistory = z.object({
  items: z.array(z.object({
    validFrom: CalendarDate, validTo: CalendarDate.nullable(), territory: z.string().nullable(), territoryName: z.string().nullable(),
    modelId: z.string(), modelName: z.string(), ownerId: z.string().nullable(), source: z.string(),
  })),
});
export type AccountTerritoryHistory = z.infer<typeof AccountTerritoryHistory>;

/** GET /territories/supported: how many territories the market supports with at least this potential each. */
export const TerritoriesSupportedQuery = z.object({ minimumMinor: MinorUnits });
export type TerritoriesSupportedQuery = z.infer<typeof TerritoriesSupportedQuery>;

export const TerritoriesSupportedWire = z.object({
  currency: z.string(),
  minimumMinor: MinorUnits,
  /** The potential of the accounts the counties place (every account with a location). */
  totalMinor: MinorUnits,
  /** The most territories whose plan (recursive bisection, accounts whole) gives each at least the minimum; 0 when not even one. */
  territories: z.number().int(),
  /** The smallest and largest territory of that plan. */
  smallestMinor: MinorUnits.nullable(),
  largestMinor: MinorUnits.nullable(),
});
export type TerritoriesSupportedWire = z.infer<typeof TerritoriesSupportedWire>;
