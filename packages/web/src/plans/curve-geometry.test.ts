import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHART, chartGeometry, niceMax, xOf, yOf } from './curve-geometry.js';

const curve = [0, 50, 100, 150, 200].map((p) => ({ attainmentPercent: p, components: { a: String(p * 100), b: String(p * 50) }, totalMinor: String(p * 150) }));

describe('payout chart geometry', () => {
  it('picks a nice axis top at or above the largest amount', () => {
    expect(niceMax(0n)).toBe(100n);
    expect(niceMax(7n)).toBe(10n);
    expect(niceMax(30_000n)).toBe(50_000n);
    expect(niceMax(10_000_000n)).toBe(10_000_000n);
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 10n ** 18n }), (v) => {
      const top = niceMax(v);
      expect(top >= v).toBe(true);
      expect(top <= v * 10n).toBe(true);
    }));
  });

  it('puts 0% at the left edge, 200% at the right, 100% in the middle, and amounts inside the plot', () => {
    expect(xOf(0)).toBe(CHART.left);
    expect(xOf(200)).toBe(CHART.width - CHART.right);
    const g = chartGeometry(curve, [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }]);
    expect(g.quotaX).toBe(xOf(100));
    expect(g.series.map((s) => s.key)).toEqual(['total', 'a', 'b']);
    expect(g.maxMinor).toBe('50000');
    expect(g.series[0]?.points[0]?.y).toBe(CHART.height - CHART.bottom);
    expect(g.series[0]?.points[4]?.y).toBeCloseTo(CHART.top + (CHART.height - CHART.top - CHART.bottom) * (1 - 30000 / 50000), 1);
    expect(g.series[0]?.path.startsWith(`M${CHART.left} `)).toBe(true);
    expect(g.yTicks.map((t) => t.amountMinor)).toEqual(['0', '12500', '25000', '37500', '50000']);
    expect(g.xTicks.map((t) => t.label)).toContain('100%');
  });

  it('draws one line when the plan has one component', () => {
    expect(chartGeometry(curve, [{ id: 'a', name: 'A' }]).series.map((s) => s.key)).toEqual(['total']);
  });

  it('keeps every point inside the plot', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 15n }), (amount, top) => {
      const y = yOf(amount > top ? top : amount, top);
      expect(y).toBeGreaterThanOrEqual(CHART.top);
      expect(y).toBeLessThanOrEqual(CHART.height - CHART.bottom);
    }));
  });
});
