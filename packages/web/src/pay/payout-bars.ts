/*
 * Geometry of the payout-per-payee bar chart: one horizontal bar per payee, all on one scale
 * from a zero line (a negative payout, e.g. a clawback, goes left of it). Amounts are minor
 * units as strings, scaled with bigint arithmetic; only the pixel positions are numbers.
 */

export const BARS = { width: 520, labelWidth: 140, valueWidth: 64, rowHeight: 20, gap: 6, top: 4 } as const;

/** The most payees drawn; the table beside the chart has them all. */
export const MAX_BARS = 40;

export interface PayoutInput {
  readonly personId: string;
  readonly personName: string;
  readonly payoutMinor: string;
}

export interface PayoutBar extends PayoutInput {
  /** Top-left corner and length of the bar, in SVG user units. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly negative: boolean;
}

export interface PayoutBarsGeometry {
  readonly bars: readonly PayoutBar[];
  /** x of the zero line. */
  readonly zeroX: number;
  readonly height: number;
  /** How many payees were left out of the drawing (the smallest payouts). */
  readonly omitted: number;
}

const plotLeft = BARS.labelWidth;
const plotWidth = BARS.width - BARS.labelWidth - BARS.valueWidth;

/** Payees by payout, largest first (ties by name): the order of the bars. */
export function byPayoutDescending(items: readonly PayoutInput[]): PayoutInput[] {
  return [...items].sort((a, b) => {
    const d = BigInt(b.payoutMinor) - BigInt(a.payoutMinor);
    return d > 0n ? 1 : d < 0n ? -1 : a.personName.localeCompare(b.personName);
  });
}

/** Lays out at most `limit` bars, largest payout first, from a zero line placed so every bar fits. */
export function payoutBars(items: readonly PayoutInput[], limit: number = MAX_BARS): PayoutBarsGeometry {
  const shown = byPayoutDescending(items).slice(0, limit);
  const values = shown.map((i) => BigInt(i.payoutMinor));
  const lo = values.reduce((m, v) => (v < m ? v : m), 0n);
  const hi = values.reduce((m, v) => (v > m ? v : m), 0n);
  const range = hi - lo;
  // Tenths of a unit are enough for a screen; a chart of zeros has no length at all.
  const xOf = (v: bigint): number => plotLeft + (range === 0n ? 0 : Number(((v - lo) * BigInt(plotWidth) * 10n) / range) / 10);
  const zeroX = xOf(0n);
  const bars = shown.map((item, i) => {
    const x = xOf(values[i] ?? 0n);
    return {
      ...item,
      x: Math.min(x, zeroX),
      y: BARS.top + i * (BARS.rowHeight + BARS.gap),
      width: Math.abs(x - zeroX),
      negative: (values[i] ?? 0n) < 0n,
    };
  });
  return { bars, zeroX, height: BARS.top * 2 + shown.length * (BARS.rowHeight + BARS.gap), omitted: items.length - shown.length };
}
