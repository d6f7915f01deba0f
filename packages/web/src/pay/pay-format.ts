import { divideRounded } from '@attain/core';

/*
 * Small presentation helpers of the pay area. Money stays a string of minor units until
 * `formatMoney` turns it into text; sums are bigint.
 */

/** "sha256:6a1878908ce92c88…" -> "6a187890…c5ba6": enough to tell two hashes apart; the full value goes in a title. */
export function shortHash(hash: string | null | undefined): string {
  if (!hash) return '';
  const hex = hash.includes(':') ? hash.slice(hash.indexOf(':') + 1) : hash;
  return hex.length <= 14 ? hex : `${hex.slice(0, 8)}…${hex.slice(-5)}`;
}

/** The exact sum of amounts in minor units (strings on the wire), as a string. */
export function sumMinor(values: readonly string[]): string {
  return values.reduce((total, v) => total + BigInt(v), 0n).toString();
}

/** "slice-at-rate" -> "slice at rate", "hold-release" -> "hold release". */
export function words(value: string): string {
  return value.replace(/[-_]/g, ' ');
}

/** An exact fraction of minor units as whole minor units, rounded half-even by core's one rounding function (for display). */
export function fractionToMinor(fraction: { readonly numerator: string; readonly denominator: string }): string {
  return divideRounded(BigInt(fraction.numerator), BigInt(fraction.denominator)).toString();
}
