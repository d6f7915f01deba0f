// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanIssue } from '@attain/contract';
import { IssueList } from './IssueList.js';

afterEach(cleanup);

const issues: PlanIssue[] = [
  { field: 'plan.components[0].mode', message: 'must be one of marginal, retroactive', line: 15, column: 13 },
  { field: 'plan.version', message: 'must be 2, the next version of this plan', line: 7, column: 12 },
];

describe('IssueList', () => {
  it('names each problem with its line and column and moves to it when clicked', () => {
    const selected: PlanIssue[] = [];
    render(<IssueList issues={issues} onSelect={(i) => selected.push(i)} />);
    expect(screen.getByText('2 problems')).toBeTruthy();
    const buttons = screen.getAllByTestId('plan-issue');
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Line 15, column 13plan.components[0].modemust be one of marginal, retroactive',
      'Line 7, column 12plan.versionmust be 2, the next version of this plan',
    ]);
    fireEvent.click(buttons[1] as HTMLElement);
    expect(selected).toEqual([issues[1]]);
  });

  it('says when there is nothing wrong, and when it is still checking', () => {
    render(<IssueList issues={[]} onSelect={() => undefined} checking />);
    expect(screen.getByRole('heading').textContent).toBe('No problems · checking…');
  });
});
