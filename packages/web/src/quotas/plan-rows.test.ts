import { describe, expect, it } from 'vitest';
import { cascadeBars, percentList, type CascadeNode } from './plan-rows.js';

const node = (key: string | null, quotaMinor: string, childrenMinor: string, children = 1): CascadeNode => ({
  key, name: key ?? 'Company target', quotaMinor, childrenMinor, children, padding: Number(childrenMinor) / Number(quotaMinor) - 1, overBound: false, short: false,
});

describe('quota plan rows', () => {
  it('reads percent lists as exact fractions, and refuses what is not one', () => {
    expect(percentList('20, 20, 20, 40', [4, 12])).toEqual(['0.2', '0.2', '0.2', '0.4']);
    expect(percentList('0/25/50/75', [1, 2, 3, 4])).toEqual(['0', '0.25', '0.5', '0.75']);
    expect(percentList('20 20 60', [4, 12])).toBeNull();
    expect(percentList('20, 20, 20, 140', [4])).toBeNull();
  });

  it('draws each parent\'s quota and her children\'s sum on one scale, leaving out nodes without children', () => {
    const { bars, height } = cascadeBars([node(null, '1000', '1100'), node('m', '500', '500'), node('x', '10', '0', 0)]);
    expect(bars.map((b) => [b.key, Math.round(b.quota), Math.round(b.children)])).toEqual([['company', 391, 430], ['m', 195, 195]]);
    expect(height).toBe(8 + 2 * 28 + 4);
  });
});
