import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { approveStatements, createAppContext, exportPayroll, runCalc } from '@attain/app';
import { createPayCycleOrg, type PayCycleOrg } from '@attain/app/test-support';
import type { PayrollBatchItem } from '@attain/contract';
import { migrateToLatest, openDatabase } from '@attain/store';
import { runAttain } from './test-support/run-attain.js';

const dir = mkdtempSync(join(tmpdir(), 'attain-payroll-'));
const db = join(dir, 'payroll.db');

/** Runs the real `attain` entry point against the test's own SQLite file. */
const attain = (...args: string[]) => runAttain(['--db', db, ...args]);

describe('attain payroll', () => {
  let t: PayCycleOrg;
  let exported: { id: string; csv: string };

  // The run, both approvals and the export are made in process (spawning a command per step would be slow).
  beforeAll(async () => {
    const database = openDatabase(db);
    await migrateToLatest(database.db);
    const ctx = createAppContext(database);
    t = await createPayCycleOrg(ctx, 'Payroll Co');
    await t.assign(t.people.rep.id, 'ae-quota-commission', '6000000', '80000000');
    await t.winDeal(t.actors.rep, '10000000', '2026-02-10');
    await runCalc(ctx, t.actors.finance, { period: '2026-Q1' });
    await approveStatements(ctx, t.actors.manager, { period: '2026-Q1' });
    await approveStatements(ctx, t.actors.admin, { period: '2026-Q1' });
    const result = await exportPayroll(ctx, t.actors.finance, { period: '2026-Q1' });
    exported = { id: result.batch.id, csv: result.csv };
    await database.close();
  }, 60_000);

  it('lists the batches of a period and writes a batch file again, the same bytes; a rep may do neither', () => {
    const listed = attain('payroll', 'list', '--period', '2026-Q1', '--as', t.users.finance.email, '--json');
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as { items: PayrollBatchItem[] }).items).toEqual([expect.objectContaining({ id: exported.id, periodKey: 'FY2026-Q1', payeeCount: 1, totalMinor: '1000000' })]);
    const human = attain('payroll', 'list', '--as', t.users.finance.email);
    expect(human.stdout).toContain(`${exported.id}  FY2026-Q1  1 payees  10000.00 USD`);

    const out = join(dir, 'again.csv');
    const file = attain('payroll', 'file', exported.id, '--out', out, '--as', t.users.finance.email);
    expect(file.code, file.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(exported.csv);

    const refused = attain('payroll', 'list', '--as', t.users.rep.email);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/forbidden|not allowed|may not/i);
  }, 60_000);
});
