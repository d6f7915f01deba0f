// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatementWire } from '@attain/contract';
import { formatMoney } from '../ui/format.js';
import { StatementView } from './StatementView.js';

afterEach(cleanup);

const usd = (minor: string) => formatMoney(minor, 'USD');
const range = { from: '2026-02-01', to: '2026-04-30' };
const statement: StatementWire = {
  personId: 'per_4', personName: 'Ray Rep', periodKey: 'FY2027-Q1', period: { ...range, status: 'open' }, currency: 'USD',
  run: { id: 'run_9', kind: 'full', finishedAt: '2026-11-27T06:16:23.605Z', publication: '2' }, hash: 'sha256:abc123',
  earnedMinor: '5023014', payoutMinor: '5023014', postedMinor: '5073014', paidMinor: '0',
  approval: { status: 'pending-manager', route: ['manager', 'finance'], steps: [], next: 'manager' },
  plans: [{
    assignmentId: 'pas_1', planId: 'ae', planVersion: 1, planName: 'AE quota commission', componentKinds: {}, calculation: {},
    terms: {
      period: range, daysInPeriod: 89, onPlan: range, daysOnPlan: 89, proration: 'calendar-days', roundingMode: 'half-even',
      targetIncentive: { amountMinor: '1487397', exact: { numerator: '108580000', denominator: '73' }, segments: [] },
      quota: {
        amountMinor: '14873973', exact: { numerator: '1085800000', denominator: '73' }, method: 'by-days',
        months: [{ month: '2026-02', monthOnPlan: 1, baseExact: { numerator: '341600000', denominator: '73' }, rampFactor: '0.25', exact: { numerator: '85400000', denominator: '73' } }],
      },
      steps: ['on the plan 2026-02-01..2026-04-30: 89 of the period\'s 89 days', '  2026-02: 46794.52'],
    },
    explanation: [
      { componentId: 'c', componentName: 'Bookings commission', step: 'slice-at-rate', unit: 'money', measureValue: '57144800', tier: 0, rate: '0.1', slice: '14873973', amountMinor: '1487397' },
      { componentId: 'c', componentName: 'Bookings commission', step: 'cap', unit: 'money', acted: 'limit 29747.94: acted', amountMinor: '2974794' },
    ],
  }],
  credits: [{ id: 'cr1', transactionId: 'txn_120', creditType: 'booking', rule: 'owner-booking', date: '2026-02-13', amountMinor: '9750000', basisMinor: '9750000', share: null, splitKind: null, payoutShare: null, via: null, termMonths: null }],
  ledger: [
    { id: 'l1', seq: '3', personId: 'per_4', postedPeriod: 'FY2027-Q1', forPeriod: 'FY2027-Q1', type: 'earning', componentId: 'c', planId: 'ae', amountMinor: '5023014', currency: 'USD', runId: 'run_9', relatedEntryId: null, reason: 'calculated by run run_9', explanation: '{}', createdBy: null, createdAt: '2026-11-27T06:16:23.605Z', payrollBatchId: null },
    { id: 'l2', seq: '4', personId: 'per_4', postedPeriod: 'FY2027-Q1', forPeriod: 'FY2027-Q1', type: 'bonus', componentId: null, planId: null, amountMinor: '50000', currency: 'USD', runId: null, relatedEntryId: null, reason: 'great quarter', explanation: '{}', createdBy: 'usr_1', createdAt: '2026-11-27T07:00:00Z', payrollBatchId: null },
  ],
};

describe('StatementView', () => {
  it('shows the header facts and the three sums', () => {
    render(<StatementView statement={statement} />);
    const header = screen.getByTestId('statement-header');
    expect(within(header).getByRole('heading', { level: 1 }).textContent).toBe('Ray Rep');
    expect(header.textContent).toContain('FY2027-Q1');
    expect(header.textContent).toContain('open');
    expect(header.textContent).toContain('run_9');
    expect(header.textContent).toContain('sha256:abc123');
    expect(screen.getAllByTestId('summary-card').map((c) => c.querySelector('.value')?.textContent)).toEqual([usd('5023014'), usd('5023014'), usd('5073014')]);
  });

  it('shows where the approval stands and what payroll paid beside the posted total', () => {
    render(<StatementView statement={{ ...statement, paidMinor: '5000000' }} />);
    const badge = within(screen.getByTestId('statement-header')).getByTestId('approval-status');
    expect(badge.textContent).toBe('Pending manager');
    expect(badge.dataset['status']).toBe('pending-manager');
    expect(screen.getByTestId('statement-paid').textContent).toBe(`paid ${usd('5000000')}`);
  });

  it('explains each plan: terms steps, the ramp, and every explanation row', () => {
    render(<StatementView statement={statement} />);
    expect(within(screen.getByTestId('terms-steps')).getAllByRole('listitem')).toHaveLength(2);
    // 85,400,000 / 73 = 1,169,863.01... minor units, rounded once.
    expect(within(screen.getByTestId('ramp-table')).getByText(usd('1169863'))).toBeTruthy();
    const rows = screen.getAllByTestId('explanation-row');
    expect(rows).toHaveLength(2);
    expect([...(rows[0]?.children ?? [])].map((c) => c.textContent)).toEqual(['Bookings commission', 'slice at rate', '0', '0.1', usd('57144800'), '', usd('14873973'), '', usd('1487397')]);
    expect(rows[1]?.textContent).toContain('limit 29747.94: acted');
  });

  it('lists credits and ledger entries with the posted total, and links the CSV', () => {
    render(<StatementView statement={statement} />);
    expect(screen.getAllByTestId('credit-row')[0]?.textContent).toContain('txn_120');
    expect(screen.getAllByTestId('ledger-row').map((r) => r.children[0]?.textContent)).toEqual(['earning', 'bonus']);
    expect(within(screen.getByTestId('ledger-table')).getByText(usd('5073014'))).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe('/api/v1/statements/per_4/FY2027-Q1/csv');
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
  });

  it('says what other measures were measured against: a count of new logos, ACV in money; and an ACV credit\'s contract term', () => {
    const plan = { ...statement.plans[0], measureQuotas: { 'new-logos': { annual: '8', period: '2' }, acv: { annual: '40000000', period: '9863014' } } } as StatementWire['plans'][number];
    const credit = { ...statement.credits[0], id: 'cr2', creditType: 'acv', rule: 'owner-acv', amountMinor: '8000000', basisMinor: '8000000', termMonths: 36 } as StatementWire['credits'][number];
    render(<StatementView statement={{ ...statement, plans: [plan], credits: [credit] }} />);
    const quotas = screen.getByTestId('measure-quotas').textContent ?? '';
    expect(quotas).toContain('New logos quota2 this period (8 a year)');
    expect(quotas).toContain(`ACV quota${usd('9863014')} this period (${usd('40000000')} a year)`);
    expect(screen.getByTestId('credit-term').textContent).toBe('a year of a 36-month contract');
  });
});
