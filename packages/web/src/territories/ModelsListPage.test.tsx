// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TerritoryModelSummary } from '@attain/contract';
import { ModelsListPage } from './ModelsListPage.js';

let abilities: string[] = [];
vi.mock('../session/SessionProvider.js', () => ({ useSession: () => ({ can: (a: string) => abilities.includes(a), me: { org: { defaultCurrency: 'USD' } } }) }));

const model = (id: string, name: string, status: TerritoryModelSummary['status'], updatedAt: string): TerritoryModelSummary => ({
  id, name, status, version: 1, effectiveFrom: status === 'planning' ? null : '2026-10-01', activatedAt: null, activatedBy: null, archivedAt: null,
  createdBy: 'usr_1', createdAt: '2026-01-01T00:00:00Z', updatedAt, territories: 8,
});
const MODELS = [model('tm_a', 'FY26 plan', 'archived', '2026-01-01T00:00:00Z'), model('tm_b', 'FY27 West', 'planning', '2026-11-01T00:00:00Z'), model('tm_c', 'FY27 live', 'active', '2026-10-01T00:00:00Z')];
const posted: unknown[] = [];

beforeEach(() => {
  posted.length = 0;
  window.history.replaceState(null, '', '/');
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      posted.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify({ ...MODELS[1], id: 'tm_new', definition: {} }), { status: 201 });
    }
    return new Response(JSON.stringify(url === '/api/v1/territory-models' ? { items: MODELS } : {}), { status: 200 });
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const show = () => render(<QueryClientProvider client={new QueryClient()}><ModelsListPage /></QueryClientProvider>);
const names = () => screen.getAllByTestId('model-row').map((r) => within(r).getByRole('link').textContent);

describe('ModelsListPage', () => {
  it('lists the models newest first, sorts by a column, and lets a reader compare two but not create', async () => {
    abilities = ['coverage:read'];
    show();
    await screen.findAllByTestId('model-row');
    expect(names()).toEqual(['FY27 West', 'FY27 live', 'FY26 plan']);
    fireEvent.click(screen.getByRole('button', { name: 'Status' }));
    expect(names()).toEqual(['FY27 West', 'FY27 live', 'FY26 plan']);
    fireEvent.click(screen.getByRole('button', { name: 'Model' }));
    expect(names()).toEqual(['FY26 plan', 'FY27 live', 'FY27 West']);
    expect(screen.queryByTestId('new-model-form')).toBeNull();
    expect(screen.queryByTestId('compare-link')).toBeNull();
    fireEvent.click(screen.getByLabelText('Compare FY27 West'));
    fireEvent.click(screen.getByLabelText('Compare FY26 plan'));
    expect(screen.getByTestId('compare-link').getAttribute('href')).toBe('/compare?a=tm_b&b=tm_a');
    // A third choice replaces the first.
    fireEvent.click(screen.getByLabelText('Compare FY27 live'));
    expect(screen.getByTestId('compare-link').getAttribute('href')).toBe('/compare?a=tm_a&b=tm_c');
  });

  it('creates a model for a writer, as a copy when asked, and opens it', async () => {
    abilities = ['coverage:read', 'coverage:write'];
    show();
    const form = await screen.findByTestId('new-model-form');
    expect((within(form).getByRole('button', { name: 'Create model' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: '  FY28 draft ' } });
    fireEvent.change(within(form).getByLabelText('Start from'), { target: { value: 'tm_c' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create model' }));
    await waitFor(() => expect(window.location.pathname).toBe('/tm_new'));
    expect(posted).toEqual([{ name: 'FY28 draft', copyOf: 'tm_c' }]);
  });
});
