import { formatMinorAsMajor, neutraliseCsvCell } from '@attain/core';

/**
 * A table as CSV, the way the server's exports write it: RFC 4180 quoting, and a text cell that a
 * spreadsheet would run as a formula made inert (core neutraliseCsvCell). Plain decimals, negative
 * ones included, stay numbers.
 */
export function tableCsv(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => {
    const safe = /^-?\d+(\.\d+)?$/.test(v) ? v : neutraliseCsvCell(v);
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Hands a CSV to the browser as a download. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

/** Minor units as a plain decimal of the currency for a CSV cell ("1234.50"); empty for none. */
export const majorOf = (minor: string | null | undefined, currency: string): string => (minor === null || minor === undefined ? '' : formatMinorAsMajor(BigInt(minor), currency));
