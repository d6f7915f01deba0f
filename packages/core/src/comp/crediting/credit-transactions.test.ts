import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../decimal.js';
import type { ReportingLine } from '../../hierarchy.js';
import { creditTransactions, transactionCreditor } from './credit-transactions.js';
import type { CreditingRule, CreditingTerritoryMember, CreditingTransaction, CreditWithExplanation } from './types.js';

const d = parseDecimal;
const tx = (over: Partial<CreditingTransaction> = {}): CreditingTransaction => ({
  id: 'T1',
  date: '2026-03-15',
  amountMinor: 100_000_00n,
  currency: 'USD',
  kind: 'new-business',
  ownerId: 'ana',
  ...over,
});
const bookings: CreditingRule = { name: 'bookings', creditType: 'booking', source: { type: 'owner' } };
const amounts = (credits: readonly CreditWithExplanation[]) => credits.map((c) => [c.payeeId, c.amountMinor]);
const line = (personId: string, managerId: string, validFrom: string, validTo: string | null = null): ReportingLine => ({ personId, managerId, validFrom, validTo });

describe('crediting: owner source', () => {
  it('credits the owner 100% with the rule, credit type and source kept', () => {
    const { credits, issues } = creditTransactions({ transactions: [tx()], rules: [bookings] });
    expect(credits).toEqual([
      { id: 'T1:bookings:ana', payeeId: 'ana', creditType: 'booking', amountMinor: 100_000_00n, date: '2026-03-15', sourceId: 'T1', rule: 'bookings', currency: 'USD', basisMinor: 100_000_00n },
    ]);
    expect(issues).toEqual([]);
  });

  it('a 60/40 credit split of 100,000 replaces the owner: 60,000 / 40,000', () => {
    const splits = [
      { personId: 'ben', share: d('0.6'), kind: 'credit' as const },
      { personId: 'cy', share: d('0.4'), kind: 'credit' as const },
    ];
    const { credits } = creditTransactions({ transactions: [tx({ splits })], rules: [bookings] });
    expect(amounts(credits)).toEqual([['ben', 60_000_00n], ['cy', 40_000_00n]]);
    expect(credits[0]).toMatchObject({ share: d('0.6'), splitKind: 'credit' });
  });

  it('gives the odd minor unit by largest remainder so the parts sum exactly to the amount', () => {
    const thirds = ['a', 'b', 'c'].map((personId, i) => ({ personId, share: d(i === 0 ? '0.333334' : '0.333333'), kind: 'credit' as const }));
    const { credits } = creditTransactions({ transactions: [tx({ amountMinor: 100n, splits: thirds })], rules: [bookings] });
    expect(amounts(credits)).toEqual([['a', 34n], ['b', 33n], ['c', 33n]]);
  });

  it('credits a 50% overlay on top of the owner: 150% in total', () => {
    const { credits } = creditTransactions({ transactions: [tx({ splits: [{ personId: 'spec', share: d('0.5'), kind: 'overlay' }] })], rules: [bookings] });
    expect(amounts(credits)).toEqual([['ana', 100_000_00n], ['spec', 50_000_00n]]);
    expect(credits.reduce((s, c) => s + c.amountMinor, 0n)).toBe(150_000_00n);
    expect(credits[1]).toMatchObject({ splitKind: 'overlay', share: d('0.5') });
  });

  it('payout split: every member is credited the full deal and carries her payout share', () => {
    const splits = [
      { personId: 'ben', share: d('0.7'), kind: 'payout' as const },
      { personId: 'cy', share: d('0.3'), kind: 'payout' as const },
    ];
    const { credits } = creditTransactions({ transactions: [tx({ splits })], rules: [bookings] });
    expect(amounts(credits)).toEqual([['ben', 100_000_00n], ['cy', 100_000_00n]]);
    expect(credits.map((c) => c.payoutShare)).toEqual([d('0.7'), d('0.3')]);
    expect(credits.every((c) => c.splitKind === 'payout' && c.share === undefined)).toBe(true);
  });

  it('a cancellation credits negatively to the same people', () => {
    const splits = [
      { personId: 'ben', share: d('0.6'), kind: 'credit' as const },
      { personId: 'cy', share: d('0.4'), kind: 'credit' as const },
      { personId: 'spec', share: d('0.5'), kind: 'overlay' as const },
    ];
    const rules: CreditingRule[] = [bookings, { name: 'mgr', creditType: 'team-booking', source: { type: 'rollup', of: ['bookings'], levels: 'direct' } }];
    const reportingLines = [line('ben', 'max', '2026-01-01'), line('cy', 'max', '2026-01-01')];
    const booked = creditTransactions({ transactions: [tx({ splits })], rules, reportingLines }).credits;
    const cancelled = creditTransactions({ transactions: [tx({ id: 'T1-cancel', amountMinor: -100_000_00n, splits })], rules, reportingLines }).credits;
    expect(cancelled.map((c) => [c.payeeId, c.rule])).toEqual(booked.map((c) => [c.payeeId, c.rule]));
    expect(cancelled.map((c) => c.amountMinor)).toEqual(booked.map((c) => -c.amountMinor));
    expect(amounts(cancelled)).toEqual([['ben', -60_000_00n], ['cy', -40_000_00n], ['spec', -50_000_00n], ['max', -60_000_00n], ['max', -40_000_00n]]);
  });

  it('a cancellation of an odd amount still splits exactly', () => {
    const splits = [
      { personId: 'ben', share: d('0.5'), kind: 'credit' as const },
      { personId: 'cy', share: d('0.5'), kind: 'credit' as const },
    ];
    const { credits } = creditTransactions({ transactions: [tx({ amountMinor: -3n, splits })], rules: [bookings] });
    expect(amounts(credits)).toEqual([['ben', -2n], ['cy', -1n]]);
  });
});

describe('crediting: filters', () => {
  const lineItems = [
    { productId: 'core', productFamily: 'platform', amountMinor: 70_000_00n },
    { productId: 'addon-a', productFamily: 'addons', amountMinor: 20_000_00n },
    { productId: 'addon-b', productFamily: 'addons', amountMinor: 10_000_00n },
  ];

  it('a product line-item filter credits only the matching line items', () => {
    const rules: CreditingRule[] = [
      { name: 'platform', creditType: 'platform-booking', filters: { productIds: ['core'] }, source: { type: 'owner' } },
      { name: 'addons', creditType: 'addon-booking', filters: { productFamilies: ['addons'] }, source: { type: 'owner' } },
      { name: 'gadgets', creditType: 'gadget-booking', filters: { productIds: ['gadget'] }, source: { type: 'owner' } },
    ];
    const { credits } = creditTransactions({ transactions: [tx({ lineItems })], rules });
    expect(credits.map((c) => [c.rule, c.amountMinor, c.lineItemProductIds])).toEqual([
      ['addons', 30_000_00n, ['addon-a', 'addon-b']],
      ['platform', 70_000_00n, ['core']],
    ]);
  });

  it('splits the matched line items, not the whole deal', () => {
    const splits = [
      { personId: 'ben', share: d('0.6'), kind: 'credit' as const },
      { personId: 'cy', share: d('0.4'), kind: 'credit' as const },
    ];
    const rule: CreditingRule = { name: 'addons', creditType: 'addon-booking', filters: { productFamilies: ['addons'] }, source: { type: 'owner' } };
    const { credits } = creditTransactions({ transactions: [tx({ lineItems, splits })], rules: [rule] });
    expect(amounts(credits)).toEqual([['ben', 18_000_00n], ['cy', 12_000_00n]]);
    expect(credits.every((c) => c.basisMinor === 30_000_00n)).toBe(true);
  });

  it('without line items, a product filter reads the transaction product', () => {
    const rule: CreditingRule = { name: 'platform', creditType: 'booking', filters: { productFamilies: ['platform'] }, source: { type: 'owner' } };
    const { credits } = creditTransactions({ transactions: [tx({ id: 'A', productFamily: 'platform' }), tx({ id: 'B', productFamily: 'addons' })], rules: [rule] });
    expect(credits.map((c) => c.sourceId)).toEqual(['A']);
  });

  it('filters by kind and pipeline, and reports a transaction no rule credited', () => {
    const rules: CreditingRule[] = [
      { name: 'new', creditType: 'booking', filters: { kinds: ['new-business', 'expansion'], pipelineIds: ['direct'] }, source: { type: 'owner' } },
      { name: 'renewals', creditType: 'renewal', filters: { kinds: ['renewal'] }, source: { type: 'owner' } },
    ];
    const transactions = [tx({ id: 'N', pipelineId: 'direct' }), tx({ id: 'P', pipelineId: 'partner' }), tx({ id: 'R', kind: 'renewal' })];
    const { credits, issues } = creditTransactions({ transactions, rules });
    expect(credits.map((c) => [c.sourceId, c.rule, c.creditType])).toEqual([['N', 'new', 'booking'], ['R', 'renewals', 'renewal']]);
    expect(issues).toEqual([{ code: 'uncredited', transactionId: 'P', field: 'id', message: 'no rule credited transaction "P"' }]);
    // One at a time, as a run credits them: the same credits, and without keeping issues none are kept.
    for (const keepIssues of [true, false]) {
      const creditor = transactionCreditor({ rules }, { keepIssues });
      expect(transactions.flatMap((t, i) => creditor.credit(t, i))).toEqual(credits);
      expect(creditor.issues).toEqual(keepIssues ? issues : []);
    }
  });
});

describe('crediting: territory source (effective-dated on the transaction date)', () => {
  const members: CreditingTerritoryMember[] = [
    { territoryId: 'west', personId: 'left-day-before', role: 'rep', from: '2025-01-01', to: '2026-03-14' },
    { territoryId: 'west', personId: 'leaves-that-day', role: 'rep', from: '2025-01-01', to: '2026-03-15' },
    { territoryId: 'west', personId: 'joined-that-day', role: 'rep', from: '2026-03-15' },
    { territoryId: 'west', personId: 'joins-next-day', role: 'rep', from: '2026-03-16' },
    { territoryId: 'west', personId: 'se', role: 'sales-engineer', from: '2025-01-01' },
    { territoryId: 'east', personId: 'other', role: 'rep', from: '2025-01-01' },
  ];
  const rule = (source: Partial<Extract<CreditingRule['source'], { type: 'territory' }>> = {}): CreditingRule => ({
    name: 'territory',
    creditType: 'territory-booking',
    source: { type: 'territory', roles: ['rep'], ...source },
  });

  it('credits members in force on the date (both ends inclusive) whose role matches, the full amount each', () => {
    const { credits } = creditTransactions({ transactions: [tx({ territoryId: 'west' })], rules: [rule()], territoryMembers: members });
    expect(amounts(credits)).toEqual([['joined-that-day', 100_000_00n], ['leaves-that-day', 100_000_00n]]);
    expect(credits[0]).toMatchObject({ territoryId: 'west', role: 'rep' });
  });

  it('credits a share, or equal parts that sum exactly to the amount', () => {
    const shared = creditTransactions({ transactions: [tx({ territoryId: 'west' })], rules: [rule({ roles: ['rep', 'sales-engineer'], share: d('0.25') })], territoryMembers: members });
    expect(amounts(shared.credits)).toEqual([['joined-that-day', 25_000_00n], ['leaves-that-day', 25_000_00n], ['se', 25_000_00n]]);
    const equal = creditTransactions({ transactions: [tx({ territoryId: 'west', amountMinor: 100n })], rules: [rule({ roles: ['rep', 'sales-engineer'], share: 'equal' })], territoryMembers: members });
    expect(amounts(equal.credits)).toEqual([['joined-that-day', 34n], ['leaves-that-day', 33n], ['se', 33n]]);
    expect(equal.credits[0]?.equalShareOf).toBe(3);
  });

  it('credits a person with two matching roles once, under the first role the rule lists', () => {
    const twoRoles = [...members, { territoryId: 'west', personId: 'se', role: 'rep', from: '2025-01-01' }];
    const { credits } = creditTransactions({ transactions: [tx({ territoryId: 'west' })], rules: [rule({ roles: ['sales-engineer', 'rep'] })], territoryMembers: twoRoles });
    expect(credits.filter((c) => c.payeeId === 'se').map((c) => c.role)).toEqual(['sales-engineer']);
  });

  it('reports a transaction without a territory and a territory with nobody in force', () => {
    const { credits, issues } = creditTransactions({
      transactions: [tx({ id: 'no-territory' }), tx({ id: 'empty', territoryId: 'north' }), tx({ id: 'old', territoryId: 'west', date: '2024-06-30' })],
      rules: [rule()],
      territoryMembers: members,
    });
    expect(credits).toEqual([]);
    expect(issues.map((i) => [i.transactionId, i.code])).toEqual([
      // The transaction-level issue (no rule) first, then each rule's.
      ['empty', 'uncredited'],
      ['empty', 'no-territory-member'],
      ['no-territory', 'uncredited'],
      ['no-territory', 'no-territory'],
      ['old', 'uncredited'],
      ['old', 'no-territory-member'],
    ]);
  });
});

describe('crediting: roll-up to managers through a hierarchy that changed mid-year', () => {
  // ana reports to mia until 2026-07-01 (exclusive), then to max; both report to vera.
  const reportingLines = [
    line('ana', 'mia', '2026-01-01', '2026-07-01'),
    line('ana', 'max', '2026-07-01'),
    line('mia', 'vera', '2026-01-01'),
    line('max', 'vera', '2026-01-01'),
    line('vera', 'ceo', '2026-01-01'),
  ];
  const rollup = (levels: 'direct' | 'all'): CreditingRule => ({ name: `rollup-${levels}`, creditType: 'team-booking', source: { type: 'rollup', of: ['bookings'], levels } });
  const transactions = [tx({ id: 'march', date: '2026-03-15' }), tx({ id: 'august', date: '2026-08-15', amountMinor: 50_000_00n })];

  it("'direct' credits only the direct manager on the transaction date", () => {
    const { credits } = creditTransactions({ transactions, rules: [bookings, rollup('direct')], reportingLines });
    const rolled = credits.filter((c) => c.rule === 'rollup-direct');
    expect(rolled.map((c) => [c.sourceId, c.payeeId, c.amountMinor])).toEqual([
      ['march', 'mia', 100_000_00n],
      ['august', 'max', 50_000_00n],
    ]);
    expect(rolled[0]).toMatchObject({
      id: 'march:rollup-direct:mia:via:march:bookings:ana',
      rollup: { fromCreditId: 'march:bookings:ana', creditedVia: 'ana', level: 1, direct: true },
    });
  });

  it("'all' credits every manager above, the first direct and the others indirect", () => {
    const { credits } = creditTransactions({ transactions, rules: [bookings, rollup('all')], reportingLines });
    const rolled = credits.filter((c) => c.rule === 'rollup-all');
    expect(rolled.map((c) => [c.sourceId, c.payeeId, c.rollup?.level, c.rollup?.direct])).toEqual([
      ['march', 'ceo', 3, false],
      ['march', 'mia', 1, true],
      ['march', 'vera', 2, false],
      ['august', 'ceo', 3, false],
      ['august', 'max', 1, true],
      ['august', 'vera', 2, false],
    ]);
  });

  it('rolls up each split part, and a payout split by its share so the manager is not credited the deal twice', () => {
    const lines = [line('ben', 'max', '2026-01-01'), line('cy', 'max', '2026-01-01')];
    const rules = [bookings, rollup('direct')];
    const creditSplit = tx({ id: 'C', splits: [{ personId: 'ben', share: d('0.6'), kind: 'credit' }, { personId: 'cy', share: d('0.4'), kind: 'credit' }] });
    const payoutSplit = tx({ id: 'P', splits: [{ personId: 'ben', share: d('0.6'), kind: 'payout' }, { personId: 'cy', share: d('0.4'), kind: 'payout' }] });
    const { credits } = creditTransactions({ transactions: [creditSplit, payoutSplit], rules, reportingLines: lines });
    const toMax = (id: string) => credits.filter((c) => c.sourceId === id && c.payeeId === 'max').map((c) => c.amountMinor);
    expect(toMax('C')).toEqual([60_000_00n, 40_000_00n]);
    expect(toMax('P')).toEqual([60_000_00n, 40_000_00n]);
    expect(credits.filter((c) => c.payeeId === 'max').every((c) => c.payoutShare === undefined)).toBe(true);
  });

  it('rolls up a roll-up, whatever the order the rules are listed in', () => {
    const vpOverride: CreditingRule = { name: 'vp-override', creditType: 'org-booking', source: { type: 'rollup', of: ['rollup-direct'], levels: 'direct' } };
    const listed = [vpOverride, rollup('direct'), bookings];
    const { credits } = creditTransactions({ transactions: [transactions[0] as CreditingTransaction], rules: listed, reportingLines });
    expect(credits.map((c) => [c.rule, c.payeeId])).toEqual([['bookings', 'ana'], ['rollup-direct', 'mia'], ['vp-override', 'vera']]);
    expect(credits[2]?.rollup?.fromCreditId).toBe(credits[1]?.id);
  });

  it('credits nobody above a person without a manager on the date', () => {
    const { credits } = creditTransactions({ transactions: [tx({ date: '2025-12-31' })], rules: [bookings, rollup('all')], reportingLines });
    expect(credits.map((c) => c.rule)).toEqual(['bookings']);
  });
});

describe('crediting: ids', () => {
  it('escapes ":" and "%" so different transaction / rule / payee triples never share an id', () => {
    const rules: CreditingRule[] = [
      { name: 'c', creditType: 'booking', source: { type: 'owner' } },
      { name: 'b:c', creditType: 'booking', source: { type: 'owner' } },
    ];
    const { credits } = creditTransactions({ transactions: [tx({ id: 'a:b', ownerId: 'p' }), tx({ id: 'a', ownerId: 'p' })], rules });
    const ids = credits.map((c) => c.id);
    expect(new Set(ids).size).toBe(4);
    expect(ids).toContain('a%3Ab:c:p');
    expect(ids).toContain('a:b%3Ac:p');
  });
});

describe('crediting: annual contract value (basis acv)', () => {
  const acv: CreditingRule = { name: 'acv', creditType: 'acv', source: { type: 'owner' }, basis: 'acv' };

  it('credits a multi-year contract its amount over the years of its term, rounded once half-even; a year or less its amount', () => {
    const { credits } = creditTransactions({
      transactions: [tx({ id: 'T3Y', amountMinor: 240_000_00n, termMonths: 36 }), tx({ id: 'T1Y', termMonths: 12 }), tx({ id: 'T6M', termMonths: 6 }), tx({ id: 'TODD', amountMinor: 100_001n, termMonths: 24 }), tx({ id: 'TNONE' })],
      rules: [acv, bookings],
    });
    const byId = (id: string) => credits.find((c) => c.id === id);
    expect(byId('T3Y:acv:ana')).toMatchObject({ amountMinor: 80_000_00n, basisMinor: 80_000_00n, termMonths: 36 });
    // The booking rule credits the whole contract.
    expect(byId('T3Y:bookings:ana')?.amountMinor).toBe(240_000_00n);
    expect(byId('T3Y:bookings:ana')).not.toHaveProperty('termMonths');
    for (const id of ['T1Y', 'T6M', 'TNONE']) expect(byId(`${id}:acv:ana`)).toMatchObject({ amountMinor: 100_000_00n });
    expect(byId('T1Y:acv:ana')).not.toHaveProperty('termMonths');
    // 100,001 x 12 / 24 = 50,000.5 -> 50,000 (half to even).
    expect(byId('TODD:acv:ana')?.amountMinor).toBe(50_000n);
  });

  it('splits the annual value as it splits an amount, and refuses a term outside 1-120 months or an unknown basis', () => {
    const splits = [{ personId: 'ben', share: d('0.5'), kind: 'credit' as const }, { personId: 'cy', share: d('0.5'), kind: 'credit' as const }];
    const { credits } = creditTransactions({ transactions: [tx({ amountMinor: 300_000_03n, termMonths: 36, splits })], rules: [acv] });
    expect(amounts(credits)).toEqual([['ben', 50_000_01n], ['cy', 50_000_00n]]);
    expect(() => creditTransactions({ transactions: [tx({ termMonths: 121 })], rules: [acv] })).toThrow(/transactions\[0\]\.termMonths/);
    expect(() => creditTransactions({ transactions: [tx({ termMonths: 1.5 })], rules: [acv] })).toThrow(/termMonths/);
    expect(() => creditTransactions({ transactions: [tx()], rules: [{ ...acv, basis: 'tcv' as 'acv' }] })).toThrow(/rules\[0\]\.basis/);
  });
});
