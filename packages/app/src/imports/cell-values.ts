import { parseMajorToMinor } from '@attain/core';
import type { FieldColumn } from './csv-entities.js';

/*
 * Reading cells into wire values. These are conversions only (text to number, major to
 * minor units, other date spellings to YYYY-MM-DD); whether a value is acceptable is decided
 * afterwards by the contract's schemas and the use cases, exactly as for the API.
 */

const NEUTRALISED = /^'[=+\-@\t\r]/;

/** Undoes the export's formula neutralisation: a quote the export put before = + - @ tab or CR. */
export const unneutralise = (cell: string): string => (NEUTRALISED.test(cell) ? cell.slice(1) : cell);

export type CellResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const ok = (value: unknown): CellResult => ({ ok: true, value });
const fail = (message: string): CellResult => ({ ok: false, message });

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

const pad = (n: string | number, width = 2): string => String(n).padStart(width, '0');

/** YYYY-MM-DD (a time part is dropped) or M/D/YYYY as Salesforce writes it; anything else is left for the schema to refuse. */
export function normaliseDate(text: string): string {
  const iso = ISO_DATE.exec(text);
  if (iso) return iso[1] as string;
  const us = US_DATE.exec(text);
  if (us) return `${us[3]}-${pad(us[1] as string)}-${pad(us[2] as string)}`;
  return text;
}

/** An instant: ISO 8601 with a zone is kept as written; a date, a zone-less time or M/D/YYYY h:mm AM is read as UTC. */
export function normaliseInstant(text: string): CellResult {
  if (ISO_INSTANT.test(text) && Number.isFinite(Date.parse(text))) return ok(text);
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?$/.exec(text);
  const us = US_DATE.exec(text);
  let utc: string | undefined;
  if (iso) utc = `${iso[1]}T${pad(iso[2] ?? '0')}:${iso[3] ?? '00'}:${iso[4] ?? '00'}${iso[5] ?? ''}Z`;
  else if (us) {
    let hour = Number(us[4] ?? '0');
    const meridiem = us[7]?.toLowerCase();
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    utc = `${us[3]}-${pad(us[1] as string)}-${pad(us[2] as string)}T${pad(hour)}:${us[5] ?? '00'}:${us[6] ?? '00'}Z`;
  }
  if (utc === undefined || !Number.isFinite(Date.parse(utc))) return fail('is not a date-time (use ISO 8601, e.g. 2026-03-31T14:00:00Z)');
  return ok(new Date(utc).toISOString());
}

/** Lower case with runs of other characters as one `_`: "Closed - Not Converted" -> "closed_not_converted". */
export const normaliseToken = (text: string): string => text.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');

/**
 * Converts one non-empty cell of a field column. `currency` is the row's currency, which
 * money columns need to know how many decimals the amount may have.
 */
export function convertCell(column: FieldColumn, raw: string, currency: string): CellResult {
  const text = raw.trim();
  switch (column.type) {
    case 'text':
      return ok(raw);
    case 'int':
    case 'real': {
      const cleaned = text.replace(/,/g, '');
      return NUMBER.test(cleaned) ? ok(Number(cleaned)) : fail('is not a number');
    }
    case 'money':
      try {
        return ok(parseMajorToMinor(text.replace(/^(?:[A-Z]{3}\s+|[$€£¥]\s*)/, ''), currency).toString());
      } catch (error) {
        return fail(error instanceof RangeError ? `${error.message.replace(/^not a decimal amount: .*$/, 'is not an amount')}` : 'is not an amount');
      }
    case 'minor':
      return ok(text);
    case 'date':
      return ok(normaliseDate(text));
    case 'instant':
      return normaliseInstant(text);
    case 'enum': {
      const token = normaliseToken(text);
      if (column.values?.includes(token)) return ok(token);
      return ok(column.aliases?.[token] ?? text);
    }
  }
}
