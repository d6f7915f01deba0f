import { formatDecimal, pow10, type Decimal } from '../decimal.js';
import { DomainError, type FieldIssue } from '../errors.js';
import { divideRounded } from '../money.js';

/** What a tier edge measures: an amount in minor units, or attainment (measure / quota). */
export type EdgeBasis = 'amount' | 'attainment';

/**
 * Which tier a value exactly on an edge belongs to.
 * - 'lower-inclusive': tiers are [lower, upper): a value on an edge is in the UPPER tier.
 * - 'upper-inclusive': tiers are (lower, upper]: a value on an edge is in the LOWER tier.
 * The first tier always contains 0.
 */
export type TierBoundary = 'lower-inclusive' | 'upper-inclusive';

/**
 * One tier. Edges are exact decimals in the table's basis: for 'amount' a whole number of
 * minor units (e.g. `{ units: 1000000n, scale: 0 }` = 10,000.00 USD), for 'attainment' a
 * ratio of quota (e.g. "1.00"). The factor a tier carries depends on the tier mode:
 * `rate` (marginal, retroactive, overage-multiplier), `payoutMinor` (interpolated: the
 * payout for completing this tier), `multiplier` (band-multiplier).
 */
export interface RateTier {
  readonly lower: Decimal;
  /** Absent only on the last tier (open-ended). */
  readonly upper?: Decimal;
  readonly rate?: Decimal;
  readonly payoutMinor?: bigint;
  readonly multiplier?: Decimal;
}

export interface RateTable {
  readonly basis: EdgeBasis;
  readonly boundary: TierBoundary;
  /** Declares that factors may fall (or be negative) from tier to tier; payout may then decrease. */
  readonly decelerator?: boolean;
  readonly tiers: readonly RateTier[];
}

/** A tier with its edges resolved to minor units of the measure. */
export interface ResolvedTier {
  readonly lowerMinor: bigint;
  readonly upperMinor: bigint | undefined;
}

/** Exact three-way comparison of two decimals. */
export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const left = a.units * pow10(b.scale);
  const right = b.units * pow10(a.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

const isWhole = (d: Decimal): boolean => d.units % pow10(d.scale) === 0n;
const isZero = (d: Decimal): boolean => d.units === 0n;

/**
 * Checks edges and factors; throws a `validation_failed` DomainError listing every issue
 * with its field path under `path` (e.g. "table.tiers[1].lower").
 */
export function validateRateTable({ table, path = 'table' }: { table: RateTable; path?: string }): RateTable {
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string): void => {
    issues.push({ field: `${path}.${field}`, message });
  };
  if (table.tiers.length === 0) add('tiers', 'a rate table needs at least one tier');
  table.tiers.forEach((tier, i) => {
    const at = `tiers[${i}]`;
    if (i === 0 && !isZero(tier.lower)) add(`${at}.lower`, 'the first tier starts at 0');
    if (table.basis === 'amount') {
      if (!isWhole(tier.lower)) add(`${at}.lower`, 'amount edges are whole minor units');
      if (tier.upper && !isWhole(tier.upper)) add(`${at}.upper`, 'amount edges are whole minor units');
    }
    const last = i === table.tiers.length - 1;
    if (!tier.upper && !last) add(`${at}.upper`, 'only the last tier may be open-ended');
    if (tier.upper && compareDecimals(tier.upper, tier.lower) <= 0) add(`${at}.upper`, `must be above the lower edge ${formatDecimal(tier.lower)}`);
    const next = table.tiers[i + 1];
    if (next && tier.upper && compareDecimals(next.lower, tier.upper) !== 0) {
      add(`tiers[${i + 1}].lower`, `must equal the previous upper edge ${formatDecimal(tier.upper)} (no gap, no overlap)`);
    }
    if (!table.decelerator) {
      if (tier.rate && tier.rate.units < 0n) add(`${at}.rate`, 'negative rate needs a table declared as decelerator');
      if (tier.multiplier && tier.multiplier.units < 0n) add(`${at}.multiplier`, 'negative multiplier needs a table declared as decelerator');
      if (tier.payoutMinor !== undefined && tier.payoutMinor < 0n) add(`${at}.payoutMinor`, 'negative payout needs a table declared as decelerator');
    }
  });
  if (issues.length > 0) throw new DomainError('validation_failed', `${path}: rate table is invalid`, issues);
  return table;
}

/**
 * Resolves an edge to minor units of the measure. Attainment edges become quota x ratio;
 * when that is not a whole number we round it so that integer measures land in exactly
 * the tier the exact ratio would put them in: ceiling for lower-inclusive (v >= q*e iff
 * v >= ceil(q*e)), floor for upper-inclusive (v > q*e iff v > floor(q*e)).
 */
export function resolveEdgeMinor({ edge, basis, boundary, quotaMinor }: { edge: Decimal; basis: EdgeBasis; boundary: TierBoundary; quotaMinor?: bigint | undefined }): bigint {
  if (basis === 'amount') return edge.units / pow10(edge.scale);
  if (quotaMinor === undefined || quotaMinor <= 0n) throw new DomainError('validation_failed', 'quota: an attainment table needs a positive quota', [{ field: 'quota', message: 'must be a positive amount for an attainment table' }]);
  return divideRounded(quotaMinor * edge.units, pow10(edge.scale), boundary === 'lower-inclusive' ? 'ceiling' : 'floor');
}

/** All tiers of a (validated) table with edges in minor units of the measure. */
export function resolveTiers({ table, quotaMinor }: { table: RateTable; quotaMinor?: bigint | undefined }): ResolvedTier[] {
  const resolve = (edge: Decimal): bigint => resolveEdgeMinor({ edge, basis: table.basis, boundary: table.boundary, quotaMinor });
  return table.tiers.map((tier) => ({ lowerMinor: resolve(tier.lower), upperMinor: tier.upper ? resolve(tier.upper) : undefined }));
}

/** Index of the tier a measure value falls in, honouring the table's boundary inclusivity. */
export function findTierIndex({ valueMinor, tiers, boundary }: { valueMinor: bigint; tiers: readonly ResolvedTier[]; boundary: TierBoundary }): number {
  for (let i = tiers.length - 1; i > 0; i -= 1) {
    const lower = tiers[i]?.lowerMinor ?? 0n;
    if (boundary === 'lower-inclusive' ? valueMinor >= lower : valueMinor > lower) return i;
  }
  return 0;
}

/**
 * Exact comparison of a measure with a threshold in a basis (amount in minor units, or
 * attainment ratio against `quotaMinor`). No rounding: attainment is compared by
 * cross-multiplication.
 */
export function compareMeasureToThreshold({ valueMinor, quotaMinor, basis, threshold }: { valueMinor: bigint; quotaMinor?: bigint | undefined; basis: EdgeBasis; threshold: Decimal }): -1 | 0 | 1 {
  const left = valueMinor * pow10(threshold.scale);
  let right = threshold.units;
  if (basis === 'attainment') {
    if (quotaMinor === undefined || quotaMinor <= 0n) throw new DomainError('validation_failed', 'quota: attainment needs a positive quota', [{ field: 'quota', message: 'must be a positive amount' }]);
    right = threshold.units * quotaMinor;
  }
  return left < right ? -1 : left > right ? 1 : 0;
}
