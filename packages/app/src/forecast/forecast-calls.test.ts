import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@attain/core';
import type { Database } from '@attain/store';
import { openPayCycleOrg, testDialects, warnIfPostgresSkipped, type PayCycleOrg } from '@attain/app/test-support';
import { loadActor } from '../auth/actor.js';
import type { AppContext } from '../context.js';
import { opportunities, persons } from '../crm/entities.js';
import { getPipeline } from '../crm/pipelines.js';
import { createRecord, updateRecord } from '../crm/records.js';
import { adjustForecast, listForecastCalls, submitForecastCall } from './forecast-calls.js';
import { forecastRollup, forecastRollupRange } from './forecast-rollup.js';
import { takeDueForecastSnapshots, takeForecastSnapshot, weekStartOf } from './forecast-snapshots.js';

warnIfPostgresSkipped();

describe.each(testDialects())('forecast calls, adjustments, the roll-up and its snapshots on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: PayCycleOrg;
  let vp: Actor;
  const on = (instant: string): AppContext => ({ ...ctx, now: () => instant });
  const Q = 'FY2026-Q4';

  beforeAll(async () => {
    ({ database, ctx, t } = await openPayCycleOrg(dialect, 'Forecast calls'));
    vp = await loadActor(ctx, { ...t.users.manager, id: 'usr_vp', personId: t.people.vp.id });
    const writes = on('2026-11-10T12:00:00.000Z');
    await t.assignAes(t.people.rep.id, t.people.rep2.id);
    // Rita: 1,000,000 won, 500,000 in commit, 300,000 in best case; Rob: 200,000 in pipeline. All close in FY2026-Q4.
    const won = await createRecord(writes, t.actors.rep, opportunities, { name: 'Won', amountMinor: '1000000', closeDate: '2026-11-10' });
    const stages = (await getPipeline(writes, t.actors.rep, won.pipelineId)).stages;
    await updateRecord(writes, t.actors.rep, opportunities, won.id, { stageId: stages.find((s) => s.isWon)?.id as string });
    await createRecord(writes, t.actors.rep, opportunities, { name: 'Commit', amountMinor: '500000', closeDate: '2026-12-10', forecastCategory: 'commit' });
    await createRecord(writes, t.actors.rep, opportunities, { name: 'Best', amountMinor: '300000', closeDate: '2026-12-12', forecastCategory: 'best_case' });
    await createRecord(writes, t.actors.rep2, opportunities, { name: 'Maybe', amountMinor: '200000', closeDate: '2026-12-20', forecastCategory: 'pipeline' });
  });
  afterAll(async () => database.close());

  it('rolls calls and a manager\'s adjustment up to her director, with quotas and the statistical range beside; each sees what is hers', async () => {
    const day = on('2026-11-20T09:00:00.000Z');
    await submitForecastCall(day, t.actors.rep, { period: Q, category: 'commit', amountMinor: '1400000', note: 'Acme signs in December' });
    await submitForecastCall(day, t.actors.rep, { period: Q, category: 'best-case', amountMinor: '1800000' });
    await submitForecastCall(day, t.actors.rep2, { period: Q, category: 'commit', amountMinor: '150000' });
    const adjusted = await adjustForecast(day, t.actors.manager, { period: Q, personId: t.people.rep2.id, category: 'commit', amountMinor: '0', reason: 'no budget this year' });
    expect(adjusted).toMatchObject({ kind: 'adjustment', personName: 'Rob Rep', byPersonName: 'Mona Manager', note: 'no budget this year' });
    await submitForecastCall(day, t.actors.manager, { period: Q, category: 'commit', amountMinor: '1300000' });

    const later = on('2026-11-21T09:00:00.000Z');
    const mona = await forecastRollup(later, t.actors.manager, { period: Q });
    const line = (r: typeof mona, id: string) => r.rows.find((x) => x.personId === id);
    expect(mona.rows.map((r) => [r.name, r.depth])).toEqual([['Mona Manager', 0], ['Rita Rep', 1], ['Rob Rep', 1]]);
    expect(line(mona, t.people.rep2.id)).toMatchObject({ call: { commit: '150000' }, adjustment: { commit: '0' }, forecast: { commit: '0', bestCase: '0' }, canAdjust: true });
    expect(line(mona, t.people.rep.id)).toMatchObject({ pipeline: { closed: '1000000', commit: '1500000', bestCase: '1800000', open: '800000' }, forecast: { commit: '1400000', bestCase: '1800000' } });
    // AE quota 800,000.00 a year, prorated by days: 92/365 of it each.
    expect(line(mona, t.people.rep.id)?.quotaMinor).toBe('20164384');
    expect(line(mona, t.people.manager.id)).toMatchObject({ rolledUp: { commit: '1400000', bestCase: '1800000' }, call: { commit: '1300000' }, forecast: { commit: '1300000' }, quotaMinor: '40328768', canAdjust: false });
    expect(mona.canCall).toBe(true);

    // Her director sees Mona's call, the other team, and the statistical forecast of the same deals beside.
    const director = await forecastRollup(later, vp, { period: Q });
    expect(director.rows.map((r) => r.name)).toEqual(['Vera VP', 'Mona Manager', 'Rita Rep', 'Rob Rep', 'Otto Manager', 'Olga Rep']);
    expect(director.rows[0]?.rolledUp.commit).toBe('1300000');
    expect(line(director, t.people.manager.id)?.canAdjust).toBe(true);
    expect((await forecastRollupRange(later, vp, { period: Q })).statistical).toMatchObject({ asOf: '2026-11-21', wonMinor: '1000000', openDeals: 3, notEnoughHistory: expect.any(String) });
    // Mona's range is of her team's deals only (Olga's are Otto's).
    expect((await forecastRollupRange(later, t.actors.manager, { period: Q })).statistical?.openDeals).toBe(3);
    // Rob never sees his manager's adjustment of him; Rita sees herself only.
    expect((await forecastRollup(later, t.actors.rep2, { period: Q })).rows).toMatchObject([{ name: 'Rob Rep', adjustment: { commit: null }, forecast: { commit: '150000' } }]);
    expect((await forecastRollup(later, t.actors.rep, { period: Q })).rows.map((r) => r.name)).toEqual(['Rita Rep']);
    await expect(forecastRollup(later, t.actors.rep, { personId: t.people.rep2.id })).rejects.toMatchObject({ code: 'forbidden' });
    // Sales ops sees the whole organisation from its top.
    expect((await forecastRollup(later, t.actors.ops, { period: Q })).rows[0]?.name).toBe('Vera VP');

    // The history: Rita her own calls; Mona her team's and her adjustment; Rob not Mona's adjustment of him.
    expect((await listForecastCalls(later, t.actors.rep, { period: Q })).map((c) => c.amountMinor)).toEqual(['1800000', '1400000']);
    expect((await listForecastCalls(later, t.actors.manager, { period: Q })).map((c) => c.kind)).toEqual(['call', 'adjustment', 'call', 'call', 'call']);
    expect((await listForecastCalls(later, t.actors.rep2, { period: Q })).map((c) => c.kind)).toEqual(['call']);
  });

  it('refuses what is not hers to call or adjust, naming the field', async () => {
    const day = on('2026-11-20T09:00:00.000Z');
    await expect(adjustForecast(day, t.actors.rep, { period: Q, personId: t.people.rep2.id, category: 'commit', amountMinor: '1', reason: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(adjustForecast(day, t.actors.manager, { period: Q, personId: t.people.otherRep.id, category: 'commit', amountMinor: '1', reason: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(adjustForecast(day, t.actors.manager, { period: Q, personId: t.people.rep.id, category: 'commit', amountMinor: '1', reason: ' ' })).rejects.toMatchObject({ issues: [{ field: 'reason' }] });
    await expect(submitForecastCall(day, t.actors.ops, { period: Q, category: 'commit', amountMinor: '1' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(submitForecastCall(day, t.actors.rep, { period: 'FY2026-Q2', category: 'commit', amountMinor: '1' })).rejects.toMatchObject({ issues: [{ field: 'period' }] });
    await expect(submitForecastCall(day, t.actors.rep, { period: 'FY2026', category: 'commit', amountMinor: '1' })).rejects.toMatchObject({ issues: [{ field: 'period' }] });
    await expect(submitForecastCall(day, t.actors.rep, { period: Q, category: 'commit', amountMinor: '-5' })).rejects.toMatchObject({ issues: [{ field: 'amountMinor' }] });
    await expect(submitForecastCall(day, t.actors.rep, { period: Q, category: 'pipeline' as 'commit', amountMinor: '5' })).rejects.toMatchObject({ issues: [{ field: 'category' }] });
  });

  it('keeps each week as it stood: a later call and a move to another manager change today, not the snapshot', async () => {
    const monday = on('2026-11-23T06:00:00.000Z');
    expect(weekStartOf('2026-11-28')).toBe('2026-11-23');
    expect(await takeDueForecastSnapshots(monday)).toContain(t.org.id);
    expect(await takeDueForecastSnapshots(monday)).not.toContain(t.org.id);
    await expect(takeForecastSnapshot(monday, t.actors.manager, {})).rejects.toMatchObject({ code: 'forbidden' });

    const tuesday = on('2026-11-24T10:00:00.000Z');
    await submitForecastCall(tuesday, t.actors.rep, { period: Q, category: 'commit', amountMinor: '1000000', note: 'Acme slipped' });
    await updateRecord(tuesday, t.admin, persons, t.people.rep2.id, { managerId: t.people.otherManager.id });
    const live = await forecastRollup(on('2026-11-25T10:00:00.000Z'), vp, { period: Q });
    const kept = await forecastRollup(on('2026-11-25T10:00:00.000Z'), vp, { period: Q, snapshot: '2026-11-23' });
    expect(kept).toMatchObject({ snapshot: '2026-11-23', asOf: '2026-11-23', snapshots: ['2026-11-23'] });
    const rob = (r: typeof live) => r.rows.find((x) => x.personId === t.people.rep2.id);
    // Then: Rob under Mona, her adjustment in force; now: under Otto, and Mona's adjustment no longer counts (it is kept).
    expect(rob(kept)).toMatchObject({ managerId: t.people.manager.id, forecast: { commit: '0' } });
    expect(rob(live)).toMatchObject({ managerId: t.people.otherManager.id, adjustment: { commit: null }, forecast: { commit: '150000' } });
    expect(kept.rows.find((x) => x.personId === t.people.rep.id)?.forecast.commit).toBe('1400000');
    expect(live.rows.find((x) => x.personId === t.people.rep.id)?.forecast.commit).toBe('1000000');
    expect(kept.rows.every((r) => !r.canAdjust)).toBe(true);
    await expect(forecastRollup(tuesday, vp, { period: Q, snapshot: '2026-11-16' })).rejects.toMatchObject({ code: 'not_found' });
    // Taking the same day again gives the same rows.
    await takeForecastSnapshot(tuesday, t.actors.ops, { date: '2026-11-23' });
    expect(await forecastRollup(on('2026-11-25T10:00:00.000Z'), vp, { period: Q, snapshot: '2026-11-23' })).toEqual(kept);
  });
});
