import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlanTemplates } from '@attain/app';
import { testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import type { CalcRunItem, CapitalizationPolicyWire, JournalEntriesWire, PlanListItem, RollForwardWire } from '@attain/contract';
import { startTestServer, type Client, type TestServer } from '../test-support/http.js';

warnIfPostgresSkipped();

const POLICY = {
  incrementalComponentIds: ['ae-quota-commission/commission'], benefitPeriod: { basis: 'customer-life', months: 60 }, practicalExpedient: true, defaultContractTermMonths: 24,
  accounts: { deferredCommissionAsset: '1450', commissionExpense: '6100', commissionsPayable: '2150', impairmentExpense: '+6110' },
};

describe.each(testDialects())('capitalization API on %s', (dialect) => {
  let s: TestServer;
  let t: TestOrg;
  let other: TestOrg;
  let finance: Client;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await s.newOrg('Cap A');
    other = await s.newOrg('Cap B');
    await s.database.db.transaction().execute((tx) => seedPlanTemplates(s.ctx, tx, t.admin));
    finance = await s.as(t, 'finance');
    const plans = Object.fromEntries((await finance.get<{ items: PlanListItem[] }>('/plans')).body.items.map((p) => [p.key, p.id]));
    const made = await finance.post('/assignments', {
      personId: t.people.rep.id, planId: plans['ae-quota-commission'], planVersion: 1, validFrom: '2026-01-01', targetIncentiveMinor: '6000000', annualQuotaMinor: '80000000', reason: 'FY2026',
    });
    expect(made.status).toBe(201);
    // 30,000.00 won in February: 10% is a commission of 3,000.00.
    const rep = await s.as(t, 'rep');
    const deal = await rep.post<{ id: string; pipelineId: string }>('/opportunities', { name: 'Won', amountMinor: '3000000', closeDate: '2026-02-10' });
    const pipeline = await rep.get<{ stages: { id: string; isWon: boolean }[] }>(`/pipelines/${deal.body.pipelineId}`);
    await rep.patch(`/opportunities/${deal.body.id}`, { stageId: pipeline.body.stages.find((x) => x.isWon)?.id });
    const run = await finance.post<CalcRunItem>('/calc-runs', { period: '2026-Q1' });
    for (;;) {
      if ((await finance.get<CalcRunItem>(`/calc-runs/${run.body.id}`)).body.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }, 60_000);
  afterAll(async () => s.close());

  it('sets the policy, rolls forward to the cent and exports the journal as JSON and formula-safe CSV', async () => {
    expect((await finance.get('/capitalization/policy')).status).toBe(404);
    expect((await finance.put('/capitalization/policy', { ...POLICY, extra: 1 })).status).toBe(422);
    const bad = await finance.put('/capitalization/policy', { ...POLICY, accounts: { ...POLICY.accounts, commissionsPayable: '6100' } });
    expect(bad.body).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'accounts.commissionsPayable' }] } });
    const set = await finance.put<CapitalizationPolicyWire>('/capitalization/policy', POLICY);
    expect(set).toMatchObject({ status: 200, body: { version: 1, policy: POLICY } });
    expect((await finance.get<CapitalizationPolicyWire>('/capitalization/policy')).body.version).toBe(1);

    const r = await finance.get<RollForwardWire>('/capitalization/roll-forward?from=2026-02&to=2026-12');
    expect(r.status).toBe(200);
    expect(r.body.total).toEqual({ openingMinor: '0', capitalizedMinor: '300000', amortizedMinor: '50000', impairedMinor: '0', closingMinor: '250000' });
    expect(r.body.months.map((m) => m.amortizedMinor)).toEqual(['0', ...Array<string>(10).fill('5000')]);
    expect(r.body.byPayee.map((p) => p.payeeId)).toEqual([t.people.rep.id]);

    const j = await finance.get<JournalEntriesWire>('/capitalization/journal-entries?from=2026-03&to=2026-04');
    expect(j.body.items.map((e) => [e.date, e.kind, e.lines.map((l) => `${l.side} ${l.account} ${l.amountMinor}`)])).toEqual([
      ['2026-03-31', 'capitalization', ['debit 1450 300000', 'credit 2150 300000']],
      ['2026-03-31', 'amortization', ['debit 6100 5000', 'credit 1450 5000']],
      ['2026-04-30', 'amortization', ['debit 6100 5000', 'credit 1450 5000']],
    ]);
    const csv = await finance.get('/capitalization/journal-entries.csv?from=2026-03&to=2026-03');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body).trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^capitalization:.*,2026-03-31,capitalization,1450,3000\.00,,USD,/);
    expect((await finance.get('/capitalization/journal-entries.csv?from=2026-03')).status).toBe(422);
    expect((await finance.get('/capitalization/roll-forward?from=2026-03&to=2026-02')).body).toMatchObject({ error: { details: [{ field: 'to' }] } });
  });

  it('answers 403 to a rep and a manager, and another organisation sees nothing of this one', async () => {
    for (const who of ['rep', 'manager'] as const) {
      const c = await s.as(t, who);
      expect((await c.get('/capitalization/policy')).status).toBe(403);
      expect((await c.put('/capitalization/policy', POLICY)).status).toBe(403);
      expect((await c.get('/capitalization/roll-forward?from=2026-01&to=2026-12')).status).toBe(403);
      expect((await c.get('/capitalization/journal-entries?from=2026-01&to=2026-12')).status).toBe(403);
      expect((await c.get('/capitalization/journal-entries.csv?from=2026-01&to=2026-12')).status).toBe(403);
    }
    expect((await (await s.as(t, 'ops')).put('/capitalization/policy', POLICY)).status).toBe(403);
    const foreign = await s.as(other, 'finance');
    expect((await foreign.get('/capitalization/policy')).status).toBe(404);
    expect((await foreign.put<CapitalizationPolicyWire>('/capitalization/policy', POLICY)).body.version).toBe(1);
    const r = await foreign.get<RollForwardWire>('/capitalization/roll-forward?from=2026-01&to=2026-12');
    expect(r.body.total).toEqual({ openingMinor: '0', capitalizedMinor: '0', amortizedMinor: '0', impairedMinor: '0', closingMinor: '0' });
    expect(r.body.byContract).toEqual([]);
    expect((await foreign.get<JournalEntriesWire>('/capitalization/journal-entries?from=2026-01&to=2026-12')).body.items).toEqual([]);
  });
});
