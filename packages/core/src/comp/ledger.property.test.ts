import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHoldRelease, ledgerBalances, ledgerDeltas, ledgerKey, type LedgerPosting, type LedgerTarget } from './ledger.js';

const RUNS = { numRuns: 1_000 };
const people = ['p1', 'p2', 'p3'];
const periods = ['2026-Q1', '2026-Q2'];

const postingArb: fc.Arbitrary<LedgerPosting> = fc.record({
  personId: fc.constantFrom(...people),
  forPeriod: fc.constantFrom(...periods),
  type: fc.constantFrom('earning' as const, 'bonus' as const, 'clawback' as const, 'adjustment' as const, 'hold' as const),
  planId: fc.constantFrom('ae', null),
  componentId: fc.constantFrom('commission', 'spif', null),
  amountMinor: fc.bigInt({ min: -1_000_000n, max: 1_000_000n }),
});
const targetArb = postingArb.filter((p) => p.type === 'earning' || p.type === 'bonus' || p.type === 'clawback');
const all = { personIds: new Set(people), periods: new Set(periods) };
const apply = (existing: readonly LedgerPosting[], targets: readonly LedgerTarget[]) => [...existing, ...ledgerDeltas({ targets, existing, scope: all })];

describe('ledger invariants', () => {
  it('after the deltas, every calculated key sums exactly to its target; manual entries are untouched', () => {
    fc.assert(fc.property(fc.array(postingArb, { maxLength: 30 }), fc.array(targetArb, { maxLength: 20 }), (existing, targets) => {
      const after = ledgerBalances(apply(existing, targets));
      const wanted = ledgerBalances(targets);
      for (const [key, sum] of wanted) expect(after.get(key) ?? 0n).toBe(sum);
      const manual = existing.filter((e) => e.type === 'adjustment' || e.type === 'hold');
      for (const [key, sum] of ledgerBalances(manual)) expect(after.get(key)).toBe(sum);
    }), RUNS);
  });

  it('a second run on the same inputs appends nothing (closed periods never change by re-running)', () => {
    fc.assert(fc.property(fc.array(postingArb, { maxLength: 30 }), fc.array(targetArb, { maxLength: 20 }), (existing, targets) => {
      expect(ledgerDeltas({ targets, existing: apply(existing, targets), scope: all })).toEqual([]);
    }), RUNS);
  });

  it('a retroactive change yields deltas that sum to the difference, whatever the order of the inputs', () => {
    fc.assert(fc.property(fc.array(targetArb, { maxLength: 15 }), fc.array(targetArb, { maxLength: 15 }), (first, second) => {
      const ledger = apply([], first);
      const deltas = ledgerDeltas({ targets: second, existing: ledger, scope: all });
      const sum = (xs: readonly { amountMinor: bigint }[]) => xs.reduce((a, x) => a + x.amountMinor, 0n);
      expect(sum(deltas)).toBe(sum(second) - sum(first));
      expect(ledgerDeltas({ targets: [...second].reverse(), existing: [...ledger].reverse(), scope: all })).toEqual(deltas);
    }), RUNS);
  });

  it('only the scope moves: entries of people outside it keep their sums', () => {
    fc.assert(fc.property(fc.array(postingArb, { maxLength: 30 }), fc.array(targetArb.filter((t) => t.personId === 'p1'), { maxLength: 10 }), (existing, targets) => {
      const deltas = ledgerDeltas({ targets, existing, scope: { personIds: new Set(['p1']), periods: new Set(periods) } });
      expect(deltas.every((d) => d.personId === 'p1')).toBe(true);
    }), RUNS);
  });

  it('refuses a target outside the scope, naming the field', () => {
    const target: LedgerTarget = { personId: 'p9', forPeriod: '2026-Q1', type: 'earning', planId: 'ae', componentId: 'c', amountMinor: 1n };
    expect(() => ledgerDeltas({ targets: [target], existing: [], scope: all })).toThrow(/targets/);
    expect(ledgerKey(target)).toBe('["p9","2026-Q1","earning","ae","c"]');
  });

  it('a hold is released at most once in full', () => {
    expect(() => checkHoldRelease({ holdMinor: -500n, releasedMinor: 0n, releaseMinor: 500n })).not.toThrow();
    expect(() => checkHoldRelease({ holdMinor: -500n, releasedMinor: 200n, releaseMinor: 301n })).toThrow(/amountMinor: at most 300/);
    expect(() => checkHoldRelease({ holdMinor: 100n, releasedMinor: 0n, releaseMinor: 1n })).toThrow(/holdId/);
    expect(() => checkHoldRelease({ holdMinor: -100n, releasedMinor: 0n, releaseMinor: 0n })).toThrow(/positive/);
  });
});
