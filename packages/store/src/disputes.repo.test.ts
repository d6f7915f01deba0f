import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDialects, warnIfPostgresSkipped } from '@attain/store/test-support';
import { compPeriodRepo } from './calc-runs.repo.js';
import { inTransaction, type Database } from './database.js';
import { disputeRepo, type Dispute } from './disputes.repo.js';
import { ledgerRepo } from './ledger.repo.js';
import { orgRepo } from './org.repo.js';

warnIfPostgresSkipped();

const now = '2026-11-27T19:00:00.000Z';
const org = (id: string) => ({ id, name: id, fiscalYearStartMonth: 1, defaultCurrency: 'USD', currencies: ['USD'], createdAt: now });
const person = (orgId: string, id: string) => ({
  org_id: orgId, id, external_id: null, created_at: now, updated_at: now, archived_at: null, version: 1, name: id, email: null, title: null,
  kind: 'ae', hire_date: null, termination_date: null, team_id: null, manager_id: null, search_text: id,
});
const dispute = (over: Partial<Dispute> = {}): Dispute => ({
  orgId: 'org_a', id: 'dsp_1', personId: 'p1', periodKey: 'FY2026-Q1', kind: 'line', subject: { planId: 'plan_1', componentId: 'commission', step: 'tier' },
  comment: 'tier 2 rate looks wrong', status: 'open', assigneeUserId: null, reopenCount: 0, raisedBy: 'u_rep', raisedAt: now, updatedAt: now,
  resolution: null, resolvedBy: null, resolvedAt: null, adjustmentEntryId: null, ...over,
});

describe.each(testDialects())('dispute repository on %s', (dialect) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    for (const o of ['org_a', 'org_b']) {
      await orgRepo.insert(database.db, org(o));
      await database.db.insertInto('people').values(person(o, 'p1')).execute();
      await compPeriodRepo.ensure(database.db, { orgId: o, key: 'FY2026-Q1', startDate: '2026-01-01', endDate: '2026-03-31', updatedAt: now });
    }
    await database.db.insertInto('people').values(person('org_a', 'p2')).execute();
  });
  afterAll(async () => database.close());

  it('stores a dispute and its thread, lists by reach, status and period, and moves it only from what was seen', async () => {
    const db = database.db;
    await disputeRepo.insert(db, dispute());
    await disputeRepo.insert(db, dispute({ id: 'dsp_2', personId: 'p2', kind: 'missing-credit', subject: { description: 'the Acme renewal' }, raisedAt: '2026-11-28T09:00:00.000Z' }));
    await disputeRepo.insert(db, dispute({ orgId: 'org_b', id: 'dsp_1' }));
    await disputeRepo.addMessage(db, { orgId: 'org_a', disputeId: 'dsp_1', id: 'dm_1', kind: 'raise', authorUserId: 'u_rep', body: 'tier 2 rate looks wrong', at: now });
    await disputeRepo.addMessage(db, { orgId: 'org_a', disputeId: 'dsp_1', id: 'dm_2', kind: 'answer', authorUserId: 'u_fin', body: 'checking', at: '2026-11-27T20:00:00.000Z' });

    expect(await disputeRepo.find(db, 'org_a', 'dsp_1')).toEqual(dispute());
    expect((await disputeRepo.list(db, 'org_a')).map((d) => d.id)).toEqual(['dsp_2', 'dsp_1']);
    expect((await disputeRepo.list(db, 'org_a', { personIds: ['p1'] })).map((d) => d.id)).toEqual(['dsp_1']);
    expect(await disputeRepo.list(db, 'org_a', { personIds: [] })).toEqual([]);
    expect(await disputeRepo.list(db, 'org_a', { statuses: ['resolved'] })).toEqual([]);
    expect(await disputeRepo.list(db, 'org_a', { periodKey: 'FY2026-Q2' })).toEqual([]);
    expect((await disputeRepo.messages(db, 'org_a', 'dsp_1')).map((m) => m.kind)).toEqual(['raise', 'answer']);
    expect(await disputeRepo.messages(db, 'org_b', 'dsp_1')).toEqual([]);

    const [entry] = await inTransaction(db, (tx) => ledgerRepo.append(tx, [{
      orgId: 'org_a', id: 'led_1', personId: 'p1', postedPeriod: 'FY2026-Q1', forPeriod: 'FY2026-Q1', type: 'adjustment', componentId: null, planId: null, amountMinor: 10000n,
      currency: 'USD', runId: null, relatedEntryId: null, reason: 'dispute dsp_1', explanation: '{}', createdBy: 'u_fin', createdAt: now, payrollBatchId: null,
    }]));
    const resolved = { status: 'resolved' as const, assigneeUserId: 'u_fin', reopenCount: 0, updatedAt: '2026-11-29T00:00:00.000Z', resolution: 'paid', resolvedBy: 'u_fin', resolvedAt: '2026-11-29T00:00:00.000Z', adjustmentEntryId: entry?.id ?? null };
    expect(await inTransaction(db, (tx) => disputeRepo.move(tx, 'org_a', 'dsp_1', { status: 'open', updatedAt: now }, resolved))).toBe(true);
    // A second mover who saw the old state changes nothing.
    expect(await inTransaction(db, (tx) => disputeRepo.move(tx, 'org_a', 'dsp_1', { status: 'open', updatedAt: now }, { ...resolved, resolution: 'other' }))).toBe(false);
    expect(await disputeRepo.find(db, 'org_a', 'dsp_1')).toEqual(dispute({ ...resolved, adjustmentEntryId: 'led_1' }));
    expect((await disputeRepo.find(db, 'org_b', 'dsp_1'))?.status).toBe('open');
  });

  it('refuses a resolution without its text, an unknown adjustment and a status outside the lifecycle', async () => {
    const db = database.db;
    await expect(disputeRepo.insert(db, dispute({ id: 'dsp_x', status: 'resolved' }))).rejects.toThrow();
    await expect(disputeRepo.insert(db, dispute({ id: 'dsp_y', adjustmentEntryId: 'led_missing' }))).rejects.toThrow();
    await expect(disputeRepo.insert(db, dispute({ id: 'dsp_z', status: 'closed' as never }))).rejects.toThrow();
    await expect(disputeRepo.addMessage(db, { orgId: 'org_a', disputeId: 'dsp_missing', id: 'dm_x', kind: 'comment', authorUserId: 'u', body: 'x', at: now })).rejects.toThrow();
  });
});
