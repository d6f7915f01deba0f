import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataQualityWire, OutputAnalyticsWire } from '@attain/contract';
import { testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import { startTestServer, type TestServer } from '../test-support/http.js';

warnIfPostgresSkipped();

describe.each(testDialects())('analytics routes on %s', (dialect) => {
  let s: TestServer;
  let t: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await s.newOrg('Analytics A');
    other = await s.newOrg('Analytics B');
  });
  afterAll(async () => s.close());

  it('serves output analytics in its documented shape within the caller\'s reach: 401, 403, 404 across organisations, 422 naming the period', async () => {
    const manager = await s.as(t, 'manager');
    const team = await manager.get('/analytics/output');
    expect(team.status).toBe(200);
    expect(OutputAnalyticsWire.parse(team.body)).toMatchObject({ root: { personId: t.people.manager.id }, deals: null });
    expect(OutputAnalyticsWire.parse((await manager.get(`/analytics/output?personId=${t.people.rep.id}&period=FY2026`)).body).deals).toEqual([]);
    expect((await s.anonymous.get('/analytics/output')).status).toBe(401);
    expect((await (await s.as(t, 'rep')).get(`/analytics/output?personId=${t.people.rep2.id}`)).status).toBe(403);
    expect((await manager.get(`/analytics/output?personId=${t.people.otherRep.id}`)).status).toBe(403);
    expect((await (await s.as(other, 'ops')).get(`/analytics/output?personId=${t.people.rep.id}`)).status).toBe(404);
    expect(await manager.get('/analytics/output?period=soon')).toMatchObject({ status: 422, body: { error: { details: [{ field: 'period' }] } } });
  });

  it('serves data quality the same way: the shape, 401, 403, 404 across organisations, 422 naming the setting', async () => {
    const manager = await s.as(t, 'manager');
    const q = await manager.get('/analytics/data-quality?staleDays=14&pushLimit=3');
    expect(q.status).toBe(200);
    expect(DataQualityWire.parse(q.body)).toMatchObject({ staleDays: 14, pushLimit: 3, root: { personId: t.people.manager.id } });
    expect((await s.anonymous.get('/analytics/data-quality')).status).toBe(401);
    expect((await (await s.as(t, 'rep')).get(`/analytics/data-quality?personId=${t.people.rep2.id}`)).status).toBe(403);
    expect((await (await s.as(other, 'manager')).get(`/analytics/data-quality?personId=${t.people.rep.id}`)).status).toBe(404);
    expect(await manager.get('/analytics/data-quality?staleDays=0')).toMatchObject({ status: 422, body: { error: { details: [{ field: 'staleDays' }] } } });
  });
});
