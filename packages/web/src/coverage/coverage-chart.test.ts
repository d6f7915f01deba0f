import { describe, expect, it } from 'vitest';
import { COVERAGE_BAR, SEGMENT_BARS, coveredLength, perMille, segmentBars } from './coverage-chart.js';

describe('coverage chart geometry', () => {
  it('measures shares of amounts past 2^53 as integers', () => {
    expect(perMille(900719925474099311n, 900719925474099312n)).toBe(999);
    expect(perMille(1n, 0n)).toBe(0);
  });

  it('scales potential and accounts each to its own longest bar', () => {
    const bars = segmentBars([
      { key: 'a', name: 'A', accounts: 10, potentialMinor: '900719925474099312', workload: [] },
      { key: 'b', name: 'B', accounts: 40, potentialMinor: '450359962737049656', workload: [] },
    ]);
    expect(bars.map((b) => [b.y, b.potentialLength, b.accountsLength])).toEqual([[0, SEGMENT_BARS.room, SEGMENT_BARS.room / 4], [SEGMENT_BARS.rowHeight, SEGMENT_BARS.room / 2, SEGMENT_BARS.room]]);
  });

  it('splits a coverage bar by potential, or by accounts when no account has potential', () => {
    expect(coveredLength({ accounts: 1, potentialMinor: '300' }, { accounts: 9, potentialMinor: '100' })).toBe(COVERAGE_BAR.width * 0.75);
    expect(coveredLength({ accounts: 1, potentialMinor: '0' }, { accounts: 3, potentialMinor: '0' })).toBe(COVERAGE_BAR.width / 4);
  });
});
