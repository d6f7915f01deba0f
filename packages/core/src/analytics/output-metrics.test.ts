import { describe, expect, it } from 'vitest';
import { attainmentDistribution, nearestRank, outputFigures, rampCohorts, type DealFact } from './output-metrics.js';

const Q = { start: '2026-02-01', end: '2026-04-30' };
let n = 0;
const deal = (status: DealFact['status'], amount: bigint, createdOn: string, closeDate: string, ownerId = 'ann'): DealFact => ({ id: `d${n++}`, ownerId, amountMinor: amount, createdOn, closeDate, status });
const none = { quotaMinor: null, potentialMinor: 0n, orgRate: null };

describe('output metrics, one definition each', () => {
  const deals = [
    deal('won', 100_00n, '2026-01-01', '2026-02-10'), // 40 days
    deal('won', 300_00n, '2026-02-01', '2026-03-03'), // 30 days
    deal('won', 200_00n, '2025-12-01', '2026-04-30'), // 150 days
    deal('lost', 400_00n, '2026-01-15', '2026-03-01'),
    deal('won', 999_00n, '2025-01-01', '2026-01-31'), // closed before the period: not counted
    deal('open', 500_00n, '2026-03-01', '2026-04-15'),
    deal('open', 700_00n, '2026-03-01', '2026-05-15'), // after the period: in velocity, not in the period's pipeline
    deal('open', 50_00n, '2026-03-01', '2026-03-20'), // past its close date: not expected any more
  ];

  it('bookings, win rate by count and by value, average deal and the sales cycle', () => {
    const f = outputFigures(deals, Q, '2026-04-01', none);
    expect(f.bookings).toEqual({ amountMinor: 600_00n, count: 3 });
    expect(f.winRate).toEqual({ byCount: 0.75, byValue: 0.6, won: 3, lost: 1 });
    expect(f.averageDealMinor).toBe(200_00n);
    // Cycles 30, 40, 150 days: median 40, p75 150 (nearest rank).
    expect(f.cycleDays).toEqual({ median: 40, p75: 150 });
  });

  it('pipeline coverage against what is left of the quota, the coverage the win rate needs, and velocity', () => {
    const f = outputFigures(deals, Q, '2026-04-01', { quotaMinor: 1000_00n, potentialMinor: 0n, orgRate: null });
    expect(f.openPipeline).toEqual({ amountMinor: 500_00n, count: 1 });
    expect(f.attainment).toBe(0.6);
    expect(f.coverage).toBe(1.25); // 500 open / (1,000 - 600) left
    expect(f.neededCoverage).toBeCloseTo(1 / 0.6, 10);
    // 3 open deals x 3/4 won x 200.00 / 40 days = 11.25 a day.
    expect(f.velocityPerDayMinor).toBe(11_25n);
    expect(outputFigures(deals, Q, '2026-04-01', { quotaMinor: 500_00n, potentialMinor: 0n, orgRate: null }).coverage).toBeNull();
    expect(outputFigures(deals, Q, '2026-05-01', { quotaMinor: 1000_00n, potentialMinor: 0n, orgRate: null }).coverage).toBeNull();
  });

  it('says nothing rather than divide by nothing', () => {
    const f = outputFigures([], Q, '2026-04-01', none);
    expect(f).toMatchObject({ winRate: { byCount: null, byValue: null }, averageDealMinor: null, cycleDays: { median: null, p75: null }, attainment: null, coverage: null, neededCoverage: null, velocityPerDayMinor: null, productivityIndex: null });
  });

  it('the fair productivity index: bookings per unit of potential against the organisation\'s rate', () => {
    // Ann books 600 on potential 6,000 (0.1); the org books 1,000 on 20,000 (0.05): she produces at twice its rate.
    const f = outputFigures(deals, Q, '2026-04-01', { quotaMinor: null, potentialMinor: 6000_00n, orgRate: { bookingsMinor: 1000_00n, potentialMinor: 20000_00n } });
    expect(f.productivityIndex).toBe(2);
    expect(outputFigures(deals, Q, '2026-04-01', { quotaMinor: null, potentialMinor: 0n, orgRate: { bookingsMinor: 1n, potentialMinor: 1n } }).productivityIndex).toBeNull();
  });

  it('the attainment distribution: the share at or above 100% and the quartiles', () => {
    expect(attainmentDistribution([1.2, 0.5, 1, 0.9])).toEqual({ sellers: 4, atOrAbove: 0.5, p25: 0.5, p50: 0.9, p75: 1 });
    expect(attainmentDistribution([])).toEqual({ sellers: 0, atOrAbove: null, p25: null, p50: null, p75: null });
    expect(nearestRank([1, 2, 3, 4, 5], 0.5)).toBe(3);
  });

  it('ramp cohorts: average bookings by month since hire of the sellers who completed that month', () => {
    const sellers = [{ id: 'ann', hireDate: '2026-01-05' }, { id: 'bob', hireDate: '2026-02-20' }, { id: 'cy', hireDate: '2026-05-01' }];
    const won = [
      deal('won', 100_00n, '2026-01-05', '2026-01-20', 'ann'), // ann, month 1
      deal('won', 300_00n, '2026-01-05', '2026-03-10', 'ann'), // ann, month 3 (day 64)
      deal('won', 200_00n, '2026-02-20', '2026-03-01', 'bob'), // bob, month 1
      deal('lost', 900_00n, '2026-02-20', '2026-03-01', 'bob'),
    ];
    const cohorts = rampCohorts(sellers, won, '2026-04-15', 4);
    // 2026-Q1: ann (100 days in) and bob (54 days in). Month 1: (100 + 200) / 2; month 2: both completed it, nothing; month 3: ann alone (300); month 4: no one yet.
    expect(cohorts).toEqual([
      { cohort: '2026-Q1', sellers: 2, byMonth: [150_00n, 0n, 300_00n, null] },
      { cohort: '2026-Q2', sellers: 1, byMonth: [null, null, null, null] },
    ]);
  });
});
