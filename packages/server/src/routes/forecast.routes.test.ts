import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForecastBacktestWire, ForecastCallItem, ForecastRollupRangeWire, ForecastRollupWire, ForecastSnapshotResult, ForecastTerritoryRollupWire, StatisticalForecastWire } from '@attain/contract';
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

  it('takes calls and adjustments from whoever owns them, rolls them up, and refuses the rest: 401, 403, 404 across organisations, 422 naming the field', async () => {
    const period = ForecastRollupWire.parse((await ops.get('/forecast/rollup')).body).periodKey;
    const rep = await s.as(t, 'rep');
    const manager = await s.as(t, 'manager');
    const call = await rep.post('/forecast/calls', { period, category: 'commit', amountMinor: '100000', note: 'two deals' });
    expect(call.status).toBe(201);
    expect(ForecastCallItem.parse(call.body)).toMatchObject({ kind: 'call', personId: t.people.rep.id });
    const adjusted = await manager.post('/forecast/adjustments', { period, personId: t.people.rep.id, category: 'commit', amountMinor: '90000', reason: 'one slips' });
    expect(adjusted.status).toBe(201);
    const rollup = ForecastRollupWire.parse((await manager.get(`/forecast/rollup?period=${period}`)).body);
    expect(rollup.rows.find((r) => r.personId === t.people.rep.id)).toMatchObject({ call: { commit: '100000' }, adjustment: { commit: '90000' }, forecast: { commit: '90000' }, canAdjust: true });
    expect((await manager.get(`/forecast/calls?period=${period}`)).body).toMatchObject({ items: [{ kind: 'adjustment' }, { kind: 'call' }] });
    const snapshot = await ops.post('/forecast/snapshots', {});
    expect(snapshot.status).toBe(201);
    expect(ForecastSnapshotResult.parse(snapshot.body).periods[0]?.periodKey).toBe(period);

    for (const path of ['/forecast/rollup', '/forecast/calls']) expect((await s.anonymous.get(path)).status).toBe(401);
    expect((await s.anonymous.post('/forecast/calls', { period, category: 'commit', amountMinor: '1' })).status).toBe(401);
    expect((await rep.post('/forecast/adjustments', { period, personId: t.people.rep2.id, category: 'commit', amountMinor: '1', reason: 'x' })).status).toBe(403);
    expect((await manager.post('/forecast/adjustments', { period, personId: t.people.otherRep.id, category: 'commit', amountMinor: '1', reason: 'x' })).status).toBe(403);
    expect((await ops.post('/forecast/calls', { period, category: 'commit', amountMinor: '1' })).status).toBe(403);
    expect((await manager.post('/forecast/snapshots', {})).status).toBe(403);
    expect((await rep.get(`/forecast/rollup?personId=${t.people.rep2.id}`)).status).toBe(403);
    // Another organisation's people do not exist here.
    expect((await manager.post('/forecast/adjustments', { period, personId: other.people.rep.id, category: 'commit', amountMinor: '1', reason: 'x' })).status).toBe(404);
    expect((await ops.get(`/forecast/rollup?personId=${other.people.manager.id}`)).status).toBe(404);
    expect((await (await s.as(other, 'ops')).get(`/forecast/calls?period=${period}`)).body).toEqual({ items: [] });
    expect(await rep.post('/forecast/calls', { period, category: 'commit', amountMinor: '1.5' })).toMatchObject({ status: 422, body: { error: { details: [{ field: 'amountMinor' }] } } });
    expect(await manager.post('/forecast/adjustments', { period, personId: t.people.rep.id, category: 'commit', amountMinor: '1' })).toMatchObject({ status: 422, body: { error: { details: [{ field: 'reason' }] } } });
    expect(await ops.get('/forecast/rollup?snapshot=2020-01-06')).toMatchObject({ status: 404 });
    // By territory: no active model here, so the deals are all outside one.
    const byTerritory = await manager.get('/forecast/rollup/territories');
    expect(ForecastTerritoryRollupWire.parse(byTerritory.body)).toMatchObject({ model: null, rows: [] });
    expect((await s.anonymous.get('/forecast/rollup/territories')).status).toBe(401);
    expect(await manager.get('/forecast/rollup/territories?period=x')).toMatchObject({ status: 422 });
    expect(ForecastRollupRangeWire.parse((await manager.get('/forecast/rollup/range')).body).periodKey).toBe(period);
    expect((await s.anonymous.get('/forecast/rollup/range')).status).toBe(401);
    expect((await rep.get(`/forecast/rollup/range?personId=${t.people.rep2.id}`)).status).toBe(403);
  });
});
