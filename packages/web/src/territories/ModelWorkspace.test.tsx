// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TerritoryDiffWire, TerritoryModelDetail } from '@attain/contract';
import { ModelWorkspace } from './ModelWorkspace.js';
import { TERRITORY_PALETTE } from './palette.js';
import { DEFINITION, MAP, county } from './test-fixtures.js';

const DETAIL: TerritoryModelDetail = {
  id: 'tm_1', name: 'FY27 West', status: 'planning', version: 2, effectiveFrom: null, activatedAt: null, activatedBy: null, archivedAt: null,
  createdBy: 'usr_ops', createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-02T10:00:00Z', territories: 2, definition: DEFINITION,
};

const values = (accounts: number, potentialMinor: string) => ({ accounts, potentialMinor, pipelineMinor: '100', bookMinor: '50' });
const DIFF: TerritoryDiffWire = {
  modelId: 'tm_1', effectiveDate: '2026-12-01', currency: 'USD', accounts: 6, territoryChanges: 4, moved: values(3, '900'), unassigned: 1, vacant: 2,
  reps: [
    { personId: 'per_west', name: 'Wendy West', before: values(1, '100'), after: values(3, '600'), gained: 2, lost: 0, quotaMinor: '1000000', quotaImpactMinor: '25000' },
    { personId: 'per_x', name: 'Xavier', before: values(3, '700'), after: values(1, '200'), gained: 0, lost: 2, quotaMinor: null, quotaImpactMinor: null },
  ],
  territories: [{ key: 'west', ...values(3, '600') }, { key: 'east', ...values(3, '900') }],
  balance: MAP.balance,
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const calls: { url: string; method: string; body: unknown }[] = [];
const OPTIMIZED = { model: { ...DETAIL, version: 3 }, from: 'scratch', measure: 'potential', method: 'partition', withinBand: true, splitCounties: 0, metrics: { ...MAP.balance, compactness: 0.2, disconnected: 0, empty: 0 }, counties: 3, accountsOutside: 0, secondary: [], movedShare: null, movedAccounts: null, heldAccounts: 0 };
/** When set, optimize answers as the server's NDJSON variant: these lines, then the result once `finish` is called. */
let streamed: { lines: object[]; finish?: () => void } | undefined;

function ndjson(lines: object[], until: Promise<void>, last: object): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for (const line of lines) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      await until;
      controller.enqueue(encoder.encode(`${JSON.stringify(last)}\n`));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/x-ndjson; charset=utf-8' } });
}

beforeEach(() => {
  calls.length = 0;
  streamed = undefined;
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ url, method, body: init?.body === undefined ? undefined : JSON.parse(String(init.body)) });
    if (url === '/api/v1/territory-models/tm_1/map') return json(200, MAP);
    if (url === '/api/v1/territory-models/tm_1' && method === 'PUT') return json(200, { ...DETAIL, version: 3 });
    if (url.startsWith('/api/v1/territory-models/tm_1/diff')) return json(200, DIFF);
    if (url === '/api/v1/territory-models/tm_1/activate') return json(200, { model: { ...DETAIL, status: 'active', effectiveFrom: '2026-12-01' }, changed: 4, accountOwnersSet: 0, opportunitiesMoved: 0, pending: true });
    if (url === '/api/v1/territory-models/tm_1/optimize' && streamed) {
      const s = streamed;
      return ndjson(s.lines, new Promise<void>((resolve) => { s.finish = resolve; }), { type: 'result', result: OPTIMIZED });
    }
    if (url === '/api/v1/territory-models/tm_1/optimize') return json(200, OPTIMIZED);
    return json(404, { error: { code: 'not_found', message: `no ${method} ${url}` } });
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const show = (props: { writer: boolean; quotaPlanner?: boolean; detail?: TerritoryModelDetail; onSaved?: () => void; onActivated?: () => void; onOptimized?: () => void }) => render(
  <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
    <ModelWorkspace detail={props.detail ?? DETAIL} writer={props.writer} quotaPlanner={props.quotaPlanner} currency="USD" lastOptimize={null} onOptimized={props.onOptimized ?? (() => undefined)}
      onSaved={props.onSaved ?? (() => undefined)} onActivated={props.onActivated ?? (() => undefined)} onReload={() => undefined} />
  </QueryClientProvider>,
);
const countyPath = (fips: string) => screen.getByTestId('territory-map').querySelector(`path[data-fips="${fips}"]`) as SVGPathElement;
const row = (key: string) => screen.getAllByTestId('territory-row').find((r) => r.dataset.territory === key) as HTMLElement;
const metric = (name: string) => screen.getByTestId(`metric-${name}`).textContent;

describe('ModelWorkspace', () => {
  it('shows a reader the map coloured by territory, the balance and the territories, with nothing to edit', async () => {
    show({ writer: false });
    await screen.findByTestId('territory-map', {}, { timeout: 10_000 });
    expect(countyPath('06037').style.fill).toBe(hex(TERRITORY_PALETTE[0]));
    expect(countyPath('36061').getAttribute('data-territory')).toBe('east');
    expect(countyPath('48201').classList.contains('is-empty')).toBe(true);
    // Readers look; only a county of the model is described to them on hover.
    expect(countyPath('06037').getAttribute('role')).toBeNull();
    fireEvent.mouseOver(countyPath('06037'));
    expect(screen.getByTestId('map-tooltip').textContent).toBe('Los Angeles, California (06037): West, 3 accounts, $7.00 potential');
    expect(screen.getAllByTestId('balance-bar')).toHaveLength(2);
    expect(metric('max-deviation')).toBe('20.0%');
    expect(row('west').textContent).toContain('Wendy West');
    expect(within(row('east')).getByTestId('territory-owner').textContent).toBe('no owner');
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByTestId('optimize-panel')).toBeNull();
    expect(screen.queryByTestId('move-panel')).toBeNull();
    expect(screen.queryByTestId('diff-panel')).toBeNull();
  });

  it('moves a county chosen on the map, recomputes the figures at once and saves the draft from its version', async () => {
    const onSaved = vi.fn();
    show({ writer: true, onSaved });
    await screen.findByTestId('territory-map', {}, { timeout: 10_000 });
    expect(screen.getByTestId('unsaved-state').textContent).toBe('All changes saved');
    fireEvent.click(countyPath('06059'));
    const form = screen.getByTestId('move-county');
    expect(within(form).getByTestId('selected-county-info').textContent).toBe('Orange, California (06059), now in West');
    fireEvent.change(within(form).getByLabelText('To territory'), { target: { value: 'east' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Move county' }));
    expect(countyPath('06059').getAttribute('data-territory')).toBe('east');
    expect(countyPath('06059').style.fill).toBe(hex(TERRITORY_PALETTE[1]));
    // 500 against 1,000: each a third off the mean.
    expect(metric('max-deviation')).toBe('33.3%');
    expect(within(row('east')).getByTestId('territory-accounts').textContent).toBe('4');
    expect(screen.getByTestId('move-notice').textContent).toBe('Moved Orange, California (06059) from West to East.');
    expect(screen.getByTestId('unsaved-state').textContent).toContain('Unsaved changes 1 move since the last save');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const put = calls.find((c) => c.method === 'PUT') as { body: { name: string; baseVersion: number; definition: typeof DEFINITION } };
    expect(put.body.baseVersion).toBe(2);
    expect(put.body.name).toBe('FY27 West');
    expect(put.body.definition.rules).toEqual([{ territory: 'west', filter: county('06037') }, { territory: 'east', filter: county('06059', '36061') }]);
  });

  it('lets the keyboard walk the counties of the model and choose one', async () => {
    show({ writer: true });
    await screen.findByTestId('territory-map', {}, { timeout: 10_000 });
    const tabStops = screen.getByTestId('territory-map').querySelectorAll('path[tabindex="0"]');
    expect([...tabStops].map((p) => p.getAttribute('data-fips'))).toEqual(['06037']);
    act(() => countyPath('06037').focus());
    expect(screen.getByTestId('map-tooltip').textContent).toContain('Los Angeles, California (06037)');
    // Orange County lies south-east of Los Angeles; Manhattan far to the east.
    fireEvent.keyDown(countyPath('06037'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(countyPath('06059'));
    fireEvent.keyDown(countyPath('06059'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(countyPath('36061'));
    fireEvent.keyDown(countyPath('36061'), { key: 'Enter' });
    expect(screen.getByTestId('selected-county-info').textContent).toBe('New York, New York (36061), now in East');
    expect(countyPath('36061').getAttribute('tabindex')).toBe('0');
  });

  it('moves one account found by name into a manual assignment, and discards back to the saved model', async () => {
    show({ writer: true });
    await screen.findByTestId('territory-map', {}, { timeout: 10_000 });
    const form = screen.getByTestId('move-account');
    fireEvent.change(within(form).getByLabelText('Account'), { target: { value: 'big' } });
    fireEvent.click(within(form).getByRole('button', { name: /Big Co/ }));
    expect(within(form).getByTestId('selected-account-info').textContent).toBe('Big Co, now in West');
    fireEvent.change(within(form).getByLabelText('To territory'), { target: { value: 'east' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Move account' }));
    expect(within(row('west')).getByTestId('territory-accounts').textContent).toBe('2');
    expect(within(row('east')).getByTestId('territory-potential').textContent).toBe('$13.00');
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(within(row('east')).getByTestId('territory-potential').textContent).toBe('$9.00');
    expect(screen.getByTestId('unsaved-state').textContent).toBe('All changes saved');
  });

  it('dry-runs the saved version on a date and activates it after a confirmation, carrying quota when asked', async () => {
    const onActivated = vi.fn();
    show({ writer: true, quotaPlanner: true, onActivated });
    const panel = await screen.findByTestId('diff-panel');
    fireEvent.change(within(panel).getByLabelText('Effective date'), { target: { value: '2026-12-01' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Dry run' }));
    const totals = await within(panel).findByTestId('diff-totals');
    expect(calls.some((c) => c.url === '/api/v1/territory-models/tm_1/diff?effectiveDate=2026-12-01')).toBe(true);
    expect(within(totals).getByTestId('diff-moved').textContent).toBe('3');
    expect(within(panel).getAllByTestId('diff-rep-row').map((r) => r.textContent)).toEqual([
      'Wendy West1 → 3+20$1.00 → $6.00$1.00$10,000.00+$250.00',
      'Xavier3 → 10−2$7.00 → $2.00$1.00——',
    ]);
    fireEvent.click(within(panel).getByRole('button', { name: /^Activate on / }));
    const dialog = within(panel).getByRole('alertdialog');
    expect(dialog.textContent).toContain('3 accounts change owner, 4 accounts change territory.');
    // A quota planner may carry quota in the same step.
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Also carry quota/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Activate' }));
    await waitFor(() => expect(onActivated).toHaveBeenCalled());
    expect(calls.find((c) => c.url.endsWith('/activate'))?.body).toEqual({ effectiveDate: '2026-12-01', carryQuota: true });
  });

  it('optimizes from the saved version with the band as a fraction', async () => {
    const onOptimized = vi.fn();
    show({ writer: true, onOptimized });
    const panel = await screen.findByTestId('optimize-panel');
    fireEvent.change(within(panel).getByLabelText('Territories'), { target: { value: '1' } });
    expect((within(panel).getByRole('button', { name: 'Optimize' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(panel).getByLabelText('Territories'), { target: { value: '8' } });
    fireEvent.change(within(panel).getByLabelText('Tolerance %'), { target: { value: '2.5' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Optimize' }));
    await waitFor(() => expect(onOptimized).toHaveBeenCalled());
    expect(calls.find((c) => c.url.endsWith('/optimize'))?.body).toEqual({ from: 'scratch', territories: 8, measure: 'potential', tolerance: 0.025, baseVersion: 2 });
  });

  it('shows the server\'s progress while it optimizes', async () => {
    streamed = { lines: [{ type: 'progress', stage: 'reading', done: 0, total: 1 }, { type: 'progress', stage: 'optimizing', done: 3, total: 8 }] };
    const onOptimized = vi.fn();
    show({ writer: true, onOptimized });
    const panel = await screen.findByTestId('optimize-panel');
    fireEvent.click(within(panel).getByRole('button', { name: 'Optimize' }));
    const bar = await within(panel).findByRole('progressbar', { name: 'Optimizing…' });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('37'));
    expect(within(panel).getByText('start 3 of at most 8')).toBeTruthy();
    act(() => streamed?.finish?.());
    await waitFor(() => expect(onOptimized).toHaveBeenCalled());
    expect(within(panel).queryByRole('progressbar')).toBeNull();
  });

  it('rebalances today\'s territories with a cap on what moves and a second measure in its own band', async () => {
    const onOptimized = vi.fn();
    show({ writer: true, onOptimized });
    const panel = await screen.findByTestId('optimize-panel');
    fireEvent.change(within(panel).getByLabelText('Start from'), { target: { value: 'current' } });
    expect(within(panel).queryByLabelText('Territories')).toBeNull();
    fireEvent.change(within(panel).getByLabelText('Max moved %'), { target: { value: '150' } });
    expect(within(panel).getByText('from 0% to 100%, or empty for no cap')).toBeTruthy();
    fireEvent.change(within(panel).getByLabelText('Max moved %'), { target: { value: '10' } });
    fireEvent.change(within(panel).getByLabelText('Also balance'), { target: { value: 'accounts' } });
    fireEvent.change(within(panel).getByLabelText('Its band %'), { target: { value: '25' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Optimize' }));
    await waitFor(() => expect(onOptimized).toHaveBeenCalled());
    expect(calls.find((c) => c.url.endsWith('/optimize'))?.body).toEqual({
      from: 'current', measure: 'potential', tolerance: 0.05, maxDisruption: 0.1, secondary: [{ measure: 'accounts', tolerance: 0.25 }], baseVersion: 2,
    });
  });
});

/** jsdom reads a fill back as rgb(). */
function hex(colour: string): string {
  const n = Number.parseInt(colour.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}
