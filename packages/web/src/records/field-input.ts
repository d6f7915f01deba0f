import { formatMinorAsMajor, parseMajorToMinor } from '@attain/core';
import type { FieldMeta } from '../entities/entity-meta.js';

/*
 * Between what an input holds (text) and what the API takes (typed wire values). Money is
 * typed in major units and sent as a string of minor units, exactly; a percentage is typed
 * with at most two decimals and sent as whole basis points. No float touches either.
 */

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

/** "YYYY-MM-DDTHH:mm" in the browser's time zone, as a datetime-local input shows and reads it. */
function localDateTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** The text an input starts with for a stored value. */
export function inputTextOf(field: FieldMeta, record: Record<string, unknown>, orgCurrency: string): string {
  const value = record[field.name];
  if (value === null || value === undefined) return '';
  switch (field.kind.type) {
    case 'money':
      return formatMinorAsMajor(BigInt(String(value)), String(record[field.kind.currencyField] ?? orgCurrency));
    case 'bps': {
      const bps = Number(value);
      const rest = bps % 100;
      return rest === 0 ? String(bps / 100) : `${Math.trunc(bps / 100)}.${String(rest).padStart(2, '0')}`;
    }
    case 'instant':
      return localDateTime(new Date(String(value)));
    default:
      return String(value);
  }
}

/** The wire value of an input's text; empty means null (cleared). */
export function parseInput(field: FieldMeta, text: string, currency: string): Parsed {
  const raw = text.trim();
  if (raw === '') return { ok: true, value: null };
  switch (field.kind.type) {
    case 'money':
      try {
        return { ok: true, value: parseMajorToMinor(raw, currency).toString() };
      } catch (error) {
        return { ok: false, message: `enter an amount like 1250.00 (${(error as Error).message})` };
      }
    case 'int':
      return /^-?\d{1,10}$/.test(raw) ? { ok: true, value: Number(raw) } : { ok: false, message: 'enter a whole number' };
    case 'bps': {
      const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(raw);
      if (!match) return { ok: false, message: 'enter a percentage with at most two decimals' };
      const bps = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
      return bps <= 10_000 ? { ok: true, value: bps } : { ok: false, message: 'must be at most 100%' };
    }
    case 'bool':
      return { ok: true, value: raw === 'true' };
    case 'instant': {
      // A datetime-local value has no zone: it is read in the browser's, as it was shown.
      const date = new Date(raw);
      return Number.isNaN(date.getTime()) ? { ok: false, message: 'enter a date and time' } : { ok: true, value: date.toISOString() };
    }
    default:
      return { ok: true, value: raw };
  }
}
