import { z } from 'zod';
import { CalendarDate, Id, MinorUnits } from './primitives.schema.js';

/*
 * The statistical forecast of a quarter and its backtest (docs/forecasting.md). Money is minor
 * units of the organisation's currency as strings; error rates and probabilities are numbers.
 */

export const ForecastQuery = z.strictObject({
  /** A fiscal quarter (FY2027-Q4); this one by default. */
  period: z.string().trim().min(4).max(20).optional(),
  ownerId: Id.optional(),
  teamId: Id.optional(),
});
export const ForecastBacktestQuery = z.strictObject({ ownerId: Id.optional(), teamId: Id.optional() });

export const ForecastRangeWire = z.object({ p10: MinorUnits, p50: MinorUnits, p90: MinorUnits, expected: MinorUnits });
const Period = z.object({ start: CalendarDate, end: CalendarDate });

export const StatisticalForecastWire = z.object({
  periodKey: z.string(), period: Period, asOf: CalendarDate, currency: z.string(),
  wonMinor: MinorUnits, openDeals: z.number().int(),
  /** Won so far + each open deal x its stage probability. */
  baselineMinor: MinorUnits,
  /** Null, with the reason in notEnoughHistory, before two quarters of history. */
  range: ForecastRangeWire.nullable(),
  notEnoughHistory: z.string().nullable(),
});
export type StatisticalForecastWire = z.infer<typeof StatisticalForecastWire>;

export const ForecastBacktestWire = z.object({
  dataEnd: CalendarDate, currency: z.string(),
  rows: z.array(z.object({
    period: Period, week: z.number().int(), asOf: CalendarDate, actualMinor: MinorUnits, baselineMinor: MinorUnits,
    range: ForecastRangeWire.nullable(), notEnoughHistory: z.string().nullable(),
  })),
  byWeek: z.array(z.object({ week: z.number().int(), periods: z.number().int(), baselineMape: z.number(), modelMape: z.number(), bias: z.number(), coverage: z.number() })),
  brier: z.object({ model: z.number(), baseline: z.number(), deals: z.number().int() }).nullable(),
  calibration: z.array(z.object({ from: z.number(), to: z.number(), deals: z.number().int(), meanProbability: z.number(), observed: z.number() })),
});
export type ForecastBacktestWire = z.infer<typeof ForecastBacktestWire>;

/*
 * Forecast calls and the roll-up (docs/forecasting.md#calls-and-the-roll-up). Categories are
 * cumulative: commit includes what is closed, best case includes commit.
 */
export const ForecastCallCategory = z.enum(['commit', 'best-case']);
const CallAmount = MinorUnits.refine((v) => !v.startsWith('-'), 'must not be negative');

export const ForecastCallBody = z.strictObject({
  /** A fiscal quarter that has not ended (FY2027-Q4). */
  period: z.string().trim().min(4).max(20),
  category: ForecastCallCategory,
  amountMinor: CallAmount,
  note: z.string().trim().max(500).default(''),
});

export const ForecastAdjustmentBody = z.strictObject({
  period: z.string().trim().min(4).max(20),
  /** A direct report of the manager adjusting. */
  personId: Id,
  category: ForecastCallCategory,
  amountMinor: CallAmount,
  reason: z.string().trim().min(1, 'say why').max(500),
});

export const ForecastRollupQuery = z.strictObject({
  period: z.string().trim().min(4).max(20).optional(),
  /** The person at the top of the roll-up (default: the caller; the whole organisation for org-wide roles). */
  personId: Id.optional(),
  /** A day a weekly snapshot was taken: the roll-up as it stood then. */
  snapshot: CalendarDate.optional(),
});

const Categories = z.object({ commit: MinorUnits, bestCase: MinorUnits });
const MaybeCategories = z.object({ commit: MinorUnits.nullable(), bestCase: MinorUnits.nullable() });

export const ForecastRollupRow = z.object({
  personId: Id, name: z.string(), title: z.string().nullable(), managerId: Id.nullable(), depth: z.number().int(), reports: z.number().int(),
  /** Her deals and her team's, cumulative: closed, commit, best case, and every open deal not omitted. */
  pipeline: z.object({ closed: MinorUnits, commit: MinorUnits, bestCase: MinorUnits, open: MinorUnits }),
  /** Her own deals plus each direct report's forecast. */
  rolledUp: Categories,
  call: MaybeCategories,
  /** Her manager's adjustment (shown to her manager and above, never to her). */
  adjustment: MaybeCategories,
  /** What counts upwards: adjustment, else call, else roll-up. */
  forecast: Categories,
  quotaMinor: MinorUnits.nullable(),
  /** May the caller adjust this line (she is this person's manager, live view only). */
  canAdjust: z.boolean(),
});
export type ForecastRollupRow = z.infer<typeof ForecastRollupRow>;

export const ForecastRollupWire = z.object({
  periodKey: z.string(), period: Period, currency: z.string(),
  /** The day the figures stand on: today live, or the snapshot's day. */
  asOf: CalendarDate,
  snapshot: CalendarDate.nullable(),
  /** Snapshots taken of this period, latest first. */
  snapshots: z.array(CalendarDate),
  rows: z.array(ForecastRollupRow),
  /** May the caller submit her own call for this period (live, not ended). */
  canCall: z.boolean(),
});
export type ForecastRollupWire = z.infer<typeof ForecastRollupWire>;

/** The statistical forecast of a roll-up's deals as of its day (GET /forecast/rollup/range); null for a period that had ended by then. */
export const ForecastRollupRangeWire = z.object({
  periodKey: z.string(),
  statistical: StatisticalForecastWire.omit({ periodKey: true, period: true, currency: true }).nullable(),
});
export type ForecastRollupRangeWire = z.infer<typeof ForecastRollupRangeWire>;

export const ForecastCallItem = z.object({
  id: Id, periodKey: z.string(), personId: Id, personName: z.string(), byPersonId: Id, byPersonName: z.string(),
  kind: z.enum(['call', 'adjustment']), category: ForecastCallCategory, amountMinor: MinorUnits, currency: z.string(), note: z.string(), createdAt: z.string(),
});
export type ForecastCallItem = z.infer<typeof ForecastCallItem>;

export const ForecastCallsQuery = z.strictObject({ period: z.string().trim().min(4).max(20).optional(), personId: Id.optional() });

export const ForecastSnapshotBody = z.strictObject({ date: CalendarDate.optional() });
export const ForecastSnapshotResult = z.object({ takenOn: CalendarDate, periods: z.array(z.object({ periodKey: z.string(), people: z.number().int() })) });
export type ForecastSnapshotResult = z.infer<typeof ForecastSnapshotResult>;

export const ForecastTerritoryQuery = z.strictObject({ period: z.string().trim().min(4).max(20).optional() });

const Cumulative = z.object({ closed: MinorUnits, commit: MinorUnits, bestCase: MinorUnits, open: MinorUnits });

/** The roll-up by territory hierarchy (GET /forecast/rollup/territories): the active model's territories, each with its deals and its sub-territories'. */
export const ForecastTerritoryRollupWire = z.object({
  periodKey: z.string(), period: Period, currency: z.string(), asOf: CalendarDate,
  /** Null when no territory model is active. */
  model: z.object({ id: Id, name: z.string(), effectiveFrom: CalendarDate.nullable() }).nullable(),
  rows: z.array(z.object({
    key: z.string(), name: z.string(), level: z.string(), depth: z.number().int(),
    ownerId: Id.nullable(), ownerName: z.string().nullable(), quotaMinor: MinorUnits.nullable(),
    pipeline: Cumulative,
    /** The owner's forecast in the roll-up by people (her call, adjusted), beside her territory's deals. */
    ownerForecast: z.object({ commit: MinorUnits, bestCase: MinorUnits }).nullable(),
  })),
  /** The deals the caller may read that are in no territory of the model. */
  outside: Cumulative,
});
export type ForecastTerritoryRollupWire = z.infer<typeof ForecastTerritoryRollupWire>;
