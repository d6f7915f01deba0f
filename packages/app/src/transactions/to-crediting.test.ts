import { describe, expect, it } from 'vitest';
import { creditTransactions, type CreditingRule } from '@attain/core';
import type { CompTransaction } from '@attain/store';
import { toCreditingTransaction } from './to-crediting.js';

const row = (over: Partial<CompTransaction>): CompTransaction => ({
  orgId: 'o', id: 'txn_1', source: 'opportunity', sourceKey: 'opp1', kind: 'new-business', date: '2026-03-31', amountMinor: 100_000n, currency: 'USD',
  dealAmountMinor: 100_000n, dealCurrency: 'USD', ownerId: 'rep1', accountId: 'acc1', opportunityId: 'opp1', pipelineId: 'pl1', territoryId: null,
  lineItems: [{ productId: 'p1', productFamily: 'core', amountMinor: 60_000n }, { productId: 'p2', productFamily: null, amountMinor: 40_000n }],
  splits: [], reverses: null, termMonths: null, createdAt: 't', ...over,
});

describe('toCreditingTransaction', () => {
  it('gives crediting a split deal and the reversal of another, and the credits follow the shares', () => {
    const split = row({ splits: [{ personId: 'rep1', kind: 'credit', share: '0.6' }, { personId: 'rep2', kind: 'credit', share: '0.4' }] });
    const reversal = row({
      id: 'txn_2', sourceKey: 'opp2:reversal:1', kind: 'cancellation', amountMinor: -50_000n, opportunityId: 'opp2', reverses: 'txn_0', ownerId: 'rep2',
      lineItems: [{ productId: 'p1', productFamily: 'core', amountMinor: -50_000n }],
    });
    const rules: CreditingRule[] = [{ name: 'bookings', creditType: 'booking', filters: { kinds: ['new-business', 'cancellation'] }, source: { type: 'owner' } }];
    const { credits, issues } = creditTransactions({ transactions: [split, reversal].map(toCreditingTransaction), rules, territoryMembers: [], reportingLines: [] });
    expect(issues).toEqual([]);
    expect(credits.map((c) => [c.sourceId, c.payeeId, c.amountMinor])).toEqual([
      ['txn_1', 'rep1', 60_000n],
      ['txn_1', 'rep2', 40_000n],
      ['txn_2', 'rep2', -50_000n],
    ]);
    expect(toCreditingTransaction(split).lineItems?.[1]).toEqual({ productId: 'p2', amountMinor: 40_000n });
    expect(() => toCreditingTransaction(row({ ownerId: null }))).toThrow(/no owner/);
  });
});
