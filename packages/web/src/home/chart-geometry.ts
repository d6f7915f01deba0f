import type { RepStageGrid } from './home-figures.js';

/** The width of a bar at full scale, in SVG user units (the viewBox is stretched to the row). */
export const BAR_SCALE = 1000;

export interface Segment {
  readonly stageIndex: number;
  readonly stageId: string;
  readonly amountMinor: string;
  readonly count: number;
  readonly x: number;
  readonly width: number;
}

export interface Bar {
  readonly ownerId: string | null;
  /** Sum of the rep's stage cells (bigint minor units as a string). */
  readonly sumMinor: string;
  readonly segments: Segment[];
}

/*
 * Lengths of the stacked bars: every bar on one scale, the largest rep's sum of stages being
 * full width, so bars compare across reps. Positions come from running bigint sums, so
 * segments meet exactly and a bar's end is its sum. Money becomes a Number only here, as a
 * ratio for drawing (display only, never summed back).
 */
export function barsOf(grid: RepStageGrid): Bar[] {
  const sums = grid.reps.map((rep) => rep.stages.reduce((total, cell) => total + positive(cell.amountMinor), 0n));
  const max = sums.reduce((m, s) => (s > m ? s : m), 0n);
  const scale = (minor: bigint): number => (max === 0n ? 0 : Number((minor * BigInt(BAR_SCALE) * 1000n) / max) / 1000);
  const stageIndex = new Map(grid.stages.map((s, i) => [s.stageId, i]));
  return grid.reps.map((rep, r) => {
    let running = 0n;
    const segments: Segment[] = [];
    for (const cell of rep.stages) {
      const amount = positive(cell.amountMinor);
      const x = scale(running);
      running += amount;
      if (amount === 0n) continue;
      segments.push({ stageIndex: stageIndex.get(cell.stageId) ?? 0, stageId: cell.stageId, amountMinor: cell.amountMinor, count: cell.count, x, width: scale(running) - x });
    }
    return { ownerId: rep.ownerId, sumMinor: String(sums[r] ?? 0n), segments };
  });
}

/** The colour of a stage: --chart-1..6, the palette repeating past six stages. */
export function stageColour(stageIndex: number): string {
  return `var(--chart-${(stageIndex % 6) + 1})`;
}

/** Past six stages the palette repeats; a lighter fill tells the second round apart. */
export function stageOpacity(stageIndex: number): number {
  return stageIndex < 6 ? 1 : 0.55;
}

function positive(minor: string): bigint {
  const value = BigInt(minor);
  return value > 0n ? value : 0n;
}
