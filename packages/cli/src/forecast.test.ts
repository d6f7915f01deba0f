import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ForecastBacktestWire } from '@attain/contract';
import { formatBacktest } from './commands/forecast.js';
import { copySmallDemo, runAttain } from './test-support/run-attain.js';

interface Forecast { periodKey: string; openDeals: number; wonMinor: string; baselineMinor: string; range: { p10: string; p50: string; p90: string } | null; notEnoughHistory: string | null }

/** `attain forecast ...` on a fresh copy of the small demo; `json` expects success and parses the output. */
function onACopyOfTheDemo() {
  const db = join(mkdtempSync(join(tmpdir(), 'attain-forecast-')), 'demo.db');
  copySmallDemo(db);
  const attain = (...args: string[]) => runAttain(['--db', db, 'forecast', ...args]);
  const json = <T>(...args: string[]): T => {
    const run = attain(...args, '--json');
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as T;
  };
  return { attain, json };
}

describe('attain forecast', () => {
  it('forecasts a quarter of the demo with a range beside the baseline, scoped to what the reader sees, and backtests it', () => {
    const { attain, json } = onACopyOfTheDemo();
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

    const backtest = json<ForecastBacktestWire>('backtest', '--as', 'finance@example.com');
    expect(backtest.byWeek.map((w) => w.week)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    for (const w of backtest.byWeek) expect([w.baselineMape, w.modelMape, w.coverage].every(Number.isFinite)).toBe(true);
    expect(backtest.brier?.model).toBeLessThan(backtest.brier?.baseline as number);
    // The text the CLI prints of it (the same function; running the backtest twice costs seconds).
    expect(formatBacktest(backtest)).toMatch(/week +quarters +baseline MAPE +model MAPE[\s\S]*Brier score[\s\S]*Calibration/);
  }, 120_000);

  it('calls, adjusts and rolls up a quarter on the demo; the director sees her managers\' calls; two years of snapshots read back', () => {
    const { attain, json } = onACopyOfTheDemo();
    type Rollup = { periodKey: string; snapshots: string[]; rows: { name: string; call: { commit: string | null }; adjustment: { commit: string | null }; forecast: { commit: string } }[]; statistical: { range: unknown } | null };
    const period = json<Rollup>('rollup', '--as', 'manager@example.com').periodKey;
    expect(json<unknown[]>('call', '--period', period, '--commit', '6000000', '--best-case', '7500000.50', '--note', 'renewals', '--as', 'manager@example.com')).toHaveLength(2);
    expect(json<unknown[]>('adjust', '--period', period, '--person', 'rep@example.com', '--commit', '1000000', '--reason', 'Acme slips', '--as', 'manager@example.com')).toHaveLength(1);
    const director = json<Rollup>('rollup', '--as', 'director@example.com');
    const line = (r: Rollup, name: string) => r.rows.find((x) => x.name === name);
    expect(line(director, 'Maria Manager')).toMatchObject({ call: { commit: '600000000' }, forecast: { commit: '600000000' } });
    expect(line(director, 'Ray Rep')).toMatchObject({ adjustment: { commit: '100000000' }, forecast: { commit: '100000000' } });
    expect(director.statistical?.range).not.toBeNull();
    expect(attain('calls', '--period', period, '--as', 'manager@example.com').stdout).toMatch(/Ray Rep +Maria Manager +adjustment +commit +1000000\.00 +Acme slips/);
    // The demo's two years of Monday snapshots, each readable as it was, in text as in JSON.
    expect(director.snapshots.length).toBeGreaterThanOrEqual(8);
    expect(attain('rollup', '--snapshot', director.snapshots.at(-1) as string, '--as', 'director@example.com').stdout)
      .toMatch(/as the snapshot of [\d-]+ kept it[\s\S]*Dana Director[\s\S]*Maria Manager[\s\S]*statistical forecast/);

    expect(attain('adjust', '--period', period, '--person', 'rep@example.com', '--commit', '1', '--reason', 'x', '--as', 'rep@example.com')).toMatchObject({ code: 1 });
    expect(attain('call', '--period', period, '--commit', 'lots', '--as', 'rep@example.com')).toMatchObject({ code: 3, stderr: expect.stringContaining('--commit') });
    expect(attain('snapshot', '--as', 'manager@example.com')).toMatchObject({ code: 1 });
  }, 120_000);
});
