import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAttain } from './test-support/run-attain.js';
import type { TransactionImportResult, TransactionItem } from '@attain/contract';

const dir = mkdtempSync(join(tmpdir(), 'attain-transaction-'));
const db = join(dir, 'txn.db');

/** Runs the real `attain` entry point against the test's own SQLite file. */
const attain = (...args: string[]) => runAttain(['--db', db, ...args]);

/** Writes a CSV file into the test's folder and returns its path. */
const csv = (name: string, lines: string[]): string => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};

const HEADER = 'sourceKey,kind,date,amount,currency,ownerEmail';

describe('attain transaction', () => {
  beforeAll(() => {
    const org = attain('org', 'create', '--name', 'Txn Co', '--json');
    expect(org.code, org.stderr).toBe(0);
    const people = attain('import', 'people', csv('people.csv', ['name,email,kind', 'Ada Ae,ada@example.com,ae']), '--json');
    expect(people.code, people.stderr).toBe(0);
  }, 60_000);

  it('imports a file after a dry run, skips it when run again, and lists it', () => {
    const file = csv('good.csv', [HEADER, 'CRM-INV-1,invoice,2026-03-02,1200.00,USD,ada@example.com', 'CRM-PAY-1,payment,2026-03-20,600.5,USD,ADA@example.com']);
    const dry = attain('transaction', 'import', file, '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout) as TransactionImportResult).toEqual({ dryRun: true, rows: 2, created: 2, unchanged: 0 });
    expect((JSON.parse(attain('transaction', 'list', '--json').stdout) as { items: unknown[] }).items).toEqual([]);

    const real = attain('transaction', 'import', file, '--json');
    expect(real.code, real.stderr).toBe(0);
    expect(JSON.parse(real.stdout) as TransactionImportResult).toMatchObject({ created: 2, unchanged: 0 });
    const again = attain('transaction', 'import', file);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('2 rows: 0 created, 2 unchanged');

    const listed = attain('transaction', 'list', '--from', '2026-03-10', '--to', '2026-03-31', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as { items: TransactionItem[] }).items.map((t) => [t.source, t.sourceKey, t.amountMinor])).toEqual([['import', 'CRM-PAY-1', '60050']]);
    const text = attain('transaction', 'list');
    expect(text.stdout).toContain('invoice');
    expect(text.stdout).toMatch(/600\.50 USD {2}import:CRM-PAY-1/);
  }, 60_000);

  it('refuses a bad file with exit code 3, naming line and column, and writes nothing', () => {
    const file = csv('bad.csv', [HEADER, 'CRM-INV-2,invoice,2026-04-01,10,USD,ada@example.com', 'CRM-INV-3,invoice,2026-04-01,10.001,USD,ada@example.com', 'CRM-PAY-1,payment,2026-03-20,600.51,USD,ada@example.com']);
    const json = attain('transaction', 'import', file, '--json');
    expect(json.code).toBe(3);
    const error = (JSON.parse(json.stdout) as { error: { code: string; details: { line: number; field: string }[] } }).error;
    expect(error.code).toBe('import_failed');
    expect(error.details.map((d) => [d.line, d.field])).toEqual([[3, 'amount'], [4, 'sourceKey']]);
    const text = attain('transaction', 'import', file);
    expect(text.code).toBe(3);
    expect(text.stderr).toContain('line 4, sourceKey:');
    expect(text.stderr).toContain('append-only');
    expect((JSON.parse(attain('transaction', 'list', '--from', '2026-04-01', '--json').stdout) as { items: unknown[] }).items).toEqual([]);
    expect(attain('transaction', 'import', join(dir, 'missing.csv')).code).toBe(3);
    expect(attain('transaction', 'list', '--from', 'March').code).toBe(3);
    expect(attain('transaction', 'list', '--org', 'Nobody Inc').code).toBe(4);
  }, 60_000);
});
