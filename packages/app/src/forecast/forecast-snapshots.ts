import { addDays, dateOfInstant, fiscalPeriodOf, invalid, type Actor, type ForecastNode } from '@attain/core';
import type { ForecastSnapshotResult } from '@attain/contract';
import { forecastSnapshotRepo, orgRepo, type ForecastSnapshotRow } from '@attain/store';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { inOrgTransaction } from '../org-transaction.js';
import { forecastNodesAt, loadOrgChart, type OrgChart } from './forecast-rollup.js';
import { replayPipeline, type PipelineHistory } from './pipeline-history.js';

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

/** Writes the snapshot of one day from a history and chart already loaded (the demo takes two years of them in a row). */
export async function writeForecastSnapshot(ctx: AppContext, orgId: string, day: string, chart: OrgChart, history: PipelineHistory): Promise<ForecastSnapshotResult> {
  const instant = `${day}T00:00:00.000Z`;
  const thisQuarter = fiscalPeriodOf(day, history.fiscalYearStartMonth, 'quarter');
  const quarters = [thisQuarter, fiscalPeriodOf(addDays(thisQuarter.end, 1), history.fiscalYearStartMonth, 'quarter')];
  const periods: ForecastSnapshotResult['periods'] = [];
  const written: { key: string; rows: ForecastSnapshotRow[] }[] = [];
  for (const q of quarters) {
    const nodes = await forecastNodesAt(ctx, orgId, q, instant, chart, history);
    written.push({ key: q.key, rows: nodes.map(rowOf(orgId, day, q.key, history.currency)) });
    periods.push({ periodKey: q.key, people: nodes.length });
  }
  await inOrgTransaction(ctx, orgId, async (tx) => {
    for (const w of written) await forecastSnapshotRepo.replace(tx, orgId, day, w.key, w.rows);
  });
  return { takenOn: day, periods };
}

/** Sales ops takes a snapshot by hand: today's, or a past day's (as it stood at its start). */
export async function takeForecastSnapshot(ctx: AppContext, actor: Actor, input: { date?: string }): Promise<ForecastSnapshotResult> {
  requireAbility(actor, 'forecast:snapshot');
  const today = dateOfInstant(ctx.now());
  const day = input.date ?? today;
  if (day > today) throw invalid('date', 'a snapshot is of a day that has begun');
  const [chart, history] = await Promise.all([loadOrgChart(ctx.database.db, actor.orgId), replayPipeline(ctx, actor.orgId, null)]);
  return writeForecastSnapshot(ctx, actor.orgId, day, chart, history);
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
    const [chart, history] = await Promise.all([loadOrgChart(ctx.database.db, org.id), replayPipeline(ctx, org.id, null)]);
    await writeForecastSnapshot(ctx, org.id, monday, chart, history);
    taken.push(org.id);
  }
  return taken;
}
