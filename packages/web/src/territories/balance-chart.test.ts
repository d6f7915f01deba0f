import { describe, expect, it } from 'vitest';
import { BALANCE_CHART, balanceBars, formatCoefficient, formatRatio } from './balance-chart.js';

const { labelWidth, room, rowHeight, top } = BALANCE_CHART;

describe('balance chart geometry', () => {
  it('scales bars to the heaviest territory and marks those outside the band', () => {
    const g = balanceBars([{ key: 'a', name: 'A', value: 100 }, { key: 'b', name: 'B', value: 50 }, { key: 'c', name: 'C', value: 90 }], 0.1);
    expect(g.mean).toBe(80);
    expect(g.bars.map((b) => [b.y, b.length, b.outside])).toEqual([[top, room, 'over'], [top + rowHeight, room / 2, 'under'], [top + 2 * rowHeight, room * 0.9, 'over']]);
    expect(g.meanX).toBe(labelWidth + room * 0.8);
    expect(g.bandFromX).toBeCloseTo(labelWidth + room * 0.72);
    expect(g.bandToX).toBeCloseTo(labelWidth + room * 0.88);
  });

  it('keeps the top of the band on the scale when every territory is below it, and counts the edge as within', () => {
    const g = balanceBars([{ key: 'a', name: 'A', value: 105 }, { key: 'b', name: 'B', value: 95 }], 0.05);
    expect(g.bandToX).toBeCloseTo(labelWidth + room);
    expect(g.bars.map((b) => b.outside)).toEqual([null, null]);
  });

  it('draws nothing to balance when every territory is empty', () => {
    const g = balanceBars([{ key: 'a', name: 'A', value: 0 }], 0.05);
    expect([g.meanX, g.bandFromX, g.bars[0]?.length, g.bars[0]?.outside]).toEqual([null, null, 0, null]);
    expect(balanceBars([], 0.05).height).toBe(top + rowHeight + 4);
  });

  it('formats ratios and coefficients', () => {
    expect(formatRatio(0.05123)).toBe('5.1%');
    expect(formatRatio(Infinity)).toBe('∞');
    expect(formatCoefficient(0.04567)).toBe('0.046');
  });
});
