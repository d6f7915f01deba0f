import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import type { ClawbackEventItem, OpportunitySplits, TransactionItem } from '@attain/contract';
import { startTestServer, type TestServer } from '../test-support/http.js';

warnIfPostgresSkipped();

describe.each(testDialects())('splits and transactions API on %s', (dialect) => {
  let s: TestServer;
  let t: TestOrg;
  let other: TestOrg;
  let won: string;
  let lost: string;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await s.newOrg('Txn A');
    other = await s.newOrg('Txn B');
    const rep = await s.as(t, 'rep');
    const probe = await rep.post<{ pipelineId: string }>('/opportunities', { name: 'Probe', amountMinor: '1', closeDate: '2026-01-05' });
    const pipeline = await rep.get<{ stages: { id: string; isClosed: boolean; isWon: boolean }[] }>(`/pipelines/${probe.body.pipelineId}`);
    won = pipeline.body.stages.find((x) => x.isWon)?.id ?? '';
    lost = pipeline.body.stages.find((x) => x.isClosed && !x.isWon)?.id ?? '';
  });
  afterAll(async () => s.close());

  it('splits a deal, books it when won, reverses it when lost and lists the clawback for finance', async () => {
    const rep = await s.as(t, 'rep');
    const deal = await rep.post<{ id: string }>('/opportunities', { name: 'Big one', amountMinor: '500000', closeDate: '2026-06-30', type: 'renewal' });
    const body = { splits: [{ personId: t.people.rep.id, kind: 'payout', share: '0.75' }, { personId: t.people.rep2.id, kind: 'payout', share: '0.25' }] };
    expect(await rep.put<OpportunitySplits>(`/opportunities/${deal.body.id}/splits`, body)).toMatchObject({ status: 200, body: { splits: body.splits } });
    expect((await rep.get<OpportunitySplits>(`/opportunities/${deal.body.id}/splits`)).body.splits).toHaveLength(2);
    expect((await rep.patch(`/opportunities/${deal.body.id}`, { stageId: won })).status).toBe(200);
    const finance = await s.as(t, 'finance');
    const booked = await finance.get<{ items: TransactionItem[] }>(`/transactions?kind=renewal&from=2026-06-01&to=2026-06-30`);
    expect(booked.body.items).toMatchObject([{ sourceKey: deal.body.id, amountMinor: '500000', currency: 'USD', splits: body.splits }]);
    const id = booked.body.items[0]?.id ?? '';
    expect((await finance.get<TransactionItem>(`/transactions/${id}`)).body.id).toBe(id);
    expect((await rep.patch(`/opportunities/${deal.body.id}`, { stageId: lost, lostReason: 'went dark' })).status).toBe(200);
    const cancelled = await finance.get<{ items: TransactionItem[] }>('/transactions?kind=cancellation');
    expect(cancelled.body.items).toMatchObject([{ sourceKey: `${deal.body.id}:reversal:1`, amountMinor: '-500000', reverses: id }]);
    const events = await finance.get<{ items: ClawbackEventItem[] }>('/clawback-events');
    expect(events.body.items).toMatchObject([{ opportunityId: deal.body.id, transactionId: cancelled.body.items[0]?.id, reason: 'lost: went dark' }]);
    const bad = await rep.put(`/opportunities/${deal.body.id}/splits`, { splits: [{ personId: t.people.rep.id, kind: 'credit', share: '0.5' }] });
    expect(bad).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', details: [{ field: 'splits' }] } } });
    expect((await rep.put(`/opportunities/${deal.body.id}/splits`, { splits: [], extra: 1 })).status).toBe(422);
  });

  it('keeps transactions, splits and clawbacks within reach: 404 outside it and across organisations, 403 on clawbacks and foreign writes', async () => {
    const mine = await (await s.as(t, 'otherRep')).post<{ id: string }>('/opportunities', { name: 'Peer deal', amountMinor: '7000', closeDate: '2026-07-01', stageId: won });
    const finance = await s.as(t, 'finance');
    const row = (await finance.get<{ items: TransactionItem[] }>(`/transactions?ownerId=${t.people.otherRep.id}`)).body.items[0] as TransactionItem;
    expect(row.opportunityId).toBe(mine.body.id);
    const rep = await s.as(t, 'rep');
    const manager = await s.as(t, 'manager');
    for (const client of [rep, manager]) {
      expect((await client.get(`/transactions/${row.id}`)).status).toBe(404);
      expect((await client.get<{ items: TransactionItem[] }>('/transactions')).body.items.map((x) => x.ownerId)).not.toContain(t.people.otherRep.id);
      expect((await client.get('/clawback-events')).status).toBe(403);
      expect((await client.get(`/opportunities/${mine.body.id}/splits`)).status).toBe(404);
      expect((await client.put(`/opportunities/${mine.body.id}/splits`, { splits: [] })).status).toBe(404);
    }
    expect((await finance.put(`/opportunities/${mine.body.id}/splits`, { splits: [] })).status).toBe(403);
    for (const who of ['admin', 'finance'] as const) {
      const stranger = await s.as(other, who);
      expect((await stranger.get(`/transactions/${row.id}`)).status).toBe(404);
      expect((await stranger.get<{ items: unknown[] }>('/transactions')).body.items).toEqual([]);
      expect((await stranger.get<{ items: unknown[] }>('/clawback-events')).body.items).toEqual([]);
      expect((await stranger.get(`/opportunities/${mine.body.id}/splits`)).status).toBe(404);
    }
    expect((await s.anonymous.get('/transactions')).status).toBe(401);
  });
});
