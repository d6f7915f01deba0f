import { describe, expect, it } from 'vitest';
import { parseDecimal as d, type Decimal } from '../decimal.js';
import { DomainError } from '../errors.js';
import { calculateComponent, computeAttainment } from './calculate-component.js';
import type { Component } from './component.js';
import type { Credit } from './measure.js';
import type { RateTable } from './rate-table.js';

// Money is USD minor units (cents): 1_000_000n = 10,000.00.
const amountEdge = (minor: bigint): Decimal => ({ units: minor, scale: 0 });
const twoTiers = (basis: 'amount' | 'attainment', edge: Decimal, low: string, high: string): RateTable => ({
  basis,
  boundary: 'lower-inclusive',
  tiers: [
    { lower: d('0'), upper: edge, rate: d(low) },
    { lower: edge, rate: d(high) },
  ],
});
const component = (overrides: Partial<Component> & Pick<Component, 'rateTable'>): Component => ({
  id: 'comp-1',
  name: 'New business commission',
  kind: 'commission',
  measure: { creditTypes: ['booking'], aggregate: 'sum' },
  mode: 'marginal',
  rounding: { point: 'per-line', mode: 'half-even' },
  accumulation: 'period',
  ...overrides,
});
const credit = (id: string, amountMinor: bigint, date: string, creditType = 'booking'): Credit => ({ id, payeeId: 'rep-1', creditType, amountMinor, date, sourceId: `opp-${id}`, rule: 'owner' });
const q1 = { from: '2026-01-01', to: '2026-03-31' };
const q2 = { from: '2026-04-01', to: '2026-06-30' };
const tierSummary = (result: ReturnType<typeof calculateComponent>) =>
  result.lines.flatMap((l) => (l.step === 'tiers' ? l.result.lines.map((t) => [t.tierIndex, t.from, t.to, t.rate, t.earnedMinor]) : []));

describe('golden examples (compensation.md) as components over credits', () => {
  it('1. two marginal tiers: 0-10,000 at 10%, above at 20%; sales 15,000 -> 2,000', () => {
    const result = calculateComponent({
      component: component({ rateTable: twoTiers('amount', amountEdge(1_000_000n), '0.10', '0.20') }),
      credits: [credit('b', 900_000n, '2026-02-01'), credit('a', 600_000n, '2026-01-15'), credit('x', 500_000n, '2026-01-20', 'renewal')],
      quotaMinor: 0n,
      period: q1,
    });
    expect(result.amountMinor).toBe(200_000n);
    expect(tierSummary(result)).toEqual([
      [0, 0n, 1_000_000n, '0.1', 100_000n],
      [1, 1_000_000n, 1_500_000n, '0.2', 100_000n],
    ]);
    // No quota, no attainment; the renewal is not counted.
    expect(result.lines[0]).toMatchObject({ step: 'measure', valueMinor: 1_500_000n, creditIds: ['a', 'b'] });
    expect(result.lines[0]).not.toHaveProperty('attainment');
  });

  it('2. accelerator above quota: 260,000 against 200,000 quota at 5% / 8% -> 14,800 with the explanation chain', () => {
    const result = calculateComponent({
      component: component({ rateTable: twoTiers('attainment', d('1.00'), '0.05', '0.08') }),
      credits: [credit('c1', 10_000_000n, '2026-01-10'), credit('c2', 9_000_000n, '2026-02-10'), credit('c3', 7_000_000n, '2026-03-10')],
      quotaMinor: 20_000_000n,
      period: q1,
    });
    expect(result.amountMinor).toBe(1_480_000n);
    expect(result.lines[0]).toEqual({
      step: 'measure',
      accumulation: 'period',
      measure: { creditTypes: ['booking'], aggregate: 'sum', from: '2026-01-01', to: '2026-03-31', creditCount: 3, valueMinor: 26_000_000n },
      creditIds: ['c1', 'c2', 'c3'],
      valueMinor: 26_000_000n,
      quotaMinor: 20_000_000n,
      attainment: { exact: { numerator: 13n, denominator: 10n }, display: '1.3000' },
      tierInputMinor: 26_000_000n,
    });
    expect(tierSummary(result)).toEqual([
      [0, 0n, 20_000_000n, '0.05', 1_000_000n],
      [1, 20_000_000n, 26_000_000n, '0.08', 480_000n],
    ]);
    expect(result.lines).toHaveLength(2);
  });

  it('3. sales 180,000; 50% below 100,000, 60% above -> retroactive 108,000, incremental 98,000', () => {
    const base = { credits: [credit('c1', 18_000_000n, '2026-02-01')], quotaMinor: 0n, period: q1 };
    const rateTable = twoTiers('amount', amountEdge(10_000_000n), '0.50', '0.60');
    const retro = calculateComponent({ ...base, component: component({ rateTable, mode: 'retroactive' }) });
    expect(retro.amountMinor).toBe(10_800_000n);
    expect(tierSummary(retro)).toEqual([[1, 0n, 18_000_000n, '0.6', 10_800_000n]]);
    expect(calculateComponent({ ...base, component: component({ rateTable, mode: 'marginal' }) }).amountMinor).toBe(9_800_000n);
  });

  it('6. cap: 3% on 400,000 with a 10,000 monthly cap -> 10,000 instead of 12,000', () => {
    const result = calculateComponent({
      component: component({ rateTable: { basis: 'amount', boundary: 'lower-inclusive', tiers: [{ lower: d('0'), rate: d('0.03') }] }, cap: { kind: 'amount', limitMinor: 1_000_000n } }),
      credits: [credit('c1', 25_000_000n, '2026-03-02'), credit('c2', 15_000_000n, '2026-03-20')],
      quotaMinor: 0n,
      period: { from: '2026-03-01', to: '2026-03-31' },
    });
    expect(result.amountMinor).toBe(1_000_000n);
    expect(result.lines.at(-1)).toEqual({
      step: 'cap',
      adjustment: { kind: 'cap', acted: true, beforeMinor: 1_200_000n, afterMinor: 1_000_000n, deltaMinor: -200_000n, limitMinor: 1_000_000n, limitKind: 'amount' },
    });
  });
});

describe('accumulation', () => {
  it('year-to-date: Q2 pays the tiers on the YTD measure minus what Q1 already earned', () => {
    // Annual quota 400,000; [0,1) at 5%, [1,-) at 10%.
    // Q1: 150,000 -> 7,500.00. YTD at Q2 end: 450,000 -> 400,000 x 5% + 50,000 x 10% = 25,000.00; Q2 pays 25,000 - 7,500 = 17,500.00.
    const comp = component({ rateTable: twoTiers('attainment', d('1'), '0.05', '0.10'), accumulation: 'year-to-date' });
    const credits = [credit('q1a', 10_000_000n, '2026-02-01'), credit('q1b', 5_000_000n, '2026-03-31'), credit('q2a', 30_000_000n, '2026-05-01'), credit('later', 9_000_000n, '2026-07-01')];
    const base = { component: comp, credits, quotaMinor: 40_000_000n, yearStart: '2026-01-01' };
    const first = calculateComponent({ ...base, period: q1 });
    expect(first.amountMinor).toBe(750_000n);
    const second = calculateComponent({ ...base, period: q2, earnedBeforeMinor: first.amountMinor });
    expect(second.amountMinor).toBe(1_750_000n);
    expect(second.lines[0]).toMatchObject({ step: 'measure', valueMinor: 45_000_000n, creditIds: ['q1a', 'q1b', 'q2a'], attainment: { display: '1.1250' } });
    expect(second.lines.at(-1)).toEqual({ step: 'to-date', accumulation: 'year-to-date', since: '2026-01-01', toDateEarnedMinor: 2_500_000n, earnedBeforeMinor: 750_000n, periodAmountMinor: 1_750_000n });
    expect(() => calculateComponent({ ...base, yearStart: undefined, period: q2 } as never)).toThrow(DomainError);
  });

  it('quarter-to-date: monthly pay on a quarterly quota; the measure resets with the quarter', () => {
    // Quarterly quota 100,000; [0,1) at 5%, [1,-) at 10%. January 80,000 -> 4,000.00.
    // February QTD 130,000 -> 100,000 x 5% + 30,000 x 10% = 8,000.00; pays 8,000 - 4,000 = 4,000.00.
    // April starts a new quarter: 20,000 -> 1,000.00 (nothing earlier in the quarter).
    const comp = component({ rateTable: twoTiers('attainment', d('1'), '0.05', '0.10'), accumulation: 'quarter-to-date' });
    const credits = [credit('jan', 8_000_000n, '2026-01-20'), credit('feb', 5_000_000n, '2026-02-10'), credit('apr', 2_000_000n, '2026-04-03')];
    const base = { component: comp, credits, quotaMinor: 10_000_000n };
    const jan = calculateComponent({ ...base, period: { from: '2026-01-01', to: '2026-01-31' }, quarterStart: '2026-01-01' });
    expect(jan.amountMinor).toBe(400_000n);
    const feb = calculateComponent({ ...base, period: { from: '2026-02-01', to: '2026-02-28' }, quarterStart: '2026-01-01', earnedBeforeMinor: jan.amountMinor });
    expect(feb.amountMinor).toBe(400_000n);
    expect(feb.lines.at(-1)).toEqual({ step: 'to-date', accumulation: 'quarter-to-date', since: '2026-01-01', toDateEarnedMinor: 800_000n, earnedBeforeMinor: 400_000n, periodAmountMinor: 400_000n });
    expect(calculateComponent({ ...base, period: { from: '2026-04-01', to: '2026-04-30' }, quarterStart: '2026-04-01' }).amountMinor).toBe(100_000n);
    expect(() => calculateComponent({ ...base, period: { from: '2026-04-01', to: '2026-04-30' } })).toThrow(/quarterStart: required by quarter-to-date/);
  });

  it('per-transaction pays each credit through the table from zero; period pools them', () => {
    // Amount table: 0-10,000 at 5%, above at 10%. Credits 8,000 and 7,000.
    // period: 15,000 -> 10,000 x 5% + 5,000 x 10% = 1,000.00
    // per-transaction: 8,000 x 5% = 400 + 7,000 x 5% = 350 -> 750.00
    const rateTable = twoTiers('amount', amountEdge(1_000_000n), '0.05', '0.10');
    const credits = [credit('late', 700_000n, '2026-03-01'), credit('early', 800_000n, '2026-01-05')];
    const base = { credits, quotaMinor: 0n, period: q1 };
    expect(calculateComponent({ ...base, component: component({ rateTable }) }).amountMinor).toBe(100_000n);
    const perTx = calculateComponent({ ...base, component: component({ rateTable, accumulation: 'per-transaction' }) });
    expect(perTx.amountMinor).toBe(75_000n);
    expect(perTx.lines.filter((l) => l.step === 'tiers').map((l) => [l.creditId, l.valueMinor, l.result.amountMinor])).toEqual([
      ['early', 800_000n, 40_000n],
      ['late', 700_000n, 35_000n],
    ]);
    expect(perTx.lines.at(-1)).toEqual({ step: 'per-transaction-total', creditCount: 2, amountMinor: 75_000n });
  });
});

describe('gates and qualifiers', () => {
  const exampleTwo = { credits: [credit('c1', 26_000_000n, '2026-02-01')], quotaMinor: 20_000_000n, period: q1 };
  const annualGate = { condition: { measure: 'annual-bookings', basis: 'attainment' as const, threshold: d('1'), passWhen: 'at-or-above' as const }, fromTierIndex: 1 };

  it('a gate on another measure suppresses only the accelerator: the overage is paid at the base rate', () => {
    // Annual attainment 70/80 misses: 260,000 all at 5% = 13,000.00; the accelerator's extra 60,000 x 3% = 1,800.00 is gated.
    const comp = component({ rateTable: twoTiers('attainment', d('1'), '0.05', '0.08'), measureGate: annualGate });
    const missed = calculateComponent({ ...exampleTwo, component: comp, otherMeasures: { 'annual-bookings': { valueMinor: 70_000_000n, quotaMinor: 80_000_000n } } });
    expect(missed.amountMinor).toBe(1_300_000n);
    expect(missed.lines.at(-1)).toEqual({
      step: 'measure-gate',
      fromTierIndex: 1,
      ungatedAmountMinor: 1_300_000n,
      adjustment: {
        kind: 'measure-gate', acted: true, beforeMinor: 180_000n, afterMinor: 0n, deltaMinor: -180_000n,
        measure: 'annual-bookings', basis: 'attainment', threshold: '1', passWhen: 'at-or-above', measureValueMinor: 70_000_000n, quotaMinor: 80_000_000n, passed: false,
      },
    });
    const met = calculateComponent({ ...exampleTwo, component: comp, otherMeasures: { 'annual-bookings': { valueMinor: 80_000_000n, quotaMinor: 80_000_000n } } });
    expect(met.amountMinor).toBe(1_480_000n);
    expect(() => calculateComponent({ ...exampleTwo, component: comp })).toThrow(DomainError);
  });

  it('threshold gate on the own measure pays nothing below 50% attainment', () => {
    const comp = component({ rateTable: twoTiers('attainment', d('1'), '0.05', '0.08'), thresholdGate: { measure: 'quarter-bookings', basis: 'attainment', threshold: d('0.5'), passWhen: 'at-or-above' }, measureGate: annualGate });
    const result = calculateComponent({ ...exampleTwo, credits: [credit('c1', 9_000_000n, '2026-02-01')], component: comp, otherMeasures: { 'annual-bookings': { valueMinor: 0n, quotaMinor: 1n } } });
    expect(result.amountMinor).toBe(0n);
    expect(result.lines.map((l) => l.step)).toEqual(['measure', 'tiers', 'threshold-gate', 'measure-gate']);
    expect(result.lines[2]).toMatchObject({ adjustment: { acted: true, beforeMinor: 450_000n, passed: false } });
  });

  it('qualifier x0.75 on a miss, then cap, then floor, in that order', () => {
    // 14,800.00 x 0.75 = 11,100.00; cap 1.0 x target 12,000.00 does not act; floor 12,000.00 raises it.
    const comp = component({
      rateTable: twoTiers('attainment', d('1'), '0.05', '0.08'),
      qualifier: { measure: 'new-logos', basis: 'amount', threshold: d('3'), passWhen: 'at-or-above', multiplierIfMissed: d('0.75') },
      cap: { kind: 'target-multiple', multiple: d('1.0') },
      floor: { kind: 'amount', limitMinor: 1_200_000n },
    });
    const result = calculateComponent({ ...exampleTwo, component: comp, targetIncentiveMinor: 1_200_000n, otherMeasures: { 'new-logos': { valueMinor: 2n } } });
    expect(result.amountMinor).toBe(1_200_000n);
    expect(result.lines.slice(2).map((l) => (l.step === 'qualifier' || l.step === 'cap' || l.step === 'floor' ? [l.step, l.adjustment.acted, l.adjustment.afterMinor] : []))).toEqual([
      ['qualifier', true, 1_110_000n],
      ['cap', false, 1_110_000n],
      ['floor', true, 1_200_000n],
    ]);
  });
});

describe('computeAttainment', () => {
  it('is exact and shows 4 places rounded half-even', () => {
    expect(computeAttainment({ valueMinor: 1n, quotaMinor: 3n })).toEqual({ exact: { numerator: 1n, denominator: 3n }, display: '0.3333' });
    // 0.00005 exactly: half-even keeps 0.0000; 0.00015 goes to 0.0002.
    expect(computeAttainment({ valueMinor: 1n, quotaMinor: 20_000n })?.display).toBe('0.0000');
    expect(computeAttainment({ valueMinor: 3n, quotaMinor: 20_000n })?.display).toBe('0.0002');
    expect(computeAttainment({ valueMinor: 5n, quotaMinor: 0n })).toBeUndefined();
  });
});

describe('payout split: the whole deal counts, the payee is paid her share', () => {
  const table = twoTiers('attainment', d('1'), '0.10', '0.20');
  const split = (share: string): Credit => ({ ...credit('deal', 15_000_000n, '2026-02-01'), payoutShare: d(share) });

  it('150,000 at quota 100,000 (10% to quota, 20% above) split 60/40 pays 12,000 / 8,000; a credit split would pay 9,000 / 6,000', () => {
    const run = (credits: Credit[]) => calculateComponent({ component: component({ rateTable: table }), credits, quotaMinor: 10_000_000n, period: q1 });
    const rep60 = run([split('0.6')]);
    // Both reps see 150%: 100,000 x 10% + 50,000 x 20% = 20,000, then 60% and 40%.
    expect(rep60.amountMinor).toBe(1_200_000n);
    expect(rep60.lines.at(-1)).toEqual({ step: 'payout-share', share: { numerator: 3n, denominator: 5n }, beforeMinor: 2_000_000n, afterMinor: 1_200_000n });
    expect(run([split('0.4')]).amountMinor).toBe(800_000n);
    // A credit split gives each rep her share of the deal as credit: 90,000 (90%) and 60,000 (60%).
    expect(run([credit('deal', 9_000_000n, '2026-02-01')]).amountMinor).toBe(900_000n);
    expect(run([credit('deal', 6_000_000n, '2026-02-01')]).amountMinor).toBe(600_000n);
  });

  it('weights the shares by each credit when a payee has split and unsplit deals', () => {
    // 60,000 own deal + 40,000 deal at 50%: measure 100,000 -> 10,000 earned; share (60,000 + 20,000) / 100,000 = 0.8 -> 8,000.
    const r = calculateComponent({ component: component({ rateTable: table }), credits: [credit('own', 6_000_000n, '2026-01-10'), { ...credit('half', 4_000_000n, '2026-01-20'), payoutShare: d('0.5') }], quotaMinor: 10_000_000n, period: q1 });
    expect(r.amountMinor).toBe(800_000n);
  });

  it('per transaction, each deal pays its own share of what it earns', () => {
    const perDeal = component({ rateTable: twoTiers('amount', amountEdge(1_000_000n), '0.10', '0.20'), accumulation: 'per-transaction' });
    // 20,000 deal: 1,000 + 2,000 = 3,000 x 0.5 = 1,500; 5,000 deal unsplit: 500. Total 2,000.
    const r = calculateComponent({ component: perDeal, credits: [{ ...credit('big', 2_000_000n, '2026-01-10'), payoutShare: d('0.5') }, credit('small', 500_000n, '2026-01-11')], quotaMinor: 0n, period: q1 });
    expect(r.amountMinor).toBe(200_000n);
  });
});
