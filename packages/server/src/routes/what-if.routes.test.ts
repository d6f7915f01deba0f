import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPayCycleOrg, testDialects, warnIfPostgresSkipped, type PayCycleOrg } from '@attain/app/test-support';
import { getPlanVersion, runCalc, savePlanVersion } from '@attain/app';
import type { CostScenarios, DealEstimate, MyEarnings, WhatIfResult } from '@attain/contract';
import { startTestServer, type TestServer } from '../test-support/http.js';

warnIfPostgresSkipped();

describe.each(testDialects())('what-if and my earnings API on %s', (dialect) => {
  let s: TestServer;
  let t: PayCycleOrg;
  let planId: string;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await createPayCycleOrg(s.ctx, 'What-if API');
    planId = t.plans['ae-quota-commission'] as string;
    await t.assign(t.people.rep.id, 'ae-quota-commission', '6000000', '80000000');
    await t.assign(t.people.rep2.id, 'ae-quota-commission', '6000000', '80000000');
    await t.winDeal(t.actors.rep, '10000000', '2026-02-10');
    await t.winDeal(t.actors.rep2, '5000000', '2026-03-01');
    await runCalc(s.ctx, t.actors.finance, { period: '2026-Q1' });
    const v1 = (await getPlanVersion(s.ctx, t.actors.ops, planId, 1)).source;
    const draft = v1.split('\n  examples:')[0]?.replace('version: 1', 'version: 2').replace('rate: "0.10"', 'rate: "0.12"') as string;
    await savePlanVersion(s.ctx, t.actors.ops, planId, { source: `${draft}\n` });
  });
  afterAll(async () => s.close());

  it('runs a what-if on a draft and the cost scenarios for comp roles', async () => {
    const finance = await s.as(t, 'finance');
    const whatIf = await finance.post<WhatIfResult>(`/plans/${planId}/versions/2/what-if`, { period: '2026-Q1' });
    expect(whatIf.status).toBe(200);
    expect(whatIf.body.totals).toEqual({ baselineMinor: '1500000', scenarioMinor: '1800000', differenceMinor: '300000' });
    const cost = await (await s.as(t, 'ops')).get<CostScenarios>(`/plans/${planId}/versions/1/cost-scenarios?period=2026-Q1`);
    expect(cost.status).toBe(200);
    expect(cost.body.scenarios.find((x) => x.key === 'historical')?.totalMinor).toBe('1500000');
    expect((await finance.post(`/plans/${planId}/versions/2/what-if`, { period: 'nope' })).status).toBe(422);
  });

  it('refuses what-if to reps and managers, and to another organisation', async () => {
    for (const who of ['rep', 'manager'] as const) {
      const client = await s.as(t, who);
      expect((await client.post(`/plans/${planId}/versions/2/what-if`, { period: '2026-Q1' })).status).toBe(403);
      expect((await client.get(`/plans/${planId}/versions/1/cost-scenarios?period=2026-Q1`)).status).toBe(403);
    }
    const other = await s.newOrg('What-if API other');
    expect((await (await s.as(other, 'finance')).post(`/plans/${planId}/versions/2/what-if`, { period: '2026-Q1' })).status).toBe(404);
  });

  it("serves /me/* from the caller's own person only", async () => {
    const rep = await s.as(t, 'rep');
    const mine = await rep.get<MyEarnings>('/me/earnings?year=2026');
    expect(mine).toMatchObject({ status: 200, body: { personId: t.people.rep.id, totals: { earnedMinor: '1000000' } } });
    // A person id in the query is not a parameter: still her own.
    const sneaky = await rep.get<MyEarnings>(`/me/earnings?year=2026&personId=${t.people.rep2.id}`);
    expect(sneaky.body.personId).toBe(t.people.rep.id);
    const rob = await (await s.as(t, 'rep2')).get<MyEarnings>('/me/earnings?year=2026');
    expect(rob.body).toMatchObject({ personId: t.people.rep2.id, totals: { earnedMinor: '500000' } });
    const estimate = await rep.post<DealEstimate>('/me/estimate', { amountMinor: '12000000', closeDate: '2026-03-15', personId: t.people.rep2.id });
    expect(estimate).toMatchObject({ status: 200, body: { personId: t.people.rep.id, differenceMinor: '1313699' } });
    expect((await rep.post('/me/estimate', { amountMinor: '-5', closeDate: '2026-03-15' })).status).toBe(422);
    expect((await (await s.as(t, 'finance')).get('/me/earnings')).status).toBe(403);
  });
});
