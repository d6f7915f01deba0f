import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPayCycleOrg, testDialects, warnIfPostgresSkipped, type PayCycleOrg } from '@attain/app/test-support';
import { runCalc } from '@attain/app';
import type { ApprovalStateWire, PayrollBatchItem, PayrollExportResult, PeriodItem } from '@attain/contract';
import { startTestServer, type TestServer } from '../test-support/http.js';

warnIfPostgresSkipped();

describe.each(testDialects())('approvals, period close and payroll API on %s', (dialect) => {
  let s: TestServer;
  let t: PayCycleOrg;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await createPayCycleOrg(s.ctx, 'Close API');
    await t.assign(t.people.rep.id, 'ae-quota-commission', '6000000', '80000000');
    await t.winDeal(t.actors.rep, '10000000', '2026-02-10');
    await runCalc(s.ctx, t.actors.finance, { period: '2026-Q1' });
  });
  afterAll(async () => s.close());

  it('approves in order, closes, exports payroll and serves the file again; reopening takes two people', async () => {
    const path = `/statements/${t.people.rep.id}/2026-Q1/approve`;
    expect((await (await s.as(t, 'finance')).post(path, {})).status).toBe(403);
    expect((await (await s.as(t, 'rep')).post(path, {})).status).toBe(403);
    expect((await (await s.as(t, 'rep2')).post(path, {})).status).toBe(403);
    const manager = await (await s.as(t, 'manager')).post<ApprovalStateWire>(path, { comment: 'matches the deal desk' });
    expect(manager).toMatchObject({ status: 200, body: { status: 'pending-finance', next: 'finance' } });
    const admin = await s.as(t, 'admin');
    expect((await admin.post<ApprovalStateWire>(path, {})).body.status).toBe('approved');

    const finance = await s.as(t, 'finance');
    expect((await finance.post<PeriodItem>('/periods/2026-Q1/close', {})).body).toMatchObject({ key: 'FY2026-Q1', status: 'closed' });
    const exported = await finance.post<PayrollExportResult>('/periods/2026-Q1/payroll-export', {});
    expect(exported).toMatchObject({ status: 201, body: { batch: { payeeCount: 1, totalMinor: '1000000' }, skipped: [] } });
    const file = await finance.get(`/payroll-batches/${exported.body.batch.id}/csv`);
    expect(file).toMatchObject({ status: 200, body: exported.body.csv });
    expect(file.headers.get('content-type')).toContain('text/csv');
    const batches = await finance.get<{ items: PayrollBatchItem[] }>('/payroll-batches?period=2026-Q1');
    expect(batches.body.items).toEqual([exported.body.batch]);
    expect((await finance.get<{ items: PayrollBatchItem[] }>('/payroll-batches?period=2026-Q2')).body.items).toEqual([]);
    expect((await finance.get('/payroll-batches?period=someday')).status).toBe(422);

    const request = await finance.post<{ id: string }>('/periods/2026-Q1/reopen-requests', { reason: 'late credit' });
    expect(request.status).toBe(201);
    expect((await finance.post(`/reopen-requests/${request.body.id}/approve`, {})).status).toBe(403);
    expect((await admin.post<PeriodItem>(`/reopen-requests/${request.body.id}/approve`, {})).body.status).toBe('open');
    expect((await finance.get<{ items: PeriodItem[] }>('/periods')).body.items.find((p) => p.key === 'FY2026-Q1')?.reopenings).toHaveLength(1);
  });

  it('keeps it to finance and to the organisation', async () => {
    const rep = await s.as(t, 'rep');
    for (const [method, path] of [['POST', '/periods/2026-Q1/close'], ['POST', '/periods/2026-Q1/payroll-export'], ['GET', '/periods'], ['GET', '/payroll-batches'], ['GET', '/payroll-batches/x/csv']] as const) {
      expect((method === 'GET' ? await rep.get(path) : await rep.post(path, {})).status).toBe(403);
    }
    const other = await s.newOrg('Close API other');
    const foreign = await s.as(other, 'admin');
    expect((await foreign.post(`/statements/${t.people.rep.id}/2026-Q1/approve`, {})).status).toBe(404);
    expect((await foreign.post('/periods/2026-Q1/close', {})).status).toBe(404);
    expect((await foreign.get<{ items: PayrollBatchItem[] }>('/payroll-batches')).body.items).toEqual([]);
  });
});
