// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanAssignmentItem } from '@attain/contract';
import { AssignmentsTable } from './AssignmentsTable.js';

afterEach(cleanup);

const item = (id: string, personName: string, over: Partial<PlanAssignmentItem> = {}): PlanAssignmentItem => ({
  id, personId: `per_${id}`, personName, planId: 'cpl_1', planKey: 'ae-quota-commission', planName: 'AE quota commission', planVersion: 1,
  validFrom: '2026-02-01', validTo: '2026-12-31', currency: 'USD', targetIncentiveMinor: '6000000', annualQuotaMinor: '60000000',
  baseSalaryMinor: null, oteMinor: null, payMix: null, ramp: null, measureQuotas: {}, quotaPhasing: null, reason: 'demo', createdBy: 'system', createdByName: 'system', createdAt: '2026-01-01T00:00:00.000Z',
  endedBy: null, endedAt: null, abilities: { read: true, update: true }, ...over,
});

const items = [
  // Amounts past 2^53 minor units would lose cents as floats: sorting and formatting must not.
  item('a', 'Ann', { targetIncentiveMinor: '900719925474099312', baseSalaryMinor: '12000000', oteMinor: '18000000', payMix: '67/33' }),
  item('b', 'Bob', { targetIncentiveMinor: '900719925474099311', planKey: 'sdr-meetings', planName: 'SDR meetings', annualQuotaMinor: null, validTo: null }),
  item('c', 'Cy', { targetIncentiveMinor: '250', ramp: ['0', '0.25', '0.5'], endedAt: '2026-03-01T00:00:00.000Z', endedBy: 'ops', validTo: '2026-02-28' }),
];

const names = () => screen.getAllByTestId('assignment-row').map((r) => within(r).getAllByRole('button')[0]?.textContent);
const targets = () => screen.getAllByTestId('target-incentive').map((c) => c.textContent);

describe('AssignmentsTable', () => {
  it('formats money exactly from minor units, and shows open ends, missing quotas, the pay mix and the ramp in words', () => {
    render(<AssignmentsTable items={items} selectedId={null} onSelect={() => undefined} />);
    expect(targets()).toEqual(['$9,007,199,254,740,993.12', '$9,007,199,254,740,993.11', '$2.50']);
    const [ann, bob, cy] = screen.getAllByTestId('assignment-row') as [HTMLElement, HTMLElement, HTMLElement];
    expect(ann.textContent).toContain('$120,000.00');
    expect(ann.textContent).toContain('$180,000.00');
    expect(ann.textContent).toContain('67/33');
    expect(bob.textContent).toContain('open-ended');
    expect(bob.textContent).toContain('no quota');
    expect(cy.textContent).toContain('0% / 25% / 50%, then 100%');
  });

  it('sorts by target incentive as exact amounts, flips on a second click, and filters by person or plan', () => {
    render(<AssignmentsTable items={items} selectedId={null} onSelect={() => undefined} />);
    const target = screen.getByRole('button', { name: 'Target incentive' });
    fireEvent.click(target);
    expect(screen.getByRole('columnheader', { name: 'Target incentive' }).getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['Cy', 'Bob', 'Ann']);
    fireEvent.click(target);
    expect(names()).toEqual(['Ann', 'Bob', 'Cy']);
    // Open-ended sorts after every end date.
    fireEvent.click(screen.getByRole('button', { name: 'To' }));
    expect(names()).toEqual(['Cy', 'Ann', 'Bob']);
    fireEvent.change(screen.getByLabelText('Filter by person or plan'), { target: { value: 'sdr' } });
    expect(names()).toEqual(['Bob']);
    expect(screen.getByTestId('assignments-count').textContent).toBe('1 of 3 assignments');
    fireEvent.change(screen.getByLabelText('Filter by person or plan'), { target: { value: 'nobody' } });
    expect(screen.getByText('No assignment matches “nobody”.')).toBeTruthy();
  });

  it('offers the change only on current rows the user may update, and selects a row', () => {
    const onSelect = vi.fn();
    const onChange = vi.fn();
    render(<AssignmentsTable items={[...items, item('d', 'Di', { abilities: { read: true, update: false } })]} selectedId="b" onSelect={onSelect} onChange={onChange} />);
    const changes = screen.getAllByRole('button', { name: /from a date$/ });
    // Cy's row has ended, Di's may not be updated.
    expect(changes.map((b) => b.getAttribute('aria-label'))).toEqual(["Change Ann's AE quota commission from a date", "Change Bob's SDR meetings from a date"]);
    fireEvent.click(changes[1] as HTMLElement);
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ id: 'b' }));
    expect(onSelect).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Bob' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Cy' }));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'c' }));
  });
});
