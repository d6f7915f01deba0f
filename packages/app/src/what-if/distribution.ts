/**
 * Histogram buckets of integer amounts (minor units), ready for a chart: at most `count` bars of
 * equal integer width covering min..max, bounds inclusive, every value in exactly one bar. One
 * bar when all values are equal; none when there are no values. Pure: bigint in, bigint out.
 */
export function bucketsOf(values: readonly bigint[], count = 10): { fromMinor: bigint; toMinor: bigint; count: number }[] {
  if (values.length === 0) return [];
  const min = values.reduce((m, v) => (v < m ? v : m));
  const max = values.reduce((m, v) => (v > m ? v : m));
  const span = max - min + 1n;
  // Ceiling division: the bars together always reach max.
  const width = (span + BigInt(count) - 1n) / BigInt(count);
  const bars = Number((span + width - 1n) / width);
  const out = Array.from({ length: bars }, (_, i) => ({ fromMinor: min + BigInt(i) * width, toMinor: min + BigInt(i + 1) * width - 1n, count: 0 }));
  for (const v of values) (out[Number((v - min) / width)] as { count: number }).count += 1;
  return out;
}
