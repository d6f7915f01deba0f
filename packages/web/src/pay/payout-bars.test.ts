import { describe, expect, it } from 'vitest';
import { BARS, payoutBars } from './payout-bars.js';

const plotLeft = BARS.labelWidth;
const plotWidth = BARS.width - BARS.labelWidth - BARS.valueWidth;
const p = (personId: string, personName: string, payoutMinor: string) => ({ personId, personName, payoutMinor });

describe('payoutBars', () => {
  it('puts every bar on one scale from the zero line, largest first', () => {
    const g = payoutBars([p('a', 'Ann', '500'), p('b', 'Bob', '2000'), p('c', 'Cy', '1000')]);
    expect(g.bars.map((b) => b.personId)).toEqual(['b', 'c', 'a']);
    expect(g.zeroX).toBe(plotLeft);
    expect(g.bars.map((b) => b.width)).toEqual([plotWidth, plotWidth / 2, plotWidth / 4]);
    expect(g.bars.map((b) => b.x)).toEqual([plotLeft, plotLeft, plotLeft]);
    expect(g.bars.map((b) => b.y)).toEqual([BARS.top, BARS.top + BARS.rowHeight + BARS.gap, BARS.top + 2 * (BARS.rowHeight + BARS.gap)]);
    expect(g.height).toBe(BARS.top * 2 + 3 * (BARS.rowHeight + BARS.gap));
    expect(g.omitted).toBe(0);
  });

  it('scales amounts beyond float precision exactly enough to compare', () => {
    const big = '90071992547409930000';
    const g = payoutBars([p('a', 'Ann', big), p('b', 'Bob', '45035996273704965000')]);
    expect(g.bars[0]?.width).toBe(plotWidth);
    expect(g.bars[1]?.width).toBe(plotWidth / 2);
  });

  it('draws a negative payout left of a zero line that moves to fit it', () => {
    const g = payoutBars([p('a', 'Ann', '3000'), p('b', 'Bob', '-1000')]);
    expect(g.zeroX).toBe(plotLeft + plotWidth / 4);
    const bob = g.bars.find((b) => b.personId === 'b');
    expect(bob).toMatchObject({ negative: true, x: plotLeft, width: plotWidth / 4 });
    expect(g.bars[0]).toMatchObject({ negative: false, x: g.zeroX, width: (plotWidth * 3) / 4 });
  });

  it('gives zero-length bars when every payout is zero, and ties go by name', () => {
    const g = payoutBars([p('b', 'Bob', '0'), p('a', 'Ann', '0')]);
    expect(g.bars.map((b) => [b.personName, b.width])).toEqual([['Ann', 0], ['Bob', 0]]);
  });

  it('draws at most the limit, the largest payouts, and counts the rest', () => {
    const items = Array.from({ length: 45 }, (_, i) => p(`p${i}`, `P ${i}`, String(i * 100)));
    const g = payoutBars(items, 40);
    expect(g.bars).toHaveLength(40);
    expect(g.bars[0]?.personId).toBe('p44');
    expect(g.omitted).toBe(5);
  });
});
