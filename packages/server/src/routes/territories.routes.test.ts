import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, warnIfPostgresSkipped } from '@attain/app/test-support';
import type { TerritoryActivateResult, TerritoryDiffWire, TerritoryMapWire, TerritoryModelDetail } from '@attain/contract';
import { startTestServer, type TestServer } from '../test-support/http.js';
import type { TestOrg } from '@attain/app/test-support';

warnIfPostgresSkipped();

describe.each(testDialects())('territory model API on %s', (dialect) => {
  let s: TestServer;
  let t: TestOrg;
  let other: TestOrg;
  let accountId: string;

  const model = () => ({
    ownerRole: 'ae', types: [],
    territories: [{ key: 'CA', name: 'California', parent: null, level: 'territory', type: null, members: [{ personId: t.people.rep2.id, placeholder: null, role: 'ae', from: null, to: null }] }],
    rules: [{ territory: 'CA', filter: { field: 'region', op: 'is', value: 'CA' } }], manual: [], locks: [],
  });

  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await s.newOrg('Territory API');
    other = await s.newOrg('Territory API B');
    const ops = await s.as(t, 'ops');
    const created = await ops.post<{ id: string }>('/accounts', { name: 'Fresno Foods', region: 'CA', latitude: 36.7378, longitude: -119.7871, potentialMinor: '100000', ownerId: t.people.rep.id });
    accountId = created.body.id;
  });
  afterAll(async () => s.close());

  it('creates, saves, maps, dry-runs and activates a model; the account changes hands and keeps its history', async () => {
    const ops = await s.as(t, 'ops');
    const created = await ops.post<TerritoryModelDetail>('/territory-models', { name: 'FY27' });
    expect(created).toMatchObject({ status: 201, body: { status: 'planning', version: 1 } });
    const id = created.body.id;
    const bad = await ops.put(`/territory-models/${id}`, { name: 'FY27', definition: { ...model(), rules: [{ territory: 'TX', filter: {} }] }, baseVersion: 1 });
    expect(bad).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', details: [{ field: 'rules[0].territory' }, { field: 'rules[0].filter.field' }] } } });
    expect((await ops.put(`/territory-models/${id}`, { name: 'FY27', definition: model(), baseVersion: 1 })).status).toBe(200);
    expect((await ops.put(`/territory-models/${id}`, { name: 'FY27', definition: model(), baseVersion: 1 })).status).toBe(409);

    const manager = await s.as(t, 'manager');
    const map = await manager.get<TerritoryMapWire>(`/territory-models/${id}/map`);
    expect(map.body).toMatchObject({ territories: [{ key: 'CA', accounts: 1, owner: { personId: t.people.rep2.id } }], counties: [{ fips: '06019', territory: 'CA' }], unassigned: 0 });
    const diff = await manager.get<TerritoryDiffWire>(`/territory-models/${id}/diff?effectiveDate=2030-01-01`);
    expect(diff.body).toMatchObject({ effectiveDate: '2030-01-01', moved: { accounts: 1, potentialMinor: '100000' } });
    expect((await ops.post(`/territory-models/${id}/activate`, { effectiveDate: '2020-01-01' })).status).toBe(422);
    const activated = await ops.post<TerritoryActivateResult>(`/territory-models/${id}/activate`, { effectiveDate: '2030-01-01' });
    expect(activated.body).toMatchObject({ model: { status: 'active', effectiveFrom: '2030-01-01' }, changed: 1, pending: true });
    expect((await manager.get('/territories/supported?minimumMinor=50000')).body).toMatchObject({ totalMinor: '100000', territories: 1, smallestMinor: '100000' });
    expect((await manager.get('/territories/supported?minimumMinor=-1')).status).toBe(422);
    const history = await ops.get<{ items: unknown[] }>(`/accounts/${accountId}/territories`);
    expect(history.body.items).toEqual([expect.objectContaining({ validFrom: '2030-01-01', territory: 'CA', territoryName: 'California', ownerId: t.people.rep2.id })]);
  });

  it('streams the optimizer\'s progress, then its result, with Accept: application/x-ndjson; a bad body is still plain JSON', async () => {
    const ops = await s.as(t, 'ops');
    const id = (await ops.post<TerritoryModelDetail>('/territory-models', { name: 'Streamed' })).body.id;
    const res = await ops.post<string>(`/territory-models/${id}/optimize`, { territories: 2, tolerance: 0.5, baseVersion: 1 }, { accept: 'application/x-ndjson' });
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/x-ndjson; charset=utf-8']);
    const lines = (res.body as string).trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; stage?: string; done?: number; total?: number; result?: { model: { version: number } } });
    expect(lines.map((l) => l.stage ?? l.type)).toEqual(['reading', ...lines.slice(1, -2).map(() => 'optimizing'), 'saving', 'result']);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.at(-1)?.result?.model.version).toBe(2);
    // The same refusal as the JSON variant, as the last line: the model moved on to version 2.
    const stale = await ops.post<string>(`/territory-models/${id}/optimize`, { territories: 2, tolerance: 0.5, baseVersion: 1 }, { accept: 'application/x-ndjson' });
    expect(JSON.parse((stale.body as string).trimEnd().split('\n').at(-1) as string)).toMatchObject({ type: 'error', status: 409, error: { code: 'conflict' } });
    const bad = await ops.post(`/territory-models/${id}/optimize`, { territories: 1, baseVersion: 2 }, { accept: 'application/x-ndjson' });
    expect(bad).toMatchObject({ status: 422, body: { error: { details: [{ field: 'territories' }] } } });
  });

  it('refuses reps (403) and strangers (401), lets leaders read but not write, and keeps organisations apart', async () => {
    const ops = await s.as(t, 'ops');
    const id = (await ops.post<TerritoryModelDetail>('/territory-models', { name: 'Scope' })).body.id;
    const writes: [string, string, unknown][] = [
      ['POST', '/territory-models', { name: 'X' }], ['PUT', `/territory-models/${id}`, { name: 'X', definition: model(), baseVersion: 1 }],
      ['POST', `/territory-models/${id}/optimize`, { territories: 2, baseVersion: 1 }], ['POST', `/territory-models/${id}/activate`, { effectiveDate: '2031-01-01' }],
      ['POST', `/territory-models/${id}/archive`, {}],
    ];
    const reads: [string, string, unknown][] = [['GET', '/territory-models', undefined], ['GET', `/territory-models/${id}`, undefined], ['GET', `/territory-models/${id}/map`, undefined], ['GET', `/territory-models/${id}/diff`, undefined]];
    const rep = await s.as(t, 'rep');
    for (const [method, path, body] of [...writes, ...reads]) {
      expect([method, path, (await rep.request(method, path, body)).status]).toEqual([method, path, 403]);
      expect((await s.anonymous.request(method, path, body)).status).toBe(401);
    }
    for (const who of ['manager', 'finance'] as const) {
      const client = await s.as(t, who);
      for (const [method, path, body] of writes) expect([who, path, (await client.request(method, path, body)).status]).toEqual([who, path, 403]);
      expect((await client.get(`/territory-models/${id}`)).status).toBe(200);
    }
    expect((await rep.get('/territories/supported?minimumMinor=100')).status).toBe(403);
    expect((await s.anonymous.get('/territories/supported?minimumMinor=100')).status).toBe(401);
    const stranger = await s.as(other, 'ops');
    expect((await stranger.get<{ items: unknown[] }>('/territory-models')).body.items).toEqual([]);
    // Another organisation's market is its own: no accounts, no territory.
    expect((await stranger.get('/territories/supported?minimumMinor=100')).body).toMatchObject({ totalMinor: '0', territories: 0 });
    for (const [method, path, body] of [...writes.slice(1), ...reads.slice(1)]) expect([path, (await stranger.request(method, path, body)).status]).toEqual([path, 404]);
    expect((await stranger.get(`/accounts/${accountId}/territories`)).status).toBe(404);
    // A rep reads the history of her own accounts only.
    expect((await rep.get(`/accounts/${accountId}/territories`)).status).toBe(200);
    expect((await (await s.as(t, 'rep2')).get(`/accounts/${accountId}/territories`)).status).toBe(404);
  });
});
