import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAttain } from './test-support/run-attain.js';

describe('attain territory optimize', () => {
  it('cuts the US counties into connected territories within the band and writes a plan anyone can check', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'attain-territory-')), 'plan.json');
    const run = runAttain(['territory', 'optimize', '--territories', '10', '--tolerance', '0.05', '--out', out]);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('every territory within +/-5.00% of the mean') });
    const plan = JSON.parse(readFileSync(out, 'utf8')) as { assignment: Record<string, number>; weights: number[]; withinBand: boolean; metrics: { disconnected: number; maxDeviation: number } };
    expect(Object.keys(plan.assignment)).toHaveLength(3108);
    expect(new Set(Object.values(plan.assignment))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(plan).toMatchObject({ withinBand: true, metrics: { disconnected: 0 } });
    expect(plan.metrics.maxDeviation).toBeLessThanOrEqual(0.05);
    const bad = runAttain(['territory', 'optimize', '--territories', 'ten']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('--territories: must be a whole number');
  }, 60_000);
});
