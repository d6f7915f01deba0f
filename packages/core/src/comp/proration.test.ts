import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueOf } from '../test-support/domain-error.js';
import { addDays, daysBetween } from '../calendar.js';
import { prorate, reduceFraction, servedWithin } from './proration.js';

const june = { from: '2026-06-01', to: '2026-06-30' };

describe('prorate: calendar days', () => {
  it('a payee joining on June 16 serves 15 of 30 days: half the amount', () => {
    const r = prorate({ amountMinor: 3_000_00n, period: june, served: { from: '2026-06-16', to: '2026-12-31' }, basis: 'calendar-days' });
    expect(r.amountMinor).toBe(1_500_00n);
    expect(r.explanation).toEqual({
      basis: 'calendar-days',
      daysServed: 15,
      daysInPeriod: 30,
      fraction: { numerator: 1n, denominator: 2n },
      fullAmountMinor: 3_000_00n,
      roundingMode: 'half-even',
    });
  });

  it('counts both ends: leaving on June 10 serves 10 days; the fraction is reduced', () => {
    const r = prorate({ amountMinor: 1_000_00n, period: june, served: { from: '2026-01-01', to: '2026-06-10' }, basis: 'calendar-days' });
    expect(r.explanation.daysServed).toBe(10);
    expect(r.explanation.fraction).toEqual({ numerator: 1n, denominator: 3n });
    expect(r.amountMinor).toBe(333_33n);
  });

  it('rounds once with the given mode', () => {
    const input = { amountMinor: 100n, period: june, served: { from: '2026-06-01', to: '2026-06-10' }, basis: 'calendar-days' as const };
    expect(prorate(input).amountMinor).toBe(33n);
    expect(prorate({ ...input, roundingMode: 'up' }).amountMinor).toBe(34n);
  });

  it('a payee who joined before and left after serves the whole period', () => {
    const r = prorate({ amountMinor: 12_345n, period: june, served: { from: '2025-01-01', to: '2027-01-01' }, basis: 'calendar-days' });
    expect(r.amountMinor).toBe(12_345n);
    expect(r.explanation.fraction).toEqual({ numerator: 1n, denominator: 1n });
  });

  it('service entirely outside the period is 0 days and 0 amount', () => {
    const r = prorate({ amountMinor: 12_345n, period: june, served: { from: '2026-07-01', to: '2026-07-31' }, basis: 'calendar-days' });
    expect(r.amountMinor).toBe(0n);
    expect(r.explanation.daysServed).toBe(0);
    expect(r.explanation.fraction).toEqual({ numerator: 0n, denominator: 1n });
  });

  it('a leap-year February has 29 days', () => {
    const r = prorate({ amountMinor: 2_900n, period: { from: '2028-02-01', to: '2028-02-29' }, served: { from: '2028-02-29', to: '2028-03-31' }, basis: 'calendar-days' });
    expect(r.explanation).toMatchObject({ daysServed: 1, daysInPeriod: 29 });
    expect(r.amountMinor).toBe(100n);
  });
});

describe("prorate: basis 'none'", () => {
  it('returns the amount unchanged with fraction 1/1', () => {
    const r = prorate({ amountMinor: 999n, period: june, served: { from: '2026-06-20', to: '2026-06-21' }, basis: 'none' });
    expect(r.amountMinor).toBe(999n);
    expect(r.explanation.fraction).toEqual({ numerator: 1n, denominator: 1n });
    expect(r.explanation.daysServed).toBe(2);
  });
});

describe('prorate: validation names the field', () => {
  const ok = { amountMinor: 1n, period: june, served: june, basis: 'calendar-days' as const };
  it.each([
    ['amountMinor', { ...ok, amountMinor: -1n }],
    ['period.from', { ...ok, period: { from: '2026-02-30', to: '2026-06-30' } }],
    ['period.to', { ...ok, period: { from: '2026-06-01', to: '30/06/2026' } }],
    ['period.to', { ...ok, period: { from: '2026-06-30', to: '2026-06-01' } }],
    ['served.to', { ...ok, served: { from: '2026-06-10', to: '2026-06-09' } }],
    ['basis', { ...ok, basis: 'working-days' as unknown as 'none' }],
  ])('%s', (field, input) => {
    expect(issueOf(() => prorate(input))).toEqual({ code: 'validation_failed', field });
  });
});

describe('servedWithin', () => {
  it('clips start and end to the period', () => {
    expect(servedWithin({ period: june, start: '2026-06-16' })).toEqual({ from: '2026-06-16', to: '2026-06-30' });
    expect(servedWithin({ period: june, end: '2026-06-10' })).toEqual({ from: '2026-06-01', to: '2026-06-10' });
    expect(servedWithin({ period: june, start: '2025-03-01', end: '2027-03-01' })).toEqual(june);
    expect(servedWithin({ period: june })).toEqual(june);
    expect(servedWithin({ period: june, start: '2026-06-30', end: '2026-06-30' })).toEqual({ from: '2026-06-30', to: '2026-06-30' });
  });

  it('is null when the service misses the period', () => {
    expect(servedWithin({ period: june, start: '2026-07-01' })).toBeNull();
    expect(servedWithin({ period: june, end: '2026-05-31' })).toBeNull();
  });

  it('refuses an end before the start and malformed dates', () => {
    expect(issueOf(() => servedWithin({ period: june, start: '2026-06-10', end: '2026-06-09' }))).toEqual({ code: 'validation_failed', field: 'end' });
    expect(issueOf(() => servedWithin({ period: june, start: '2026-13-01' }))).toEqual({ code: 'validation_failed', field: 'start' });
    expect(issueOf(() => servedWithin({ period: { from: '2026-06-30', to: '2026-06-01' } }))).toEqual({ code: 'validation_failed', field: 'period.to' });
  });
});

describe('reduceFraction', () => {
  it('reduces and moves the sign to the numerator', () => {
    expect(reduceFraction(10n, -4n)).toEqual({ numerator: -5n, denominator: 2n });
    expect(reduceFraction(0n, 7n)).toEqual({ numerator: 0n, denominator: 1n });
  });
});

describe('prorate: properties', () => {
  // Dates as day offsets from a fixed origin keep every generated date valid.
  const origin = '2024-01-01';
  const range = fc.tuple(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 400 })).map(([start, len]) => ({ from: addDays(origin, start), to: addDays(origin, start + len) }));
  const amount = fc.bigInt({ min: 0n, max: 10n ** 15n });

  it('stays between 0 and the full amount, within one unit of the exact share', () => {
    fc.assert(
      fc.property(amount, range, range, (amountMinor, period, served) => {
        const r = prorate({ amountMinor, period, served, basis: 'calendar-days' });
        const { numerator: n, denominator: d } = r.explanation.fraction;
        expect(r.amountMinor >= 0n && r.amountMinor <= amountMinor).toBe(true);
        const diff = r.amountMinor * d - amountMinor * n;
        expect(diff <= d && diff >= -d).toBe(true);
        expect(r.explanation.daysServed).toBeLessThanOrEqual(r.explanation.daysInPeriod);
      }),
    );
  });

  it('serving a sub-range never gives more', () => {
    fc.assert(
      fc.property(amount, range, range, fc.nat({ max: 50 }), fc.nat({ max: 50 }), (amountMinor, period, served, cutStart, cutEnd) => {
        const shorter = { from: addDays(served.from, cutStart), to: addDays(served.to, -cutEnd) };
        fc.pre(shorter.from <= shorter.to);
        const full = prorate({ amountMinor, period, served, basis: 'calendar-days' }).amountMinor;
        const less = prorate({ amountMinor, period, served: shorter, basis: 'calendar-days' }).amountMinor;
        expect(less <= full).toBe(true);
      }),
    );
  });

  it('agrees with servedWithin on the clipped range', () => {
    fc.assert(
      fc.property(range, range, (period, served) => {
        const clipped = servedWithin({ period, start: served.from, end: served.to });
        const days = prorate({ amountMinor: 0n, period, served, basis: 'calendar-days' }).explanation.daysServed;
        expect(clipped === null ? 0 : daysBetween(clipped.from, clipped.to) + 1).toBe(days);
      }),
    );
  });
});
