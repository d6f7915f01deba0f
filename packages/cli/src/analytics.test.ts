import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySmallDemo, runAttain } from './test-support/run-attain.js';

describe('attain analytics', () => {
  it('prints a region\'s output and data quality with the people below, as JSON too; refuses what is out of reach or malformed', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'attain-analytics-')), 'demo.db');
    copySmallDemo(db);
    const attain = (...args: string[]) => runAttain(['--db', db, 'analytics', ...args]);
    const output = attain('output', '--as', 'director@example.com');
    expect(output.code, output.stderr).toBe(0);
    expect(output.stdout).toMatch(/Dana Director[\s\S]*bookings[\s\S]*Maria Manager[\s\S]*attainment of \d+ sellers with a quota/);
    const year = JSON.parse(attain('output', '--period', 'FY2026', '--person', 'rep@example.com', '--as', 'manager@example.com', '--json').stdout) as { periodKey: string; root: { name: string }; deals: unknown[] | null };
    expect(year).toMatchObject({ periodKey: 'FY2026', root: { name: 'Ray Rep' } });
    expect(year.deals?.length).toBeGreaterThan(0);
    const quality = JSON.parse(attain('quality', '--stale-days', '60', '--as', 'manager@example.com', '--json').stdout) as { staleDays: number; root: { tally: { openDeals: number } }; issuesTotal: number };
    expect(quality.staleDays).toBe(60);
    expect(quality.root.tally.openDeals).toBeGreaterThan(0);
    expect(attain('quality', '--as', 'ops@example.com').stdout).toMatch(/open +clean +missing-fields +past-due +no-activity/);

    expect(attain('output', '--person', 'manager@example.com', '--as', 'rep@example.com')).toMatchObject({ code: 1 });
    expect(attain('output', '--period', 'someday', '--as', 'ops@example.com')).toMatchObject({ code: 3, stderr: expect.stringContaining('period') });
    expect(attain('quality', '--stale-days', '0', '--as', 'ops@example.com')).toMatchObject({ code: 3, stderr: expect.stringContaining('--stale-days') });
  }, 120_000);
});
