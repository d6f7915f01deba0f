import { describe, expect, it } from 'vitest';
import { duplicateDeals, missingFields, qualityIssues, tallyQuality, type QualityDeal } from './data-quality.js';

let n = 0;
const deal = (over: Partial<QualityDeal> = {}): QualityDeal => ({
  id: `d${n++}`, name: 'Acme renewal', ownerId: 'ann', accountId: 'acc1', amountMinor: 100n, closeDate: '2026-12-01', type: 'renewal', nextStep: 'call',
  lostReason: null, status: 'open', stageRank: 1, forecastCategory: 'pipeline', closedOn: null, pushes: 0, lastActivityOn: '2026-11-20', createdOn: '2026-10-01', ...over,
});
const settings = { today: '2026-11-28', staleDays: 30, pushLimit: 2, lostSince: '2025-11-28' };

describe('data quality checks, one definition each', () => {
  it('requires an account, an amount and a close date always, a next step past the first stage, a type in commit', () => {
    expect(missingFields(deal())).toEqual([]);
    expect(missingFields(deal({ accountId: null, amountMinor: 0n }))).toEqual(['accountId', 'amountMinor']);
    expect(missingFields(deal({ nextStep: ' ', stageRank: 0 }))).toEqual([]);
    expect(missingFields(deal({ nextStep: ' ', stageRank: 2 }))).toEqual(['nextStep']);
    expect(missingFields(deal({ type: null, forecastCategory: 'commit' }))).toEqual(['type']);
    expect(missingFields(deal({ type: null, forecastCategory: 'best_case' }))).toEqual([]);
  });

  it('flags past-due close dates, deals without activity in N days, pushes over the limit and duplicates', () => {
    const deals = [
      deal({ id: 'ok' }),
      deal({ id: 'late', name: 'Late', closeDate: '2026-11-27' }),
      deal({ id: 'quiet', name: 'Quiet', lastActivityOn: '2026-10-28' }),
      deal({ id: 'never', name: 'Never', lastActivityOn: null, createdOn: '2026-10-15' }),
      deal({ id: 'fresh', name: 'Fresh', lastActivityOn: null, createdOn: '2026-11-27' }),
      deal({ id: 'slips', name: 'Slips', pushes: 2 }),
      deal({ id: 'copy', name: 'ACME  Renewal!', createdOn: '2026-10-05' }),
      deal({ id: 'other-account', accountId: 'acc2' }),
    ];
    const issues = qualityIssues(deals, settings);
    expect(Object.fromEntries([...issues].map(([id, i]) => [id, i.checks]))).toEqual({
      late: ['past-due'], quiet: ['no-activity'], never: ['no-activity'], slips: ['pushed'], copy: ['duplicate'],
    });
    expect(duplicateDeals(deals)).toEqual(new Set(['copy']));
  });

  it('checks closed deals only for a lost reason, since a day', () => {
    const deals = [
      deal({ id: 'lost', status: 'lost', closedOn: '2026-06-01', lostReason: null, closeDate: '2026-01-01' }),
      deal({ id: 'old', status: 'lost', closedOn: '2025-01-01', lostReason: null }),
      deal({ id: 'why', status: 'lost', closedOn: '2026-06-01', lostReason: 'price' }),
      deal({ id: 'won', status: 'won', closedOn: '2026-06-01', closeDate: '2026-01-01', accountId: null }),
    ];
    const issues = qualityIssues(deals, settings);
    expect([...issues.keys()]).toEqual(['lost']);
    expect(tallyQuality(deals, issues)).toMatchObject({ openDeals: 0, clean: 0, counts: { 'lost-without-reason': 1 } });
  });

  it('tallies a rep\'s open deals: how many are clean, each check, and the pushes', () => {
    const deals = [deal({ pushes: 1 }), deal({ name: 'B', pushes: 3 }), deal({ name: 'C', closeDate: '2026-01-01', accountId: null })];
    const tally = tallyQuality(deals, qualityIssues(deals, settings));
    expect(tally).toEqual({ openDeals: 3, clean: 1, pushes: 4, counts: { 'missing-fields': 1, 'past-due': 1, 'no-activity': 0, pushed: 1, 'lost-without-reason': 0, duplicate: 0 } });
  });
});
