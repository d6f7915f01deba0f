import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, raiseDispute, runCalc } from '@attain/app';
import { createPayCycleOrg, type PayCycleOrg } from '@attain/app/test-support';
import type { DisputeDetail, DisputeItem } from '@attain/contract';
import { migrateToLatest, openDatabase } from '@attain/store';
import { runAttain } from './test-support/run-attain.js';

const dir = mkdtempSync(join(tmpdir(), 'attain-dispute-'));
const db = join(dir, 'dispute.db');

/** Runs the real `attain` entry point against the test's own SQLite file. */
const attain = (...args: string[]) => runAttain(['--db', db, ...args]);

describe('attain dispute', () => {
  let t: PayCycleOrg;
  let disputeId: string;

  // The organisation, its run and the rep's dispute are made in process (spawning a command per step would be slow).
  beforeAll(async () => {
    const database = openDatabase(db);
    await migrateToLatest(database.db);
    const ctx = createAppContext(database);
    t = await createPayCycleOrg(ctx, 'Dispute Co');
    await t.assign(t.people.rep.id, 'ae-quota-commission', '6000000', '80000000');
    await t.winDeal(t.actors.rep, '10000000', '2026-02-10');
    await runCalc(ctx, t.actors.finance, { period: '2026-Q1' });
    disputeId = (await raiseDispute(ctx, t.actors.rep, { kind: 'missing-credit', personId: t.people.rep.id, period: '2026-Q1', subject: { description: 'Acme renewal' }, comment: 'Not on my statement' })).id;
    await database.close();
  }, 60_000);

  it('resolves a dispute as finance with an adjustment given in major units, then lists it as the rep sees it', () => {
    const resolved = attain('dispute', 'resolve', disputeId, '--resolution', 'Credit added', '--adjustment', '100.00', '--as', t.users.finance.email, '--json');
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(JSON.parse(resolved.stdout) as DisputeDetail).toMatchObject({ status: 'resolved', resolution: 'Credit added', adjustment: { type: 'adjustment', amountMinor: '10000' } });

    const listed = attain('dispute', 'list', '--status', 'resolved', '--as', t.users.rep.email, '--json');
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as { items: DisputeItem[] }).items.map((d) => [d.id, d.status, d.adjustmentEntryId !== null])).toEqual([[disputeId, 'resolved', true]]);
  }, 60_000);
});
