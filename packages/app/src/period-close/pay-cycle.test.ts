import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerRepo, type Database } from '@attain/store';
import { openPayCycleOrg, testDialects, warnIfPostgresSkipped, type PayCycleOrg } from '@attain/app/test-support';
import { postLedgerEntry } from '../calc/post-ledger-entry.js';
import { settleRecalculations } from '../calc/recalculate-payees.js';
import { runCalc } from '../calc/run-calc.js';
import { getStatement, listStatements } from '../calc/statement-queries.js';
import type { AppContext } from '../context.js';
import { opportunities } from '../crm/entities.js';
import { updateRecord } from '../crm/records.js';
import { approveStatement } from './approve-statement.js';
import { exportPayroll, payrollBatchFile } from './export-payroll.js';
import { approveReopen, closePeriod, requestReopen } from './period-close.js';

warnIfPostgresSkipped();

describe.each(testDialects())('approving, closing and paying a period on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: PayCycleOrg;

  beforeAll(async () => {
    ({ database, ctx, t } = await openPayCycleOrg(dialect, 'Close'));
    await t.assignAes(t.people.rep.id, t.people.rep2.id);
  });
  afterAll(async () => database.close());

  const approveAll = async (period: string) => {
    for (const personId of [t.people.rep.id, t.people.rep2.id]) {
      await approveStatement(ctx, t.actors.manager, { personId, period });
      await approveStatement(ctx, t.actors.admin, { personId, period });
    }
  };

  it('approves manager then finance with duties apart, closes, exports payroll that ties to the ledger, and reopens with two people', async () => {
    const deal = await t.winDeal(t.actors.rep, '10000000', '2026-02-10');
    const robsDeal = await t.winDeal(t.actors.rep2, '5000000', '2026-03-01');
    await runCalc(ctx, t.actors.finance, { period: '2026-Q1' });

    // Finance prepared the run: finance may not approve it; the manager goes first.
    await expect(approveStatement(ctx, t.actors.finance, { personId: t.people.rep.id, period: '2026-Q1' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(approveStatement(ctx, t.actors.rep, { personId: t.people.rep.id, period: '2026-Q1' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(approveStatement(ctx, t.actors.admin, { personId: t.people.rep.id, period: '2026-Q1' })).resolves.toMatchObject({ status: 'pending-finance' });
    // The admin who did the manager step may not do the finance step too.
    await expect(approveStatement(ctx, t.actors.admin, { personId: t.people.rep.id, period: '2026-Q1' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(closePeriod(ctx, t.actors.finance, { period: '2026-Q1' })).rejects.toMatchObject({ code: 'conflict' });

    // A hold after the manager approved shows as a change to approve again.
    await postLedgerEntry(ctx, t.actors.finance, { personId: t.people.rep.id, period: '2026-Q1', type: 'hold', amountMinor: '100000', reason: 'order form missing' });
    expect((await getStatement(ctx, t.actors.rep, { personId: t.people.rep.id, period: '2026-Q1' })).approval).toMatchObject({ status: 'changed-since-approval', next: 'manager' });
    await approveAll('2026-Q1');
    expect((await listStatements(ctx, t.actors.finance, { period: '2026-Q1' })).map((s) => s.approval)).toEqual(['approved', 'approved']);

    await closePeriod(ctx, t.actors.finance, { period: '2026-Q1' });
    await expect(postLedgerEntry(ctx, t.actors.finance, { personId: t.people.rep.id, period: '2026-Q1', type: 'bonus', amountMinor: '1', reason: 'late' })).rejects.toMatchObject({ code: 'conflict' });

    // Payroll: 10,000.00 less the 1,000.00 hold for Rita; 5,000.00 for Rob. The file total ties to the batch's payout entries.
    const exported = await exportPayroll(ctx, t.actors.finance, { period: '2026-Q1' });
    expect(exported.batch).toMatchObject({ payeeCount: 2, totalMinor: 1400000n, periodKey: 'FY2026-Q1' });
    expect(exported.skipped).toEqual([]);
    const lines = exported.csv.trim().split('\r\n');
    expect(lines[0]).toBe('employee_id,external_id,name,email,period,period_start,period_end,currency,amount,batch,statement_hash');
    expect(lines.slice(1).map((l) => { const c = l.split(','); return [c[2], c[4], c[5], c[6], c[8]]; }).sort()).toEqual([
      ['Rita Rep', 'FY2026-Q1', '2026-01-01', '2026-03-31', '9000.00'], ['Rob Rep', 'FY2026-Q1', '2026-01-01', '2026-03-31', '5000.00'],
    ]);
    const entries = await ledgerRepo.listBatch(database.db, t.org.id, exported.batch.id);
    expect(entries.reduce((s, e) => s + e.amountMinor, 0n)).toBe(-exported.batch.totalMinor);
    expect((await payrollBatchFile(ctx, t.actors.finance, exported.batch.id)).csv).toBe(exported.csv);
    // Nothing more is owed: a second export pays nothing.
    expect((await exportPayroll(ctx, t.actors.finance, { period: '2026-Q1' })).batch).toMatchObject({ payeeCount: 0, totalMinor: 0n });
    expect(await getStatement(ctx, t.actors.rep, { personId: t.people.rep.id, period: '2026-Q1' })).toMatchObject({ postedMinor: '900000', paidMinor: '900000' });

    // A deal of the closed quarter grows: a run of Q1 posts the difference to Q2, and Q1 keeps the statement it closed with.
    await runCalc(ctx, t.actors.finance, { period: '2026-Q2' });
    await updateRecord(ctx, t.actors.rep, opportunities, deal.id, { amountMinor: '12000000' });
    await settleRecalculations(ctx);
    await runCalc(ctx, t.actors.finance, { period: '2026-Q1' });
    expect(await getStatement(ctx, t.actors.rep, { personId: t.people.rep.id, period: '2026-Q1' })).toMatchObject({ postedMinor: '900000', paidMinor: '900000', approval: { status: 'approved' } });
    const q2 = await getStatement(ctx, t.actors.rep, { personId: t.people.rep.id, period: '2026-Q2' });
    expect(q2.ledger.map((e) => [e.type, e.forPeriod, e.amountMinor])).toEqual([['earning', 'FY2026-Q1', '200000']]);
    expect(q2.postedMinor).toBe('200000');
    // Rob's deal of the closed quarter is lost: its commission comes back in Q2, Q1 keeps what it closed with.
    await t.loseDeal(t.actors.rep2, robsDeal.id);
    await settleRecalculations(ctx);
    expect((await getStatement(ctx, t.actors.rep2, { personId: t.people.rep2.id, period: '2026-Q2' })).ledger.map((e) => [e.type, e.forPeriod, e.amountMinor])).toEqual([['earning', 'FY2026-Q1', '-500000']]);
    expect(await getStatement(ctx, t.actors.rep2, { personId: t.people.rep2.id, period: '2026-Q1' })).toMatchObject({ postedMinor: '500000', paidMinor: '500000', approval: { status: 'approved' } });

    // Reopening needs two people: one asks, another approves.
    await updateRecord(ctx, t.actors.rep, opportunities, deal.id, { amountMinor: '13000000' });
    await settleRecalculations(ctx);
    const request = await requestReopen(ctx, t.actors.finance, { period: '2026-Q1', reason: 'Rita\'s deal was booked short' });
    await expect(approveReopen(ctx, t.actors.finance, { requestId: request.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(approveReopen(ctx, t.actors.manager, { requestId: request.id })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await approveReopen(ctx, t.actors.admin, { requestId: request.id })).toMatchObject({ status: 'open', reopenings: [{ approvedBy: t.actors.admin.userId }] });
    await runCalc(ctx, t.actors.finance, { period: '2026-Q1' });
    // The change made while Q1 was closed went to Q2 by itself (the deal's payees are recalculated on every write);
    // reopened, Q1 shows its latest result, with nothing more to post, to approve again.
    const after = await getStatement(ctx, t.actors.rep, { personId: t.people.rep.id, period: '2026-Q1' });
    expect(after).toMatchObject({ postedMinor: '900000', paidMinor: '900000', approval: { status: 'changed-since-approval' } });
    expect((await getStatement(ctx, t.actors.rep, { personId: t.people.rep.id, period: '2026-Q2' })).ledger.map((e) => e.amountMinor)).toEqual(['200000', '100000']);
  });
});
