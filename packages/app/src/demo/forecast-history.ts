import { addDays, cumulative, fiscalPeriodOf, ownPipelines, rollUpForecast, EMPTY_PIPELINE, type FiscalPeriod, type ForecastNode } from '@attain/core';
import { forecastCallRepo, forecastSnapshotRepo, type ForecastCallRow, type Tx } from '@attain/store';
import type { AppContext } from '../context.js';
import { callsInForce, loadOrgChart, membersOn } from '../forecast/forecast-rollup.js';
import { snapshotInstant, snapshotQuarters, snapshotRows, weekStartOf } from '../forecast/forecast-snapshots.js';
import { replayPipeline } from '../forecast/pipeline-history.js';
import { quarterQuotas } from '../insights/quarter-target.js';
import type { Rng } from './prng.js';
import { dayOf, instantAt } from './timeline.js';

/*
 * Two years of forecast calls and their weekly snapshots (docs/demo-data.md#forecast-calls).
 * Every Monday morning each seller with deals in the quarter calls it from what her deals hold,
 * a little high or low as people are; then each manager, level by level up to the VP, calls her
 * team's roll-up and now and then takes a report's commit down, with a reason. Each Monday's
 * snapshot is taken first, as the weekly job would have at the start of the day.
 */

const REASONS = ['slipped to next quarter last time', 'legal review not started', 'champion left', 'no budget confirmed', 'procurement adds three weeks'];

/** x by a factor in per mille drawn from [lo, hi], to whole 1,000.00 (the demo's currency has 2 decimals). */
function around(rng: Rng, x: bigint, lo: number, hi: number): bigint {
  const scaled = (x * BigInt(rng.int(lo, hi))) / 1000n;
  return ((scaled + 50_000n) / 100_000n) * 100_000n;
}

export async function seedForecastHistory(
  ctx: AppContext, tx: Tx, orgId: string, window: { from: string; to: string }, userOf: (personId: string) => string | null, rng: Rng,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ forecastCalls: number; forecastSnapshots: number }> {
  const chart = await loadOrgChart(tx, orgId);
  const history = await replayPipeline(ctx, orgId, null, tx);
  const mondays: string[] = [];
  for (let d = addDays(weekStartOf(window.from), 7); d <= window.to; d = addDays(d, 7)) mondays.push(d);
  const quotas = new Map<string, Map<string, bigint>>();
  const quotasOf = async (q: FiscalPeriod) => quotas.get(q.key) ?? quotas.set(q.key, await quarterQuotas(tx, orgId, null, q, history.currency)).get(q.key) as Map<string, bigint>;

  // Monday by Monday: the snapshot as the weekly job takes it at the start of the day (of the
  // calls made before), then the morning's calls, each level seeing the calls made below it.
  let calls = 0;
  let snapshots = 0;
  let quarterCalls: ForecastCallRow[] = [];
  let quarterKey = '';
  for (const [k, monday] of mondays.entries()) {
    onProgress(k, mondays.length);
    const instant = snapshotInstant(monday);
    const deals = history.statesAt(instant);
    for (const q of snapshotQuarters(monday, history.fiscalYearStartMonth)) {
      const rows = await snapshotRows(tx, orgId, history.currency, { quarter: q, instant, deals, quotas: await quotasOf(q) }, chart);
      await forecastSnapshotRepo.replace(tx, orgId, monday, q.key, rows);
      snapshots += rows.length;
    }

    const quarter = fiscalPeriodOf(monday, history.fiscalYearStartMonth, 'quarter');
    if (quarter.key !== quarterKey) [quarterKey, quarterCalls] = [quarter.key, []];
    const managerOf = membersOn(chart, monday);
    const pipelines = ownPipelines(deals, quarter);
    const made: ForecastCallRow[] = [];
    const reports = new Map<string, string[]>();
    for (const [p, m] of managerOf) if (m !== null) reports.set(m, [...(reports.get(m) ?? []), p]);
    const call = (personId: string, byPersonId: string, category: string, amountMinor: bigint, note: string, minute: number) => {
      const row: ForecastCallRow = {
        orgId, id: ctx.newId('fcl'), periodKey: quarter.key, personId, byPersonId, byUserId: userOf(byPersonId) ?? 'system', category, amountMinor,
        currency: history.currency, note, createdAt: instantAt(dayOf(monday), minute),
      };
      made.push(row);
      quarterCalls.push(row);
    };
    for (const [personId] of managerOf) {
      const own = pipelines.get(personId);
      if (reports.has(personId) || !own || !rng.chance(0.85)) continue;
      const c = cumulative(own);
      const commit = around(rng, c.commit, 850, 1150);
      call(personId, personId, 'commit', commit, '', 9 * 60 + rng.int(0, 120));
      call(personId, personId, 'best-case', [commit, around(rng, c.bestCase, 900, 1150)].reduce((a, b) => (a > b ? a : b)), '', 9 * 60 + rng.int(0, 120));
    }
    // Managers from the bottom up: a level's calls are made after the level below has called.
    const depthOf = (p: string): number => { let d = 0; for (let m = managerOf.get(p) ?? null; m !== null && d < 20; m = managerOf.get(m) ?? null) d++; return d; };
    const managers = [...reports.keys()].filter((m) => managerOf.has(m)).sort((a, b) => depthOf(b) - depthOf(a) || (a < b ? -1 : 1));
    const rollUp = (manager: string) => {
      const inForce = callsInForce(quarterCalls, managerOf);
      const nodes: ForecastNode[] = [...managerOf].map(([personId, managerId]) => ({
        personId, managerId, own: pipelines.get(personId) ?? EMPTY_PIPELINE, call: inForce.get(personId)?.call ?? {}, adjustment: inForce.get(personId)?.adjustment ?? {}, quotaMinor: null,
      }));
      return rollUpForecast(nodes, [manager]);
    };
    for (const manager of managers) {
      if (rng.chance(0.15)) {
        const candidates = rollUp(manager).filter((r) => r.managerId === manager && r.forecast.commit > 0n);
        const pick = candidates[rng.int(0, Math.max(0, candidates.length - 1))];
        if (pick) call(pick.personId, manager, 'commit', around(rng, pick.forecast.commit, 700, 900), REASONS[rng.int(0, REASONS.length - 1)] as string, 13 * 60 + rng.int(0, 60));
      }
      const mine = rollUp(manager)[0];
      if (!mine || !rng.chance(0.9)) continue;
      const commit = around(rng, mine.rolledUp.commit, 920, 1050);
      call(manager, manager, 'commit', commit, '', 15 * 60 + rng.int(0, 120));
      call(manager, manager, 'best-case', [commit, around(rng, mine.rolledUp['best-case'], 950, 1050)].reduce((a, b) => (a > b ? a : b)), '', 15 * 60 + rng.int(0, 120));
    }
    await forecastCallRepo.insertMany(tx, made);
    calls += made.length;
  }
  onProgress(mondays.length, mondays.length);
  return { forecastCalls: calls, forecastSnapshots: snapshots };
}
