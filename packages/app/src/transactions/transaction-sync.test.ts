import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Opportunity } from '@attain/core';
import type { CompTransaction } from '@attain/store';
import { checkedSplits } from './split-rules.js';
import { bookingOf, bookingInForce, planOpportunitySync, type DealBooking } from './transaction-sync.js';

const deal = (over: Partial<Opportunity> = {}): Opportunity => ({
  id: 'opp1', orgId: 'o', externalId: null, createdAt: 't', updatedAt: 't', archivedAt: null, version: 1, name: 'Deal', accountId: 'acc1',
  ownerId: 'rep1', pipelineId: 'pl1', stageId: 'won', amountMinor: 100_000n, currency: 'USD', closeDate: '2026-03-31', type: 'new',
  forecastCategory: 'closed', probabilityBps: 10_000, nextStep: null, lostReason: null, contractTermMonths: null, territoryId: null, isClosed: true, isWon: true, closedAt: 't',
  ...over,
});

const sync = (existing: readonly CompTransaction[], desired: DealBooking | null, reason = 'lost') =>
  planOpportunitySync({ orgId: 'o', opportunityId: 'opp1', existing, desired, at: '2026-05-01T10:00:00.000Z', today: '2026-05-01', reason, newId: (k) => `id:${k}` });

describe('bookingOf', () => {
  it('books only a won deal, maps its type and converts at the given rate, line items sharing the converted amount exactly', () => {
    expect(bookingOf({ opportunity: deal({ isWon: false }), lines: [], splits: [], orgCurrency: 'USD' })).toBeNull();
    const eur = bookingOf({
      opportunity: deal({ currency: 'EUR', amountMinor: 100_001n, type: 'expansion' }), orgCurrency: 'USD', rateE9: 1_100_000_000n, splits: [],
      lines: [{ productId: 'a', productFamily: 'core', totalMinor: 1n }, { productId: 'b', productFamily: null, totalMinor: 2n }],
    });
    // 1,000.01 EUR x 1.1 = 1,100.011 USD -> 110,001 minor, shared 1:2 by largest remainder.
    expect(eur).toMatchObject({ kind: 'expansion', amountMinor: 110_001n, currency: 'USD', dealAmountMinor: 100_001n, dealCurrency: 'EUR' });
    expect(eur?.lineItems.map((l) => l.amountMinor)).toEqual([36_667n, 73_334n]);
    expect(() => bookingOf({ opportunity: deal({ currency: 'EUR' }), lines: [], splits: [], orgCurrency: 'USD' })).toThrow(/exchange rate for EUR/);
  });
});

describe('planOpportunitySync', () => {
  const won = (over: Partial<Opportunity> = {}) => bookingOf({ opportunity: deal(over), lines: [], splits: [], orgCurrency: 'USD' });

  it('books a newly won deal, then nothing while it is unchanged', () => {
    const first = sync([], won());
    expect(first.transactions).toMatchObject([{ id: 'id:opp1', sourceKey: 'opp1', kind: 'new-business', amountMinor: 100_000n, reverses: null }]);
    expect(sync(first.transactions, won())).toEqual({ transactions: [], clawbacks: [] });
    expect(sync([], null)).toEqual({ transactions: [], clawbacks: [] });
  });

  it('reverses and rebooks a changed won deal; a lost one gets a cancellation and a clawback event', () => {
    const booked = sync([], won()).transactions;
    const changed = sync(booked, won({ amountMinor: 120_000n, ownerId: 'rep2' })).transactions;
    expect(changed).toMatchObject([
      { sourceKey: 'opp1:reversal:1', kind: 'new-business', amountMinor: -100_000n, ownerId: 'rep1', reverses: 'id:opp1', date: '2026-03-31' },
      { sourceKey: 'opp1:rebooking:1', amountMinor: 120_000n, ownerId: 'rep2', reverses: null },
    ]);
    const rows = [...booked, ...changed];
    expect(bookingInForce(rows)?.id).toBe('id:opp1:rebooking:1');
    const lost = sync(rows, null, 'lost: budget');
    expect(lost.transactions).toMatchObject([{ sourceKey: 'opp1:reversal:2', kind: 'cancellation', amountMinor: -120_000n, reverses: 'id:opp1:rebooking:1' }]);
    expect(lost.clawbacks).toEqual([
      { orgId: 'o', id: 'id:opp1:clawback:2', transactionId: 'id:opp1:reversal:2', opportunityId: 'opp1', occurredOn: '2026-05-01', reason: 'lost: budget', createdAt: '2026-05-01T10:00:00.000Z' },
    ]);
    expect(sync([...rows, ...lost.transactions], won()).transactions.map((t) => t.sourceKey)).toEqual(['opp1:rebooking:2']);
  });

  it('property: after any sequence of states the rows sum to the deal as it stands, keys are unique, and a replay gives the same rows', () => {
    const state = fc.option(fc.record({ amountMinor: fc.bigInt({ min: 0n, max: 10n ** 12n }), ownerId: fc.constantFrom('rep1', 'rep2'), closeDate: fc.constantFrom('2026-01-15', '2026-02-20') }), { nil: null });
    fc.assert(fc.property(fc.array(state, { maxLength: 8 }), (states) => {
      const run = () => {
        let rows: CompTransaction[] = [];
        for (const s of states) rows = [...rows, ...sync(rows, s === null ? null : won(s)).transactions];
        return rows;
      };
      const rows = run();
      const last = states.at(-1) ?? null;
      expect(rows.reduce((sum, r) => sum + r.amountMinor, 0n)).toBe(last === null ? 0n : last.amountMinor);
      expect(new Set(rows.map((r) => r.sourceKey)).size).toBe(rows.length);
      expect(run()).toEqual(rows);
    }));
  });
});

describe('checkedSplits', () => {
  it('normalises a valid set and refuses bad shares, totals, mixes and repeats, naming the field', () => {
    expect(checkedSplits([{ personId: 'b', kind: 'credit', share: '0.40' }, { personId: 'a', kind: 'credit', share: '0.6' }, { personId: 'c', kind: 'overlay', share: '1' }], 'a'))
      .toEqual([{ personId: 'a', kind: 'credit', share: '0.6' }, { personId: 'b', kind: 'credit', share: '0.4' }, { personId: 'c', kind: 'overlay', share: '1' }]);
    expect(checkedSplits([], 'a')).toEqual([]);
    const field = (splits: { personId: string; kind: string; share: string }[]) => {
      try { checkedSplits(splits, 'own'); return 'accepted'; } catch (e) { return (e as { issues: { field: string }[] }).issues[0]?.field; }
    };
    expect(field([{ personId: 'a', kind: 'credit', share: '0.5' }])).toBe('splits');
    expect(field([{ personId: 'a', kind: 'overlay', share: '1.5' }])).toBe('splits.0.share');
    expect(field([{ personId: 'a', kind: 'overlay', share: '0' }])).toBe('splits.0.share');
    expect(field([{ personId: 'a', kind: 'overlay', share: '1e-1' }])).toBe('splits.0.share');
    expect(field([{ personId: 'a', kind: 'bonus', share: '1' }])).toBe('splits.0.kind');
    expect(field([{ personId: 'a', kind: 'credit', share: '1' }, { personId: 'b', kind: 'payout', share: '1' }])).toBe('splits');
    expect(field([{ personId: 'a', kind: 'credit', share: '1' }, { personId: 'a', kind: 'overlay', share: '0.5' }])).toBe('splits.1.personId');
    expect(field([{ personId: 'own', kind: 'overlay', share: '0.5' }])).toBe('splits.0.personId');
  });
});
