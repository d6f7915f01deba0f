import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@attain/store';
import { openPayCycleOrg, testDialects, warnIfPostgresSkipped, type PayCycleOrg } from '@attain/app/test-support';
import type { AppContext } from '../context.js';
import { opportunities } from '../crm/entities.js';
import { getPipeline } from '../crm/pipelines.js';
import { createRecord, updateRecord } from '../crm/records.js';
import { forecastBacktest, statisticalForecast } from './statistical-forecast.js';

warnIfPostgresSkipped();

describe.each(testDialects())('the statistical forecast on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: PayCycleOrg;

  beforeAll(async () => {
    ({ database, ctx, t } = await openPayCycleOrg(dialect, 'Forecast'));
  });
  afterAll(async () => database.close());

  it('replays this quarter from the history: won so far, the stage-weighted baseline, and no range without two quarters of history; scoped per reader', async () => {
    // The deals are written on 10 November and the forecast made the next morning (it sees the start of its day).
    const on = (instant: string): AppContext => ({ ...ctx, now: () => instant });
    const writes = on('2026-11-10T12:00:00.000Z');
    const won = await createRecord(writes, t.actors.rep, opportunities, { name: 'Won', amountMinor: '1000000', closeDate: '2026-11-10' });
    const stages = (await getPipeline(writes, t.actors.rep, won.pipelineId)).stages;
    await updateRecord(writes, t.actors.rep, opportunities, won.id, { stageId: stages.find((s) => s.isWon)?.id as string });
    await createRecord(writes, t.actors.rep, opportunities, { name: 'Open A', amountMinor: '50000000', closeDate: '2026-12-15' });
    await createRecord(writes, t.actors.rep2, opportunities, { name: 'Open B', amountMinor: '30000000', closeDate: '2026-12-15' });
    const first = stages.find((s) => !s.isClosed)?.probabilityBps as number;

    const morning = on('2026-11-11T08:00:00.000Z');
    const all = await statisticalForecast(morning, t.actors.ops, {});
    expect(all).toMatchObject({ periodKey: 'FY2026-Q4', wonMinor: '1000000', openDeals: 2, range: null, notEnoughHistory: expect.stringContaining('not enough history') });
    expect(all.baselineMinor).toBe(String(1000000n + (80000000n * BigInt(first)) / 10000n));
    // Rita sees her own deals only.
    expect(await statisticalForecast(morning, t.actors.rep, {})).toMatchObject({ wonMinor: '1000000', openDeals: 1 });
    // That morning, before the deals were written, there was nothing yet.
    expect(await statisticalForecast(on('2026-11-10T08:00:00.000Z'), t.actors.ops, {})).toMatchObject({ wonMinor: '0', openDeals: 0 });
    expect((await forecastBacktest(morning, t.actors.manager)).rows.every((r) => r.range === null)).toBe(true);
  });
});
