import { parseMajorToMinor } from '@attain/core';
import type { EarningsPeriod } from '@attain/contract';

/**
 * An amount typed in major units ("12,500.50") as exact minor units (a string for the wire), or
 * an error message; never through a float.
 */
export function amountToMinor(text: string, currency: string): { minor: string } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'Enter an amount' };
  try {
    const minor = parseMajorToMinor(trimmed, currency);
    return minor > 0n ? { minor: minor.toString() } : { error: 'Enter an amount above zero' };
  } catch {
    return { error: `Not an amount in ${currency} (for example 12500.00)` };
  }
}

/** An attainment ratio with up to four decimals ("1.0500") in basis points (10500); null when it is not one. */
function bpsOf(attainment: string | null): number | null {
  const m = attainment === null ? null : /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(attainment);
  if (!m) return null;
  const bps = Number(m[2]) * 10_000 + Number((m[3] ?? '').padEnd(4, '0'));
  return m[1] === '-' ? -bps : bps;
}

/** A progress bar's fill (0..100, whole percent, capped at 100) of an attainment ratio ("1.0500"); 0 when there is none. */
export function progressPercent(attainment: string | null): number {
  const bps = bpsOf(attainment);
  return bps === null ? 0 : Math.max(0, Math.min(100, Math.floor(bps / 100)));
}

/** The attainment ratio as a percent label: "0.5069" -> "50.69%"; "no quota" without one. */
export function attainmentLabel(attainment: string | null): string {
  const bps = bpsOf(attainment);
  if (bps === null) return 'no quota';
  const abs = Math.abs(bps);
  return `${bps < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/** Heights (0..1 of the tallest) of the per-period mini bars of earned pay; bigint compared, per mille resolution. */
export function miniBars(periods: readonly Pick<EarningsPeriod, 'periodKey' | 'earnedMinor'>[]): { periodKey: string; earnedMinor: string; height: number }[] {
  const top = periods.reduce((m, p) => (BigInt(p.earnedMinor) > m ? BigInt(p.earnedMinor) : m), 0n);
  return periods.map((p) => {
    const v = BigInt(p.earnedMinor);
    return { periodKey: p.periodKey, earnedMinor: p.earnedMinor, height: top > 0n && v > 0n ? Number((v * 1000n) / top) / 1000 : 0 };
  });
}
