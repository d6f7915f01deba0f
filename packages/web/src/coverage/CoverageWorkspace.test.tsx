// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoverageAnalysisWire, CoverageModelDetail } from '@attain/contract';
import { CoverageWorkspace } from './CoverageWorkspace.js';

const DETAIL: CoverageModelDetail = {
  version: null, createdBy: null, createdAt: null,
  model: {
    segments: [
      { key: 'enterprise', name: 'Enterprise', rule: { field: 'employees', op: 'gte', value: '1000' }, coverage: [{ role: 'ae', hoursPerAccount: '60' }] },
      { key: 'mid-market', name: 'Mid-market', rule: { field: 'employees', op: 'gte', value: '100' }, coverage: [{ role: 'ae', hoursPerAccount: '20' }] },
      { key: 'smb', name: 'SMB', rule: null, coverage: [{ role: 'ae', hoursPerAccount: '4' }] },
    ],
    roles: [{ key: 'ae', name: 'Account executive', hoursPerRep: '1200', headcount: null }],
  },
};

const analysisOf = (midAccounts: number, headcount: number | null): CoverageAnalysisWire => ({
  currency: 'USD', accounts: 100, potentialMinor: '900719925474099312', changes: 7,
  segments: [
    { key: 'enterprise', name: 'Enterprise', accounts: 10, potentialMinor: '900719925474000000', workload: [{ role: 'ae', hours: '600' }] },
    { key: 'mid-market', name: 'Mid-market', accounts: midAccounts, potentialMinor: '99312', workload: [{ role: 'ae', hours: String(midAccounts * 20) }] },
    { key: 'smb', name: 'SMB', accounts: 90 - midAccounts, potentialMinor: '0', workload: [{ role: 'ae', hours: '0' }] },
  ],
  roles: [{
    key: 'ae', name: 'Account executive', workloadHours: '1234.5', hoursPerRep: '1200', repsNeeded: '2', headcount,
    covered: headcount === null ? null : { accounts: 12, potentialMinor: '900719925474000000', hours: '1200' },
    uncovered: headcount === null ? null : { accounts: 88, potentialMinor: '99312', largest: [{ id: 'acc_1', name: 'Initech', potentialMinor: '99000' }] },
  }],
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const posted: { url: string; method: string; body: unknown }[] = [];
let saveAnswer: Response;

beforeEach(() => {
  posted.length = 0;
  saveAnswer = json(200, { ...DETAIL, version: 1 });
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const body = init?.body === undefined ? undefined : JSON.parse(String(init.body)) as { model?: CoverageModelDetail['model'] };
    posted.push({ url, method: init?.method ?? 'GET', body });
    if (url === '/api/v1/coverage/analysis') {
      const model = body?.model ?? DETAIL.model;
      const mid = (model.segments[1]?.rule as { value?: string } | null)?.value === '200' ? 30 : 50;
      return json(200, analysisOf(mid, model.roles[0]?.headcount ?? null));
    }
    if (url === '/api/v1/coverage/model' && init?.method === 'PUT') return saveAnswer;
    if (url === '/api/v1/coverage/apply') return json(200, { version: 1, changed: 7, bySegment: { enterprise: 0, 'mid-market': 4, smb: 3 } });
    return json(404, { error: { code: 'not_found', message: 'not found' } });
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const show = (props: { writer: boolean; detail?: CoverageModelDetail; onSaved?: () => void }) => render(
  <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
    <CoverageWorkspace detail={props.detail ?? DETAIL} writer={props.writer} currency="USD" onSaved={props.onSaved ?? (() => undefined)} onReload={() => undefined} />
  </QueryClientProvider>,
);
const row = (key: string) => screen.getAllByTestId('segment-row').find((r) => r.dataset.segment === key) as HTMLElement;
const segment = (name: RegExp) => screen.getByRole('group', { name });

describe('CoverageWorkspace', () => {
  it('shows a reader the segments, rules in words, exact money and capacity, with nothing to edit', async () => {
    show({ writer: false });
    await screen.findAllByTestId('segment-row');
    expect(posted[0]).toEqual({ url: '/api/v1/coverage/analysis', method: 'POST', body: {} });
    expect(screen.getByTestId('model-version').textContent).toBe('Starter model, not saved yet');
    expect(screen.getByTestId('coverage-summary').textContent).toContain('100 accounts · $9,007,199,254,740,993.12 potential');
    expect(within(row('enterprise')).getByText('employees ≥ 1,000')).toBeTruthy();
    expect(row('enterprise').textContent).toContain('$9,007,199,254,740,000.00');
    expect(within(row('smb')).getByText('everything else')).toBeTruthy();
    expect(screen.getByTestId('total-accounts').textContent).toBe('100');
    expect(screen.getAllByTestId('segment-bar')).toHaveLength(3);
    expect(screen.getByTestId('capacity-table').textContent).toContain('1,234.5');
    expect(screen.getByText('no headcount set')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByTestId('apply-panel')).toBeNull();
  });

  it('analyses the draft as it is edited: a threshold and a headcount', async () => {
    show({ writer: true });
    await waitFor(() => expect(row('mid-market').textContent).toContain('50'));
    fireEvent.change(within(segment(/Mid-market/)).getByLabelText('Condition 1 value'), { target: { value: '200' } });
    fireEvent.change(within(screen.getByRole('group', { name: 'Role: Account executive' })).getByLabelText('Headcount'), { target: { value: '1' } });
    await waitFor(() => expect(within(row('mid-market')).getByTestId('segment-accounts').textContent).toBe('30'));
    expect(within(row('mid-market')).getByText('employees ≥ 200')).toBeTruthy();
    expect(screen.getByTestId('covered').textContent).toBe('$9,007,199,254,740,000.00 · 12 accounts');
    expect(screen.getByTestId('uncovered').textContent).toBe('$993.12 · 88 accounts');
    expect(screen.getByTestId('coverage-split')).toBeTruthy();
    expect(within(screen.getByTestId('uncovered-accounts')).getByRole('link', { name: 'Initech' }).getAttribute('href')).toBe('/accounts/acc_1');
    // Debounced: the two edits made one request, not one per keystroke.
    expect(posted.filter((p) => p.url === '/api/v1/coverage/analysis')).toHaveLength(2);
  });

  it('sends money typed in major units as exact minor units and saves from the version it was edited from', async () => {
    const onSaved = vi.fn();
    show({ writer: true, onSaved });
    const mid = segment(/Mid-market/);
    fireEvent.change(within(mid).getByLabelText('Condition 1 field'), { target: { value: 'annualRevenueMinor' } });
    fireEvent.change(within(mid).getByLabelText('Condition 1 value in USD'), { target: { value: '9007199254740993.12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const save = posted.find((p) => p.method === 'PUT') as { body: { model: CoverageModelDetail['model']; baseVersion: number | null } };
    expect(save.body.baseVersion).toBeNull();
    expect(save.body.model.segments[1]?.rule).toEqual({ field: 'annualRevenueMinor', op: 'gte', value: '900719925474099312' });
  });

  it('shows a refusal next to the field it names, and a conflict as a request to reload', async () => {
    saveAnswer = json(422, { error: { code: 'validation_failed', message: 'bad', details: [{ field: 'segments[1].rule.value', message: 'must be a whole number' }, { field: 'roles[0].key', message: 'is listed twice' }] } });
    show({ writer: true });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await within(segment(/Mid-market/)).findByTestId('condition-error')).textContent).toBe('must be a whole number');
    expect(within(segment(/Mid-market/)).getByLabelText('Condition 1 value').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('form-error').textContent).toBe('roles[0].key: is listed twice');
    saveAnswer = json(409, { error: { code: 'conflict', message: 'saved since', details: [{ field: 'baseVersion', message: 'must be 2' }] } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('save-conflict')).textContent).toContain('Someone saved a newer version');
  });

  it('applies the saved model after saying how many accounts change', async () => {
    show({ writer: true, detail: { ...DETAIL, version: 1, createdAt: '2026-03-01T10:00:00.000Z', createdBy: 'usr_ops' } });
    const apply = await screen.findByRole('button', { name: 'Apply to accounts' });
    await waitFor(() => expect((apply as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(apply);
    expect(screen.getByRole('alertdialog').textContent).toContain('Set segments from version 1? 7 accounts change segment.');
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect((await screen.findByTestId('apply-result')).textContent).toBe('Applied version 1: 7 accounts changed segment (Mid-market 4, SMB 3).');
    // Editing makes the draft differ from what would be applied.
    fireEvent.change(within(segment(/Mid-market/)).getByLabelText('Name'), { target: { value: 'Middle' } });
    expect((screen.getByRole('button', { name: 'Apply to accounts' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
