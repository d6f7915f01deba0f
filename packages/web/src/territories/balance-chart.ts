/*
 * Geometry of the balance chart, in SVG user units: one horizontal bar per territory on a scale
 * from zero to the larger of the heaviest territory and the top of the band, the mean as a line
 * and the band (mean x (1 +/- tolerance)) as a shaded strip. Screen geometry only: the figures
 * shown beside it stay exact.
 */

export const BALANCE_CHART = { width: 600, labelWidth: 150, room: 360, rowHeight: 24, barHeight: 16, top: 18 } as const;

export interface BalanceItem {
  readonly key: string;
  readonly name: string;
  readonly value: number;
}

export type BalanceBar<T extends BalanceItem = BalanceItem> = T & {
  readonly y: number;
  readonly length: number;
  /** Outside the band: above it, below it, or within (null). */
  readonly outside: 'over' | 'under' | null;
};

export interface BalanceGeometry<T extends BalanceItem = BalanceItem> {
  readonly bars: readonly BalanceBar<T>[];
  readonly mean: number;
  /** x of the mean line and of the band's edges (null with nothing to balance). */
  readonly meanX: number | null;
  readonly bandFromX: number | null;
  readonly bandToX: number | null;
  readonly height: number;
}

/** Relative slack so a territory exactly on the band's edge counts as within it. */
const EDGE = 1e-9;

export function balanceBars<T extends BalanceItem>(items: readonly T[], tolerance: number): BalanceGeometry<T> {
  const { labelWidth, room, rowHeight, top } = BALANCE_CHART;
  const mean = items.length === 0 ? 0 : items.reduce((s, i) => s + i.value, 0) / items.length;
  const scaleMax = Math.max(mean * (1 + tolerance), ...items.map((i) => i.value), 0);
  const x = (v: number) => labelWidth + (scaleMax > 0 ? (Math.max(v, 0) / scaleMax) * room : 0);
  const low = mean * (1 - tolerance);
  const high = mean * (1 + tolerance);
  const bars = items.map((item, i): BalanceBar<T> => ({
    ...item,
    y: top + i * rowHeight,
    length: x(item.value) - labelWidth,
    outside: mean <= 0 ? null : item.value > high * (1 + EDGE) ? 'over' as const : item.value < low * (1 - EDGE) ? 'under' as const : null,
  }));
  return {
    bars, mean,
    meanX: mean > 0 ? x(mean) : null,
    bandFromX: mean > 0 ? x(low) : null,
    bandToX: mean > 0 ? x(high) : null,
    height: top + Math.max(items.length, 1) * rowHeight + 4,
  };
}

/** A ratio as a percentage with one decimal: 0.0512 -> "5.1%". */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '∞';
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

/** A coefficient with three decimals: 0.04567 -> "0.046". */
export function formatCoefficient(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : '∞';
}
