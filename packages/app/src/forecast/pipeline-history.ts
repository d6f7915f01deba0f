import { addDays, dateOfInstant, dealsAsOf, fiscalPeriodOf, type DealState, type ForecastPeriod, type HistoryRow, type StageInfo } from '@attain/core';
import { opportunityHistoryRepo, type Db, type Tx } from '@attain/store';
import type { AppContext } from '../context.js';
import { orgMoney } from '../coverage/model-accounts.js';
import { repos } from '../crm/repos.js';

/*
 * The pipeline of any past day, replayed from the append-only opportunity history (core
 * forecast/pipeline-replay.ts), amounts in the organisation's currency at today's rates. The
 * statistical forecast, its backtest, the forecast roll-up and its weekly snapshots all read it.
 */

/** The seed of every simulation: the same history gives the same range. */
export const FORECAST_SEED = 20_261_127;

export interface PipelineHistory {
  readonly currency: string;
  readonly fiscalYearStartMonth: number;
  /** The deals as they stood at the start of a day (or at an instant), owned by the owners asked for then; kept for the next call. */
  readonly statesOn: (dayOrInstant: string) => readonly DealState[];
  /** The same, not kept: for walking many days once each (the demo's two years of Mondays). */
  readonly statesAt: (dayOrInstant: string) => readonly DealState[];
  /** Every fiscal quarter from the first recorded change to the one after today's. */
  readonly quarters: readonly ForecastPeriod[];
  readonly today: string;
}

/** owners: the deals of these owners only (null: every owner). `db`: a transaction that wrote the history (the demo's). */
export async function replayPipeline(ctx: AppContext, orgId: string, owners: readonly string[] | null, db: Db | Tx = ctx.database.db): Promise<PipelineHistory> {
  const today = dateOfInstant(ctx.now());
  const money = await orgMoney(db, orgId, today);
  const stages = new Map<string, StageInfo>();
  const page = await repos.stage.list(db, { orgId, scope: { kind: 'all' }, filters: [], limit: 1000 });
  for (const s of page.items) stages.set(s.id, { probabilityBps: s.probabilityBps, isClosed: s.isClosed, isWon: s.isWon });
  const history = new Map<string, HistoryRow[]>();
  let first = today;
  for (const e of await opportunityHistoryRepo.listForOrg(db, orgId)) {
    const row = {
      changedAt: e.changedAt, stageId: e.stageId, amountMinor: money.convert(e.amountMinor, e.currency, `opportunity ${e.opportunityId}`), closeDate: e.closeDate,
      ownerId: e.ownerId, forecastCategory: e.forecastCategory,
    };
    const rows = history.get(e.opportunityId);
    if (rows) rows.push(row);
    else history.set(e.opportunityId, [row]);
    if (e.changedAt.slice(0, 10) < first) first = e.changedAt.slice(0, 10);
  }
  const quarters: ForecastPeriod[] = [];
  for (let q = fiscalPeriodOf(first, money.fiscalYearStartMonth, 'quarter'); q.start <= addDays(today, 92); q = fiscalPeriodOf(addDays(q.end, 1), money.fiscalYearStartMonth, 'quarter')) {
    quarters.push({ start: q.start, end: q.end });
  }
  const statesAt = (date: string) => dealsAsOf(history, stages, date);
  const all = { currency: money.currency, fiscalYearStartMonth: money.fiscalYearStartMonth, statesOn: cached(statesAt), statesAt, quarters, today };
  return owners === null ? all : narrowPipeline(all, owners);
}

/** The same history, of the deals these owners held on each day. */
export function narrowPipeline(history: PipelineHistory, owners: Iterable<string>): PipelineHistory {
  const inScope = new Set(owners);
  const mine = (states: readonly DealState[]) => states.filter((d) => d.ownerId !== null && inScope.has(d.ownerId));
  return { ...history, statesOn: cached((date) => mine(history.statesOn(date))), statesAt: (date) => mine(history.statesAt(date)) };
}

function cached(f: (date: string) => readonly DealState[]): (date: string) => readonly DealState[] {
  const cache = new Map<string, readonly DealState[]>();
  return (date) => {
    let states = cache.get(date);
    if (!states) cache.set(date, (states = f(date)));
    return states;
  };
}
