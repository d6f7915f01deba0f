// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeHistogram } from './ChangeHistogram.js';
import { WhatIfPayeeTable } from './WhatIfPayeeTable.js';

afterEach(cleanup);

describe('ChangeHistogram', () => {
  it('is one labelled image with its bars, and a hidden table with every range', () => {
    render(<ChangeHistogram currency="USD" title="Change in pay per payee" buckets={[{ fromMinor: '0', toMinor: '9999', count: 2 }, { fromMinor: '10000', toMinor: '19999', count: 1 }]} />);
    const img = screen.getByRole('img');
    expect(img.getAttribute('aria-label')).toContain('3 payees');
    expect(screen.getAllByTestId('histogram-bar')).toHaveLength(2);
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });
});

describe('WhatIfPayeeTable', () => {
  const payees = [
    { personId: 'a', personName: 'Ann', baselineMinor: '100', scenarioMinor: '90', differenceMinor: '-10' },
    { personId: 'b', personName: 'Bob', baselineMinor: '100', scenarioMinor: '100000000000000000001', differenceMinor: '99999999999999999901' },
    { personId: 'c', personName: 'Cy', baselineMinor: '5', scenarioMinor: '7', differenceMinor: '2' },
  ];
  const names = () => screen.getAllByRole('row').slice(1).map((r) => r.querySelector('td')?.textContent);

  it('sorts by change, largest first, then by any column (money as bigint)', () => {
    render(<WhatIfPayeeTable payees={payees} currency="USD" />);
    expect(names()).toEqual(['Bob', 'Cy', 'Ann']);
    fireEvent.click(screen.getByRole('button', { name: /Payee/ }));
    expect(names()).toEqual(['Ann', 'Bob', 'Cy']);
    fireEvent.click(screen.getByRole('button', { name: /Today/ }));
    expect(names()).toEqual(['Cy', 'Ann', 'Bob']);
  });
});
