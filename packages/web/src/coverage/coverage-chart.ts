import type { CoverageAnalysisWire } from '@attain/contract';

/*
 * Geometry of the coverage charts, in SVG user units. Bar lengths are shares computed from the
 * bigint amounts as integers per mille (screen geometry only; the amounts shown stay exact).
 */

export const SEGMENT_BARS = { width: 520, rowHeight: 46, labelWidth: 130, room: 270, barHeight: 14 } as const;
export const COVERAGE_BAR = { width: 320, height: 16 } as const;

/** `part` of `whole` per mille, rounded down; 0 when the whole is not positive. */
export function perMille(part: bigint, whole: bigint): number {
  return whole > 0n && part > 0n ? Number((part * 1000n) / whole) : 0;
}

export interface SegmentBar {
  readonly key: string;
  readonly name: string;
  readonly y: number;
  readonly potentialMinor: string;
  readonly accounts: number;
  readonly potentialLength: number;
  readonly accountsLength: number;
}

/** Two bars a segment, potential above accounts, each on its own scale from zero (longest = full room). */
export function segmentBars(segments: CoverageAnalysisWire['segments']): SegmentBar[] {
  const most = segments.reduce((m, s) => (BigInt(s.potentialMinor) > m ? BigInt(s.potentialMinor) : m), 0n);
  const mostAccounts = Math.max(0, ...segments.map((s) => s.accounts));
  return segments.map((s, i) => ({
    key: s.key, name: s.name, y: i * SEGMENT_BARS.rowHeight, potentialMinor: s.potentialMinor, accounts: s.accounts,
    potentialLength: (perMille(BigInt(s.potentialMinor), most) / 1000) * SEGMENT_BARS.room,
    accountsLength: mostAccounts > 0 ? (s.accounts / mostAccounts) * SEGMENT_BARS.room : 0,
  }));
}

/** The covered part of a coverage bar (the rest is uncovered), by potential; by accounts when there is no potential at all. */
export function coveredLength(covered: { accounts: number; potentialMinor: string }, uncovered: { accounts: number; potentialMinor: string }): number {
  const potential = BigInt(covered.potentialMinor) + BigInt(uncovered.potentialMinor);
  const share = potential > 0n ? perMille(BigInt(covered.potentialMinor), potential) : perMille(BigInt(covered.accounts), BigInt(covered.accounts + uncovered.accounts));
  return (share / 1000) * COVERAGE_BAR.width;
}
