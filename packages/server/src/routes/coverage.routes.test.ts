import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, warnIfPostgresSkipped } from '@attain/app/test-support';
import type { CoverageAnalysisWire, CoverageModelDetail } from '@attain/contract';
import { startTestServer, type TestServer } from '../test-support/http.js';
import type { TestOrg } from '@attain/app/test-support';

warnIfPostgresSkipped();

const MODEL = {
  segments: [
    { key: 'big', name: 'Big', rule: { field: 'employees', op: 'gte', value: '500' }, coverage: [{ role: 'ae', hoursPerAccount: '30' }] },
    { key: 'rest', name: 'Rest', rule: null, coverage: [{ role: 'ae', hoursPerAccount: '5' }] },
  ],
  roles: [{ key: 'ae', name: 'AE', hoursPerRep: '1000', headcount: null }],
};

describe.each(testDialects())('coverage API on %s', (dialect) => {
  let s: TestServer;
  let t: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await s.newOrg('Coverage API');
    other = await s.newOrg('Coverage API B');
    const ops = await s.as(t, 'ops');
    for (const [name, employees] of [['Huge', 5000], ['Tiny', 5]] as const) expect((await ops.post('/accounts', { name, employees, potentialMinor: '100000' })).status).toBe(201);
  });
  afterAll(async () => s.close());

  it('reads the starter model, saves a version, analyses a draft and applies the saved model', async () => {
    const ops = await s.as(t, 'ops');
    expect((await ops.get<CoverageModelDetail>('/coverage/model')).body).toMatchObject({ version: null, model: { segments: [{ key: 'enterprise' }, { key: 'mid-market' }, { key: 'smb' }] } });
    const bad = await ops.put('/coverage/model', { model: { ...MODEL, segments: [MODEL.segments[1], MODEL.segments[0]] }, baseVersion: null });
    expect(bad).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', details: [{ field: 'segments[0].rule' }, { field: 'segments[1].rule' }] } } });
    expect(await ops.put('/coverage/model', { model: MODEL, baseVersion: null })).toMatchObject({ status: 200, body: { version: 1, model: MODEL } });
    expect((await ops.put('/coverage/model', { model: MODEL, baseVersion: null })).status).toBe(409);

    const manager = await s.as(t, 'manager');
    const analysis = await manager.post<CoverageAnalysisWire>('/coverage/analysis', {});
    expect(analysis.body).toMatchObject({ accounts: 2, changes: 2, segments: [{ key: 'big', accounts: 1 }, { key: 'rest', accounts: 1 }], roles: [{ key: 'ae', workloadHours: '35', repsNeeded: '1' }] });
    const draft = await manager.post<CoverageAnalysisWire>('/coverage/analysis', { model: { ...MODEL, roles: [{ ...MODEL.roles[0], hoursPerRep: '20', headcount: 0 }] } });
    expect(draft.body.roles[0]).toMatchObject({ repsNeeded: '2', covered: { accounts: 0 }, uncovered: { accounts: 2, potentialMinor: '200000' } });
    expect((await ops.post('/coverage/apply', {})).body).toEqual({ version: 1, changed: 2, bySegment: { big: 1, rest: 1 } });
  });

  it('refuses reps (403) and strangers (401), lets leaders read but not write, and keeps organisations apart', async () => {
    const rep = await s.as(t, 'rep');
    const requests: [string, string, unknown][] = [['GET', '/coverage/model', undefined], ['PUT', '/coverage/model', { model: MODEL, baseVersion: 1 }], ['POST', '/coverage/analysis', {}], ['POST', '/coverage/apply', {}]];
    for (const [method, path, body] of requests) {
      expect([method, path, (await rep.request(method, path, body)).status]).toEqual([method, path, 403]);
      expect((await s.anonymous.request(method, path, body)).status).toBe(401);
    }
    for (const who of ['manager', 'finance'] as const) {
      const client = await s.as(t, who);
      expect((await client.put('/coverage/model', { model: MODEL, baseVersion: 1 })).status).toBe(403);
      expect((await client.post('/coverage/apply', {})).status).toBe(403);
    }
    const stranger = await s.as(other, 'ops');
    expect((await stranger.get<CoverageModelDetail>('/coverage/model')).body.version).toBeNull();
    expect((await stranger.post<CoverageAnalysisWire>('/coverage/analysis', {})).body.accounts).toBe(0);
  });
});
