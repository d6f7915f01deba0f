// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AssignPlanDialog } from './AssignPlanDialog.js';

const PLAN = { id: 'cpl_6', key: 'sdr-meetings', name: 'SDR meetings', latest: { version: 2, status: 'draft', effectiveFrom: '2026-01-01', effectiveTo: null, createdAt: '2026-01-01T00:00:00Z', createdBy: 'ops' } };
const VERSIONS = [
  { version: 2, status: 'draft', effectiveFrom: '2027-01-01', effectiveTo: null, createdAt: '2026-01-01T00:00:00Z', createdBy: 'ops' },
  { version: 1, status: 'published', effectiveFrom: '2026-01-01', effectiveTo: null, createdAt: '2026-01-01T00:00:00Z', createdBy: 'ops' },
];
const REFUSAL = {
  error: {
    code: 'validation_failed', message: 'validFrom: must be on or after 2026-01-01; ramp.1: must be a decimal from 0 to 1 such as 0.25',
    details: [{ field: 'validFrom', message: 'must be on or after 2026-01-01, when version 1 starts' }, { field: 'ramp.1', message: 'must be a decimal from 0 to 1 such as 0.25' }],
  },
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
let posted: unknown;

beforeEach(() => {
  posted = undefined;
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/v1/plans') return json(200, { items: [PLAN] });
    if (url === '/api/v1/plans/cpl_6') return json(200, { ...PLAN, createdAt: '2026-01-01T00:00:00Z', versions: VERSIONS });
    if (url.startsWith('/api/v1/people')) return json(200, { items: [{ id: 'per_9', name: 'Harold Castro', version: 1, abilities: {}, archivedAt: null }], nextCursor: null, labels: {} });
    if (url === '/api/v1/assignments' && init?.method === 'POST') {
      posted = JSON.parse(String(init.body));
      return json(422, REFUSAL);
    }
    return json(404, { error: { code: 'not_found', message: 'not found' } });
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const open = () => render(
  <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
    <AssignPlanDialog currency="USD" onClose={() => undefined} onAssigned={() => undefined} />
  </QueryClientProvider>,
);

describe('AssignPlanDialog', () => {
  it('says what is missing before asking the server', () => {
    open();
    fireEvent.click(screen.getByRole('button', { name: 'Assign' }));
    expect(screen.getByTestId('assign-personId-error').textContent).toBe('choose a person');
    expect(screen.getByTestId('assign-targetIncentiveMinor-error').textContent).toBe('enter the annual target incentive (0 for none)');
    expect(screen.getByLabelText(/^Plan/).getAttribute('aria-invalid')).toBe('true');
    expect(fetch).not.toHaveBeenCalledWith('/api/v1/assignments', expect.anything());
  });

  it('sends amounts as exact minor units and shows each refusal of the server next to its field', async () => {
    open();
    const person = screen.getByLabelText(/^Person/);
    fireEvent.focus(person);
    fireEvent.mouseDown(await screen.findByRole('option', { name: 'Harold Castro' }));
    await screen.findByRole('option', { name: 'SDR meetings (sdr-meetings)' });
    fireEvent.change(screen.getByLabelText(/^Plan/), { target: { value: 'cpl_6' } });
    // Only the published version can be chosen, and it is chosen once the versions arrive.
    await waitFor(() => expect((screen.getByLabelText(/^Version/) as HTMLSelectElement).value).toBe('1'));
    fireEvent.change(screen.getByLabelText(/^From/), { target: { value: '2025-08-01' } });
    fireEvent.change(screen.getByLabelText(/^Target incentive/), { target: { value: '60,000.10' } });
    fireEvent.change(screen.getByLabelText(/^Base salary/), { target: { value: '90000' } });
    fireEvent.change(screen.getByLabelText(/^Ramp/), { target: { value: '0.5, 2' } });
    fireEvent.change(screen.getByLabelText(/^Reason/), { target: { value: 'new SDR' } });
    fireEvent.click(screen.getByRole('button', { name: 'Assign' }));

    expect(await screen.findByTestId('assign-validFrom-error')).toHaveProperty('textContent', 'must be on or after 2026-01-01, when version 1 starts');
    expect(screen.getByTestId('assign-ramp-error').textContent).toBe('month 2: must be a decimal from 0 to 1 such as 0.25');
    expect(screen.getByLabelText(/^From/).getAttribute('aria-describedby')).toBe('assign-validFrom-error');
    expect(screen.queryByTestId('assign-form-error')).toBeNull();
    expect(posted).toEqual({
      personId: 'per_9', planId: 'cpl_6', planVersion: 1, validFrom: '2025-08-01', validTo: null,
      targetIncentiveMinor: '6000010', baseSalaryMinor: '9000000', ramp: ['0.5', '2'], reason: 'new SDR',
    });
  });
});
