import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySmallDemo, runAttain } from './test-support/run-attain.js';

interface Forecast { periodKey: string; openDeals: number; wonMinor: string; baselineMinor: string; range: { p10: string; p50: string; p90: string } | null; notEnoughHistory: string | null }
interface Backtest { rows: unknown[]; byWeek: { week: number; periods: number; baselineMape: number; modelMape: number; coverage: number }[]; brier: { model: number; baseline: number } | null }

describe('attain forecast', () => {
  it('forecasts a quarter of the demo with a range beside the baseline, scoped to what the reader sees, and backtests it', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'attain-forecast-')), 'demo.db');
    copySmallDemo(db);
    const attain = (...args: string[]) => runAttain(['--db', db, 'forecast', ...args]);
    const json = <T>(...args: string[]): T => {
      const run = attain(...args, '--json');
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as T;
    };
    const org = json<Forecast>('show', '--as', 'ops@example.com');
    expect(org.range).not.toBeNull();
    const { p10, p50, p90 } = org.range as NonNullable<Forecast['range']>;
    expect(BigInt(p10) <= BigInt(p50) && BigInt(p50) <= BigInt(p90)).toBe(true);
    expect(BigInt(p10)).toBeGreaterThanOrEqual(BigInt(org.wonMinor));
    // A rep's forecast is of her own deals only.
    const mine = json<Forecast>('show', '--as', 'rep@example.com');
    expect(mine.openDeals).toBeLessThan(org.openDeals);
    expect(attain('show', '--person', 'manager@example.com', '--as', 'rep@example.com')).toMatchObject({ code: 1 });
    expect(attain('show', '--period', 'FY2027', '--as', 'ops@example.com')).toMatchObject({ code: 3, stderr: expect.stringContaining('period') });
    expect(attain('show', '--period', 'FY2025-Q1', '--as', 'ops@example.com')).toMatchObject({ code: 3, stderr: expect.stringContaining('has ended') });

    const backtest = json<Backtest>('backtest', '--as', 'finance@example.com');
    expect(backtest.byWeek.map((w) => w.week)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    for (const w of backtest.byWeek) expect([w.baselineMape, w.modelMape, w.coverage].every(Number.isFinite)).toBe(true);
    expect(backtest.brier?.model).toBeLessThan(backtest.brier?.baseline as number);
    expect(attain('backtest', '--as', 'ops@example.com').stdout).toMatch(/week +quarters +baseline MAPE +model MAPE[\s\S]*Brier score[\s\S]*Calibration/);
  }, 120_000);
});
