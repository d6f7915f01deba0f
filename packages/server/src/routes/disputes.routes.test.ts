import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPayCycleOrg, testDialects, warnIfPostgresSkipped, type PayCycleOrg } from '@attain/app/test-support';
import { runCalc } from '@attain/app';
import type { DisputeDetail, DisputeItem, DisputeSummaryWire, StatementWire } from '@attain/contract';
import { startTestServer, type TestServer } from '../test-support/http.js';

warnIfPostgresSkipped();

describe.each(testDialects())('disputes API on %s', (dialect) => {
  let s: TestServer;
  let t: PayCycleOrg;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await createPayCycleOrg(s.ctx, 'Disputes API');
    await t.assign(t.people.rep.id, 'ae-quota-commission', '6000000', '80000000');
    await t.winDeal(t.actors.rep, '10000000', '2026-02-10');
    await runCalc(s.ctx, t.actors.finance, { period: '2026-Q1' });
  });
  afterAll(async () => s.close());

  it('a rep disputes a line; finance assigns, answers and resolves it with an adjustment she sees on her statement', async () => {
    const rep = await s.as(t, 'rep');
    const body = { kind: 'line', personId: t.people.rep.id, period: '2026-Q1', subject: { planId: t.plans['ae-quota-commission'], componentId: 'commission', step: 'tier' }, comment: 'Rate looks low' };
    expect((await rep.post('/disputes', { ...body, comment: '  ' })).status).toBe(422);
    expect((await rep.post('/disputes', { ...body, kind: 'missing-credit', subject: {} })).status).toBe(422);
    const raised = await rep.post<DisputeDetail>('/disputes', body);
    expect(raised).toMatchObject({ status: 201, body: { status: 'open', periodKey: 'FY2026-Q1', messages: [{ kind: 'raise', body: 'Rate looks low' }] } });
    const id = raised.body.id;

    expect((await rep.post(`/disputes/${id}/answer`, { body: 'x' })).status).toBe(403);
    expect((await rep.get('/disputes/summary')).status).toBe(403);
    const finance = await s.as(t, 'finance');
    expect((await finance.post<DisputeDetail>(`/disputes/${id}/assign`, {})).body).toMatchObject({ status: 'assigned', assigneeUserId: t.users.finance.id });
    expect((await finance.post<DisputeDetail>(`/disputes/${id}/answer`, { body: 'Looking at it' })).body.status).toBe('answered');
    expect((await finance.get<DisputeSummaryWire>('/disputes/summary')).body).toMatchObject({ counts: { answered: 1 }, unresolved: 1, oldestAgeDays: 0 });
    expect((await finance.get<{ items: DisputeItem[] }>('/disputes?status=open,assigned,answered&period=2026-Q1')).body.items.map((d) => d.id)).toEqual([id]);
    expect((await finance.get('/disputes?status=closed')).status).toBe(422);

    const resolved = await finance.post<DisputeDetail>(`/disputes/${id}/resolve`, { resolution: 'Corrected', adjustment: { amountMinor: '10000' } });
    expect(resolved.body).toMatchObject({ status: 'resolved', adjustment: { type: 'adjustment', amountMinor: '10000' } });
    expect((await rep.get<DisputeDetail>(`/disputes/${id}`)).body).toMatchObject({ status: 'resolved', can: { reopen: true } });
    const statement = await rep.get<StatementWire>(`/statements/${t.people.rep.id}/2026-Q1`);
    expect(statement.body.ledger.map((e) => e.id)).toContain(resolved.body.adjustmentEntryId);
    expect((await rep.post(`/disputes/${id}/comments`, { body: 'thanks' })).status).toBe(409);
  });

  it('hides a dispute from a peer and from another organisation', async () => {
    const raised = await (await s.as(t, 'rep')).post<DisputeDetail>('/disputes', {
      kind: 'missing-credit', personId: t.people.rep.id, period: '2026-Q1', subject: { description: 'Initech' }, comment: 'Missing',
    });
    const peer = await s.as(t, 'rep2');
    expect((await peer.get(`/disputes/${raised.body.id}`)).status).toBe(404);
    expect((await peer.post(`/disputes/${raised.body.id}/comments`, { body: 'x' })).status).toBe(404);
    expect((await peer.get<{ items: DisputeItem[] }>('/disputes')).body.items).toEqual([]);
    expect((await peer.post('/disputes', { kind: 'missing-credit', personId: t.people.rep.id, period: '2026-Q1', subject: { description: 'x' }, comment: 'x' })).status).toBe(404);
    expect((await (await s.as(t, 'manager')).get<DisputeDetail>(`/disputes/${raised.body.id}`)).status).toBe(200);

    const other = await s.newOrg('Disputes API other');
    const foreign = await s.as(other, 'admin');
    expect((await foreign.get(`/disputes/${raised.body.id}`)).status).toBe(404);
    expect((await foreign.post(`/disputes/${raised.body.id}/resolve`, { resolution: 'x' })).status).toBe(404);
    expect((await foreign.get<{ items: DisputeItem[] }>('/disputes')).body.items).toEqual([]);
    expect((await foreign.get<DisputeSummaryWire>('/disputes/summary')).body.unresolved).toBe(0);
  });
});
