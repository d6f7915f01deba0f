import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepo, ledgerRepo, type Database } from '@attain/store';
import { openPayCycleOrg, testDialects, warnIfPostgresSkipped, type PayCycleOrg } from '@attain/app/test-support';
import { runCalc } from '../calc/run-calc.js';
import { getStatement } from '../calc/statement-queries.js';
import type { AppContext } from '../context.js';
import { answerDispute, assignDispute, commentOnDispute, raiseDispute, reopenDispute, resolveDispute } from './dispute-actions.js';
import { getDispute, listDisputes, summarizeDisputes } from './dispute-queries.js';

warnIfPostgresSkipped();

describe.each(testDialects())('disputes on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: PayCycleOrg;
  const line = { planId: '', componentId: 'commission', step: 'tier' };

  beforeAll(async () => {
    ({ database, ctx, t } = await openPayCycleOrg(dialect, 'Disputes'));
    await t.assignAes(t.people.rep.id, t.people.rep2.id);
    await t.winDeal(t.actors.rep, '10000000', '2026-02-10');
    await runCalc(ctx, t.actors.finance, { period: '2026-Q1' });
    line.planId = t.plans['ae-quota-commission'] as string;
  });
  afterAll(async () => database.close());

  it('a rep disputes a line and finance resolves it with an adjustment on her statement', async () => {
    const raised = await raiseDispute(ctx, t.actors.rep, { kind: 'line', personId: t.people.rep.id, period: '2026-Q1', subject: line, comment: ' The tier rate looks low ' });
    expect(raised).toMatchObject({ status: 'open', periodKey: 'FY2026-Q1', personName: 'Rita Rep', comment: 'The tier rate looks low', ageDays: 0, can: { comment: true, reopen: false, manage: false } });
    expect(raised.messages.map((m) => [m.kind, m.body])).toEqual([['raise', 'The tier rate looks low']]);

    // Only finance handles it.
    await expect(answerDispute(ctx, t.actors.rep, raised.id, { body: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resolveDispute(ctx, t.actors.manager, raised.id, { resolution: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(assignDispute(ctx, t.actors.finance, raised.id, { assigneeUserId: t.users.rep.id })).rejects.toMatchObject({ code: 'validation_failed' });

    expect(await assignDispute(ctx, t.actors.finance, raised.id, {})).toMatchObject({ status: 'assigned', assigneeUserId: t.users.finance.id, can: { manage: true } });
    expect((await answerDispute(ctx, t.actors.finance, raised.id, { body: 'Checking the deal desk' })).status).toBe('answered');
    // Her reply sends it back to finance.
    expect((await commentOnDispute(ctx, t.actors.rep, raised.id, { body: 'It was signed in February' })).status).toBe('assigned');

    const resolved = await resolveDispute(ctx, t.actors.finance, raised.id, { resolution: 'Rate corrected', adjustment: { amountMinor: '10000' } });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'Rate corrected', resolvedBy: t.users.finance.id, adjustment: { type: 'adjustment', amountMinor: '10000', postedPeriod: 'FY2026-Q1' } });
    expect(resolved.adjustment?.reason).toBe(`Dispute ${raised.id}: Rate corrected`);
    expect(resolved.adjustmentEntryId).toBe(resolved.adjustment?.id);
    expect(resolved.messages.map((m) => m.kind)).toEqual(['raise', 'assign', 'answer', 'comment', 'resolve']);

    const statement = await getStatement(ctx, t.actors.rep, { personId: t.people.rep.id, period: '2026-Q1' });
    expect(statement.ledger.map((e) => e.id)).toContain(resolved.adjustmentEntryId);
    const seen = await getDispute(ctx, t.actors.rep, raised.id);
    expect(seen).toMatchObject({ status: 'resolved', can: { comment: false, reopen: true, manage: false } });

    // Resolved: closed to comments; reopened once, then never again.
    await expect(commentOnDispute(ctx, t.actors.rep, raised.id, { body: 'more' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await reopenDispute(ctx, t.actors.rep, raised.id, { body: 'Still short by 10.00' })).status).toBe('assigned');
    await resolveDispute(ctx, t.actors.finance, raised.id, { resolution: 'Explained: the rest lands next quarter' });
    await expect(reopenDispute(ctx, t.actors.rep, raised.id, { body: 'again' })).rejects.toMatchObject({ code: 'conflict' });
    // The second resolution kept the first adjustment link (it posted none itself).
    expect((await getDispute(ctx, t.actors.finance, raised.id)).adjustmentEntryId).toBe(resolved.adjustmentEntryId);

    const audit = await auditRepo.list(database.db, { orgId: t.org.id, entity: 'dispute', entityId: raised.id, limit: 50 });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['dispute.raise', 'dispute.assign', 'dispute.answer', 'dispute.comment', 'dispute.resolve', 'dispute.reopen']));
  });

  it('scopes disputes: a rep her own, a manager her team\'s (and raises for them), finance all; a peer finds nothing', async () => {
    const missing = await raiseDispute(ctx, t.actors.manager, { kind: 'missing-credit', personId: t.people.rep2.id, period: '2026-Q1', subject: { description: 'The Globex renewal' }, comment: 'Rob closed it in March' });
    expect(missing).toMatchObject({ kind: 'missing-credit', raisedBy: t.users.manager.id, personName: 'Rob Rep', subject: { description: 'The Globex renewal' } });
    await expect(raiseDispute(ctx, t.actors.rep, { kind: 'missing-credit', personId: t.people.rep2.id, period: '2026-Q1', subject: { description: 'x' }, comment: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(raiseDispute(ctx, t.actors.finance, { kind: 'missing-credit', personId: t.people.rep2.id, period: '2026-Q1', subject: { description: 'x' }, comment: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    // No statement of that period to dispute a line of.
    await expect(raiseDispute(ctx, t.actors.rep, { kind: 'line', personId: t.people.rep.id, period: '2026-Q3', subject: line, comment: 'x' })).rejects.toMatchObject({ code: 'validation_failed' });

    await expect(getDispute(ctx, t.actors.rep, missing.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(commentOnDispute(ctx, t.actors.otherRep, missing.id, { body: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await listDisputes(ctx, t.actors.rep)).every((d) => d.personId === t.people.rep.id)).toBe(true);
    expect((await listDisputes(ctx, t.actors.rep2)).map((d) => d.id)).toEqual([missing.id]);
    expect(await listDisputes(ctx, t.actors.otherRep)).toEqual([]);
    expect((await listDisputes(ctx, t.actors.manager)).length).toBe(2);
    expect((await listDisputes(ctx, t.actors.finance, { status: 'open' })).map((d) => d.id)).toEqual([missing.id]);
    expect(await listDisputes(ctx, t.actors.finance, { period: '2026-Q2' })).toEqual([]);
    expect(await listDisputes(ctx, t.actors.rep, { personId: t.people.rep2.id })).toEqual([]);

    await expect(summarizeDisputes(ctx, t.actors.rep)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await summarizeDisputes(ctx, t.actors.finance)).toMatchObject({ counts: { open: 1, assigned: 0, answered: 0, resolved: 1 }, unresolved: 1, medianAgeDays: 0, oldestAgeDays: 0 });
  });

  it('refuses a zero adjustment before posting anything, and leaves the dispute as it was', async () => {
    const d = await raiseDispute(ctx, t.actors.rep, { kind: 'missing-credit', personId: t.people.rep.id, period: '2026-Q1', subject: { opportunityId: 'opp_x' }, comment: 'missing' });
    const before = (await ledgerRepo.listPosted(database.db, t.org.id, { postedPeriod: 'FY2026-Q1' })).length;
    await expect(resolveDispute(ctx, t.actors.finance, d.id, { resolution: 'x', adjustment: { amountMinor: '0' } })).rejects.toMatchObject({ code: 'validation_failed' });
    expect((await ledgerRepo.listPosted(database.db, t.org.id, { postedPeriod: 'FY2026-Q1' })).length).toBe(before);
    expect((await getDispute(ctx, t.actors.finance, d.id)).status).toBe('open');
  });

  it('posts the adjustment and the resolution together: when the resolution is refused, no entry stands', async () => {
    const d = await raiseDispute(ctx, t.actors.rep, { kind: 'missing-credit', personId: t.people.rep.id, period: '2026-Q1', subject: { opportunityId: 'opp_y' }, comment: 'missing too' });
    await resolveDispute(ctx, t.actors.finance, d.id, { resolution: 'Credited' });
    const before = (await ledgerRepo.listPosted(database.db, t.org.id, { postedPeriod: 'FY2026-Q1' })).length;
    // Resolved already: the entry is appended first in the transaction, then the move is refused and both roll back.
    await expect(resolveDispute(ctx, t.actors.finance, d.id, { resolution: 'again', adjustment: { amountMinor: '500' } })).rejects.toMatchObject({ code: 'conflict' });
    expect((await ledgerRepo.listPosted(database.db, t.org.id, { postedPeriod: 'FY2026-Q1' })).length).toBe(before);
    expect((await getDispute(ctx, t.actors.finance, d.id)).adjustmentEntryId).toBeNull();
  });
});

