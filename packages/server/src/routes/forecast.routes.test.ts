import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForecastBacktestWire, StatisticalForecastWire } from '@attain/contract';
import { testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import { startTestServer, type Client, type TestServer } from '../test-support/http.js';

warnIfPostgresSkipped();

describe.each(testDialects())('forecast routes on %s', (dialect) => {
  let s: TestServer;
  let t: TestOrg;
  let other: TestOrg;
  let ops: Client;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await s.newOrg('Forecast A');
    other = await s.newOrg('Forecast B');
    ops = await s.as(t, 'ops');
    const close = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    for (const [ownerId, amountMinor] of [[t.people.rep.id, '123456'], [t.people.otherRep.id, '1000']]) {
      expect((await ops.post('/opportunities', { name: `Deal ${amountMinor}`, ownerId, amountMinor, closeDate: close })).status).toBe(201);
    }
  });
  afterAll(async () => s.close());

  it('refuses both without a session (401) and a bad period (422 naming it)', async () => {
    expect((await s.anonymous.get('/forecast/statistical')).status).toBe(401);
    expect((await s.anonymous.get('/forecast/backtest')).status).toBe(401);
    expect(await ops.get('/forecast/statistical?period=FY2026')).toMatchObject({ status: 422, body: { error: { details: [{ field: 'period' }] } } });
  });

  it('serves the forecast and the backtest in their documented shape, of the deals the caller may read, never another organisation\'s', async () => {
    const all = await ops.get('/forecast/statistical');
    expect(all.status).toBe(200);
    const forecast = StatisticalForecastWire.parse(all.body);
    // Deals written today are seen from tomorrow's forecast on (a forecast is as of the start of its day).
    expect(forecast).toMatchObject({ range: null, notEnoughHistory: expect.stringContaining('not enough history') });
    const rep = StatisticalForecastWire.parse((await (await s.as(t, 'rep')).get('/forecast/statistical')).body);
    expect(rep.openDeals).toBeLessThanOrEqual(forecast.openDeals);
    expect((await (await s.as(t, 'rep')).get(`/forecast/statistical?ownerId=${t.people.otherRep.id}`)).status).toBe(403);
    const theirs = StatisticalForecastWire.parse((await (await s.as(other, 'ops')).get('/forecast/statistical')).body);
    expect([theirs.openDeals, theirs.wonMinor]).toEqual([0, '0']);
    const backtest = await (await s.as(t, 'manager')).get('/forecast/backtest');
    expect(backtest.status).toBe(200);
    expect(ForecastBacktestWire.parse(backtest.body).byWeek).toEqual([]);
  });
});
