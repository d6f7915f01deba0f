import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlanTemplates } from '@attain/app';
import { testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import type { CalcRunItem, CalcRunVerification, LedgerEntryItem, PlanListItem, StatementSummaryItem, StatementWire } from '@attain/contract';
import { startTestServer, type Client, type TestServer } from '../test-support/http.js';

warnIfPostgresSkipped();

describe.each(testDialects())('pay cycle API on %s', (dialect) => {
  let s: TestServer;
  let t: TestOrg;
  let other: TestOrg;
  let finance: Client;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await s.newOrg('Pay A');
    other = await s.newOrg('Pay B');
    await s.database.db.transaction().execute((tx) => seedPlanTemplates(s.ctx, tx, t.admin));
    finance = await s.as(t, 'finance');
    const plans = Object.fromEntries((await finance.get<{ items: PlanListItem[] }>('/plans')).body.items.map((p) => [p.key, p.id]));
    for (const personId of [t.people.rep.id, t.people.rep2.id]) {
      const made = await finance.post('/assignments', {
        personId, planId: plans['ae-quota-commission'], planVersion: 1, validFrom: '2026-01-01', targetIncentiveMinor: '6000000', annualQuotaMinor: '80000000', reason: 'FY2026',
      });
      expect(made.status).toBe(201);
    }
    const rep = await s.as(t, 'rep');
    const deal = await rep.post<{ id: string; pipelineId: string }>('/opportunities', { name: 'Won', amountMinor: '10000000', closeDate: '2026-02-10' });
    const pipeline = await rep.get<{ stages: { id: string; isWon: boolean }[] }>(`/pipelines/${deal.body.pipelineId}`);
    await rep.patch(`/opportunities/${deal.body.id}`, { stageId: pipeline.body.stages.find((x) => x.isWon)?.id });
  });
  afterAll(async () => s.close());

  async function published(id: string): Promise<CalcRunItem> {
    for (;;) {
      const run = await finance.get<CalcRunItem>(`/calc-runs/${id}`);
      if (run.body.status !== 'running') return run.body;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('runs a period in the background, shows statements within reach, verifies, exports CSV and posts adjustments', async () => {
    const started = await finance.post<CalcRunItem>('/calc-runs', { period: '2026-Q1' });
    expect(started).toMatchObject({ status: 201, body: { periodKey: 'FY2026-Q1', status: 'running', progressTotal: 2 } });
    expect(await published(started.body.id)).toMatchObject({ status: 'published', payeeCount: 2, payoutMinor: '1000000', progressDone: 2 });
    expect((await finance.get<{ items: CalcRunItem[] }>('/calc-runs?period=2026-Q1')).body.items).toHaveLength(1);

    const rep = await s.as(t, 'rep');
    expect((await rep.get<{ items: StatementSummaryItem[] }>('/statements?period=2026-Q1')).body.items.map((i) => i.personName)).toEqual(['Rita Rep']);
    const own = await rep.get<StatementWire>(`/statements/${t.people.rep.id}/2026-Q1`);
    expect(own).toMatchObject({ status: 200, body: { payoutMinor: '1000000', postedMinor: '1000000', credits: [{ creditType: 'booking', amountMinor: '10000000' }] } });
    expect(own.body.plans[0]?.explanation.some((r) => r.step === 'paid' && r.amountMinor === '1000000')).toBe(true);
    const csv = await rep.get(`/statements/${t.people.rep.id}/2026-Q1/csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('summary,Rita Rep,earned');

    const verified = await finance.post<CalcRunVerification>(`/calc-runs/${started.body.id}/verify`, {});
    expect(verified.body).toMatchObject({ ok: true, payees: 2 });

    const hold = await finance.post<LedgerEntryItem>('/ledger-entries', { personId: t.people.rep.id, period: '2026-Q1', type: 'hold', amountMinor: '200000', reason: 'pending signed order form' });
    expect(hold).toMatchObject({ status: 201, body: { type: 'hold', amountMinor: '-200000' } });
    const tooMuch = await finance.post('/ledger-entries', { personId: t.people.rep.id, period: '2026-Q1', type: 'hold-release', amountMinor: '300000', reason: 'signed', relatedEntryId: hold.body.id });
    expect(tooMuch.body).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'amountMinor' }] } });
    await finance.post('/ledger-entries', { personId: t.people.rep.id, period: '2026-Q1', type: 'hold-release', amountMinor: '200000', reason: 'signed', relatedEntryId: hold.body.id });
    expect((await rep.get<StatementWire>(`/statements/${t.people.rep.id}/2026-Q1`)).body.ledger.map((e) => e.type)).toEqual(['earning', 'hold', 'hold-release']);
  });

  it('keeps pay private: a peer, a rep of another team and another organisation get 404; reps and managers cannot run or adjust', async () => {
    await published((await finance.post<CalcRunItem>('/calc-runs', { period: '2026-Q2' })).body.id);
    for (const who of ['rep2', 'otherRep'] as const) {
      const c = await s.as(t, who);
      expect((await c.get(`/statements/${t.people.rep.id}/2026-Q1`)).status).toBe(404);
      expect((await c.get(`/statements/${t.people.rep.id}/2026-Q1/csv`)).status).toBe(404);
    }
    const foreign = await s.as(other, 'finance');
    expect((await foreign.get(`/statements/${t.people.rep.id}/2026-Q1`)).status).toBe(404);
    const runs = (await finance.get<{ items: CalcRunItem[] }>('/calc-runs')).body.items;
    expect((await foreign.get(`/calc-runs/${runs[0]?.id}`)).status).toBe(404);
    expect((await foreign.get<{ items: CalcRunItem[] }>('/calc-runs')).body.items).toEqual([]);
    for (const who of ['rep', 'manager'] as const) {
      const c = await s.as(t, who);
      expect((await c.post('/calc-runs', { period: '2026-Q1' })).status).toBe(403);
      expect((await c.post('/ledger-entries', { personId: t.people.rep.id, period: '2026-Q1', type: 'bonus', amountMinor: '1', reason: 'x' })).status).toBe(403);
      expect((await c.get('/calc-runs')).status).toBe(403);
    }
    expect((await finance.post('/calc-runs', { period: '2026' })).body).toMatchObject({ error: { details: [{ field: 'period' }] } });
  });
});
