import { describe, expect, it } from 'vitest';
import type { FieldMeta } from '../entities/entity-meta.js';
import { inputTextOf, parseInput } from './field-input.js';

const amount: FieldMeta = { name: 'amountMinor', label: 'Amount', kind: { type: 'money', currencyField: 'currency' } };
const probability: FieldMeta = { name: 'probabilityBps', label: 'Probability', kind: { type: 'bps' } };
const employees: FieldMeta = { name: 'employees', label: 'Employees', kind: { type: 'int' } };

describe('field inputs', () => {
  it('reads money in major units and sends exact minor units', () => {
    expect(parseInput(amount, '1,234.56', 'USD')).toEqual({ ok: true, value: '123456' });
    expect(parseInput(amount, '90071992547409.93', 'USD')).toEqual({ ok: true, value: '9007199254740993' });
    expect(parseInput(amount, '1000', 'JPY')).toEqual({ ok: true, value: '1000' });
    expect(parseInput(amount, '1.234', 'USD').ok).toBe(false);
    expect(parseInput(amount, 'lots', 'USD').ok).toBe(false);
    expect(inputTextOf(amount, { amountMinor: '123456', currency: 'USD' }, 'EUR')).toBe('1234.56');
  });

  it('reads percentages as whole basis points', () => {
    expect(parseInput(probability, '12.5', 'USD')).toEqual({ ok: true, value: 1250 });
    expect(parseInput(probability, '100', 'USD')).toEqual({ ok: true, value: 10_000 });
    expect(parseInput(probability, '100.01', 'USD').ok).toBe(false);
    expect(parseInput(probability, '1.234', 'USD').ok).toBe(false);
    expect(inputTextOf(probability, { probabilityBps: 1250 }, 'USD')).toBe('12.50');
    expect(inputTextOf(probability, { probabilityBps: 2500 }, 'USD')).toBe('25');
  });

  it('clears with an empty input and refuses a fraction of a whole number', () => {
    expect(parseInput(employees, '  ', 'USD')).toEqual({ ok: true, value: null });
    expect(parseInput(employees, '12.5', 'USD').ok).toBe(false);
    expect(parseInput(employees, '42', 'USD')).toEqual({ ok: true, value: 42 });
  });
});

describe('date and time inputs', () => {
  it('show and read a stored instant in the same time zone, so saving unchanged changes nothing', () => {
    const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
    const before = env.TZ;
    env.TZ = 'America/New_York';
    try {
      const doneAt: FieldMeta = { name: 'doneAt', label: 'Done at', kind: { type: 'instant' } };
      const stored = '2026-11-22T19:09:00.000Z';
      expect(inputTextOf(doneAt, { doneAt: stored }, 'USD')).toBe('2026-11-22T14:09');
      expect(parseInput(doneAt, inputTextOf(doneAt, { doneAt: stored }, 'USD'), 'USD')).toEqual({ ok: true, value: stored });
    } finally {
      env.TZ = before;
    }
  });
});
