import { describe, expect, it } from 'vitest';
import { COST_BARS, costBars, HISTOGRAM, histogramBars } from './what-if-chart.js';

describe('histogramBars', () => {
  it('scales heights to the tallest bar and splits the width evenly', () => {
    const bars = histogramBars([{ fromMinor: '0', toMinor: '9', count: 1 }, { fromMinor: '10', toMinor: '19', count: 4 }]);
    const plot = HISTOGRAM.height - HISTOGRAM.axis;
    expect(bars.map((b) => b.height)).toEqual([plot / 4, plot]);
    expect(bars[1]?.x).toBeCloseTo(HISTOGRAM.width / 2 + HISTOGRAM.gap / 2);
    expect(histogramBars([])).toEqual([]);
  });
});

describe('costBars', () => {
  it('draws each scenario on one scale from zero, the largest full length', () => {
    const bars = costBars([
      { key: '50', label: 'Everyone at 50%', totalMinor: '1000', payeeCount: 2 },
      { key: '100', label: 'Everyone at 100%', totalMinor: '4000', payeeCount: 2 },
      { key: 'historical', label: 'Historical attainment', totalMinor: '0', payeeCount: 0 },
    ]);
    const room = COST_BARS.width - COST_BARS.labelWidth - 90;
    expect(bars.map((b) => b.length)).toEqual([room / 4, room, 0]);
    expect(bars.map((b) => b.y)).toEqual([0, COST_BARS.rowHeight, 2 * COST_BARS.rowHeight]);
  });
});
