import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runAttain } from './test-support/run-attain.js';


/** Runs the real `attain` entry point on the test's own database file. */
const attain = (db: string, ...args: string[]) => runAttain(['--db', db, ...args]);

describe('the attain CLI', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'attain-cli-')), 'cli.db');

  it('migrates, creates an organisation and a user, and prints JSON with --json', () => {
    const migrated = attain(db, 'migrate', '--json');
    expect(migrated.code).toBe(0);
    expect(JSON.parse(migrated.stdout)).toMatchObject({ dialect: 'sqlite', migrations: [{ name: '2026-11-26T0900-foundation' }, { name: '2026-11-26T1000-sqlite-trigram-search' }, { name: '2026-11-26T1100-list-indexes' }, { name: '2026-11-27T0900-saved-views' }, { name: '2026-11-27T1000-insights-indexes' }, { name: '2026-11-27T1100-insights-org-indexes' }, { name: '2026-11-27T1200-list-sort-indexes' }, { name: '2026-11-27T1300-comp-plans' }, { name: '2026-11-27T1400-plan-assignments' }, { name: '2026-11-27T1500-transactions' }, { name: '2026-11-27T1600-calc-runs' }, { name: '2026-11-27T1700-capitalization' }, { name: '2026-11-27T1800-approvals-close-payroll' }, { name: '2026-11-27T1900-disputes' }, { name: '2026-11-27T2000-calc-read-index' }, { name: '2026-11-27T2100-assignment-base-salary' }, { name: '2026-11-28T0900-calc-owner-index' }, { name: '2026-11-28T1000-period-closed-seq' }, { name: '2026-11-28T1100-coverage-models' }, { name: '2026-11-29T0900-territory-models' }, { name: '2026-11-30T0900-quota-plans' }, { name: '2026-12-01T0900-assignment-measure-quotas' }, { name: '2026-12-02T0900-forecast-calls' }, { name: '2026-12-03T0900-contract-terms' }] });
    const org = attain(db, 'org', 'create', '--name', 'Cli Co', '--json');
    expect(org.code).toBe(0);
    expect(JSON.parse(org.stdout)).toMatchObject({ name: 'Cli Co', defaultCurrency: 'USD' });
    const user = attain(db, 'users', 'create', '--email', 'cli@example.org', '--name', 'Cli', '--role', 'admin', '--password', 'a long enough password', '--json');
    expect(user.code).toBe(0);
    expect(JSON.parse(user.stdout)).toMatchObject({ email: 'cli@example.org', role: 'admin' });
  });

  it('exits 3 on bad input, naming the option', () => {
    const bad = attain(db, 'users', 'create', '--email', 'x@example.org', '--name', 'X', '--role', 'boss', '--password', 'a long enough password');
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('--role');
    expect(attain(db, 'no-such-command').code).toBe(2);
  });

  it('verifies the audit chain, and exits 5 naming the entry when a row was tampered with', () => {
    const ok = attain(db, 'audit', 'verify', '--json');
    expect(ok.code).toBe(0);
    const [report] = JSON.parse(ok.stdout) as { ok: boolean; checked: number }[];
    expect(report?.ok).toBe(true);
    expect(report?.checked).toBeGreaterThan(2);
    const sqlite = new SQLite(db);
    sqlite.prepare("update audit_log set after_json = replace(after_json, 'Cli Co', 'Evil Co') where seq = 1").run();
    sqlite.close();
    const broken = attain(db, 'audit', 'verify');
    expect(broken.code).toBe(5);
    expect(broken.stdout).toMatch(/BROKEN .*entry 1 \(hash_mismatch\)/);
  });
});
