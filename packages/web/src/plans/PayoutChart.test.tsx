// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanPreview } from '@attain/contract';
import { formatMoney } from '../ui/format.js';
import { PayoutChart } from './PayoutChart.js';

afterEach(cleanup);

const usd = (minor: string) => formatMoney(minor, 'USD');
const curve = Array.from({ length: 41 }, (_, i) => {
  const a = String(i * 100_000);
  const b = String(i * 10_000);
  return { attainmentPercent: i * 5, measureMinor: String(i * 1_000_000), components: { commission: a, bonus: b }, totalMinor: String(i * 110_000) };
});
const preview: Pick<PlanPreview, 'curve' | 'components' | 'currency'> = {
  currency: 'USD',
  components: [{ id: 'commission', name: 'Commission', aggregate: 'sum' }, { id: 'bonus', name: 'Bonus', aggregate: 'sum' }],
  curve,
};

describe('PayoutChart', () => {
  it('draws the total and each component, the 100% gridline and labelled axes', () => {
    const { container } = render(<PayoutChart preview={preview} />);
    expect([...container.querySelectorAll('path[data-series]')].map((p) => p.getAttribute('data-series')).sort()).toEqual(['bonus', 'commission', 'total']);
    expect(screen.getByTestId('quota-line')).toBeTruthy();
    expect(within(container.querySelector('svg') as unknown as HTMLElement).getByText('100%')).toBeTruthy();
    expect(screen.getByText('Attainment of quota')).toBeTruthy();
    expect(screen.getAllByTestId('curve-point')).toHaveLength(41);
  });

  it('makes the points one tab stop that the arrow keys walk, announcing each value', () => {
    render(<PayoutChart preview={preview} />);
    const points = screen.getAllByTestId('curve-point');
    expect(points.filter((p) => p.getAttribute('tabindex') === '0')).toHaveLength(1);
    const start = points[20] as HTMLElement;
    expect(start.getAttribute('tabindex')).toBe('0');
    fireEvent.focus(start);
    fireEvent.keyDown(start, { key: 'ArrowRight' });
    expect(points[21]?.getAttribute('tabindex')).toBe('0');
    expect(points[21]?.getAttribute('aria-label')).toBe(`105% of quota: total ${usd('2310000')} (Commission ${usd('2100000')}, Bonus ${usd('210000')})`);
    fireEvent.keyDown(points[21] as Element, { key: 'End' });
    expect(points[40]?.getAttribute('tabindex')).toBe('0');
  });

  it('has the same figures in a table', () => {
    render(<PayoutChart preview={preview} />);
    const table = screen.getByTestId('curve-table');
    const row = within(table).getByText('200%').closest('tr') as HTMLElement;
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual([usd('4000000'), usd('400000'), usd('4400000')]);
  });
});
