import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decimal } from '../decimal.js';
import { calculateComponent, type CalculateComponentInput } from './calculate-component.js';
import type { Accumulation, Component } from './component.js';
import type { Credit } from './measure.js';
import type { RateTable, RateTier } from './rate-table.js';

const RUNS = { numRuns: 2_000 };
const rate = (units: bigint): Decimal => ({ units, scale: 4 });

/** A non-decelerating table: increasing edges, non-decreasing rates (also used as band multipliers). */
const tableArb: fc.Arbitrary<RateTable> = fc
  .record({
    basis: fc.constantFrom('amount' as const, 'attainment' as const),
    boundary: fc.constantFrom('lower-inclusive' as const, 'upper-inclusive' as const),
    widths: fc.array(fc.bigInt({ min: 1n, max: 5_000_000n }), { minLength: 0, maxLength: 3 }),
    rateSteps: fc.array(fc.bigInt({ min: 0n, max: 1_500n }), { minLength: 4, maxLength: 4 }),
  })
  .map(({ basis, boundary, widths, rateSteps }) => {
    // Attainment edges are ratios with 4 decimals (width 5,000,000 -> up to 500.0000 x quota: wide enough to be reached or not).
    const edges = widths.reduce<bigint[]>((acc, w) => [...acc, (acc.at(-1) ?? 0n) + (basis === 'attainment' ? w / 500n + 1n : w)], []);
    const edge = (units: bigint): Decimal => (basis === 'attainment' ? { units, scale: 4 } : { units, scale: 0 });
    let r = 0n;
    const tiers: RateTier[] = [0n, ...edges].map((lower, i) => {
      r += rateSteps[i] ?? 0n;
      const upper = edges[i];
      return { lower: edge(lower), ...(upper === undefined ? {} : { upper: edge(upper) }), rate: rate(r), multiplier: rate(r) };
    });
    return { basis, boundary, tiers };
  });

const componentArb = (accumulations: readonly Accumulation[]): fc.Arbitrary<Component> =>
  fc.record({
    id: fc.constant('c'),
    name: fc.constant('component'),
    kind: fc.constant('commission' as const),
    measure: fc.record({ creditTypes: fc.constant(['booking']), aggregate: fc.constantFrom('sum' as const, 'sum' as const, 'sum' as const, 'count' as const) }),
    rateTable: tableArb,
    mode: fc.constantFrom('marginal' as const, 'retroactive' as const, 'overage-multiplier' as const, 'band-multiplier' as const),
    rounding: fc.record({ point: fc.constantFrom('per-line' as const, 'total' as const), mode: fc.constantFrom('half-even' as const, 'half-up' as const, 'down' as const, 'up' as const, 'floor' as const, 'ceiling' as const) }),
    accumulation: fc.constantFrom(...accumulations),
  });

const creditsArb = fc
  .array(fc.record({ amountMinor: fc.bigInt({ min: 0n, max: 8_000_000n }), month: fc.integer({ min: 1, max: 6 }), day: fc.integer({ min: 1, max: 28 }), type: fc.constantFrom('booking', 'booking', 'renewal') }), { maxLength: 12 })
  .map((rows) => rows.map((r, i): Credit => ({ id: `c${i}`, payeeId: 'p', creditType: r.type, amountMinor: r.amountMinor, date: `2026-0${r.month}-${String(r.day).padStart(2, '0')}`, sourceId: `s${i}`, rule: 'owner' })));

const gatesArb = fc.record({
  threshold: fc.option(fc.bigInt({ min: 0n, max: 15_000n }), { nil: undefined }),
  measureGate: fc.option(fc.record({ fromTierIndex: fc.nat(3), annualValue: fc.bigInt({ min: 0n, max: 20_000_000n }) }), { nil: undefined }),
  cap: fc.option(fc.bigInt({ min: 0n, max: 3_000_000n }), { nil: undefined }),
});

interface Gates {
  readonly threshold?: bigint | undefined;
  readonly measureGate?: { readonly fromTierIndex: number; readonly annualValue: bigint } | undefined;
  readonly cap?: bigint | undefined;
}

function inputOf(component: Component, credits: readonly Credit[], quotaMinor: bigint, gates: Gates): CalculateComponentInput {
  const tierCount = component.rateTable.tiers.length;
  const withGates: Component = {
    ...component,
    ...(gates.threshold === undefined ? {} : { thresholdGate: { measure: 'own', basis: 'attainment', threshold: rate(gates.threshold), passWhen: 'at-or-above' } }),
    ...(gates.measureGate === undefined ? {} : { measureGate: { fromTierIndex: gates.measureGate.fromTierIndex % tierCount, condition: { measure: 'annual', basis: 'attainment', threshold: rate(10_000n), passWhen: 'at-or-above' } } }),
    ...(gates.cap === undefined ? {} : { cap: { kind: 'amount', limitMinor: gates.cap } }),
  };
  return {
    component: withGates,
    credits,
    quotaMinor,
    targetIncentiveMinor: 1_000_000n,
    period: { from: '2026-04-01', to: '2026-06-30' },
    yearStart: '2026-01-01',
    quarterStart: '2026-04-01',
    earnedBeforeMinor: 123_456n,
    otherMeasures: { annual: { valueMinor: gates.measureGate?.annualValue ?? 0n, quotaMinor: 10_000_000n } },
  };
}

const quotaArb = fc.bigInt({ min: 1n, max: 20_000_000n });
const shuffled = creditsArb.chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length })));

/** No floats anywhere in the output: every number is an integer (tier indexes, counts). */
function assertNoFloats(value: unknown): void {
  if (typeof value === 'number') expect(Number.isInteger(value)).toBe(true);
  else if (Array.isArray(value)) value.forEach(assertNoFloats);
  else if (value !== null && typeof value === 'object') Object.values(value).forEach(assertNoFloats);
}

describe('calculateComponent properties', () => {
  it('does not depend on the order of credits (period, quarter- and year-to-date, and per-transaction, whose lines are in date-then-id order)', () => {
    fc.assert(
      fc.property(componentArb(['period', 'quarter-to-date', 'year-to-date', 'per-transaction']), shuffled, quotaArb, gatesArb, (component, [credits, reordered], quota, gates) => {
        expect(calculateComponent(inputOf(component, reordered, quota, gates))).toEqual(calculateComponent(inputOf(component, credits, quota, gates)));
      }),
      RUNS,
    );
  });

  it('never pays less when a credit grows (non-decelerating tables, no qualifier)', () => {
    fc.assert(
      fc.property(componentArb(['period', 'quarter-to-date', 'year-to-date', 'per-transaction']), creditsArb.filter((cs) => cs.length > 0), quotaArb, gatesArb, fc.nat(), fc.bigInt({ min: 0n, max: 5_000_000n }), (component, credits, quota, gates, pick, extra) => {
        const i = pick % credits.length;
        const grown = credits.map((c, j) => (j === i ? { ...c, amountMinor: c.amountMinor + extra } : c));
        const before = calculateComponent(inputOf(component, credits, quota, gates)).amountMinor;
        const after = calculateComponent(inputOf(component, grown, quota, gates)).amountMinor;
        expect(after >= before).toBe(true);
      }),
      RUNS,
    );
  });

  it('never exceeds the cap', () => {
    fc.assert(
      fc.property(componentArb(['period', 'quarter-to-date', 'year-to-date', 'per-transaction']), creditsArb, quotaArb, gatesArb, fc.bigInt({ min: 0n, max: 3_000_000n }), (component, credits, quota, gates, cap) => {
        const result = calculateComponent(inputOf(component, credits, quota, { ...gates, cap }));
        expect(result.amountMinor <= cap).toBe(true);
      }),
      RUNS,
    );
  });

  it('gives deep-equal, float-free, JSON-serialisable output for the same input', () => {
    fc.assert(
      fc.property(componentArb(['period', 'quarter-to-date', 'year-to-date', 'per-transaction']), creditsArb, quotaArb, gatesArb, (component, credits, quota, gates) => {
        const input = inputOf(component, credits, quota, gates);
        const first = calculateComponent(input);
        expect(calculateComponent(input)).toEqual(first);
        assertNoFloats(first);
        const json = JSON.stringify(first, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
        expect(json).toBe(JSON.stringify(calculateComponent(input), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
      }),
      RUNS,
    );
  });

  it('a payout split pays the whole amount out in shares: the payees together get what one payee would, within a minor unit each', () => {
    const sharesArb = fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 2, maxLength: 4 }).map((ws) => {
      // Shares in ten-thousandths summing to exactly 1 (the last takes the rest).
      const total = ws.reduce((a, b) => a + b, 0);
      const parts = ws.map((w) => Math.floor((w * 10_000) / total));
      parts[parts.length - 1] = 10_000 - parts.slice(0, -1).reduce((a, b) => a + b, 0);
      return parts.map((p) => BigInt(p));
    });
    fc.assert(
      fc.property(componentArb(['period', 'per-transaction']), creditsArb, quotaArb, sharesArb, (component, credits, quota, shares) => {
        const whole = calculateComponent(inputOf(component, credits, quota, {})).amountMinor;
        const parts = shares.map((units) => calculateComponent(inputOf(component, credits.map((c) => ({ ...c, payoutShare: rate(units) })), quota, {})).amountMinor);
        const sum = parts.reduce((a, b) => a + b, 0n);
        const gap = sum > whole ? sum - whole : whole - sum;
        expect(gap <= BigInt(shares.length)).toBe(true);
      }),
      RUNS,
    );
  });
});
