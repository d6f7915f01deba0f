import { describe, expect, it } from 'vitest';
import { formatMoney } from '../ui/format.js';
import { percentDone, runProgress, type RunForProgress } from './run-progress.js';

const base: RunForProgress = { status: 'running', progressDone: 0, progressTotal: 24, payeeCount: null, payoutMinor: null, currency: 'USD', error: null };

describe('percentDone', () => {
  it('rounds down so 100% means every payee is done, and is unknown without a total', () => {
    expect(percentDone(0, 24)).toBe(0);
    expect(percentDone(23, 24)).toBe(95);
    expect(percentDone(1, 3)).toBe(33);
    expect(percentDone(24, 24)).toBe(100);
    expect(percentDone(30, 24)).toBe(100);
    expect(percentDone(0, 0)).toBeNull();
  });
});

describe('runProgress', () => {
  it('shows done of total payees while running', () => {
    expect(runProgress({ ...base, progressDone: 12 })).toEqual({ percent: 50, detail: '12 of 24 payees calculated', tone: 'running', finished: false });
    expect(runProgress({ ...base, progressDone: 0, progressTotal: 1 }).detail).toBe('0 of 1 payee calculated');
  });

  it('is indeterminate before the run knows its payees', () => {
    expect(runProgress({ ...base, progressTotal: 0 })).toMatchObject({ percent: null, finished: false });
  });

  it('says the payee count and the total payout once published', () => {
    const view = runProgress({ ...base, status: 'published', progressDone: 24, payeeCount: 24, payoutMinor: '67600539' });
    expect(view).toEqual({ percent: 100, detail: `Published: 24 payees, ${formatMoney('67600539', 'USD')} payout in total`, tone: 'ok', finished: true });
  });

  it('gives the error of a failed or interrupted run and stops', () => {
    expect(runProgress({ ...base, status: 'failed', progressDone: 6, error: 'plan x: bad rate' })).toEqual({
      percent: 25, detail: 'Failed: plan x: bad rate. Nothing was published.', tone: 'error', finished: true,
    });
    expect(runProgress({ ...base, status: 'interrupted', error: 'the process stopped' })).toMatchObject({ tone: 'error', finished: true, detail: 'Interrupted: the process stopped. Nothing was published.' });
  });
});
