import type { HomeFiguresBody } from '@attain/contract';
import { formatBps } from '../ui/format.js';

/*
 * Small, pure derivations the home page shows beside the server's figures. Every ratio is
 * computed from integers (deal counts, or money as bigint minor units) and only then turned
 * into text: nothing here feeds back into a sum.
 */

export type HomeFigures = HomeFiguresBody;
export type RepStageGrid = HomeFigures['byRepAndStage'];
export type RepRow = RepStageGrid['reps'][number];
export type ClosingDeal = HomeFigures['closingThisMonth'][number];
export type OverdueActivity = HomeFigures['overdueActivities'][number];

/** part / whole as a whole percentage, rounded half up ("25%"); null when whole is 0. */
export function percentText(part: bigint, whole: bigint): string | null {
  if (whole <= 0n) return null;
  const percent = (part * 200n + whole) / (2n * whole);
  return formatBps(Number(percent) * 100);
}

/** Win rate by count = won / (won + lost); null when nothing closed in the period. */
export function winRateText(won: number, lost: number): string | null {
  return percentText(BigInt(won), BigInt(won + lost));
}

/** Win rate by value = won amount / (won + lost amount), from minor-unit strings. */
export function winRateByValueText(wonMinor: string, lostMinor: string): string | null {
  const won = BigInt(wonMinor);
  return percentText(won, won + BigInt(lostMinor));
}

/**
 * The coverage a team needs is about 1 / win rate: (won + lost) / won, one decimal, half up.
 * Null without a win.
 */
export function neededCoverageText(won: number, lost: number): string | null {
  if (won <= 0) return null;
  const tenths = (BigInt(won + lost) * 20n + BigInt(won)) / (2n * BigInt(won));
  return `${tenths / 10n}.${tenths % 10n}×`;
}

/** "3.20" -> "3.20×". */
export function coverageText(coverage: string): string {
  return `${coverage}×`;
}

/** Whole days from `from` to `to` (calendar dates, YYYY-MM-DD); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "November 2026" for a calendar date. */
export function monthName(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}

/** A rep's name, or what to call deals nobody owns. */
export function repName(rep: { ownerName: string | null; ownerId: string | null }): string {
  return rep.ownerName ?? (rep.ownerId === null ? 'Unassigned' : 'Unknown person');
}
