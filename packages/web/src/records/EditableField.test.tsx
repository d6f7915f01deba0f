// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render as renderBare, screen } from '@testing-library/react';
import { ApiError } from '../api/client.js';
import { ENTITIES, fieldOf } from '../entities/entity-meta.js';
import { EditableField } from './EditableField.js';

const amount = fieldOf(ENTITIES.opportunities, 'amountMinor');
const record = { id: 'opp_1', amountMinor: '250000', currency: 'USD' };

afterEach(cleanup);

/** Reference fields load their choices through react-query; amounts need none, but the hook needs its provider. */
const render = (ui: ReactElement) => renderBare(<QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>);

describe('EditableField', () => {
  it('sends the typed amount as exact minor units', async () => {
    const sent: Record<string, unknown>[] = [];
    render(<EditableField field={amount!} record={record} labels={{}} orgCurrency="USD" editable save={async (c) => { sent.push(c); }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit Amount' }));
    const input = screen.getByLabelText('Amount');
    expect((input as HTMLInputElement).value).toBe('2500.00');
    fireEvent.change(input, { target: { value: '3,000.10' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await screen.findByRole('button', { name: 'Edit Amount' });
    expect(sent).toEqual([{ amountMinor: '300010' }]);
  });

  it('places the API message for the field under it and keeps what was typed', async () => {
    const refuse = async () => {
      throw new ApiError(422, 'validation_failed', 'amountMinor: is outside the range', [{ field: 'amountMinor', message: 'is outside the range of a 64-bit amount' }]);
    };
    render(<EditableField field={amount!} record={record} labels={{}} orgCurrency="USD" editable save={refuse} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit Amount' }));
    const input = screen.getByLabelText('Amount');
    fireEvent.change(input, { target: { value: '99999999999999999999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('is outside the range of a 64-bit amount');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect((input as HTMLInputElement).value).toBe('99999999999999999999');
  });

  it('refuses a malformed amount before asking the server', () => {
    let called = false;
    render(<EditableField field={amount!} record={record} labels={{}} orgCurrency="USD" editable save={async () => { called = true; }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit Amount' }));
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '12.345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toMatch(/more than 2 decimals/);
    expect(called).toBe(false);
  });

  it('offers no editing when the user may not change the record', () => {
    render(<EditableField field={amount!} record={record} labels={{}} orgCurrency="USD" editable={false} save={async () => undefined} />);
    expect(screen.queryByRole('button', { name: 'Edit Amount' })).toBeNull();
    expect(screen.getByText('$2,500.00')).toBeTruthy();
  });
});
