// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuotaPlanDetail } from '@attain/contract';
import { PlanActions } from './PlanActions.js';

afterEach(cleanup);

/** The fields PlanActions reads of a plan; the rest of a detail does not matter here. */
const plan = (over: Partial<QuotaPlanDetail>): QuotaPlanDetail => ({
  id: 'qpl_1', version: 3, status: 'in_review', currency: 'USD', yearTo: '2028-01-31', cascade: [], signOffsRequired: false, signOffsMissing: [],
  abilities: { update: false, submit: false, approve: true }, ...over,
} as unknown as QuotaPlanDetail);

const show = (p: QuotaPlanDetail) => render(<QueryClientProvider client={new QueryClient()}><PlanActions plan={p} /></QueryClientProvider>);

describe('PlanActions', () => {
  it('says whose sign-off approval waits for, and offers no approval meanwhile', () => {
    show(plan({ signOffsRequired: true, signOffsMissing: [{ personId: 'per_m', name: 'Maria Manager' }], abilities: { update: false, submit: false, approve: false } }));
    expect(screen.getByTestId('quota-waiting').textContent).toBe('Approval waits for the sign-off of Maria Manager.');
    expect(screen.queryByRole('button', { name: /Approve/ })).toBeNull();
  });

  it('offers approval of the version in review once nobody is missing', () => {
    show(plan({ signOffsRequired: true }));
    expect(screen.queryByTestId('quota-waiting')).toBeNull();
    expect(screen.getByRole('button', { name: 'Approve version 3' })).toBeTruthy();
  });
});
