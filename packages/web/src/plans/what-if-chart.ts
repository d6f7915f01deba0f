import type { CostScenarios, DistributionBucket } from '@attain/contract';

/** Sizes of the what-if charts, in SVG user units. */
export const HISTOGRAM = { width: 480, height: 180, axis: 28, gap: 2 } as const;
export const COST_BARS = { width: 480, rowHeight: 26, labelWidth: 170 } as const;

export interface HistogramBar { readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly bucket: DistributionBucket }

/** Bars of a histogram: equal widths, heights proportional to the count (tallest bar = full height). */
export function histogramBars(buckets: readonly DistributionBucket[]): HistogramBar[] {
  if (buckets.length === 0) return [];
  const most = Math.max(...buckets.map((b) => b.count), 1);
  const plot = HISTOGRAM.height - HISTOGRAM.axis;
  const width = HISTOGRAM.width / buckets.length;
  return buckets.map((bucket, i) => {
    const height = (bucket.count / most) * plot;
    return { x: i * width + HISTOGRAM.gap / 2, y: plot - height, width: Math.max(width - HISTOGRAM.gap, 1), height, bucket };
  });
}

export interface CostBar { readonly key: string; readonly label: string; readonly totalMinor: string; readonly y: number; readonly length: number }

/**
 * One bar per cost scenario, lengths on one scale from zero. Lengths are computed from the
 * bigint totals as a share of the largest (screen geometry only; the amounts shown are exact).
 */
export function costBars(scenarios: CostScenarios['scenarios']): CostBar[] {
  const largest = scenarios.reduce((m, s) => (BigInt(s.totalMinor) > m ? BigInt(s.totalMinor) : m), 0n);
  const room = COST_BARS.width - COST_BARS.labelWidth - 90;
  return scenarios.map((s, i) => {
    const total = BigInt(s.totalMinor);
    // Per mille of the largest, as an integer, so no float ever touches the amount itself.
    const share = largest > 0n && total > 0n ? Number((total * 1000n) / largest) : 0;
    return { key: s.key, label: s.label, totalMinor: s.totalMinor, y: i * COST_BARS.rowHeight, length: (share / 1000) * room };
  });
}
