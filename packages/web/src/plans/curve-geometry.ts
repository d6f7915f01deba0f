/*
 * Geometry of the payout chart: attainment (0-200%) across, payout up. Pure, so the axes,
 * gridlines and points are tested without a browser. Amounts are minor units as strings;
 * they are scaled with bigint arithmetic to whole SVG units (no float touches the money,
 * only the pixel position is a number).
 */

export const CHART = { width: 640, height: 300, left: 72, right: 16, top: 16, bottom: 40 } as const;

export interface CurveInputPoint {
  readonly attainmentPercent: number;
  readonly components: Readonly<Record<string, string>>;
  readonly totalMinor: string;
}

export interface Series {
  readonly key: string;
  readonly label: string;
  readonly points: readonly { x: number; y: number; attainmentPercent: number; amountMinor: string }[];
  readonly path: string;
}

export interface ChartGeometry {
  readonly series: readonly Series[];
  readonly xTicks: readonly { x: number; label: string; percent: number }[];
  readonly yTicks: readonly { y: number; amountMinor: string }[];
  /** x of the 100% attainment gridline. */
  readonly quotaX: number;
  readonly maxMinor: string;
}

const MAX_PERCENT = 200;
const plotWidth = CHART.width - CHART.left - CHART.right;
const plotHeight = CHART.height - CHART.top - CHART.bottom;

export const xOf = (percent: number): number => CHART.left + (plotWidth * percent) / MAX_PERCENT;

/** A "nice" top of the axis: 1, 2 or 5 times a power of ten, at or above the largest amount. */
export function niceMax(maxMinor: bigint): bigint {
  if (maxMinor <= 0n) return 100n;
  let step = 1n;
  while (step * 10n <= maxMinor) step *= 10n;
  for (const m of [1n, 2n, 5n, 10n]) if (step * m >= maxMinor) return step * m;
  return step * 10n;
}

/** y of an amount on an axis topped at `top` minor units; whole tenths of a unit are enough for a screen. */
export function yOf(amountMinor: bigint, top: bigint): number {
  const clamped = amountMinor < 0n ? 0n : amountMinor;
  const tenths = Number((clamped * BigInt(plotHeight) * 10n) / top) / 10;
  return CHART.top + plotHeight - tenths;
}

/**
 * Lays out the total and each component as a polyline over the curve points, with x ticks
 * every 25% and five y ticks from 0 to a nice maximum.
 */
export function chartGeometry(curve: readonly CurveInputPoint[], components: readonly { id: string; name: string }[]): ChartGeometry {
  const amounts = curve.flatMap((p) => [BigInt(p.totalMinor), ...Object.values(p.components).map((v) => BigInt(v))]);
  const top = niceMax(amounts.reduce((a, b) => (b > a ? b : a), 0n));
  const seriesOf = (key: string, label: string, pick: (p: CurveInputPoint) => string): Series => {
    const points = curve.map((p) => ({ x: xOf(p.attainmentPercent), y: yOf(BigInt(pick(p)), top), attainmentPercent: p.attainmentPercent, amountMinor: pick(p) }));
    return { key, label, points, path: points.map((pt, i) => `${i === 0 ? 'M' : 'L'}${pt.x} ${pt.y}`).join(' ') };
  };
  const series = [
    seriesOf('total', 'Total', (p) => p.totalMinor),
    // With one component the total is the same line: drawing it twice only hides it.
    ...(components.length > 1 ? components.map((c) => seriesOf(c.id, c.name, (p) => p.components[c.id] ?? '0')) : []),
  ];
  const xTicks = [0, 25, 50, 75, 100, 125, 150, 175, 200].map((percent) => ({ x: xOf(percent), label: `${percent}%`, percent }));
  const yTicks = [0n, 1n, 2n, 3n, 4n].map((i) => {
    const amount = (top * i) / 4n;
    return { y: yOf(amount, top), amountMinor: amount.toString() };
  });
  return { series, xTicks, yTicks, quotaX: xOf(100), maxMinor: top.toString() };
}
