import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../decimal.js';
import { DomainError } from '../../errors.js';
import type { ReportingLine } from '../../hierarchy.js';
import { creditTransactions } from './credit-transactions.js';
import type { CreditingInput, CreditingRule, CreditingTransaction } from './types.js';

const d = parseDecimal;
const tx = (id: string, over: Partial<CreditingTransaction> = {}): CreditingTransaction => ({
  id,
  date: '2026-03-15',
  amountMinor: 1_000_00n,
  currency: 'USD',
  kind: 'new-business',
  ownerId: 'ana',
  ...over,
});
const bookings: CreditingRule = { name: 'bookings', creditType: 'booking', source: { type: 'owner' } };
const rollup = (name: string, of: string[]): CreditingRule => ({ name, creditType: 'team', source: { type: 'rollup', of, levels: 'all' } });
const line = (personId: string, managerId: string, validFrom = '2026-01-01', validTo: string | null = null): ReportingLine => ({ personId, managerId, validFrom, validTo });

/** Runs crediting and returns the refused field and message. */
function refusal(input: Partial<CreditingInput>): { field: string | undefined; message: string } {
  try {
    creditTransactions({ transactions: [tx('T0')], rules: [bookings], ...input });
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    expect(e.code).toBe('validation_failed');
    return { field: e.issues[0]?.field, message: e.message };
  }
  throw new Error('expected a refusal');
}

describe('crediting: refuses bad input naming the field', () => {
  it('credit shares that do not total exactly 1', () => {
    const splits = [{ personId: 'a', share: d('0.6'), kind: 'credit' as const }, { personId: 'b', share: d('0.3'), kind: 'credit' as const }];
    expect(refusal({ transactions: [tx('T0'), tx('T1', { splits })] })).toEqual({ field: 'transactions[1].splits', message: 'transactions[1].splits: credit shares must total exactly 1, they total 0.9' });
  });

  it('payout shares that do not total exactly 1', () => {
    const splits = [{ personId: 'a', share: d('0.6'), kind: 'payout' as const }, { personId: 'b', share: d('0.5'), kind: 'payout' as const }];
    expect(refusal({ transactions: [tx('T0', { splits })] }).field).toBe('transactions[0].splits');
  });

  it('a negative share', () => {
    const splits = [{ personId: 'a', share: d('1.2'), kind: 'credit' as const }, { personId: 'b', share: d('-0.2'), kind: 'credit' as const }];
    const transactions = [tx('T0'), tx('T1'), tx('T2'), tx('T3', { splits })];
    expect(refusal({ transactions }).field).toBe('transactions[3].splits[1].share');
  });

  it('credit and payout splits on one transaction, one person twice, an overlay on the uncredited owner', () => {
    const both = [{ personId: 'a', share: d('1'), kind: 'credit' as const }, { personId: 'b', share: d('1'), kind: 'payout' as const }];
    expect(refusal({ transactions: [tx('T0', { splits: both })] }).field).toBe('transactions[0].splits');
    const twice = [{ personId: 'a', share: d('1'), kind: 'credit' as const }, { personId: 'a', share: d('0.5'), kind: 'overlay' as const }];
    expect(refusal({ transactions: [tx('T0', { splits: twice })] }).field).toBe('transactions[0].splits[1].personId');
    const ownerOverlay = [{ personId: 'ana', share: d('0.5'), kind: 'overlay' as const }];
    expect(refusal({ transactions: [tx('T0', { splits: ownerOverlay })] }).field).toBe('transactions[0].splits[0].personId');
  });

  it('duplicate transaction ids', () => {
    expect(refusal({ transactions: [tx('T0'), tx('T1'), tx('T0')] })).toEqual({ field: 'transactions[2].id', message: 'transactions[2].id: duplicate transaction id "T0" (also transactions[0])' });
  });

  it('malformed dates', () => {
    expect(refusal({ transactions: [tx('T0', { date: '2026-02-30' })] }).field).toBe('transactions[0].date');
    expect(refusal({ transactions: [tx('T0', { date: '15/03/2026' })] }).field).toBe('transactions[0].date');
    expect(refusal({ territoryMembers: [{ territoryId: 'w', personId: 'p', role: 'rep', from: '2026-1-1' }] }).field).toBe('territoryMembers[0].from');
    expect(refusal({ reportingLines: [line('a', 'b', '2026-01-01', '2026-13-01')] }).field).toBe('reportingLines[0].validTo');
  });

  it('line items that do not add up to the transaction amount, an amount that is not a bigint, a bad currency', () => {
    const lineItems = [{ productId: 'x', amountMinor: 500_00n }];
    expect(refusal({ transactions: [tx('T0', { lineItems })] }).field).toBe('transactions[0].lineItems');
    expect(refusal({ transactions: [tx('T0', { amountMinor: 10 as unknown as bigint })] }).field).toBe('transactions[0].amountMinor');
    expect(refusal({ transactions: [tx('T0', { currency: 'usd' })] }).field).toBe('transactions[0].currency');
  });

  it('an unknown rule in `of`, a duplicate rule name, a roll-up with product filters', () => {
    expect(refusal({ rules: [bookings, rollup('mgr', ['bookings', 'bookngs'])] })).toEqual({ field: 'rules[1].source.of[1]', message: 'rules[1].source.of[1]: unknown rule "bookngs"' });
    expect(refusal({ rules: [bookings, bookings] }).field).toBe('rules[1].name');
    const filtered: CreditingRule = { ...rollup('mgr', ['bookings']), filters: { productIds: ['x'] } };
    expect(refusal({ rules: [bookings, filtered] }).field).toBe('rules[1].filters');
    expect(refusal({ rules: [{ ...bookings, filters: { kinds: [] } }] }).field).toBe('rules[0].filters.kinds');
    expect(refusal({ rules: [{ name: 't', creditType: 'x', source: { type: 'territory', roles: [] } }] }).field).toBe('rules[0].source.roles');
  });

  it('a cycle of roll-up rules, naming the cycle', () => {
    const rules = [bookings, rollup('a', ['bookings', 'c']), rollup('b', ['a']), rollup('c', ['b'])];
    expect(refusal({ rules })).toEqual({ field: 'rules[1].source.of', message: 'rules[1].source.of: roll-up cycle: a -> c -> b -> a' });
    expect(refusal({ rules: [rollup('self', ['self'])] }).message).toBe('rules[0].source.of: roll-up cycle: self -> self');
  });

  it('a cycle in the reporting lines on the transaction date, naming the line that closes it', () => {
    const rules = [bookings, rollup('mgr', ['bookings'])];
    const reportingLines = [line('ana', 'mia'), line('mia', 'vera'), line('vera', 'ana', '2026-03-01')];
    expect(refusal({ rules, reportingLines })).toEqual({ field: 'reportingLines[2].managerId', message: 'reportingLines[2].managerId: cycle on 2026-03-15: ana -> mia -> vera -> ana' });
    expect(refusal({ rules, reportingLines: [line('ana', 'ana')] }).field).toBe('reportingLines[0].managerId');
  });

  it('two managers of one person on the same day', () => {
    const reportingLines = [line('ana', 'mia', '2026-01-01', '2026-07-01'), line('ana', 'max', '2026-06-30')];
    expect(refusal({ reportingLines }).field).toBe('reportingLines[1].validFrom');
    // Back to back (validTo is exclusive) is fine.
    expect(() => creditTransactions({ transactions: [tx('T0')], rules: [bookings], reportingLines: [line('ana', 'mia', '2026-01-01', '2026-07-01'), line('ana', 'max', '2026-07-01')] })).not.toThrow();
  });

  it('a territory membership that ends before it starts', () => {
    expect(refusal({ territoryMembers: [{ territoryId: 'w', personId: 'p', role: 'rep', from: '2026-03-02', to: '2026-03-01' }] }).field).toBe('territoryMembers[0].to');
  });
});
