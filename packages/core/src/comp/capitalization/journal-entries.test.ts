import { describe, expect, it } from 'vitest';
import { isJournalEntryBalanced, journalEntriesForMonths } from './journal-entries.js';
import type { CapitalizationEvent } from './modifications.js';
import type { CapitalizationPolicy } from './policy.js';
import { capitalizeCost, type CommissionCost } from './schedule.js';

const accounts = { deferredCommissionAsset: '1400', commissionExpense: '6100', commissionsPayable: '2100', impairmentExpense: '6190' };
const policy: CapitalizationPolicy = { incrementalComponentIds: ['new-logo'], benefitPeriod: { basis: 'customer-life', months: 60 }, practicalExpedient: true, accounts };
const base = { currency: 'USD', componentId: 'new-logo', contractId: 'c1', payeeId: 'ana', contractStart: '2026-01-01', contractEnd: '2026-12-31' };
const costs: CommissionCost[] = [
  { ...base, id: 'k1', amountMinor: 3_000_00n, recognizedOn: '2026-01-15' },
  { ...base, id: 'k2', componentId: 'mbo', amountMinor: 200_00n, recognizedOn: '2026-01-31' },
  { ...base, id: 'k3', amountMinor: -600_00n, recognizedOn: '2026-02-10' },
];
const outcomes = costs.map((cost) => capitalizeCost({ policy, cost }));
const events: CapitalizationEvent[] = [{ kind: 'churn', contractId: 'c1', on: '2026-03-05' }];
const entries = journalEntriesForMonths({ policy, outcomes, events, from: '2026-01', to: '2026-03' });
const row = (e: (typeof entries)[number]) => [e.date, e.kind, e.costId, ...e.lines.flatMap((l) => [l.side, l.account, l.amountMinor])];

describe('journal entries (golden example 7: velocityhq.com)', () => {
  it('capitalizes, expenses, amortizes, reverses a clawback and impairs on churn, month by month', () => {
    expect(entries.map(row)).toEqual([
      ['2026-01-31', 'capitalization', 'k1', 'debit', '1400', 3_000_00n, 'credit', '2100', 3_000_00n],
      ['2026-01-31', 'expense', 'k2', 'debit', '6100', 200_00n, 'credit', '2100', 200_00n],
      ['2026-01-31', 'amortization', 'k1', 'debit', '6100', 50_00n, 'credit', '1400', 50_00n],
      ['2026-02-28', 'capitalization', 'k3', 'debit', '2100', 600_00n, 'credit', '1400', 600_00n],
      ['2026-02-28', 'amortization', 'k1', 'debit', '6100', 50_00n, 'credit', '1400', 50_00n],
      // -600 over the 59 months left: -10.16 a month, -10.60 in the last
      ['2026-02-28', 'amortization', 'k3', 'debit', '1400', 10_16n, 'credit', '6100', 10_16n],
      ['2026-03-31', 'impairment', 'k1', 'debit', '6190', 2_900_00n, 'credit', '1400', 2_900_00n],
      ['2026-03-31', 'impairment', 'k3', 'debit', '1400', 589_84n, 'credit', '6190', 589_84n],
    ]);
    expect(entries.every(isJournalEntryBalanced)).toBe(true);
  });

  it('names the contract and payee in the memo and gives each entry a stable id', () => {
    expect(entries[0]?.memo).toBe('Capitalized commission, 2026-01: contract c1, payee ana, cost k1 (component new-logo), 3000.00 USD');
    expect(entries[3]?.memo).toContain('(clawback reversal)');
    expect(entries.map((e) => e.id).slice(0, 3)).toEqual(['capitalization:k1:2026-01', 'expense:k2:2026-01', 'amortization:k1:2026-01']);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('keeps only the months asked for', () => {
    const march = journalEntriesForMonths({ policy, outcomes, events, from: '2026-03', to: '2026-03' });
    expect(march.map((e) => e.kind)).toEqual(['impairment', 'impairment']);
    expect(journalEntriesForMonths({ policy, outcomes, events: [], from: '2031-01', to: '2031-12' })).toEqual([]);
  });

  it('detects an unbalanced entry', () => {
    const [first] = entries;
    if (!first) throw new Error('no entry');
    expect(isJournalEntryBalanced({ lines: [first.lines[0], { ...first.lines[1], amountMinor: first.lines[1].amountMinor - 1n }] })).toBe(false);
  });
});
