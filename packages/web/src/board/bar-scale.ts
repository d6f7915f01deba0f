/** Per mille of `part` in `whole`, computed on the exact minor units (0..1000). */
export function perMille(part: string, whole: string): number {
  const p = BigInt(part);
  const w = BigInt(whole);
  if (w <= 0n || p <= 0n) return 0;
  // The ratio is taken in bigint and only the small result becomes a Number: display only.
  const ratio = (p * 1000n) / w;
  return Number(ratio > 1000n ? 1000n : ratio);
}

/** The largest of some amounts in minor units ("0" for none), compared exactly. */
export function maxMinor(amounts: readonly string[]): string {
  let max = 0n;
  for (const a of amounts) {
    const v = BigInt(a);
    if (v > max) max = v;
  }
  return max.toString();
}
