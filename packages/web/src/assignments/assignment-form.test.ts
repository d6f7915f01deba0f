import { describe, expect, it } from 'vitest';
import type { PlanAssignmentItem } from '@attain/contract';
import { ApiError } from '../api/client.js';
import { changeBodyOf, changeTextsOf, createBodyOf, EMPTY_CREATE, refusalOf } from './assignment-form.js';
import { rampText } from './assignment-rows.js';
import { defaultTermsPeriod, termsPeriods } from './terms-periods.js';

const item = {
  id: 'pas_1', personName: 'Ann', planVersion: 1, currency: 'USD', targetIncentiveMinor: '6000000', annualQuotaMinor: '60000000',
  baseSalaryMinor: null, ramp: ['0.25', '0.5'], validFrom: '2026-02-01', validTo: '2026-12-31', measureQuotas: { 'new-logos': '8' },
} as PlanAssignmentItem;

describe('the change form', () => {
  it('starts from the current values in major units and sends only what changed', () => {
    const texts = changeTextsOf(item);
    expect(texts).toMatchObject({ targetIncentiveMinor: '60000.00', annualQuotaMinor: '600000.00', baseSalaryMinor: '', ramp: '0.25, 0.5' });
    expect(changeBodyOf({ ...texts, effectiveFrom: '2026-08-01', reason: 'raise' }, item)).toEqual({ ok: true, body: { effectiveFrom: '2026-08-01', reason: 'raise' } });
    expect(changeBodyOf({ ...texts, effectiveFrom: '2026-08-01', reason: 'raise', annualQuotaMinor: '720,000', ramp: '' }, item))
      .toEqual({ ok: true, body: { effectiveFrom: '2026-08-01', reason: 'raise', annualQuotaMinor: '72000000', ramp: null } });
    expect(changeBodyOf({ ...texts, targetIncentiveMinor: '1.234' }, item)).toMatchObject({ ok: false, errors: { effectiveFrom: expect.any(String), targetIncentiveMinor: expect.stringContaining('120000.00') } });
    // The new-logos quota: a whole number a year; emptied, the assignment has none.
    expect(texts.measureQuotas).toBe('8');
    expect(changeBodyOf({ ...texts, effectiveFrom: '2026-08-01', reason: 'more', measureQuotas: '12' }, item)).toMatchObject({ ok: true, body: { measureQuotas: { 'new-logos': '12' } } });
    expect(changeBodyOf({ ...texts, effectiveFrom: '2026-08-01', reason: 'none', measureQuotas: '' }, item)).toMatchObject({ ok: true, body: { measureQuotas: {} } });
    expect(changeBodyOf({ ...texts, effectiveFrom: '2026-08-01', reason: 'x', measureQuotas: '2.5' }, item)).toMatchObject({ ok: false, errors: { measureQuotas: expect.stringContaining('whole number') } });
    // The ACV quota is money in major units; the measure quotas are replaced together.
    expect(texts.acvQuota).toBe('');
    expect(changeBodyOf({ ...texts, effectiveFrom: '2026-08-01', reason: 'acv', acvQuota: '400000.00' }, item)).toMatchObject({ ok: true, body: { measureQuotas: { 'new-logos': '8', acv: '40000000' } } });
    expect(changeBodyOf({ ...texts, effectiveFrom: '2026-08-01', reason: 'acv', acvQuota: 'lots' }, item)).toMatchObject({ ok: false, errors: { acvQuota: expect.stringContaining('120000.00') } });
    expect(createBodyOf({ ...EMPTY_CREATE, personId: 'per_1', planId: 'pln_1', planVersion: '1', validFrom: '2027-01-01', targetIncentiveMinor: '0', acvQuota: '1000.5', reason: 'r' }, 'USD'))
      .toMatchObject({ ok: true, body: { measureQuotas: { acv: '100050' } } });
  });

  it('puts a refusal on its input, and what no input shows above the buttons', () => {
    const error = new ApiError(409, 'conflict', 'overlaps', [{ field: 'effectiveFrom', message: 'overlaps' }, { field: 'personId', message: 'gone' }]);
    expect(refusalOf(error, ['effectiveFrom', 'reason'])).toEqual({ errors: { effectiveFrom: 'overlaps' }, formError: 'personId: gone' });
    expect(refusalOf(new ApiError(409, 'conflict', 'Someone changed it first.'), ['reason'])).toEqual({ errors: {}, formError: 'Someone changed it first.' });
    expect(refusalOf(new ApiError(422, 'validation_failed', 'x', [{ field: 'measureQuotas.acv', message: 'give one' }]), ['acvQuota', 'measureQuotas'])).toEqual({ errors: { acvQuota: 'give one' }, formError: null });
  });
});

describe('ramps and periods', () => {
  it('writes a ramp as exact percents', () => {
    expect(rampText(['0', '0.125', '1.0'])).toBe('0% / 12.5% / 100%, then 100%');
    expect(rampText(null)).toBe('');
  });

  it('opens the terms on today\'s quarter when the assignment covers today, else on its first quarter', () => {
    expect(defaultTermsPeriod(item, '2026-11-27', 2)).toBe('FY2027-Q4');
    expect(defaultTermsPeriod({ validFrom: '2026-03-24', validTo: '2026-06-30' }, '2026-11-27', 2)).toBe('FY2027-Q1');
  });

  it('lists each year of the fiscal calendar with its quarters, each followed by its months', () => {
    const years = termsPeriods('2026-11-27', 2);
    expect(years.map((y) => y.year.key)).toEqual(['FY2028', 'FY2027', 'FY2026']);
    const fy2027 = years[1]?.periods ?? [];
    expect(fy2027.map((p) => p.key).slice(0, 5)).toEqual(['FY2027-Q1', 'FY2027-M01', 'FY2027-M02', 'FY2027-M03', 'FY2027-Q2']);
    expect(fy2027).toHaveLength(16);
    expect(fy2027[1]?.label).toBe('FY2027-M01 · Feb 2026');
  });
});
