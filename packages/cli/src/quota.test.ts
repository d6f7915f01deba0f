import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QuotaAllocation } from '@attain/contract';
import { copySmallDemo, runAttain } from './test-support/run-attain.js';

describe('attain quota allocate', () => {
  it('cascades next year\'s number on the demo to the sellers, exactly, with overrides; a rep may not; a bad option is named', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'attain-quota-')), 'demo.db');
    copySmallDemo(db);
    const attain = (...args: string[]) => runAttain(['--db', db, 'quota', 'allocate', ...args]);
    const run = attain('--year', '2027', '--target', '60000000.00', '--history-weight', '0.6', '--weight', 'am=0.8', '--max-growth', '1',
      '--override', 'rep@example.com=1500000.00:takes over a new region', '--as', 'ops@example.com', '--json');
    expect(run.code, run.stderr).toBe(0);
    const a = JSON.parse(run.stdout) as QuotaAllocation;
    expect([a.fiscalYear, a.targetMinor, a.totalMinor]).toEqual([2027, '6000000000', '6000000000']);
    expect(a.sellers.reduce((s, x) => s + BigInt(x.quotaMinor), 0n)).toBe(6_000_000_000n);
    expect(a.sellers.find((s) => s.bound === 'override')).toMatchObject({ quotaMinor: '150000000', reason: 'takes over a new region' });
    expect(new Set(a.sellers.filter((s) => s.role === 'am').map((s) => s.historyWeight))).toEqual(new Set(['0.8']));
    // The demo's AEs have plan assignments: quota over their on-target earnings.
    const ote = a.diagnostics.quotaToOte;
    expect(ote?.sellers).toBeGreaterThan(5);
    expect(ote?.median).toBeGreaterThanOrEqual(ote?.min as number);
    expect(ote?.median).toBeLessThanOrEqual(ote?.max as number);
    expect(a.sellers.filter((s) => s.quotaToOte !== null)).toHaveLength(ote?.sellers as number);
    // No one above twice last year's bookings.
    for (const s of a.sellers) if (BigInt(s.historyMinor) > 0n && s.bound !== 'override') expect(BigInt(s.quotaMinor)).toBeLessThanOrEqual(2n * BigInt(s.historyMinor));

    const text = attain('--year', '2027', '--target', '60000000.00', '--as', 'finance@example.com');
    expect(text).toMatchObject({ code: 0, stdout: expect.stringContaining('FY2027: 60000000.00 USD to') });
    expect(text.stdout).toContain("The cascade: each manager's sellers summed");
    expect(attain('--year', '2027', '--target', '1.00', '--as', 'rep@example.com')).toMatchObject({ code: 1, stderr: expect.stringMatching(/not allowed/) });
    expect(attain('--year', '2027', '--target', 'lots', '--as', 'ops@example.com')).toMatchObject({ code: 3, stderr: expect.stringContaining('--target') });
    expect(attain('--year', '2027', '--target', '1.00', '--weight', 'boss=1', '--as', 'ops@example.com')).toMatchObject({ code: 3, stderr: expect.stringContaining('--weight') });
    // New logos are counted: last year's new customers won are the history, the number is a whole count.
    const logos = JSON.parse(attain('--year', '2027', '--measure', 'new-logos', '--target', '120', '--as', 'ops@example.com', '--json').stdout) as QuotaAllocation;
    expect([logos.measure, logos.unit, logos.totalMinor, logos.diagnostics.quotaToOte]).toEqual(['new-logos', 'count', '120', null]);
    expect(logos.sellers.some((x) => BigInt(x.historyMinor) > 0n)).toBe(true);
    expect(attain('--year', '2027', '--measure', 'new-logos', '--target', '120', '--as', 'ops@example.com').stdout).toMatch(/FY2027: 120 new logos to \d+ sellers \(new logos from/);
    expect(attain('--year', '2027', '--measure', 'new-logos', '--target', '1.5', '--as', 'ops@example.com')).toMatchObject({ code: 3, stderr: expect.stringContaining('--target') });
    expect(attain('--year', '2027', '--measure', 'arr', '--target', '1', '--as', 'ops@example.com')).toMatchObject({ code: 3, stderr: expect.stringContaining('--measure') });
    // Over a territory model's territories: its owners carry their territories' quotas.
    expect(runAttain(['--db', db, 'territory', 'create', '--name', 'Next year', '--as', 'ops@example.com']).code).toBe(0);
    expect(runAttain(['--db', db, 'territory', 'optimize', '--model', 'Next year', '--territories', '4', '--as', 'ops@example.com']).code).toBe(0);
    const byTerritory = JSON.parse(attain('--year', '2027', '--target', '60000000.00', '--by', 'territory', '--model', 'Next year', '--as', 'ops@example.com', '--json').stdout) as QuotaAllocation;
    expect([byTerritory.basis, byTerritory.territoryModel?.name, byTerritory.territories.length]).toEqual(['territories', 'Next year', 4]);
    expect(byTerritory.territories.reduce((sum, x) => sum + BigInt(x.quotaMinor), 0n)).toBe(6_000_000_000n);
    expect(BigInt(byTerritory.totalMinor) + BigInt(byTerritory.vacantMinor)).toBe(6_000_000_000n);
    for (const x of byTerritory.territories.filter((t) => t.ownerId !== null)) expect(byTerritory.sellers.find((s) => s.personId === x.ownerId)?.reason).toContain(x.name);
    expect(attain('--year', '2027', '--target', '1.00', '--by', 'region', '--as', 'ops@example.com')).toMatchObject({ code: 3, stderr: expect.stringContaining('--by') });
  }, 60_000);
});
