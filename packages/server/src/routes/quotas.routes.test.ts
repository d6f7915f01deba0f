import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuotaAllocation, QuotaPlanApproved, QuotaPlanComparison, QuotaPlanDetail } from '@attain/contract';
import type { TestOrg } from '@attain/app/test-support';
import { startTestServer, type TestServer } from '../test-support/http.js';

describe('quota allocation API', () => {
  let s: TestServer;
  let t: TestOrg;

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    t = await s.newOrg('Quota API');
    const ops = await s.as(t, 'ops');
    await ops.post('/accounts', { name: 'Big potential', potentialMinor: '300000', ownerId: t.people.rep.id });
    await ops.post('/accounts', { name: 'Small potential', potentialMinor: '100000', ownerId: t.people.rep2.id });
  });
  afterAll(async () => s.close());

  it('allocates for sales ops and finance, names a bad field, and refuses reps, managers and strangers', async () => {
    const ops = await s.as(t, 'ops');
    // No bookings last year: potential alone (3:1, Olga none).
    const allocated = await ops.post<QuotaAllocation>('/quotas/allocate', { fiscalYear: 2027, targetMinor: '400000' });
    expect(allocated.status).toBe(200);
    expect(allocated.body.sellers.map((x) => [x.name, x.quotaMinor])).toEqual(expect.arrayContaining([['Rita Rep', '300000'], ['Rob Rep', '100000'], ['Olga Rep', '0']]));
    expect((await (await s.as(t, 'finance')).post('/quotas/allocate', { fiscalYear: 2027, targetMinor: '1' })).status).toBe(200);
    expect(await ops.post('/quotas/allocate', { fiscalYear: 2027, targetMinor: 'lots' })).toMatchObject({ status: 422, body: { error: { details: [{ field: 'targetMinor' }] } } });
    for (const who of ['rep', 'manager'] as const) expect((await (await s.as(t, who)).post('/quotas/allocate', { fiscalYear: 2027, targetMinor: '1' })).status).toBe(403);
    expect((await s.anonymous.post('/quotas/allocate', { fiscalYear: 2027, targetMinor: '1' })).status).toBe(401);
  });

  it('stores a plan, saves, submits, approves by another; every route refuses reps, managers, strangers and other organisations', async () => {
    const ops = await s.as(t, 'ops');
    const finance = await s.as(t, 'finance');
    const created = await ops.post<QuotaPlanDetail>('/quota-plans', { fiscalYear: 2027, targetMinor: '400000', phasing: { by: 'quarter', weights: ['0.25', '0.25', '0.25', '0.25'] } });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body.lines.filter((l) => l.kind === 'seller').map((l) => l.quarters)).toContainEqual(['75000', '75000', '75000', '75000']);
    expect(await ops.post('/quota-plans', { fiscalYear: 2027, targetMinor: '1' })).toMatchObject({ status: 409 });
    expect(await ops.put(`/quota-plans/${id}`, { baseVersion: 1, reason: 'x', paddingBound: 'lots' })).toMatchObject({ status: 422, body: { error: { details: [{ field: 'paddingBound' }] } } });
    const rita = created.body.lines.find((l) => l.name === 'Rita Rep')?.key as string;
    expect((await ops.put<QuotaPlanDetail>(`/quota-plans/${id}`, { baseVersion: 1, reason: 'round', edits: [{ key: rita, annualMinor: '290000', reason: 'less' }] })).body.version).toBe(2);
    expect((await ops.get<QuotaPlanComparison>(`/quota-plans/${id}/compare?from=1&to=2`)).body).toMatchObject({ from: 1, to: 2, lines: [{ name: 'Rita Rep', beforeMinor: '300000', afterMinor: '290000', reason: 'less' }] });
    expect((await finance.get<QuotaPlanDetail>(`/quota-plans/${id}?version=1`)).body.shownVersion).toBe(1);
    // No active territory model: nothing to lay the quotas over.
    expect((await finance.get(`/quota-plans/${id}/territories`)).body).toMatchObject({ modelId: null, territories: [] });
    expect((await ops.post(`/quota-plans/${id}/submit`, { comment: 'please' })).status).toBe(200);
    expect((await ops.post(`/quota-plans/${id}/approve`, { version: 2 })).status).toBe(403);
    const approved = await finance.post<QuotaPlanApproved>(`/quota-plans/${id}/approve`, { version: 2 });
    expect(approved).toMatchObject({ status: 200, body: { plan: { status: 'approved', approvedVersion: 2 } } });

    const other = await s.newOrg('Quota API other');
    const stranger = await s.as(other, 'admin');
    const routes: [string, string, object?][] = [
      ['get', '/quota-plans'], ['post', '/quota-plans', { fiscalYear: 2028, targetMinor: '1' }], ['get', `/quota-plans/${id}`], ['put', `/quota-plans/${id}`, { baseVersion: 2, reason: 'x' }],
      ['post', `/quota-plans/${id}/submit`, {}], ['post', `/quota-plans/${id}/approve`, { version: 2 }], ['post', `/quota-plans/${id}/reject`, { comment: 'no' }], ['post', `/quota-plans/${id}/territory-change`, { baseVersion: 2, modelId: 'm', effectiveDate: '2027-06-01' }], ['get', `/quota-plans/${id}/compare?from=1&to=2`], ['get', `/quota-plans/${id}/territories`],
    ];
    // Bottom-up: managers only; another organisation's manager finds nothing.
    const manager = await s.as(t, 'manager');
    expect((await manager.get<{ items: unknown[] }>('/team-quotas')).body.items).toHaveLength(1);
    expect((await manager.post(`/team-quotas/${id}/proposals`, { edits: [{ key: rita, annualMinor: '1', reason: 'x' }] })).status).toBe(409);
    const team: [string, string, object?][] = [['get', '/team-quotas'], ['get', `/team-quotas/${id}`], ['post', `/team-quotas/${id}/proposals`, { edits: [{ key: rita, annualMinor: '1', reason: 'x' }] }], ['post', `/team-quotas/${id}/sign-off`, {}]];
    for (const [method, path, body] of team) {
      for (const who of ['rep', 'ops', 'finance'] as const) {
        const client = await s.as(t, who);
        expect([path, (method === 'get' ? await client.get(path) : await client.post(path, body)).status]).toEqual([path, 403]);
      }
      expect([path, (method === 'get' ? await s.anonymous.get(path) : await s.anonymous.post(path, body)).status]).toEqual([path, 401]);
      if (path.includes(id)) {
        const outsider = await s.as(other, 'manager');
        expect([path, (method === 'get' ? await outsider.get(path) : await outsider.post(path, body)).status]).toEqual([path, 404]);
      }
    }
    for (const [method, path, body] of routes) {
      for (const who of ['rep', 'manager'] as const) {
        const client = await s.as(t, who);
        const res = method === 'get' ? await client.get(path) : method === 'put' ? await client.put(path, body) : await client.post(path, body);
        expect([path, res.status]).toEqual([path, 403]);
      }
      const anon = method === 'get' ? await s.anonymous.get(path) : method === 'put' ? await s.anonymous.put(path, body) : await s.anonymous.post(path, body);
      expect([path, anon.status]).toEqual([path, 401]);
      if (path.includes(id)) {
        const res = method === 'get' ? await stranger.get(path) : method === 'put' ? await stranger.put(path, body) : await stranger.post(path, body);
        expect([path, res.status]).toEqual([path, 404]);
      }
    }
  });
});
