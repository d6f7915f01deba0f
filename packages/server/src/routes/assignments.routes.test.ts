import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlanTemplates } from '@attain/app';
import { testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import type { PlanAssignmentChanged, PlanAssignmentDetail, PlanAssignmentItem, PlanListItem } from '@attain/contract';
import { startTestServer, type TestServer } from '../test-support/http.js';

warnIfPostgresSkipped();

describe.each(testDialects())('assignments API on %s', (dialect) => {
  let s: TestServer;
  let t: TestOrg;
  let other: TestOrg;
  const plans: Record<string, string> = {};

  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await s.newOrg('Assign A');
    other = await s.newOrg('Assign B');
    for (const org of [t, other]) await s.database.db.transaction().execute((tx) => seedPlanTemplates(s.ctx, tx, org.admin));
    const list = await (await s.as(t, 'ops')).get<{ items: PlanListItem[] }>('/plans');
    for (const p of list.body.items) plans[p.key] = p.id;
  });
  afterAll(async () => s.close());

  const create = (who: 'finance' | 'ops' | 'admin', body: Record<string, unknown>) =>
    s.as(t, who).then((c) => c.post<PlanAssignmentItem>('/assignments', { planVersion: 1, validFrom: '2026-01-01', targetIncentiveMinor: '6000000', annualQuotaMinor: '80000000', reason: 'FY plan', ...body }));

  it('assigns, explains a quarter, changes effective-dated and lists with filters', async () => {
    const made = await create('finance', { personId: t.people.rep2.id, planId: plans['ae-new-hire-draw'], validFrom: '2026-03-01', annualQuotaMinor: '10000000', ramp: ['0.5'] });
    expect(made).toMatchObject({ status: 201, body: { validTo: '2026-12-31', targetIncentiveMinor: '6000000', annualQuotaMinor: '10000000', ramp: ['0.5'] } });
    const finance = await s.as(t, 'finance');
    const q1 = await finance.get<PlanAssignmentDetail>(`/assignments/${made.body.id}?period=2026-Q1`);
    // 100,000 x 0.20 / 3 for March, at ramp 0.5: 3,333.33.
    expect(q1).toMatchObject({ status: 200, body: { terms: { daysOnPlan: 31, quota: { method: 'phased', amountMinor: '333333' } } } });
    expect(q1.body.terms?.steps.length).toBeGreaterThan(3);
    expect((await finance.get<PlanAssignmentDetail>(`/assignments/${made.body.id}`)).body.terms).toBeNull();
    expect((await finance.get(`/assignments/${made.body.id}?period=soon`)).body).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'period' }] } });

    const changed = await finance.post<PlanAssignmentChanged>(`/assignments/${made.body.id}/change`, { effectiveFrom: '2026-10-01', annualQuotaMinor: '12000000', reason: 'territory grew' });
    expect(changed).toMatchObject({ status: 201, body: { ended: { validTo: '2026-09-30' }, created: { validFrom: '2026-10-01', annualQuotaMinor: '12000000', ramp: ['0.5'] } } });
    const asOf = await finance.get<{ items: PlanAssignmentItem[] }>(`/assignments?personId=${t.people.rep2.id}&asOf=2026-10-01`);
    expect(asOf.body.items.map((a) => a.id)).toEqual([changed.body.created.id]);
    const byPlan = await finance.get<{ items: PlanAssignmentItem[] }>(`/assignments?planId=${plans['ae-new-hire-draw']}`);
    expect(byPlan.body.items).toHaveLength(2);
  });

  it('refuses unknown fields, bad amounts and ramps (422 naming the field) and a second overlapping assignment (409 on validFrom)', async () => {
    const base = { personId: t.people.rep.id, planId: plans['ae-quota-commission'] };
    expect((await create('ops', base)).status).toBe(201);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, validFrom: '2026-05-01' }, 409, 'validFrom'],
      [{ ...base, targetIncentiveMinor: '-5' }, 422, 'targetIncentiveMinor'],
      [{ ...base, annualQuotaMinor: '1e6' }, 422, 'annualQuotaMinor'],
      [{ ...base, ramp: ['1.5'] }, 422, 'ramp.0'],
      [{ ...base, payout: '1000' }, 422, 'payout'],
      [{ ...base, validFrom: '2025-06-01' }, 422, 'validFrom'],
    ];
    for (const [body, status, field] of cases) {
      const res = await create('ops', body);
      expect([field, res.status]).toEqual([field, status]);
      expect(res.body).toMatchObject({ error: { details: [{ field }] } });
    }
    expect((await (await s.as(t, 'finance')).get('/assignments?unknown=1')).status).toBe(422);
  });

  it('lets reps and managers read within reach only: 403 on writes, 404 outside the reach and across organisations', async () => {
    const own = await create('finance', { personId: t.people.rep.id, planId: plans['manager-override'], annualQuotaMinor: null });
    const peer = await create('finance', { personId: t.people.otherRep.id, planId: plans['ae-quota-commission'] });
    const team = (await (await s.as(t, 'finance')).get<{ items: PlanAssignmentItem[] }>(`/assignments?personId=${t.people.rep2.id}`)).body.items[0] as PlanAssignmentItem;
    const rep = await s.as(t, 'rep');
    const manager = await s.as(t, 'manager');
    expect((await rep.get(`/assignments/${own.body.id}`)).status).toBe(200);
    expect((await manager.get(`/assignments/${team.id}?period=2026-Q4`)).status).toBe(200);
    for (const [client, hidden] of [[rep, peer.body.id], [rep, team.id], [manager, peer.body.id]] as const) {
      for (const path of [`/assignments/${hidden}`, `/assignments/${hidden}?period=2026-Q1`]) {
        const res = await client.get(path);
        expect([path, res.status, res.body]).toEqual([path, 404, expect.objectContaining({ error: expect.objectContaining({ code: 'not_found' }) })]);
      }
    }
    const repList = await rep.get<{ items: PlanAssignmentItem[] }>('/assignments');
    expect(new Set(repList.body.items.map((a) => a.personId))).toEqual(new Set([t.people.rep.id]));
    const managerList = await manager.get<{ items: PlanAssignmentItem[] }>('/assignments');
    expect(managerList.body.items.map((a) => a.personId)).not.toContain(t.people.otherRep.id);
    expect(managerList.body.items.map((a) => a.personId)).toContain(t.people.rep2.id);
    for (const client of [rep, manager]) {
      expect((await client.post('/assignments', { personId: t.people.rep.id, planId: plans['spif-q1-new-logos'], planVersion: 1, validFrom: '2026-02-01', targetIncentiveMinor: '100', reason: 'x' })).status).toBe(403);
      expect((await client.post(`/assignments/${own.body.id}/change`, { effectiveFrom: '2026-06-01', reason: 'x' })).status).toBe(403);
    }
    for (const who of ['admin', 'ops', 'finance'] as const) {
      const stranger = await s.as(other, who);
      expect((await stranger.get(`/assignments/${own.body.id}`)).status).toBe(404);
      expect((await stranger.post(`/assignments/${own.body.id}/change`, { effectiveFrom: '2026-06-01', reason: 'x' })).status).toBe(404);
      expect((await stranger.get<{ items: unknown[] }>('/assignments')).body.items).toEqual([]);
      // Another organisation's person is an unknown id, never assigned.
      const cross = await stranger.post('/assignments', { personId: t.people.rep.id, planId: plans['ae-quota-commission'], planVersion: 1, validFrom: '2026-01-01', targetIncentiveMinor: '100', annualQuotaMinor: '100', reason: 'x' });
      expect(cross.status).toBe(422);
    }
    expect((await s.anonymous.get('/assignments')).status).toBe(401);
  });
});
