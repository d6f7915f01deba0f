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
    // Splits come back in person-id order; two people made in the same millisecond may have ids in either order.
    const byPerson = [...body.splits].sort((a, b) => (a.personId < b.personId ? -1 : 1));
    expect(await rep.put<OpportunitySplits>(`/opportunities/${deal.body.id}/splits`, body)).toMatchObject({ status: 200, body: { splits: byPerson } });
    expect((await rep.get<OpportunitySplits>(`/opportunities/${deal.body.id}/splits`)).body.splits).toHaveLength(2);
    expect((await rep.patch(`/opportunities/${deal.body.id}`, { stageId: won })).status).toBe(200);
    const finance = await s.as(t, 'finance');
    const booked = await finance.get<{ items: TransactionItem[] }>(`/transactions?kind=renewal&from=2026-06-01&to=2026-06-30`);
    expect(booked.body.items).toMatchObject([{ sourceKey: deal.body.id, amountMinor: '500000', currency: 'USD', splits: byPerson }]);
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

  it('pages through the transactions by date then id, every row once, and refuses a cursor it did not give', async () => {
    const finance = await s.as(t, 'finance');
    const all = (await finance.get<{ items: TransactionItem[]; nextCursor: string | null }>('/transactions')).body;
    expect(all.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { items: TransactionItem[]; nextCursor: string | null } = (await finance.get<{ items: TransactionItem[]; nextCursor: string | null }>(`/transactions?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).body;
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.items.map((x) => x.id));
    expect(seen.length).toBeGreaterThan(1);
    expect((await finance.get('/transactions?cursor=nonsense')).status).toBe(422);
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

  it('imports a CSV of transactions for finance: dry run, all or nothing with the bad line named, idempotent, not for reps, per organisation', async () => {
    const CSV = { 'content-type': 'text/csv' };
    const file = [
      'sourceKey,kind,date,amount,currency,ownerId',
      `ERP-INV-1,invoice,2026-08-01,1234.50,USD,${t.people.rep.id}`,
      `ERP-PAY-1,payment,2026-08-20,100,USD,${t.people.rep2.id}`,
      '',
    ].join('\r\n');
    const finance = await s.as(t, 'finance');
    const imported = async () => (await finance.get<{ items: TransactionItem[] }>('/transactions?from=2026-08-01&to=2026-08-31')).body.items.filter((x) => x.source === 'import');

    expect(await finance.request('POST', '/transactions/import?dryRun=true', file, CSV)).toMatchObject({ status: 200, body: { dryRun: true, rows: 2, created: 2, unchanged: 0 } });
    expect(await imported()).toEqual([]);
    expect(await finance.request('POST', '/transactions/import', file, CSV)).toMatchObject({ status: 200, body: { dryRun: false, rows: 2, created: 2, unchanged: 0 } });
    expect((await imported()).map((x) => [x.sourceKey, x.kind, x.amountMinor, x.currency, x.ownerId])).toEqual([
      ['ERP-INV-1', 'invoice', '123450', 'USD', t.people.rep.id],
      ['ERP-PAY-1', 'payment', '10000', 'USD', t.people.rep2.id],
    ]);
    const rerun = await (await s.as(t, 'ops')).request('POST', '/transactions/import', `${file}ERP-PAY-2,payment,2026-08-21,5,USD,${t.people.rep2.id}\r\n`, CSV);
    expect(rerun).toMatchObject({ status: 200, body: { rows: 3, created: 1, unchanged: 2 } });

    const bad = [
      'sourceKey,kind,date,amount,currency,ownerId', `ERP-PAY-4,payment,2026-08-23,1,USD,${t.people.rep.id}`,
      `ERP-PAY-3,payment,2026-08-22,5.001,USD,${t.people.rep2.id}`, `ERP-INV-1,invoice,2026-08-01,1234.5,USD,${t.people.rep2.id}`,
    ].join('\n');
    const refused = await finance.request<{ error: { code: string; details: { line: number; field: string; message: string }[] } }>('POST', '/transactions/import', bad, CSV);
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'import_failed', details: [{ line: 3, field: 'amount' }, { line: 4, field: 'sourceKey' }] } } });
    expect(refused.body.error.details[1]?.message).toContain('append-only');
    expect((await imported()).map((x) => x.sourceKey)).toEqual(['ERP-INV-1', 'ERP-PAY-1', 'ERP-PAY-2']);
    expect((await finance.request('POST', '/transactions/import?dryRun=yes', file, CSV)).status).toBe(422);
    expect((await finance.request('POST', '/transactions/import', { sourceKey: 'x' })).body).toMatchObject({ error: { details: [{ field: 'content-type' }] } });

    for (const who of ['rep', 'manager'] as const) expect((await (await s.as(t, who)).request('POST', '/transactions/import', file, CSV)).status).toBe(403);
    expect((await s.anonymous.request('POST', '/transactions/import', file, CSV)).status).toBe(401);
    const stranger = await s.as(other, 'finance');
    expect((await stranger.get<{ items: TransactionItem[] }>('/transactions?from=2026-08-01&to=2026-08-31')).body.items).toEqual([]);
    // Their own file may not name our people: a person of another organisation is unknown there.
    const theirs = await stranger.request<{ error: { details: { line: number; field: string }[] } }>('POST', '/transactions/import', file, CSV);
    expect(theirs).toMatchObject({ status: 422, body: { error: { details: [{ line: 2, field: 'ownerId' }, { line: 3, field: 'ownerId' }] } } });
  });
});
