import { describe, expect, it } from 'vitest';
import { optimizeUsCounties } from './optimize-counties.js';

describe('territories of US counties', () => {
  it('splits counties where 50 territories need it: exact balance, every territory one piece, at most 49 split', () => {
    const plan = optimizeUsCounties({ territories: 50, tolerance: 0.02, seed: 1, split: true });
    expect([plan.method, plan.withinBand, plan.metrics.disconnected, plan.metrics.empty]).toEqual(['recursive-bisection', true, 0, 0]);
    expect(plan.metrics.maxDeviation).toBeLessThan(1e-9);
    expect(Object.keys(plan.assignment)).toHaveLength(3108);
    const split = Object.entries(plan.splits);
    expect(split.length).toBeLessThanOrEqual(49);
    for (const [, shares] of split) {
      expect(Object.keys(shares).length).toBeGreaterThan(1);
      expect(Object.values(shares).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
    }
    // Los Angeles county, 2.2 times the mean, is one of them.
    expect(Object.keys(plan.splits['06037'] ?? {}).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps counties whole without split, and says when the band is out of reach', () => {
    const plan = optimizeUsCounties({ territories: 50, tolerance: 0.05, seed: 1 });
    expect([plan.method, plan.withinBand, plan.splits, plan.metrics.disconnected]).toEqual(['balanced-partition', false, {}, 0]);
  });
});
