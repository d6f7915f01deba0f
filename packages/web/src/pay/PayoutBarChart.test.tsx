// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMoney } from '../ui/format.js';
import { PayoutBarChart } from './PayoutBarChart.js';

afterEach(cleanup);

const usd = (minor: string) => formatMoney(minor, 'USD');
const items = [
  { personId: 'p1', personName: 'Ann Able', payoutMinor: '1000000' },
  { personId: 'p2', personName: 'Bob Baker', payoutMinor: '7274403' },
  { personId: 'p3', personName: 'Cy Clawed', payoutMinor: '-50000' },
];

describe('PayoutBarChart', () => {
  it('is one image with a summary naming the period, the count and the highest payout', () => {
    render(<PayoutBarChart items={items} currency="USD" periodKey="FY2027-Q1" />);
    const img = screen.getByRole('img');
    expect(img.getAttribute('aria-label')).toBe(`Payout per payee in FY2027-Q1: 3 payees, highest Bob Baker ${usd('7274403')}`);
    const bars = screen.getAllByTestId('payout-bar');
    expect(bars).toHaveLength(3);
    expect(bars[0]?.textContent).toContain('Bob Baker');
    expect(bars[2]?.getAttribute('class')).toContain('negative');
  });

  it('has every exact amount in a visually hidden table, largest first', () => {
    render(<PayoutBarChart items={items} currency="USD" periodKey="FY2027-Q1" />);
    const table = screen.getByTestId('payout-chart-table');
    expect(table.className).toBe('visually-hidden');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Bob Baker', usd('7274403')], ['Ann Able', usd('1000000')], ['Cy Clawed', usd('-50000')],
    ]);
  });

  it('says so when nobody was paid', () => {
    render(<PayoutBarChart items={[]} currency="USD" periodKey="FY2027-M02" />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('No payouts in FY2027-M02');
    expect(screen.queryAllByTestId('payout-bar')).toHaveLength(0);
  });
});
