import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../calendar.js';
import { isJournalEntryBalanced, journalEntriesForMonths } from './journal-entries.js';
import { applyContractEvents, type CapitalizationEvent } from './modifications.js';
import type { CapitalizationPolicy } from './policy.js';
import { rollForwardDeferredCommissions, type RollForwardLine, type RollForwardTable } from './roll-forward.js';
import { capitalizeCost, type CapitalizationOutcome, type CommissionCost, type CostSchedule } from './schedule.js';

const accounts = { deferredCommissionAsset: '1400', commissionExpense: '6100', commissionsPayable: '2100', impairmentExpense: '6190' };

const policyArb: fc.Arbitrary<CapitalizationPolicy> = fc.record({
  incrementalComponentIds: fc.constant(['new-logo', 'renewal']),
  benefitPeriod: fc.oneof(fc.constant({ basis: 'contract-term' as const }), fc.integer({ min: 1, max: 72 }).map((months) => ({ basis: 'customer-life' as const, months }))),
  practicalExpedient: fc.boolean(),
  accounts: fc.constant(accounts),
});

const contractArb = fc.record({ startOffset: fc.integer({ min: 0, max: 1100 }), days: fc.integer({ min: 0, max: 1500 }) }).map(({ startOffset, days }) => {
  const contractStart = addDays('2025-01-01', startOffset);
  return { contractStart, contractEnd: addDays(contractStart, days) };
});

/** A scenario: a policy, contracts, costs and events, each cost and event with a rank to shuffle by. */
const scenarioArb = fc
  .record({
    policy: policyArb,
    contracts: fc.array(contractArb, { minLength: 1, maxLength: 4 }),
    costs: fc.array(
      fc.record({
        contract: fc.nat(),
        payee: fc.constantFrom('ana', 'ben', 'cy'),
        componentId: fc.constantFrom('new-logo', 'renewal', 'mbo'),
        amountMinor: fc.bigInt({ min: -2_000_00n, max: 50_000_00n }),
        offset: fc.integer({ min: 0, max: 900 }),
        rank: fc.nat(),
      }),
      { maxLength: 12 },
    ),
    events: fc.array(
      fc.record({ contract: fc.nat(), churn: fc.boolean(), onOffset: fc.integer({ min: -60, max: 1500 }), endOffset: fc.integer({ min: 0, max: 2000 }), rank: fc.nat() }),
      { maxLength: 5 },
    ),
    range: fc.record({ from: fc.integer({ min: 0, max: 80 }), length: fc.integer({ min: 1, max: 60 }) }),
  })
  .map(({ policy, contracts, costs, events, range }) => {
    const contractOf = (i: number) => ({ id: `c${i % contracts.length}`, ...contracts[i % contracts.length]! });
    const costList = costs.map((c, i): { rank: number; cost: CommissionCost } => {
      const k = contractOf(c.contract);
      const cost = { id: `k${i}`, contractId: k.id, payeeId: c.payee, componentId: c.componentId, amountMinor: c.amountMinor, currency: 'USD' };
      return { rank: c.rank, cost: { ...cost, recognizedOn: addDays(k.contractStart, c.offset), contractStart: k.contractStart, contractEnd: k.contractEnd } };
    });
    const eventList = events.map((e): { rank: number; event: CapitalizationEvent } => {
      const k = contractOf(e.contract);
      const on = addDays(k.contractStart, e.onOffset);
      return { rank: e.rank, event: e.churn ? { kind: 'churn', contractId: k.id, on } : { kind: 'modification', contractId: k.id, on, newContractEnd: addDays(k.contractStart, e.endOffset) } };
    });
    const month = (n: number) => `${2024 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    return { policy, costs: costList, events: eventList, from: month(range.from), to: month(range.from + range.length - 1) };
  });

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

const outcomesOf = (s: Scenario): CapitalizationOutcome[] => s.costs.map(({ cost }) => capitalizeCost({ policy: s.policy, cost }));
const inputOf = (s: Scenario) => ({ policy: s.policy, outcomes: outcomesOf(s), events: s.events.map((e) => e.event), from: s.from, to: s.to });
const shuffled = (s: Scenario): Scenario => ({
  ...s,
  costs: [...s.costs].sort((a, b) => a.rank - b.rank),
  events: [...s.events].sort((a, b) => a.rank - b.rank),
});

const ties = (l: RollForwardLine): boolean => l.openingMinor + l.capitalizedMinor - l.amortizedMinor - l.impairedMinor === l.closingMinor;
const KEYS = ['openingMinor', 'capitalizedMinor', 'amortizedMinor', 'impairedMinor', 'closingMinor'] as const;

function expectTableTies(t: RollForwardTable): void {
  expect(t.months.every(ties)).toBe(true);
  expect(ties(t.total)).toBe(true);
  t.months.slice(1).forEach((m, i) => expect(m.openingMinor).toBe(t.months[i]?.closingMinor));
  expect(t.total.openingMinor).toBe(t.months[0]?.openingMinor);
  expect(t.total.closingMinor).toBe(t.months.at(-1)?.closingMinor);
}

function expectPartsAddUp(whole: RollForwardTable, parts: readonly RollForwardTable[]): void {
  for (const key of KEYS) expect(parts.reduce((sum, p) => sum + p.total[key], 0n)).toBe(whole.total[key]);
  whole.months.forEach((m, i) => {
    for (const key of KEYS) expect(parts.reduce((sum, p) => sum + (p.months[i]?.[key] ?? 0n), 0n)).toBe(m[key]);
  });
}

describe('capitalization ledger: properties', () => {
  it('the roll-forward ties exactly per month, in total, per contract and per payee', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const rf = rollForwardDeferredCommissions({ ...inputOf(s), currency: 'USD' });
        expect(rf.months.length).toBeGreaterThan(0);
        expectTableTies(rf);
        rf.byContract.forEach(expectTableTies);
        rf.byPayee.forEach(expectTableTies);
        expectPartsAddUp(rf, rf.byContract);
        expectPartsAddUp(rf, rf.byPayee);
      }),
    );
  });

  it('every journal entry balances, and the asset account moves as the roll-forward says', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const input = inputOf(s);
        const entries = journalEntriesForMonths(input);
        expect(entries.every(isJournalEntryBalanced)).toBe(true);
        expect(entries.every((e) => e.lines.every((l) => l.amountMinor > 0n) && e.lines[0].side === 'debit' && e.lines[1].side === 'credit')).toBe(true);
        const rf = rollForwardDeferredCommissions({ ...input, currency: 'USD' });
        for (const m of rf.months) {
          const asset = entries
            .filter((e) => e.date.startsWith(m.month))
            .flatMap((e) => e.lines)
            .filter((l) => l.account === accounts.deferredCommissionAsset)
            .reduce((net, l) => net + (l.side === 'debit' ? l.amountMinor : -l.amountMinor), 0n);
          expect(asset).toBe(m.capitalizedMinor - m.amortizedMinor - m.impairedMinor);
        }
      }),
    );
  });

  it('over the whole life, amortized + impaired = capitalized for every cost, and the asset runs off to zero', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const schedules: CostSchedule[] = outcomesOf(s).flatMap((o) => (o.treatment === 'capitalized' ? [o.schedule] : []));
        for (const sch of applyContractEvents(s.policy, schedules, s.events.map((e) => e.event))) {
          expect(sch.lines.reduce((t, l) => t + l.amountMinor, 0n)).toBe(sch.capitalizedMinor);
          expect(sch.lines.at(-1)?.remainingMinor).toBe(0n);
          expect(sch.lines.every((l) => l.month >= sch.capitalizedMonth)).toBe(true);
          expect(sch.lines.filter((l) => l.kind === 'impairment').length).toBeLessThanOrEqual(1);
        }
        const life = rollForwardDeferredCommissions({ ...inputOf(s), currency: 'USD', from: '2024-12', to: '2040-12' });
        expect([life.total.openingMinor, life.total.closingMinor]).toEqual([0n, 0n]);
        expect(life.total.amortizedMinor + life.total.impairedMinor).toBe(life.total.capitalizedMinor);
      }),
      { numRuns: 50 },
    );
  });

  it('gives identical output whatever the order of costs and events', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const again = inputOf(shuffled(s));
        expect(rollForwardDeferredCommissions({ ...again, currency: 'USD' })).toEqual(rollForwardDeferredCommissions({ ...inputOf(s), currency: 'USD' }));
        expect(journalEntriesForMonths(again)).toEqual(journalEntriesForMonths(inputOf(s)));
      }),
    );
  });
});
