import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal as d } from '../decimal.js';
import { DomainError } from '../errors.js';
import { applyTiers } from './apply-tiers.js';
import { applyCap, applyFloor, applyMeasureGate, applyQualifier, applyThresholdGate, type MeasureCondition } from './gates-caps.js';

// Money is USD minor units (cents).
describe('golden example 6 (compensation.md): cap', () => {
  it('3% on 400,000 with a 10,000 monthly cap -> 10,000 instead of 12,000', () => {
    const earned = applyTiers({
      table: { basis: 'amount', boundary: 'lower-inclusive', tiers: [{ lower: d('0'), rate: d('0.03') }] },
      mode: 'marginal',
      value: 40_000_000n,
      rounding: { point: 'per-line', mode: 'half-even' },
    });
    expect(earned.amountMinor).toBe(1_200_000n);
    const capped = applyCap({ amountMinor: earned.amountMinor, cap: { kind: 'amount', limitMinor: 1_000_000n } });
    expect(capped).toEqual({
      amountMinor: 1_000_000n,
      explanation: { kind: 'cap', acted: true, beforeMinor: 1_200_000n, afterMinor: 1_000_000n, deltaMinor: -200_000n, limitMinor: 1_000_000n, limitKind: 'amount' },
    });
  });
});

const halfQuota: MeasureCondition = { measure: 'quarter-bookings', basis: 'attainment', threshold: d('0.50'), passWhen: 'at-or-above' };

describe('gates', () => {
  it('pays nothing below a threshold gate and everything at it (at-or-above) or only above it (above)', () => {
    const below = applyThresholdGate({ amountMinor: 50_000n, gate: halfQuota, reading: { valueMinor: 4_999_999n, quotaMinor: 10_000_000n } });
    expect(below.amountMinor).toBe(0n);
    expect(below.explanation).toEqual({
      kind: 'threshold-gate', acted: true, beforeMinor: 50_000n, afterMinor: 0n, deltaMinor: -50_000n,
      measure: 'quarter-bookings', basis: 'attainment', threshold: '0.5', passWhen: 'at-or-above', measureValueMinor: 4_999_999n, quotaMinor: 10_000_000n, passed: false,
    });
    const at = { valueMinor: 5_000_000n, quotaMinor: 10_000_000n };
    expect(applyThresholdGate({ amountMinor: 50_000n, gate: halfQuota, reading: at })).toMatchObject({ amountMinor: 50_000n, explanation: { acted: false, passed: true, deltaMinor: 0n } });
    expect(applyThresholdGate({ amountMinor: 50_000n, gate: { ...halfQuota, passWhen: 'above' }, reading: at }).amountMinor).toBe(0n);
  });

  it('gates an accelerator on another measure: annual attainment >= 1', () => {
    // Quarter: 26,000 sold against a 20,000 quarterly quota, 5% base + 8% above quota;
    // the 480.00 accelerator is paid only if the annual quota (100,000) is met.
    const table = { basis: 'amount' as const, boundary: 'lower-inclusive' as const, tiers: [{ lower: d('0'), upper: d('2000000'), rate: d('0.05') }, { lower: d('2000000'), rate: d('0.08') }] };
    const lines = applyTiers({ table, mode: 'marginal', value: 2_600_000n, rounding: { point: 'per-line', mode: 'half-even' } }).lines;
    const accelerator = lines[1]?.earnedMinor ?? 0n;
    expect(accelerator).toBe(48_000n);
    const annual: MeasureCondition = { measure: 'annual-bookings', basis: 'attainment', threshold: d('1'), passWhen: 'at-or-above' };
    const missed = applyMeasureGate({ amountMinor: accelerator, gate: annual, reading: { valueMinor: 9_000_000n, quotaMinor: 10_000_000n } });
    expect(missed.amountMinor).toBe(0n);
    expect(missed.explanation).toMatchObject({ kind: 'measure-gate', measure: 'annual-bookings', passed: false, deltaMinor: -48_000n });
    expect(applyMeasureGate({ amountMinor: accelerator, gate: annual, reading: { valueMinor: 10_000_000n, quotaMinor: 10_000_000n } }).amountMinor).toBe(48_000n);
  });

  it('gates on an amount threshold too', () => {
    const gate: MeasureCondition = { measure: 'new-logo-bookings', basis: 'amount', threshold: d('100000'), passWhen: 'at-or-above' };
    expect(applyThresholdGate({ amountMinor: 7n, gate, reading: { valueMinor: 99_999n } }).amountMinor).toBe(0n);
    expect(applyThresholdGate({ amountMinor: 7n, gate, reading: { valueMinor: 100_000n } }).amountMinor).toBe(7n);
  });
});

describe('qualifier', () => {
  const qualifier = { measure: 'gross-margin', basis: 'amount' as const, threshold: d('500000'), passWhen: 'at-or-above' as const, multiplierIfMissed: d('0.75') };
  it('multiplies by 0.75 when the second measure misses, rounding once as declared', () => {
    // 1,000.01 x 0.75 = 750.0075 -> 750.01 (half-even rounds 75000.75 cents up to 75001)
    const missed = applyQualifier({ amountMinor: 100_001n, qualifier, reading: { valueMinor: 400_000n }, roundingMode: 'half-even' });
    expect(missed.amountMinor).toBe(75_001n);
    expect(missed.explanation).toMatchObject({ kind: 'qualifier', acted: true, passed: false, multiplier: '0.75', roundingMode: 'half-even', deltaMinor: -25_000n });
    expect(applyQualifier({ amountMinor: 100_001n, qualifier, reading: { valueMinor: 400_000n }, roundingMode: 'down' }).amountMinor).toBe(75_000n);
    expect(applyQualifier({ amountMinor: 100_001n, qualifier, reading: { valueMinor: 500_000n }, roundingMode: 'half-even' })).toMatchObject({ amountMinor: 100_001n, explanation: { acted: false } });
  });
});

describe('caps and floors', () => {
  it('sets a cap or floor as a multiple of target incentive, rounded toward the inside of the limit', () => {
    // Target 3,333.33: cap 2x = 6,666.66; a 1.5x floor = 4,999.995 -> 5,000.00 (ceiling, never under the floor);
    // a 1.5x cap = 4,999.995 -> 4,999.99 (floor, never over the cap).
    const ti = 333_333n;
    expect(applyCap({ amountMinor: 1_000_000n, cap: { kind: 'target-multiple', multiple: d('2') }, targetIncentiveMinor: ti })).toMatchObject({ amountMinor: 666_666n, explanation: { limitKind: 'target-multiple', targetMultiple: '2', acted: true } });
    expect(applyCap({ amountMinor: 1_000_000n, cap: { kind: 'target-multiple', multiple: d('1.5') }, targetIncentiveMinor: ti }).amountMinor).toBe(499_999n);
    expect(applyFloor({ amountMinor: 0n, floor: { kind: 'target-multiple', multiple: d('1.5') }, targetIncentiveMinor: ti }).amountMinor).toBe(500_000n);
    expect(applyFloor({ amountMinor: 600_000n, floor: { kind: 'amount', limitMinor: 500_000n } })).toMatchObject({ amountMinor: 600_000n, explanation: { kind: 'floor', acted: false, deltaMinor: 0n } });
  });

  it('refuses a multiple of target without the target', () => {
    expect(() => applyCap({ amountMinor: 1n, cap: { kind: 'target-multiple', multiple: d('2') } })).toThrow(DomainError);
  });
});

describe('properties', () => {
  const RUNS = { numRuns: 3_000 };
  const money = fc.bigInt({ min: -10_000_000n, max: 100_000_000n });
  const multiple = fc.record({ units: fc.bigInt({ min: 0n, max: 50_000n }), scale: fc.integer({ min: 0, max: 4 }) });
  const limitArb = fc.oneof(
    fc.record({ kind: fc.constant('amount' as const), limitMinor: money }),
    fc.record({ kind: fc.constant('target-multiple' as const), multiple }),
  );

  it('a cap is never exceeded and never raises the amount; a floor is never undershot and never lowers it', () => {
    fc.assert(
      fc.property(money, limitArb, fc.bigInt({ min: 0n, max: 10_000_000n }), (amountMinor, limit, ti) => {
        const capped = applyCap({ amountMinor, cap: limit, targetIncentiveMinor: ti });
        const limitMinor = capped.explanation.limitMinor as bigint;
        expect(capped.amountMinor <= limitMinor && capped.amountMinor <= amountMinor).toBe(true);
        // The exact limit for a multiple of target is ti x multiple; the rounded one never exceeds it.
        if (limit.kind === 'target-multiple') expect(limitMinor * 10n ** BigInt(limit.multiple.scale) <= ti * limit.multiple.units).toBe(true);
        expect(capped.explanation.deltaMinor).toBe(capped.amountMinor - amountMinor);
        const floored = applyFloor({ amountMinor, floor: limit, targetIncentiveMinor: ti });
        expect(floored.amountMinor >= (floored.explanation.limitMinor as bigint) && floored.amountMinor >= amountMinor).toBe(true);
      }),
      RUNS,
    );
  });

  it('a gate is never crossed: below it pays exactly 0, at or above it pays the amount unchanged', () => {
    fc.assert(
      fc.property(
        money,
        fc.bigInt({ min: 0n, max: 30_000_000n }),
        fc.bigInt({ min: 1n, max: 20_000_000n }),
        fc.record({ units: fc.bigInt({ min: 0n, max: 20_000n }), scale: fc.integer({ min: 0, max: 4 }) }),
        fc.constantFrom('amount' as const, 'attainment' as const),
        fc.constantFrom('at-or-above' as const, 'above' as const),
        (amountMinor, valueMinor, quotaMinor, threshold, basis, passWhen) => {
          const gate: MeasureCondition = { measure: 'm', basis, threshold, passWhen };
          const result = applyThresholdGate({ amountMinor, gate, reading: { valueMinor, quotaMinor } });
          // Independent exact check: value (or value/quota) against units / 10^scale, by cross-multiplication.
          const scaled = valueMinor * 10n ** BigInt(threshold.scale);
          const edge = basis === 'amount' ? threshold.units : threshold.units * quotaMinor;
          const passed = passWhen === 'at-or-above' ? scaled >= edge : scaled > edge;
          expect(result.amountMinor).toBe(passed ? amountMinor : 0n);
          expect(result.explanation.passed).toBe(passed);
          expect(applyThresholdGate({ amountMinor, gate, reading: { valueMinor, quotaMinor } })).toEqual(result);
        },
      ),
      RUNS,
    );
  });
});
