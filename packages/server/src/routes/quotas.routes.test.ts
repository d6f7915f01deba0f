import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuotaAllocation } from '@attain/contract';
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
});
