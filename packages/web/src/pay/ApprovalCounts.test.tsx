// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatementSummaryItem } from '@attain/contract';
import { ApprovalCounts } from './ApprovalCounts.js';
import { StatementsTable } from './StatementsTable.js';

afterEach(cleanup);

const item = (personId: string, personName: string, approval: StatementSummaryItem['approval'], payoutMinor: string): StatementSummaryItem => ({
  personId, personName, periodKey: 'FY2027-Q2', currency: 'USD', runId: 'run_1', earnedMinor: payoutMinor, payoutMinor, hash: `h-${personId}`, approval,
});
const items = [item('p1', 'Ann', 'approved', '1000'), item('p2', 'Bob', 'pending-manager', '2000'), item('p3', 'Cy', 'approved', '3000'), item('p4', 'Di', 'pending-finance', '4000')];

describe('ApprovalCounts', () => {
  it('shows the count of every status', () => {
    render(<ApprovalCounts items={items} />);
    const counts = within(screen.getByTestId('approval-counts')).getAllByRole('listitem');
    expect(counts.map((li) => [li.dataset['status'], li.textContent])).toEqual([
      ['pending-manager', 'Pending manager 1'], ['pending-finance', 'Pending finance 1'], ['approved', 'Approved 2'], ['changed-since-approval', 'Changed since approval 0'],
    ]);
  });
});

describe('StatementsTable approval column', () => {
  it('shows each status and filters by it, the footer counting what is shown', () => {
    render(<StatementsTable items={items} />);
    const statuses = () => screen.getAllByTestId('statement-row').map((r) => within(r).getByTestId('approval-status').textContent);
    expect(statuses()).toEqual(['Approved', 'Pending manager', 'Approved', 'Pending finance']);
    fireEvent.change(screen.getByLabelText('Approval'), { target: { value: 'approved' } });
    expect(screen.getAllByTestId('statement-row').map((r) => r.querySelector('a')?.textContent)).toEqual(['Ann', 'Cy']);
    expect(screen.getByText('2 of 4 payees')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Approval'), { target: { value: 'changed-since-approval' } });
    expect(screen.queryAllByTestId('statement-row')).toHaveLength(0);
    expect(screen.getByText('No payee matches in changed since approval.')).toBeTruthy();
  });
});
