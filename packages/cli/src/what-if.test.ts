import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySmallDemo, runAttain } from './test-support/run-attain.js';

describe('attain plan what-if', () => {
  it('re-runs a quarter of the demo under the current version: every payee unchanged, nothing published', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'attain-what-if-')), 'demo.db');
    copySmallDemo(db);
    const run = runAttain(['--db', db, 'plan', 'what-if', '--plan', 'ae-quota-commission', '--plan-version', '1', '--period', 'FY2027-Q1', '--as', 'finance@example.com', '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { periodKeys: string[]; payees: { differenceMinor: string }[]; totals: { differenceMinor: string; baselineMinor: string } };
    expect(result.periodKeys).toEqual(['FY2027-Q1']);
    expect(result.payees.length).toBeGreaterThan(0);
    expect(result.payees.every((p) => p.differenceMinor === '0')).toBe(true);
    expect(BigInt(result.totals.baselineMinor)).toBeGreaterThan(0n);
  }, 60_000);
});
