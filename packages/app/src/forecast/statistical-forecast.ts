import {
  addDays, backtest, dateOfInstant, dealsAsOf, fiscalPeriodOf, forecastPeriod, invalid, parseFiscalPeriod,
  type Actor, type DealState, type ForecastPeriod, type ForecastRange, type HistoryRow, type StageInfo,
} from '@attain/core';
import type { ForecastBacktestWire, StatisticalForecastWire } from '@attain/contract';
import { opportunityHistoryRepo } from '@attain/store';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { orgMoney } from '../coverage/model-accounts.js';
import { repos } from '../crm/repos.js';
import { ownerScopeOf } from '../insights/owner-scope.js';

/*
 * The statistical forecast and its backtest over the organisation's own history (core
 * forecast/, docs/forecasting.md). The pipeline of any past day is replayed from the append-only
 * opportunity history, amounts in the organisation's currency at today's rates; a reader sees the
 * deals she may read (a rep her own, a manager her team's), owned by them on each day.
 */

/** The seed of every simulation: the same history gives the same range. */
const SEED = 20_261_127;

interface Replay {
  readonly currency: string;
  readonly fiscalYearStartMonth: number;
  readonly statesOn: (date: string) => readonly DealState[];
  readonly quarters: readonly ForecastPeriod[];
  readonly today: string;
}

async function replay(ctx: AppContext, actor: Actor, filter: { ownerId?: string; teamId?: string }): Promise<Replay> {
  const db = ctx.database.db;
  const today = dateOfInstant(ctx.now());
  const owners = await ownerScopeOf(ctx, actor, filter);
  const money = await orgMoney(db, actor.orgId, today);
  const stages = new Map<string, StageInfo>();
  const page = await repos.stage.list(db, { orgId: actor.orgId, scope: { kind: 'all' }, filters: [], limit: 1000 });
  for (const s of page.items) stages.set(s.id, { probabilityBps: s.probabilityBps, isClosed: s.isClosed, isWon: s.isWon });
  const history = new Map<string, HistoryRow[]>();
  let first = today;
  for (const e of await opportunityHistoryRepo.listForOrg(db, actor.orgId)) {
    const row = { changedAt: e.changedAt, stageId: e.stageId, amountMinor: money.convert(e.amountMinor, e.currency, `opportunity ${e.opportunityId}`), closeDate: e.closeDate, ownerId: e.ownerId, forecastCategory: e.forecastCategory };
    const rows = history.get(e.opportunityId);
    if (rows) rows.push(row);
    else history.set(e.opportunityId, [row]);
    if (e.changedAt.slice(0, 10) < first) first = e.changedAt.slice(0, 10);
  }
  const inScope = owners === null ? null : new Set(owners);
  const cache = new Map<string, readonly DealState[]>();
  const statesOn = (date: string): readonly DealState[] => {
    let states = cache.get(date);
    if (!states) {
      const all = dealsAsOf(history, stages, date);
      states = inScope === null ? all : all.filter((d) => d.ownerId !== null && inScope.has(d.ownerId));
      cache.set(date, states);
    }
    return states;
  };
  // Every fiscal quarter from the first recorded change to the one after today's.
  const quarters: ForecastPeriod[] = [];
  for (let q = fiscalPeriodOf(first, money.fiscalYearStartMonth, 'quarter'); q.start <= addDays(today, 92); q = fiscalPeriodOf(addDays(q.end, 1), money.fiscalYearStartMonth, 'quarter')) {
    quarters.push({ start: q.start, end: q.end });
  }
  return { currency: money.currency, fiscalYearStartMonth: money.fiscalYearStartMonth, statesOn, quarters, today };
}

const rangeWire = (r: ForecastRange | null) => r && { p10: String(r.p10), p50: String(r.p50), p90: String(r.p90), expected: String(r.expected) };

/** The forecast of a fiscal quarter (this one by default) as of today. */
export async function statisticalForecast(ctx: AppContext, actor: Actor, input: { period?: string; ownerId?: string; teamId?: string }): Promise<StatisticalForecastWire> {
  requireAbility(actor, 'forecast:read');
  const r = await replay(ctx, actor, input);
  let q;
  try {
    q = input.period === undefined ? fiscalPeriodOf(r.today, r.fiscalYearStartMonth, 'quarter') : parseFiscalPeriod(input.period, r.fiscalYearStartMonth);
  } catch (error) {
    throw invalid('period', (error as Error).message);
  }
  if (q.kind !== 'quarter') throw invalid('period', `forecasts are of quarters, e.g. ${q.key.slice(0, 6)}-Q1`);
  if (q.end < r.today) throw invalid('period', `${q.key} has ended: what was won is known (the backtest shows what was forecast then)`);
  const period = { start: q.start, end: q.end };
  const f = forecastPeriod({ statesOn: r.statesOn, periods: r.quarters, period, asOf: r.today, seed: SEED });
  return {
    periodKey: q.key, period, asOf: r.today, currency: r.currency, wonMinor: String(f.wonMinor), openDeals: f.openDeals, baselineMinor: String(f.baselineMinor),
    range: rangeWire(f.range), notEnoughHistory: f.notEnoughHistory,
  };
}

/** Replays every week of the quarters that have ended and scores the forecasts made then (baseline and simulated). */
export async function forecastBacktest(ctx: AppContext, actor: Actor, input: { ownerId?: string; teamId?: string } = {}): Promise<ForecastBacktestWire> {
  requireAbility(actor, 'forecast:read');
  const r = await replay(ctx, actor, input);
  const b = backtest({ statesOn: r.statesOn, periods: r.quarters, dataEnd: r.today, seed: SEED });
  return {
    dataEnd: r.today, currency: r.currency, byWeek: [...b.byWeek], brier: b.brier, calibration: [...b.calibration],
    rows: b.rows.map((row) => ({
      period: row.period, week: row.week, asOf: row.asOf, actualMinor: String(row.actualMinor), baselineMinor: String(row.forecast.baselineMinor),
      range: rangeWire(row.forecast.range), notEnoughHistory: row.forecast.notEnoughHistory,
    })),
  };
}
