import { isCalendarDate, isCurrencyCode, parseMajorToMinor, type FieldIssue } from '@attain/core';
import { TRANSACTION_IMPORT_COLUMNS, TRANSACTION_IMPORT_REQUIRED, type TransactionImportColumn } from '@attain/contract';

/*
 * The shape of one row of a transactions file, checked without the database: the header,
 * then each row's cells (required, formats, the amount exactly). What needs the database
 * (people, accounts, rates, source keys already imported) is import-transactions.ts's job.
 */

/** Where each known column sits in a row, from the header line. */
export interface ImportHeader {
  readonly line: number;
  readonly width: number;
  readonly index: ReadonlyMap<TransactionImportColumn, number>;
}

/** A row whose cells are well formed. `amountMinor` is in minor units of `currency`, the file's own. */
export interface ImportRow {
  readonly line: number;
  readonly sourceKey: string;
  readonly kind: string;
  readonly date: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly ownerId: string | null;
  readonly ownerEmail: string | null;
  readonly accountId: string | null;
  readonly opportunityId: string | null;
  readonly territoryId: string | null;
  readonly pipelineId: string | null;
  /** The contract's term in months (1-120); empty: a year or less. */
  readonly termMonths: number | null;
}

const BY_LOWER = new Map(TRANSACTION_IMPORT_COLUMNS.map((c) => [c.toLowerCase(), c]));

/** The longest source key and id accepted (characters). */
const MAX_KEY = 200;
const MAX_ID = 100;
/** A kind is a short lower-case word: it is matched by plan filters, so spelling must be stable. */
const KIND = /^[a-z][a-z0-9_-]{0,39}$/;
/** Major units as written: optional minus, digits, optional fraction. No grouping, no exponent. */
const AMOUNT = /^-?\d+(\.\d+)?$/;
/** Control characters in a key would make it look like another key in every listing. */
const hasControl = (text: string): boolean => [...text].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127);

/** Maps the header line; unknown, repeated and missing columns are issues on that line. */
export function readHeader(cells: readonly string[], line: number): { header: ImportHeader } | { issues: FieldIssue[] } {
  const index = new Map<TransactionImportColumn, number>();
  const issues: FieldIssue[] = [];
  cells.forEach((cell, i) => {
    const name = cell.trim();
    const column = BY_LOWER.get(name.toLowerCase());
    if (!column) issues.push({ field: name || `column ${i + 1}`, message: `is not a column of a transactions file (the columns are ${TRANSACTION_IMPORT_COLUMNS.join(', ')})`, line });
    else if (index.has(column)) issues.push({ field: name, message: 'appears twice in the header', line });
    else index.set(column, i);
  });
  for (const column of TRANSACTION_IMPORT_REQUIRED) if (!index.has(column)) issues.push({ field: column, message: 'the header needs this column', line });
  if (!index.has('ownerId') && !index.has('ownerEmail')) issues.push({ field: 'ownerId', message: 'the header needs an ownerId or an ownerEmail column', line });
  return issues.length > 0 ? { issues } : { header: { line, width: cells.length, index } };
}

/**
 * Checks the cells of one data row. Values are trimmed; an empty optional cell is null. The
 * amount is parsed exactly into the currency's minor units: more decimals than the currency
 * has (2 for USD) is refused, never rounded. `kind` is taken in lower case.
 */
export function readRow(header: ImportHeader, cells: readonly string[], line: number): { row: ImportRow } | { issues: FieldIssue[] } {
  if (cells.length !== header.width) return { issues: [{ field: 'row', message: `has ${cells.length} cells; the header has ${header.width}`, line }] };
  const issues: FieldIssue[] = [];
  const fail = (field: string, message: string) => issues.push({ field, message, line });
  const cell = (column: TransactionImportColumn): string | null => {
    const i = header.index.get(column);
    const value = i === undefined ? '' : (cells[i] ?? '').trim();
    return value === '' ? null : value;
  };
  const id = (column: TransactionImportColumn): string | null => {
    const value = cell(column);
    if (value !== null && (value.length > MAX_ID || hasControl(value))) fail(column, `must be an id of at most ${MAX_ID} characters`);
    return value;
  };

  const sourceKey = cell('sourceKey');
  if (sourceKey === null) fail('sourceKey', 'is required');
  else if (sourceKey.length > MAX_KEY || hasControl(sourceKey)) fail('sourceKey', `must be at most ${MAX_KEY} characters, without control characters`);
  const kind = cell('kind')?.toLowerCase() ?? null;
  if (kind === null) fail('kind', 'is required');
  else if (!KIND.test(kind)) fail('kind', 'must be a word of letters, digits, "-" or "_" (at most 40), starting with a letter, e.g. invoice or payment');
  const date = cell('date');
  if (date === null) fail('date', 'is required');
  else if (!isCalendarDate(date)) fail('date', `"${date}" is not a date YYYY-MM-DD`);
  const currency = cell('currency')?.toUpperCase() ?? null;
  if (currency === null) fail('currency', 'is required');
  else if (!isCurrencyCode(currency)) fail('currency', `"${currency}" is not a 3-letter currency code`);
  const amount = cell('amount');
  let amountMinor = 0n;
  if (amount === null) fail('amount', 'is required');
  else if (!AMOUNT.test(amount)) fail('amount', `"${amount}" is not an amount in major units such as 1234.50 (no grouping, no exponent)`);
  else if (currency !== null && isCurrencyCode(currency)) {
    try {
      amountMinor = parseMajorToMinor(amount, currency);
    } catch (error) {
      fail('amount', error instanceof RangeError ? error.message : String(error));
    }
  }
  const ownerId = id('ownerId');
  const ownerEmail = cell('ownerEmail');
  if (ownerId === null && ownerEmail === null) fail(header.index.has('ownerId') ? 'ownerId' : 'ownerEmail', 'give the owner: ownerId or ownerEmail');
  else if (ownerEmail !== null && (ownerEmail.length > 254 || !ownerEmail.includes('@'))) fail('ownerEmail', `"${ownerEmail}" is not an e-mail address`);
  const accountId = id('accountId');
  const opportunityId = id('opportunityId');
  const territoryId = id('territoryId');
  const pipelineId = id('pipelineId');
  const term = cell('termMonths');
  if (term !== null && (!/^\d{1,3}$/.test(term) || Number(term) < 1 || Number(term) > 120)) fail('termMonths', `"${term}" is not a term in whole months from 1 to 120`);
  if (issues.length > 0) return { issues };
  return {
    row: {
      line, sourceKey: sourceKey as string, kind: kind as string, date: date as string, amountMinor, currency: currency as string,
      ownerId, ownerEmail, accountId, opportunityId, territoryId, pipelineId, termMonths: term === null ? null : Number(term),
    },
  };
}
