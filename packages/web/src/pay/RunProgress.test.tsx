// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CalcRunItem } from '@attain/contract';
import { RunProgress } from './RunProgress.js';

afterEach(cleanup);

const run: CalcRunItem = {
  id: 'run_1', periodKey: 'FY2027-Q1', kind: 'full', status: 'running', trigger: 'manual', preparedBy: null, worker: 'w',
  startedAt: '2026-11-27T06:00:00Z', heartbeatAt: '2026-11-27T06:00:00Z', finishedAt: null, progressDone: 6, progressTotal: 24,
  seqThrough: '1', inputsHash: null, outputsHash: null, payeeCount: null, payoutMinor: null, currency: 'USD', publication: null, error: null,
};

describe('RunProgress', () => {
  it('is a labelled progress bar with the done share as value and words as value text', () => {
    render(<RunProgress run={run} />);
    const bar = screen.getByRole('progressbar', { name: 'Calculation of FY2027-Q1' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(bar.getAttribute('aria-valuetext')).toBe('25%, 6 of 24 payees calculated');
    expect(screen.getByRole('status').textContent).toBe('6 of 24 payees calculated');
  });

  it('has no value while the number of payees is unknown', () => {
    render(<RunProgress run={{ ...run, progressDone: 0, progressTotal: 0 }} />);
    expect(screen.getByRole('progressbar').hasAttribute('aria-valuenow')).toBe(false);
  });

  it('alerts the error of a failed run', () => {
    render(<RunProgress run={{ ...run, status: 'failed', error: 'boom' }} />);
    expect(screen.getByRole('alert').textContent).toBe('Failed: boom. Nothing was published.');
  });
});
