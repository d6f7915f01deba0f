import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal as d, type Decimal } from '../decimal.js';
import { DomainError } from '../errors.js';
import type { RoundingMode } from '../money.js';
import { applyTiers, type TierMode, type TierRounding } from './apply-tiers.js';
import type { RateTable, RateTier, TierBoundary } from './rate-table.js';

// All money below is USD minor units (cents): 1,000,000n = 10,000.00.
const exactly: TierRounding = { point: 'per-line', mode: 'half-even' };
const amountEdge = (minor: bigint): Decimal => ({ units: minor, scale: 0 });
const twoTierAmount = (edgeMinor: bigint, low: string, high: string, boundary: TierBoundary = 'lower-inclusive'): RateTable => ({
  basis: 'amount',
  boundary,
  tiers: [
    { lower: d('0'), upper: amountEdge(edgeMinor), rate: d(low) },
    { lower: amountEdge(edgeMinor), rate: d(high) },
  ],
});

describe('golden examples (compensation.md)', () => {
  it('1. two marginal tiers: 0-10,000 at 10%, above at 20%, sales 15,000 -> 2,000', () => {
    const result = applyTiers({ table: twoTierAmount(1_000_000n, '0.10', '0.20'), mode: 'marginal', value: 1_500_000n, rounding: exactly });
    expect(result.amountMinor).toBe(200_000n);
    expect(result.lines.map((l) => [l.tierIndex, l.from, l.to, l.sliceMinor, l.rate, l.earnedMinor])).toEqual([
      [0, 0n, 1_000_000n, 1_000_000n, '0.1', 100_000n],
      [1, 1_000_000n, 1_500_000n, 500_000n, '0.2', 100_000n],
    ]);
  });

  it('2. accelerator above quota: 200,000 at 5%, 60,000 above at 8% -> 14,800 (as marginal tiers with quota as the edge, and as overage-multiplier)', () => {
    const table = twoTierAmount(20_000_000n, '0.05', '0.08');
    const marginal = applyTiers({ table, mode: 'marginal', value: 26_000_000n, rounding: exactly });
    expect(marginal.lines.map((l) => l.earnedMinor)).toEqual([1_000_000n, 480_000n]);
    expect(marginal.amountMinor).toBe(1_480_000n);
    const overage = applyTiers({ table, mode: 'overage-multiplier', value: 26_000_000n, quota: 20_000_000n, rounding: exactly });
    expect(overage.amountMinor).toBe(1_480_000n);
    expect(overage.lines.map((l) => [l.kind, l.sliceMinor, l.rate])).toEqual([
      ['base-below-quota', 20_000_000n, '0.05'],
      ['overage-above-quota', 6_000_000n, '0.08'],
    ]);
  });

  it('3. sales 180,000; 50% below 100,000, 60% above -> retroactive 108,000, incremental (marginal) 98,000', () => {
    const table = twoTierAmount(10_000_000n, '0.50', '0.60');
    const retro = applyTiers({ table, mode: 'retroactive', value: 18_000_000n, rounding: exactly });
    expect(retro.amountMinor).toBe(10_800_000n);
    expect(retro.lines).toEqual([
      { tierIndex: 1, kind: 'whole-at-rate', from: 0n, to: 18_000_000n, sliceMinor: 18_000_000n, rate: '0.6', earnedExact: { numerator: 10_800_000n, denominator: 1n }, earnedMinor: 10_800_000n },
    ]);
    expect(applyTiers({ table, mode: 'marginal', value: 18_000_000n, rounding: exactly }).amountMinor).toBe(9_800_000n);
  });
  // Example 6 (cap) is in gates-caps.test.ts.
});

describe('own hand-checked examples', () => {
  const attainment = (tiers: RateTier[]): RateTable => ({ basis: 'attainment', boundary: 'lower-inclusive', tiers });

  it('overage-multiplier: the highest tier reached pays all overage, unlike marginal', () => {
    // Quota 100,000.00; tiers on attainment [0,1) 5%, [1,1.2) 8%, [1.2,-) 10%; sales 130,000.00.
    // overage-multiplier: 100,000 x 5% = 5,000 + 30,000 x 10% = 3,000 -> 8,000.00
    // marginal:           100,000 x 5% = 5,000 + 20,000 x 8% = 1,600 + 10,000 x 10% = 1,000 -> 7,600.00
    // at 115,000.00 overage: 5,000 + 15,000 x 8% = 1,200 -> 6,200.00
    const table = attainment([
      { lower: d('0'), upper: d('1'), rate: d('0.05') },
      { lower: d('1'), upper: d('1.2'), rate: d('0.08') },
      { lower: d('1.2'), rate: d('0.10') },
    ]);
    const quota = 10_000_000n;
    expect(applyTiers({ table, mode: 'overage-multiplier', value: 13_000_000n, quota, rounding: exactly }).amountMinor).toBe(800_000n);
    expect(applyTiers({ table, mode: 'marginal', value: 13_000_000n, quota, rounding: exactly }).amountMinor).toBe(760_000n);
    expect(applyTiers({ table, mode: 'overage-multiplier', value: 11_500_000n, quota, rounding: exactly }).amountMinor).toBe(620_000n);
    // Below quota only the base line: 80,000 x 5% = 4,000.00.
    const below = applyTiers({ table, mode: 'overage-multiplier', value: 8_000_000n, quota, rounding: exactly });
    expect(below.amountMinor).toBe(400_000n);
    expect(below.lines).toHaveLength(1);
  });

  it('interpolated: full payout of completed tiers, the partial tier pro rata', () => {
    // Quota 200,000.00; tier payouts: [0,0.5) 1,000.00, [0.5,1) 4,000.00, [1,1.5] 5,000.00.
    // Sales 160,000.00 = attainment 0.8: 1,000 + 4,000 x (0.8-0.5)/(1-0.5) = 1,000 + 2,400 -> 3,400.00
    // Sales 400,000.00 (beyond the table) pays the whole table: 1,000 + 4,000 + 5,000 = 10,000.00
    const table = attainment([
      { lower: d('0'), upper: d('0.5'), payoutMinor: 100_000n },
      { lower: d('0.5'), upper: d('1'), payoutMinor: 400_000n },
      { lower: d('1'), upper: d('1.5'), payoutMinor: 500_000n },
    ]);
    const result = applyTiers({ table, mode: 'interpolated', value: 16_000_000n, quota: 20_000_000n, rounding: exactly });
    expect(result.amountMinor).toBe(340_000n);
    expect(result.lines.map((l) => [l.tierIndex, l.tierPayoutMinor, l.fraction, l.earnedMinor])).toEqual([
      [0, 100_000n, { numerator: 1n, denominator: 1n }, 100_000n],
      [1, 400_000n, { numerator: 3n, denominator: 5n }, 240_000n],
    ]);
    expect(applyTiers({ table, mode: 'interpolated', value: 40_000_000n, quota: 20_000_000n, rounding: exactly }).amountMinor).toBe(1_000_000n);
  });

  it('band-multiplier: attainment x target incentive x band multiplier', () => {
    // Quota 500,000.00, target incentive 20,000.00; bands [0,0.5) x0, [0.5,1) x1, [1,-) x1.5.
    // Sales 550,000.00: 1.1 x 20,000 x 1.5 = 33,000.00; 400,000.00: 0.8 x 20,000 x 1 = 16,000.00; 200,000.00: 0.
    const table = attainment([
      { lower: d('0'), upper: d('0.5'), multiplier: d('0') },
      { lower: d('0.5'), upper: d('1'), multiplier: d('1') },
      { lower: d('1'), multiplier: d('1.5') },
    ]);
    const pay = (value: bigint) => applyTiers({ table, mode: 'band-multiplier', value, quota: 50_000_000n, targetIncentive: 2_000_000n, rounding: exactly });
    expect(pay(55_000_000n).amountMinor).toBe(3_300_000n);
    expect(pay(55_000_000n).lines[0]).toMatchObject({ tierIndex: 2, kind: 'band-multiplier', multiplier: '1.5' });
    expect(pay(40_000_000n).amountMinor).toBe(1_600_000n);
    expect(pay(20_000_000n).amountMinor).toBe(0n);
  });

  it('rounds where declared: per line, or once on the total (residual shown)', () => {
    // Two slices of 10 cents at 5% earn 0.5 cent each (exact total 1 cent).
    // per-line half-up: 1 + 1 = 2; per-line half-even: 0 + 0 = 0; total half-up or half-even: 1.
    const table = twoTierAmount(10n, '0.05', '0.05');
    const run = (point: 'per-line' | 'total', mode: RoundingMode) => applyTiers({ table, mode: 'marginal', value: 20n, rounding: { point, mode } });
    expect(run('per-line', 'half-up').amountMinor).toBe(2n);
    expect(run('per-line', 'half-even').amountMinor).toBe(0n);
    const total = run('total', 'half-up');
    expect(total.amountMinor).toBe(1n);
    expect(total.rounding).toEqual({ point: 'total', mode: 'half-up', exactTotal: { numerator: 1n, denominator: 1n }, residualMinor: -1n });
    expect(total.lines.map((l) => l.earnedExact)).toEqual([{ numerator: 1n, denominator: 2n }, { numerator: 1n, denominator: 2n }]);
    expect(run('total', 'half-even').amountMinor).toBe(1n);
  });
});

describe('boundaries: exactly 100% in the lower or the upper tier', () => {
  const table = (boundary: TierBoundary): RateTable => ({
    basis: 'attainment',
    boundary,
    tiers: [{ lower: d('0'), upper: d('1.00'), rate: d('0.50'), multiplier: d('1') }, { lower: d('1.00'), rate: d('0.60'), multiplier: d('2') }],
  });
  const quota = 10_000_000n;

  it('lower-inclusive puts exactly 100% in the upper tier', () => {
    expect(applyTiers({ table: table('lower-inclusive'), mode: 'retroactive', value: quota, quota, rounding: exactly }).amountMinor).toBe(6_000_000n);
    expect(applyTiers({ table: table('lower-inclusive'), mode: 'band-multiplier', value: quota, quota, targetIncentive: 100n, rounding: exactly }).amountMinor).toBe(200n);
    // Marginal pays the same either way, but shows the upper tier reached with a zero slice.
    const m = applyTiers({ table: table('lower-inclusive'), mode: 'marginal', value: quota, quota, rounding: exactly });
    expect(m.amountMinor).toBe(5_000_000n);
    expect(m.lines.map((l) => [l.tierIndex, l.sliceMinor])).toEqual([[0, quota], [1, 0n]]);
  });

  it('upper-inclusive puts exactly 100% in the lower tier; one cent more reaches the upper tier', () => {
    expect(applyTiers({ table: table('upper-inclusive'), mode: 'retroactive', value: quota, quota, rounding: exactly }).amountMinor).toBe(5_000_000n);
    expect(applyTiers({ table: table('upper-inclusive'), mode: 'band-multiplier', value: quota, quota, targetIncentive: 100n, rounding: exactly }).amountMinor).toBe(100n);
    expect(applyTiers({ table: table('upper-inclusive'), mode: 'marginal', value: quota, quota, rounding: exactly }).lines).toHaveLength(1);
    expect(applyTiers({ table: table('upper-inclusive'), mode: 'retroactive', value: quota + 1n, quota, rounding: exactly }).amountMinor).toBe(6_000_001n); // 10,000,001 x 0.6 = 6,000,000.6 -> half-even 6,000,001
  });
});

describe('input validation', () => {
  const fieldsOf = (f: () => unknown): string[] => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      return (e as DomainError).issues.map((i) => i.field);
    }
    return [];
  };

  it('names what a mode is missing', () => {
    const table = twoTierAmount(100n, '0.1', '0.2');
    expect(fieldsOf(() => applyTiers({ table, mode: 'band-multiplier', value: 5n, rounding: exactly }))).toEqual(['table.tiers[0].multiplier', 'table.tiers[1].multiplier', 'quota', 'targetIncentive']);
    expect(fieldsOf(() => applyTiers({ table, mode: 'interpolated', value: 5n, rounding: exactly }))).toEqual(['table.tiers[0].payoutMinor', 'table.tiers[1].payoutMinor', 'table.tiers[1].upper']);
    expect(fieldsOf(() => applyTiers({ table, mode: 'marginal', value: -1n, rounding: exactly }))).toEqual(['value']);
  });

  it('refuses a falling rate in a whole-amount mode unless the table is a decelerator', () => {
    const falling = twoTierAmount(100n, '0.2', '0.1');
    expect(fieldsOf(() => applyTiers({ table: falling, mode: 'retroactive', value: 5n, rounding: exactly }))).toEqual(['table.tiers[1].rate']);
    expect(applyTiers({ table: { ...falling, decelerator: true }, mode: 'retroactive', value: 200n, rounding: exactly }).amountMinor).toBe(20n);
    expect(applyTiers({ table: falling, mode: 'marginal', value: 200n, rounding: exactly }).amountMinor).toBe(30n);
  });

  it('does not mutate its input', () => {
    const table = twoTierAmount(100n, '0.1', '0.2');
    const snapshot = structuredClone(table);
    applyTiers({ table, mode: 'marginal', value: 500n, rounding: exactly });
    expect(table).toEqual(snapshot);
  });
});

// ---- properties ----

const MODES: readonly TierMode[] = ['marginal', 'retroactive', 'overage-multiplier', 'interpolated', 'band-multiplier'];
const ROUNDING_MODES: readonly RoundingMode[] = ['half-even', 'half-up', 'down', 'up', 'floor', 'ceiling'];

/** A non-decelerating table: ascending edges, non-negative non-decreasing factors, every factor present. */
const tableArb: fc.Arbitrary<RateTable> = fc
  .record({
    basis: fc.constantFrom('amount' as const, 'attainment' as const),
    boundary: fc.constantFrom('lower-inclusive' as const, 'upper-inclusive' as const),
    widths: fc.array(fc.bigInt({ min: 1n, max: 5_000_000n }), { minLength: 1, maxLength: 4 }),
    rateScale: fc.integer({ min: 0, max: 4 }),
    rateUnits: fc.array(fc.bigInt({ min: 0n, max: 3_000n }), { minLength: 4, maxLength: 4 }),
    payouts: fc.array(fc.bigInt({ min: 0n, max: 10_000_000n }), { minLength: 4, maxLength: 4 }),
    openEnded: fc.boolean(),
  })
  .map(({ basis, boundary, widths, rateScale, rateUnits, payouts, openEnded }) => {
    const sorted = [...rateUnits].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    // Attainment edges are ratios with 4 decimals (width 1..500 in units of 0.0001 x 10^4).
    const edge = (minor: bigint): Decimal => (basis === 'amount' ? { units: minor, scale: 0 } : { units: minor / 1_000n, scale: 4 });
    let lower = 0n;
    const tiers: RateTier[] = widths.map((w, i) => {
      const upper = lower + (basis === 'amount' ? w : (w / 1_000n + 1n) * 1_000n);
      const tier: RateTier = {
        lower: edge(lower),
        ...(openEnded && i === widths.length - 1 ? {} : { upper: edge(upper) }),
        rate: { units: sorted[i] ?? 0n, scale: rateScale },
        multiplier: { units: sorted[i] ?? 0n, scale: rateScale },
        payoutMinor: payouts[i] ?? 0n,
      };
      lower = upper;
      return tier;
    });
    return { basis, boundary, tiers };
  });

/** The table's last tier made bounded (interpolated) or open-ended (every other mode), as each mode requires. */
function fitTable(table: RateTable, mode: TierMode): RateTable {
  const last = table.tiers.at(-1) as RateTier;
  const rest = table.tiers.slice(0, -1);
  if (mode !== 'interpolated') return { ...table, tiers: [...rest, { ...last, upper: undefined }] };
  if (last.upper) return table;
  const upper: Decimal = { units: last.lower.units + 10n ** BigInt(last.lower.scale), scale: last.lower.scale };
  return { ...table, tiers: [...rest, { ...last, upper }] };
}

const roundingArb: fc.Arbitrary<TierRounding> = fc.record({ point: fc.constantFrom('per-line' as const, 'total' as const), mode: fc.constantFrom(...ROUNDING_MODES) });
const valueArb = fc.bigInt({ min: 0n, max: 30_000_000n });
const caseArb = fc
  .record({
    table: tableArb,
    mode: fc.constantFrom(...MODES),
    quota: fc.bigInt({ min: 1n, max: 20_000_000n }),
    targetIncentive: fc.bigInt({ min: 0n, max: 5_000_000n }),
    rounding: roundingArb,
  })
  .map((c) => ({ ...c, table: fitTable(c.table, c.mode) }));
const RUNS = { numRuns: 3_000 };

describe('properties', () => {
  it('payout never decreases as the value rises, for every mode of a non-decelerating table', () => {
    fc.assert(
      fc.property(caseArb, valueArb, valueArb, ({ table, mode, quota, targetIncentive, rounding }, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const pay = (value: bigint) => applyTiers({ table, mode, value, quota, targetIncentive, rounding }).amountMinor;
        expect(pay(lo) <= pay(hi)).toBe(true);
      }),
      RUNS,
    );
  });

  it('marginal slices sum exactly to the value, and lines sum to the total when rounding per line', () => {
    fc.assert(
      fc.property(caseArb, valueArb, ({ table: generated, quota, rounding }, value) => {
        const table = fitTable(generated, 'marginal');
        const result = applyTiers({ table, mode: 'marginal', value, quota, rounding });
        expect(result.lines.reduce((s, l) => s + l.sliceMinor, 0n)).toBe(value);
        expect(result.lines.reduce((s, l) => s + l.earnedMinor, 0n) + result.rounding.residualMinor).toBe(result.amountMinor);
        if (rounding.point === 'per-line') expect(result.rounding.residualMinor).toBe(0n);
      }),
      RUNS,
    );
  });

  it('rounding on the total stays within one minor unit of the exact amount', () => {
    fc.assert(
      fc.property(caseArb, valueArb, ({ table, mode, quota, targetIncentive, rounding }, value) => {
        const result = applyTiers({ table, mode, value, quota, targetIncentive, rounding: { ...rounding, point: 'total' } });
        const { numerator, denominator } = result.rounding.exactTotal;
        const diff = result.amountMinor * denominator - numerator;
        expect((diff < 0n ? -diff : diff) < denominator).toBe(true);
      }),
      RUNS,
    );
  });

  it('is deterministic: the same inputs give deep-equal output', () => {
    fc.assert(
      fc.property(caseArb, valueArb, ({ table, mode, quota, targetIncentive, rounding }, value) => {
        const input = { table, mode, value, quota, targetIncentive, rounding };
        expect(applyTiers(structuredClone(input))).toEqual(applyTiers(input));
      }),
      RUNS,
    );
  });
});
