import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueOf } from '../test-support/domain-error.js';
import { addDays, fiscalYearOf, formatDate, parseFiscalPeriod } from '../calendar.js';
import { parseDecimal, type Decimal } from '../decimal.js';
import type { DateRange } from './proration.js';
import { phaseQuota, phaseQuotaByPeriods, type QuotaPhasing } from './quota-phasing.js';

const seasonal: QuotaPhasing = { by: 'quarter', weights: ['0.2', '0.2', '0.2', '0.4'].map(parseDecimal) };
const quarters2026: DateRange[] = [
  { from: '2026-01-01', to: '2026-03-31' },
  { from: '2026-04-01', to: '2026-06-30' },
  { from: '2026-07-01', to: '2026-09-30' },
  { from: '2026-10-01', to: '2026-12-31' },
];

/** The four fiscal quarters of the year starting on `yearStart`, from the calendar module. */
function quartersOf(yearStart: string): DateRange[] {
  const startMonth = Number(yearStart.slice(5, 7));
  const fy = fiscalYearOf(yearStart, startMonth);
  return [1, 2, 3, 4].map((q) => {
    const p = parseFiscalPeriod(`FY${fy}-Q${q}`, startMonth);
    return { from: p.start, to: p.end };
  });
}

function monthsOf(yearStart: string): DateRange[] {
  const startMonth = Number(yearStart.slice(5, 7));
  const fy = fiscalYearOf(yearStart, startMonth);
  return Array.from({ length: 12 }, (_, i) => {
    const p = parseFiscalPeriod(`FY${fy}-M${String(i + 1).padStart(2, '0')}`, startMonth);
    return { from: p.start, to: p.end };
  });
}

describe('phaseQuota: golden (quickbase community, quota proration)', () => {
  // Annual 100,000.00 phased 20/20/20/40 by quarter; the rep starts on March 1.
  // The published answer shows Q1 as 6,667 in whole dollars; in cents it is 6,666.67.
  const served = { from: '2026-03-01', to: '2026-12-31' };
  const expected = [666_667n, 2_000_000n, 2_000_000n, 4_000_000n];

  it('Q1 6,666.67, Q2 20,000.00, Q3 20,000.00, Q4 40,000.00, each rounded once', () => {
    const got = quarters2026.map((period) => phaseQuota({ annualMinor: 10_000_000n, phasing: seasonal, yearStart: '2026-01-01', period, served }).quotaMinor);
    expect(got).toEqual(expected);
  });

  it('explains Q1 month by month: only March counts, a third of the 20%', () => {
    const r = phaseQuota({ annualMinor: 10_000_000n, phasing: seasonal, yearStart: '2026-01-01', period: quarters2026[0] as DateRange, served });
    expect(r.explanation.months).toEqual([
      { month: '2026-01', weight: { numerator: 1n, denominator: 15n }, daysServed: 0, daysInMonth: 31, servedFraction: { numerator: 0n, denominator: 1n }, quotaExact: { numerator: 0n, denominator: 1n } },
      { month: '2026-02', weight: { numerator: 1n, denominator: 15n }, daysServed: 0, daysInMonth: 28, servedFraction: { numerator: 0n, denominator: 1n }, quotaExact: { numerator: 0n, denominator: 1n } },
      { month: '2026-03', weight: { numerator: 1n, denominator: 15n }, daysServed: 31, daysInMonth: 31, servedFraction: { numerator: 1n, denominator: 1n }, quotaExact: { numerator: 2_000_000n, denominator: 3n } },
    ]);
    expect(r.explanation.exactTotal).toEqual({ numerator: 2_000_000n, denominator: 3n });
  });

  it('by periods: the same four quotas, the leftover cent going to Q1', () => {
    const r = phaseQuotaByPeriods({ annualMinor: 10_000_000n, phasing: seasonal, yearStart: '2026-01-01', periods: quarters2026, served });
    expect(r.periods.map((p) => p.quotaMinor)).toEqual(expected);
    expect(r.totalMinor).toBe(8_666_667n);
    expect(r.periods[0]).toMatchObject({ floorMinor: 666_666n, receivedRemainderUnit: true });
    expect(r.explanation.remainderUnits).toBe(1);
    expect(r.explanation.exactTotal).toEqual({ numerator: 26_000_000n, denominator: 3n });
  });

  it('a fiscal year starting in February works the same (start on April 1, the third month of Q1)', () => {
    const quarters = quartersOf('2026-02-01');
    expect(quarters[3]).toEqual({ from: '2026-11-01', to: '2027-01-31' });
    const r = phaseQuotaByPeriods({ annualMinor: 10_000_000n, phasing: seasonal, yearStart: '2026-02-01', periods: quarters, served: { from: '2026-04-01', to: '2027-06-30' } });
    expect(r.periods.map((p) => p.quotaMinor)).toEqual(expected);
    expect(r.periods[3]?.months.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});

describe('phaseQuota: rules', () => {
  it('a full year of service gets the annual quota; a month of monthly phasing gets its weight', () => {
    const whole = { from: '2026-01-01', to: '2026-12-31' };
    expect(phaseQuota({ annualMinor: 10_000_000n, phasing: seasonal, yearStart: '2026-01-01', period: whole }).quotaMinor).toBe(10_000_000n);
    const monthly: QuotaPhasing = { by: 'month', weights: ['0.05', '0.05', '0.1', '0.05', '0.05', '0.1', '0.05', '0.05', '0.1', '0.1', '0.1', '0.2'].map(parseDecimal) };
    expect(phaseQuota({ annualMinor: 10_000_000n, phasing: monthly, yearStart: '2026-01-01', period: { from: '2026-12-01', to: '2026-12-31' } }).quotaMinor).toBe(2_000_000n);
  });

  it('a mid-month start counts the days served of that month', () => {
    // June holds 0.2/3 of the year; serving 15 of its 30 days gives half of that.
    const r = phaseQuota({ annualMinor: 9_000_000n, phasing: seasonal, yearStart: '2026-01-01', period: { from: '2026-06-01', to: '2026-06-30' }, served: { from: '2026-06-16', to: '2026-12-31' } });
    expect(r.explanation.months[0]?.servedFraction).toEqual({ numerator: 1n, denominator: 2n });
    expect(r.quotaMinor).toBe(300_000n);
  });

  it('a departure ends the quota; service outside the year gives 0', () => {
    const left = phaseQuota({ annualMinor: 10_000_000n, phasing: seasonal, yearStart: '2026-01-01', period: quarters2026[3] as DateRange, served: { from: '2020-01-01', to: '2026-09-30' } });
    expect(left.quotaMinor).toBe(0n);
  });

  it('rounds once with the given mode', () => {
    const base = { annualMinor: 100n, phasing: seasonal, yearStart: '2026-01-01', period: { from: '2026-01-01', to: '2026-01-31' } };
    // 100 x 1/15 = 6.67
    expect(phaseQuota(base).quotaMinor).toBe(7n);
    expect(phaseQuota({ ...base, roundingMode: 'down' }).quotaMinor).toBe(6n);
  });
});

describe('phaseQuota: validation names the field', () => {
  const ok = { annualMinor: 1_000n, phasing: seasonal, yearStart: '2026-01-01', period: quarters2026[0] as DateRange };
  const d = (s: string): Decimal => parseDecimal(s);
  it.each([
    ['annualMinor', { ...ok, annualMinor: -1n }],
    ['yearStart', { ...ok, yearStart: '2026-01-15' }],
    ['yearStart', { ...ok, yearStart: '2026-1-01' }],
    ['phasing.weights', { ...ok, phasing: { by: 'quarter' as const, weights: [d('0.5'), d('0.5')] } }],
    ['phasing.weights', { ...ok, phasing: { by: 'quarter' as const, weights: [d('0.25'), d('0.25'), d('0.25'), d('0.24')] } }],
    ['phasing.weights[1]', { ...ok, phasing: { by: 'quarter' as const, weights: [d('0.6'), d('-0.1'), d('0.25'), d('0.25')] } }],
    ['phasing.by', { ...ok, phasing: { by: 'week' as unknown as 'month', weights: [] } }],
    ['period.from', { ...ok, period: { from: '2025-12-31', to: '2026-03-31' } }],
    ['period.to', { ...ok, period: { from: '2026-10-01', to: '2027-01-31' } }],
    ['period.to', { ...ok, period: { from: '2026-03-31', to: '2026-01-01' } }],
    ['served.from', { ...ok, served: { from: '2026-02-29', to: '2026-03-31' } }],
  ])('%s', (field, input) => {
    expect(issueOf(() => phaseQuota(input))).toEqual({ code: 'validation_failed', field });
  });

  it('accepts weights at mixed scales that sum to exactly 1', () => {
    const phasing = { by: 'quarter' as const, weights: [d('0.2'), d('0.30'), d('0.125'), d('0.375')] };
    expect(phaseQuota({ ...ok, phasing }).quotaMinor).toBe(200n);
  });

  it('refuses overlapping periods, naming the later one', () => {
    const periods = [{ from: '2026-04-01', to: '2026-06-30' }, { from: '2026-01-01', to: '2026-04-01' }];
    expect(issueOf(() => phaseQuotaByPeriods({ annualMinor: 1n, phasing: seasonal, yearStart: '2026-01-01', periods }))).toEqual({ code: 'validation_failed', field: 'periods[0]' });
    expect(issueOf(() => phaseQuotaByPeriods({ annualMinor: 1n, phasing: seasonal, yearStart: '2026-01-01', periods: [{ from: '2026-01-01', to: '2027-01-01' }] }))).toEqual({ code: 'validation_failed', field: 'periods[0].to' });
  });
});

// ---- properties ----

/** `parts` non-negative integers summing to 10^4, as 4-digit decimals. */
const weightsArb = (parts: number): fc.Arbitrary<Decimal[]> =>
  fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: parts - 1, maxLength: parts - 1 }).map((cuts) => {
    const sorted = [0, ...cuts.sort((a, b) => a - b), 10_000];
    return sorted.slice(1).map((c, i) => ({ units: BigInt(c - (sorted[i] ?? 0)), scale: 4 }));
  });
const yearStartArb = fc.tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => formatDate(y, m, 1));
const annualArb = fc.bigInt({ min: 0n, max: 10n ** 12n });
const phasingArb: fc.Arbitrary<QuotaPhasing> = fc.oneof(
  weightsArb(4).map((weights) => ({ by: 'quarter' as const, weights })),
  weightsArb(12).map((weights) => ({ by: 'month' as const, weights })),
);
/** A served range somewhere around the year: offsets in days from yearStart. */
const servedOffsetsArb = fc.tuple(fc.integer({ min: -60, max: 420 }), fc.integer({ min: 0, max: 420 }));
const servedFrom = (yearStart: string, [start, len]: [number, number]): DateRange => ({ from: addDays(yearStart, start), to: addDays(yearStart, start + len) });

describe('quota phasing: properties', () => {
  it('full-year service by quarters (and by months) sums exactly to the annual quota', () => {
    fc.assert(
      fc.property(annualArb, phasingArb, yearStartArb, fc.boolean(), (annualMinor, phasing, yearStart, byMonth) => {
        const periods = byMonth ? monthsOf(yearStart) : quartersOf(yearStart);
        const r = phaseQuotaByPeriods({ annualMinor, phasing, yearStart, periods });
        expect(r.periods.reduce((a, p) => a + p.quotaMinor, 0n)).toBe(annualMinor);
        expect(r.totalMinor).toBe(annualMinor);
      }),
    );
  });

  it('quotas are never negative and each part is within one unit of its exact amount', () => {
    fc.assert(
      fc.property(annualArb, phasingArb, yearStartArb, servedOffsetsArb, (annualMinor, phasing, yearStart, offsets) => {
        const served = servedFrom(yearStart, offsets);
        const r = phaseQuotaByPeriods({ annualMinor, phasing, yearStart, periods: quartersOf(yearStart), served });
        for (const p of r.periods) {
          expect(p.quotaMinor >= 0n).toBe(true);
          const diff = p.quotaMinor * p.exact.denominator - p.exact.numerator;
          expect(diff < p.exact.denominator && diff > -p.exact.denominator).toBe(true);
          const single = phaseQuota({ annualMinor, phasing, yearStart, period: p.period, served }).quotaMinor;
          expect(single >= 0n).toBe(true);
        }
      }),
    );
  });

  it('serving less never gives more', () => {
    fc.assert(
      fc.property(
        annualArb, phasingArb, yearStartArb, servedOffsetsArb, fc.integer({ min: 0, max: 3 }), fc.nat({ max: 120 }), fc.nat({ max: 120 }),
        (annualMinor, phasing, yearStart, offsets, q, cutStart, cutEnd) => {
          const served = servedFrom(yearStart, offsets);
          const shorter = { from: addDays(served.from, cutStart), to: addDays(served.to, -cutEnd) };
          fc.pre(shorter.from <= shorter.to);
          const period = quartersOf(yearStart)[q] as DateRange;
          const more = phaseQuota({ annualMinor, phasing, yearStart, period, served }).quotaMinor;
          const less = phaseQuota({ annualMinor, phasing, yearStart, period, served: shorter }).quotaMinor;
          expect(less <= more).toBe(true);
        },
      ),
    );
  });

  it('equal weights give equal quarters within one minor unit', () => {
    const equal: QuotaPhasing = { by: 'quarter', weights: ['0.25', '0.25', '0.25', '0.25'].map(parseDecimal) };
    fc.assert(
      fc.property(annualArb, yearStartArb, (annualMinor, yearStart) => {
        const parts = phaseQuotaByPeriods({ annualMinor, phasing: equal, yearStart, periods: quartersOf(yearStart) }).periods.map((p) => p.quotaMinor);
        const max = parts.reduce((a, b) => (a > b ? a : b));
        const min = parts.reduce((a, b) => (a < b ? a : b));
        expect(max - min <= 1n).toBe(true);
      }),
    );
  });

  it('does not depend on the order of the periods', () => {
    fc.assert(
      fc.property(
        annualArb, phasingArb, yearStartArb, servedOffsetsArb, fc.boolean(), fc.func(fc.integer()),
        (annualMinor, phasing, yearStart, offsets, byMonth, key) => {
          const served = servedFrom(yearStart, offsets);
          const periods = byMonth ? monthsOf(yearStart) : quartersOf(yearStart);
          const shuffled = periods.map((p, i) => ({ p, k: key(i) })).sort((a, b) => a.k - b.k).map(({ p }) => p);
          const quotaByFrom = (ps: readonly DateRange[]) =>
            new Map(phaseQuotaByPeriods({ annualMinor, phasing, yearStart, periods: ps, served }).periods.map((r) => [r.period.from, r.quotaMinor]));
          expect(quotaByFrom(shuffled)).toEqual(quotaByFrom(periods));
        },
      ),
    );
  });
});
