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
