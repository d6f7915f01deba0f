import { describe, expect, it } from 'vitest';
import { parseDecimal as d } from '../decimal.js';
import { DomainError } from '../errors.js';
import { compareMeasureToThreshold, findTierIndex, resolveTiers, validateRateTable, type RateTable } from './rate-table.js';

const amountTable = (overrides: Partial<RateTable> = {}): RateTable => ({
  basis: 'amount',
  boundary: 'lower-inclusive',
  tiers: [
    { lower: d('0'), upper: d('1000000'), rate: d('0.10') },
    { lower: d('1000000'), rate: d('0.20') },
  ],
  ...overrides,
});

function issuesOf(table: RateTable): string[] {
  try {
    validateRateTable({ table });
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('validation_failed');
    return (e as DomainError).issues.map((i) => i.field);
  }
  return [];
}

describe('validateRateTable', () => {
  it('accepts a well-formed table and returns it unchanged', () => {
    const table = amountTable();
    expect(validateRateTable({ table })).toBe(table);
  });

  it('names the field of every problem: gap, overlap, descending edge, open middle tier, first edge, fractional amount edge', () => {
    expect(issuesOf(amountTable({ tiers: [] }))).toEqual(['table.tiers']);
    expect(issuesOf(amountTable({ tiers: [{ lower: d('0'), upper: d('100'), rate: d('0.1') }, { lower: d('150'), rate: d('0.2') }] }))).toEqual(['table.tiers[1].lower']);
    expect(issuesOf(amountTable({ tiers: [{ lower: d('0'), upper: d('100'), rate: d('0.1') }, { lower: d('50'), rate: d('0.2') }] }))).toEqual(['table.tiers[1].lower']);
    expect(issuesOf(amountTable({ tiers: [{ lower: d('0'), upper: d('0'), rate: d('0.1') }, { lower: d('0'), rate: d('0.2') }] }))).toEqual(['table.tiers[0].upper']);
    expect(issuesOf(amountTable({ tiers: [{ lower: d('0'), rate: d('0.1') }, { lower: d('100'), rate: d('0.2') }] }))).toEqual(['table.tiers[0].upper']);
    expect(issuesOf(amountTable({ tiers: [{ lower: d('5'), rate: d('0.1') }] }))).toEqual(['table.tiers[0].lower']);
    expect(issuesOf(amountTable({ tiers: [{ lower: d('0'), upper: d('10.5'), rate: d('0.1') }, { lower: d('10.5'), rate: d('0.1') }] }))).toEqual(['table.tiers[0].upper', 'table.tiers[1].lower']);
  });

  it('refuses negative factors unless the table declares a decelerator', () => {
    const tiers = [{ lower: d('0'), upper: d('100'), rate: d('0.1') }, { lower: d('100'), rate: d('-0.05'), multiplier: d('-1'), payoutMinor: -5n }];
    expect(issuesOf(amountTable({ tiers }))).toEqual(['table.tiers[1].rate', 'table.tiers[1].multiplier', 'table.tiers[1].payoutMinor']);
    expect(issuesOf(amountTable({ tiers, decelerator: true }))).toEqual([]);
  });

  it('accepts attainment edges as exact ratios (equal edges written with different scales)', () => {
    const table: RateTable = { basis: 'attainment', boundary: 'upper-inclusive', tiers: [{ lower: d('0'), upper: d('1.00'), rate: d('0.05') }, { lower: d('1'), rate: d('0.08') }] };
    expect(issuesOf(table)).toEqual([]);
  });
});

describe('resolving attainment edges to minor units', () => {
  // quota 333 minor x edge 0.5 = 166.5: no integer measure sits on the edge, so both
  // boundary conventions must agree: 166 is below it, 167 above it.
  const tiers = [{ lower: d('0'), upper: d('0.5'), rate: d('0.1') }, { lower: d('0.5'), rate: d('0.2') }];
  it.each(['lower-inclusive', 'upper-inclusive'] as const)('keeps exact tier membership for %s', (boundary) => {
    const resolved = resolveTiers({ table: { basis: 'attainment', boundary, tiers }, quotaMinor: 333n });
    expect(findTierIndex({ valueMinor: 166n, tiers: resolved, boundary })).toBe(0);
    expect(findTierIndex({ valueMinor: 167n, tiers: resolved, boundary })).toBe(1);
  });

  it('puts a value exactly on an edge in the upper tier (lower-inclusive) or the lower tier (upper-inclusive)', () => {
    const exactTiers = resolveTiers({ table: { basis: 'attainment', boundary: 'lower-inclusive', tiers }, quotaMinor: 1000n });
    expect(exactTiers[1]?.lowerMinor).toBe(500n);
    expect(findTierIndex({ valueMinor: 500n, tiers: exactTiers, boundary: 'lower-inclusive' })).toBe(1);
    expect(findTierIndex({ valueMinor: 500n, tiers: exactTiers, boundary: 'upper-inclusive' })).toBe(0);
    expect(findTierIndex({ valueMinor: 0n, tiers: exactTiers, boundary: 'upper-inclusive' })).toBe(0);
  });

  it('needs a positive quota for attainment', () => {
    expect(() => resolveTiers({ table: { basis: 'attainment', boundary: 'lower-inclusive', tiers } })).toThrow(DomainError);
  });
});

describe('compareMeasureToThreshold', () => {
  it('compares attainment exactly, without rounding', () => {
    expect(compareMeasureToThreshold({ valueMinor: 999_999n, quotaMinor: 1_000_000n, basis: 'attainment', threshold: d('1.00') })).toBe(-1);
    expect(compareMeasureToThreshold({ valueMinor: 1_000_000n, quotaMinor: 1_000_000n, basis: 'attainment', threshold: d('1.00') })).toBe(0);
    expect(compareMeasureToThreshold({ valueMinor: 1n, quotaMinor: 3n, basis: 'attainment', threshold: d('0.3333') })).toBe(1);
    expect(compareMeasureToThreshold({ valueMinor: 500n, basis: 'amount', threshold: d('500') })).toBe(0);
  });
});
