// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RepStageChart } from './RepStageChart.js';
import type { RepStageGrid } from './home-figures.js';
import { formatMoney } from '../ui/format.js';

// Expected amounts go through the app's formatter, so the test does not depend on the machine's locale.
const usd = (minor: string) => formatMoney(minor, 'USD');

afterEach(cleanup);

const grid: RepStageGrid = {
  stages: [
    { stageId: 'stg_a', name: 'Discovery' },
    { stageId: 'stg_b', name: 'Proposal' },
    { stageId: 'stg_c', name: 'Negotiation' },
  ],
  reps: [
    { ownerId: 'per_ann', ownerName: 'Ann Able', totalMinor: '4000000', stages: [
      { stageId: 'stg_a', amountMinor: '1000000', count: 2 },
      { stageId: 'stg_b', amountMinor: '0', count: 0 },
      { stageId: 'stg_c', amountMinor: '3000000', count: 1 },
    ] },
    { ownerId: 'per_bob', ownerName: 'Bob Baker', totalMinor: '1000000', stages: [
      { stageId: 'stg_a', amountMinor: '0', count: 0 },
      { stageId: 'stg_b', amountMinor: '1000000', count: 3 },
      { stageId: 'stg_c', amountMinor: '0', count: 0 },
    ] },
    { ownerId: null, ownerName: null, totalMinor: '500000', stages: [
      { stageId: 'stg_a', amountMinor: '500000', count: 1 },
      { stageId: 'stg_b', amountMinor: '0', count: 0 },
      { stageId: 'stg_c', amountMinor: '0', count: 0 },
    ] },
  ],
};

const rects = (bar: Element) => [...bar.querySelectorAll('rect')].map((r) => ({
  stage: r.getAttribute('data-stage'),
  x: Number(r.getAttribute('x')),
  width: Number(r.getAttribute('width')),
  fill: (r as SVGRectElement).style.fill,
  title: r.querySelector('title')?.textContent ?? '',
}));

describe('RepStageChart', () => {
  it('draws one bar per rep with segments proportional to the amounts, on one scale', () => {
    render(<RepStageChart grid={grid} currency="USD" />);
    const bars = screen.getAllByTestId('rep-bar');
    expect(bars).toHaveLength(3);
    // Ann is the largest (40,000): full scale 1000; her stages 10,000 and 30,000 meet end to end.
    expect(rects(bars[0]!).map(({ stage, x, width }) => ({ stage, x, width }))).toEqual([
      { stage: 'stg_a', x: 0, width: 250 },
      { stage: 'stg_c', x: 250, width: 750 },
    ]);
    expect(rects(bars[1]!).map(({ stage, x, width }) => ({ stage, x, width }))).toEqual([{ stage: 'stg_b', x: 0, width: 250 }]);
    expect(rects(bars[2]!).map(({ width }) => width)).toEqual([125]);
    // A stage keeps its colour in every bar.
    expect(rects(bars[0]!)[0]!.fill).toBe('var(--chart-1)');
    expect(rects(bars[1]!)[0]!.fill).toBe('var(--chart-2)');
    expect(rects(bars[0]!)[1]!.fill).toBe('var(--chart-3)');
  });

  it('puts each amount in a tooltip and summarises each bar for screen readers', () => {
    render(<RepStageChart grid={grid} currency="USD" />);
    const ann = screen.getByRole('img', { name: (name) => name.startsWith(`Ann Able: ${usd('4000000')} open`) });
    expect(ann.getAttribute('aria-label')).toContain(`Discovery ${usd('1000000')}, Negotiation ${usd('3000000')}`);
    expect(rects(ann)[1]!.title).toBe(`Ann Able · Negotiation: ${usd('3000000')} (1 deal)`);
    expect(rects(screen.getAllByTestId('rep-bar')[1]!)[0]!.title).toBe(`Bob Baker · Proposal: ${usd('1000000')} (3 deals)`);
  });

  it('shows a legend of the stages in order', () => {
    render(<RepStageChart grid={grid} currency="USD" />);
    const legend = screen.getByRole('list', { name: 'Stages' });
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Discovery', 'Proposal', 'Negotiation']);
  });

  it('has the numbers as an accessible table', () => {
    render(<RepStageChart grid={grid} currency="USD" />);
    const table = screen.getByRole('table', { name: /Open pipeline by rep and stage/, hidden: true });
    const headers = within(table).getAllByRole('columnheader', { hidden: true }).map((th) => th.textContent);
    expect(headers).toEqual(['Rep', 'Discovery', 'Proposal', 'Negotiation', 'Total']);
    const rows = within(table).getAllByRole('row', { hidden: true }).slice(1);
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual(['Ann Able', 'Bob Baker', 'Unassigned']);
    const annCells = within(rows[0]!).getAllByRole('cell', { hidden: true }).map((td) => td.textContent);
    expect(annCells).toEqual([`${usd('1000000')} 2 deals`, `${usd('0')} 0 deals`, `${usd('3000000')} 1 deal`, usd('4000000')]);
  });

  it('lets a rep be chosen by name, but not the unassigned deals', () => {
    const onSelectRep = vi.fn();
    render(<RepStageChart grid={grid} currency="USD" onSelectRep={onSelectRep} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Ann Able: show only this rep', 'Bob Baker: show only this rep']);
    fireEvent.click(screen.getByRole('button', { name: /^Bob Baker/ }));
    expect(onSelectRep).toHaveBeenCalledWith('per_bob');
  });

  it('shows names as plain text without a handler', () => {
    render(<RepStageChart grid={grid} currency="USD" />);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.getAllByText('Ann Able').length).toBeGreaterThan(0);
  });
});
