import { addDays, dateOfInstant, fiscalPeriodOf, invalid, type Actor, type FiscalPeriod, type ForecastNode } from '@attain/core';
import type { ForecastSnapshotResult } from '@attain/contract';
import { forecastSnapshotRepo, orgRepo, type Db, type ForecastSnapshotRow, type Tx } from '@attain/store';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { quarterQuotas } from '../insights/quarter-target.js';
import { inOrgTransaction } from '../org-transaction.js';
import { forecastNodesAt, loadOrgChart, type OrgChart, type RollupInputs } from './forecast-rollup.js';
import { replayPipeline } from './pipeline-history.js';

/*
 * Weekly snapshots of the forecast roll-up (docs/forecasting.md#snapshots): on a day, every
 * person's line for this quarter and the next, as it stood at the start of that day (deals,
 * calls, adjustments, hierarchy and quota), so a past week reads as it was even after people
 * move. Taking a day again replaces it with the same rows.
 */

/** The Monday on or before a day: the day a week's snapshot is taken. */
export function weekStartOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

const rowOf = (orgId: string, takenOn: string, periodKey: string, currency: string) => (n: ForecastNode): ForecastSnapshotRow => ({
  orgId, takenOn, periodKey, personId: n.personId, managerId: n.managerId, currency,
  closedMinor: n.own.closedMinor, commitMinor: n.own.commitMinor, bestCaseMinor: n.own.bestCaseMinor, pipelineMinor: n.own.pipelineMinor,
  callCommitMinor: n.call.commit ?? null, callBestCaseMinor: n.call['best-case'] ?? null,
  adjustedCommitMinor: n.adjustment.commit ?? null, adjustedBestCaseMinor: n.adjustment['best-case'] ?? null, quotaMinor: n.quotaMinor,
});

/** The quarters a snapshot of a day covers: its own and the next. */
export function snapshotQuarters(day: string, fiscalYearStartMonth: number): FiscalPeriod[] {
  const thisQuarter = fiscalPeriodOf(day, fiscalYearStartMonth, 'quarter');
  return [thisQuarter, fiscalPeriodOf(addDays(thisQuarter.end, 1), fiscalYearStartMonth, 'quarter')];
}

/** The instant a day's snapshot stands on: the start of the day. */
export const snapshotInstant = (day: string): string => `${day}T00:00:00.000Z`;

/** The rows of one day's snapshot of a quarter (`inputs.instant`: the start of the day), from a chart already loaded (the demo takes two years of them in a row). */
export async function snapshotRows(db: Db | Tx, orgId: string, currency: string, inputs: RollupInputs, chart: OrgChart): Promise<ForecastSnapshotRow[]> {
  const nodes = await forecastNodesAt(db, orgId, inputs, chart);
  return nodes.map(rowOf(orgId, dateOfInstant(inputs.instant), inputs.quarter.key, currency));
}

async function writeForecastSnapshot(ctx: AppContext, orgId: string, day: string): Promise<ForecastSnapshotResult> {
  const db = ctx.database.db;
  const [chart, history] = await Promise.all([loadOrgChart(db, orgId), replayPipeline(ctx, orgId, null)]);
  const written: { key: string; rows: ForecastSnapshotRow[] }[] = [];
  const instant = snapshotInstant(day);
  const deals = history.statesAt(instant);
  for (const quarter of snapshotQuarters(day, history.fiscalYearStartMonth)) {
    const quotas = await quarterQuotas(db, orgId, null, quarter, history.currency);
    written.push({ key: quarter.key, rows: await snapshotRows(db, orgId, history.currency, { quarter, instant, deals, quotas }, chart) });
  }
  await inOrgTransaction(ctx, orgId, async (tx) => {
    for (const w of written) await forecastSnapshotRepo.replace(tx, orgId, day, w.key, w.rows);
  });
  return { takenOn: day, periods: written.map((w) => ({ periodKey: w.key, people: w.rows.length })) };
}

/** Sales ops takes a snapshot by hand: today's, or a past day's (as it stood at its start). */
export async function takeForecastSnapshot(ctx: AppContext, actor: Actor, input: { date?: string }): Promise<ForecastSnapshotResult> {
  requireAbility(actor, 'forecast:snapshot');
  const today = dateOfInstant(ctx.now());
  const day = input.date ?? today;
  if (day > today) throw invalid('date', 'a snapshot is of a day that has begun');
  return writeForecastSnapshot(ctx, actor.orgId, day);
}

/**
 * The weekly job: each organisation without a snapshot of this week's Monday gets one. The
 * server runs it when it starts and every hour, so a week missed while it was down is taken late,
 * as of its Monday. Returns the organisations it took one for.
 */
export async function takeDueForecastSnapshots(ctx: AppContext): Promise<string[]> {
  const monday = weekStartOf(dateOfInstant(ctx.now()));
  const taken: string[] = [];
  for (const org of await orgRepo.list(ctx.database.db)) {
    const days = await forecastSnapshotRepo.days(ctx.database.db, org.id);
    if (days.some((d) => d.takenOn === monday)) continue;
    await writeForecastSnapshot(ctx, org.id, monday);
    taken.push(org.id);
  }
  return taken;
}
