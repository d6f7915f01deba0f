import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@attain/store';
import { openPayCycleOrg, testDialects, warnIfPostgresSkipped, type PayCycleOrg } from '@attain/app/test-support';
import type { AppContext } from '../context.js';
import { accounts, opportunities } from '../crm/entities.js';
import { getPipeline } from '../crm/pipelines.js';
import { createRecord, updateRecord } from '../crm/records.js';
import { outputAnalytics } from './output-analytics.js';

warnIfPostgresSkipped();

describe.each(testDialects())('output analytics on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: PayCycleOrg;
  const on = (instant: string): AppContext => ({ ...ctx, now: () => instant });
  const Q = 'FY2026-Q4';

  beforeAll(async () => {
    ({ database, ctx, t } = await openPayCycleOrg(dialect, 'Output'));
    await t.assignAes(t.people.rep.id, t.people.rep2.id);
    const created = on('2026-10-02T10:00:00.000Z');
    const closed = on('2026-11-11T10:00:00.000Z');
    const probe = await createRecord(created, t.actors.rep, opportunities, { name: 'Probe won', amountMinor: '1', closeDate: '2026-11-11' });
    const stages = (await getPipeline(created, t.actors.rep, probe.pipelineId)).stages;
    const won = stages.find((s) => s.isWon)?.id as string;
    const lost = stages.find((s) => s.isClosed && !s.isWon)?.id as string;
    await updateRecord(closed, t.actors.rep, opportunities, probe.id, { stageId: lost, lostReason: 'test' });
    // Rita: wins 3,000,000 and 1,000,000 (40 days from created to closed), loses 1,000,000 and the probe; has 2,000,000 open in the quarter.
    for (const [actor, amount, stage] of [[t.actors.rep, '300000000', won], [t.actors.rep, '100000000', won], [t.actors.rep, '100000000', lost], [t.actors.rep2, '50000000', won]] as const) {
      const deal = await createRecord(created, actor, opportunities, { name: `Deal ${amount}`, amountMinor: amount, closeDate: '2026-11-11' });
      await updateRecord(closed, actor, opportunities, deal.id, { stageId: stage, ...(stage === lost ? { lostReason: 'price' } : {}) });
    }
    await createRecord(created, t.actors.rep, opportunities, { name: 'Open', amountMinor: '200000000', closeDate: '2026-12-15' });
    // Potential: Rita's accounts are worth 20,000,000, Rob's 5,000,000.
    await createRecord(created, t.actors.rep, accounts, { name: 'Rita Co', potentialMinor: '2000000000' });
    await createRecord(created, t.actors.rep2, accounts, { name: 'Rob Co', potentialMinor: '500000000' });
  });
  afterAll(async () => database.close());

  it('gives a manager her team\'s output with each seller below it, and a seller her deals', async () => {
    const day = on('2026-11-20T10:00:00.000Z');
    const team = await outputAnalytics(day, t.actors.manager, { period: Q });
    expect(team.root).toMatchObject({ personId: t.people.manager.id, figures: { bookingsMinor: '450000000', bookingsCount: 3, won: 3, lost: 2 } });
    const rita = team.children.find((c) => c.personId === t.people.rep.id)?.figures;
    expect(rita).toMatchObject({
      bookingsMinor: '400000000', winRateByCount: 0.5, averageDealMinor: '200000000', cycleMedianDays: 40, openPipelineMinor: '200000000',
      // Quota 800,000.00 a year prorated to the quarter (92 days): 20,164,384; she has booked 4,000,000 of it.
      quotaMinor: '20164384', attainment: 19.8370,
    });
    // Her probe lost too (0.01): by value 4,000,000 of 5,000,000.01 closed; needed coverage 1 / 0.8.
    expect(rita?.winRateByValue).toBe(0.8);
    expect(rita?.neededCoverage).toBe(1.25);
    // Fair index: Rita 4,000,000 on 20,000,000 (0.2); the org 4,500,000 on 25,000,000 (0.18): 1.1111. Rob 500,000 on 5,000,000 (0.1): 0.5556.
    expect(rita?.productivityIndex).toBe(1.1111);
    expect(team.children.find((c) => c.personId === t.people.rep2.id)?.figures.productivityIndex).toBe(0.5556);
    expect(team.distribution).toMatchObject({ sellers: 2, atOrAbove: 1 });
    expect(team.deals).toBeNull();

    const mine = await outputAnalytics(day, t.actors.rep, { period: Q });
    expect(mine.children).toEqual([]);
    expect(mine.deals?.map((d) => `${d.status} ${d.amountMinor}`).sort()).toEqual(['lost 1', 'lost 100000000', 'open 200000000', 'won 100000000', 'won 300000000']);
    expect(mine.deals).toHaveLength(5);
    await expect(outputAnalytics(day, t.actors.rep, { personId: t.people.rep2.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(outputAnalytics(day, t.actors.rep, { period: 'FY2026-M03' })).rejects.toMatchObject({ issues: [{ field: 'period' }] });
    // Sales ops starts at the organisation's top, the VP, and can open anyone.
    const org = await outputAnalytics(day, t.actors.ops, { period: 'FY2026' });
    expect(org.root).toMatchObject({ personId: t.people.vp.id, figures: { bookingsMinor: '450000000' } });
    expect(org.children.map((c) => c.name)).toEqual(['Mona Manager', 'Otto Manager']);
  });
});
