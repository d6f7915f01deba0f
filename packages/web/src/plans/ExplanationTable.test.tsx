// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanSample } from '@attain/contract';
import { formatMoney } from '../ui/format.js';
import { ExplanationTable } from './ExplanationTable.js';

afterEach(cleanup);

const usd = (minor: string) => formatMoney(minor, 'USD');
const base = { componentId: 'commission', componentName: 'Bookings commission', unit: 'money' as const };
const sample: PlanSample = {
  amountMinor: '65000000', creditType: 'booking', date: '2026-03-31',
  calculation: { planId: 'ae', planVersion: 1, currency: 'USD', period: { from: '2026-01-01', to: '2026-03-31' }, components: [], totalMinor: '7250000' },
  explanation: [
    { ...base, step: 'measure', measureValue: '65000000', attainment: '1.3000' },
    { ...base, step: 'slice-at-rate', tier: 1, measureValue: '65000000', rate: '0.15', slice: '15000000', amountMinor: '2250000' },
    { ...base, step: 'cap', amountMinor: '7250000', acted: 'limit 10000000 (2 x target incentive): no change' },
    { componentId: 'meetings', componentName: 'Meetings', unit: 'count', step: 'slice-at-rate', tier: 0, rate: '5000', slice: '3', amountMinor: '15000' },
  ],
};

describe('ExplanationTable', () => {
  it('shows each step with its measure, attainment, tier, rate, slice, amount and what acted', () => {
    render(<ExplanationTable sample={sample} currency="USD" />);
    expect(screen.getByRole('heading').textContent).toContain(`pays ${usd('7250000')}`);
    const rows = within(screen.getByTestId('explanation-table')).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows[0]).toEqual(['Bookings commission', 'measure', usd('65000000'), '1.3000', '', '', '', '', '', '']);
    expect(rows[1]).toEqual(['Bookings commission', 'slice at rate', usd('65000000'), '', '1', '0.15', usd('15000000'), usd('2250000'), '', '']);
    expect(rows[2]?.[8]).toBe('limit 10000000 (2 x target incentive): no change');
    // A count measure's slice is a count and its rate money per counted credit.
    expect(rows[3]).toEqual(['Meetings', 'slice at rate', '', '', '0', `${usd('5000')} each`, '3', usd('15000'), '', '']);
  });
});
