import { backtest, forecastPeriod, invalid, type Actor, type ForecastPeriod, type ForecastRange } from '@attain/core';
import type { ForecastBacktestWire, StatisticalForecastWire } from '@attain/contract';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { ownerScopeOf } from '../insights/owner-scope.js';
import { forecastQuarter } from './forecast-quarter.js';
import { FORECAST_SEED, replayPipeline, type PipelineHistory } from './pipeline-history.js';

/*
 * The statistical forecast and its backtest over the organisation's own history (core
 * forecast/, docs/forecasting.md), of the deals the reader may read (a rep her own, a manager her
 * team's), owned by them on each day.
 */

const rangeWire = (r: ForecastRange | null) => r && { p10: String(r.p10), p50: String(r.p50), p90: String(r.p90), expected: String(r.expected) };

/** The statistical forecast of a period as of a day, from the history given. */
export function statisticalAsOf(r: PipelineHistory, period: ForecastPeriod, asOf: string) {
  const f = forecastPeriod({ statesOn: r.statesOn, periods: r.quarters, period, asOf, seed: FORECAST_SEED });
  return { asOf, wonMinor: String(f.wonMinor), openDeals: f.openDeals, baselineMinor: String(f.baselineMinor), range: rangeWire(f.range), notEnoughHistory: f.notEnoughHistory };
}

/** The forecast of a fiscal quarter (this one by default) as of today. */
export async function statisticalForecast(ctx: AppContext, actor: Actor, input: { period?: string; ownerId?: string; teamId?: string }): Promise<StatisticalForecastWire> {
  requireAbility(actor, 'forecast:read');
  const r = await replayPipeline(ctx, actor.orgId, await ownerScopeOf(ctx, actor, input));
  const q = forecastQuarter(input.period, r.today, r.fiscalYearStartMonth);
  if (q.end < r.today) throw invalid('period', `${q.key} has ended: what was won is known (the backtest shows what was forecast then)`);
  const period = { start: q.start, end: q.end };
  return { periodKey: q.key, period, currency: r.currency, ...statisticalAsOf(r, period, r.today) };
}

/** Replays every week of the quarters that have ended and scores the forecasts made then (baseline and simulated). */
export async function forecastBacktest(ctx: AppContext, actor: Actor, input: { ownerId?: string; teamId?: string } = {}): Promise<ForecastBacktestWire> {
  requireAbility(actor, 'forecast:read');
  const r = await replayPipeline(ctx, actor.orgId, await ownerScopeOf(ctx, actor, input));
  const b = backtest({ statesOn: r.statesOn, periods: r.quarters, dataEnd: r.today, seed: FORECAST_SEED });
  return {
    dataEnd: r.today, currency: r.currency, byWeek: [...b.byWeek], brier: b.brier, calibration: [...b.calibration],
    rows: b.rows.map((row) => ({
      period: row.period, week: row.week, asOf: row.asOf, actualMinor: String(row.actualMinor), baselineMinor: String(row.forecast.baselineMinor),
      range: rangeWire(row.forecast.range), notEnoughHistory: row.forecast.notEnoughHistory,
    })),
  };
}
