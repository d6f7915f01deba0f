/**
 * Spreadsheet formula injection: a cell that starts with =, +, -, @, tab or carriage return
 * is run as a formula by Excel and friends. Exports prefix such cells with a single quote
 * (OWASP's recommendation), which spreadsheets show but do not evaluate.
 */
const DANGEROUS_START = /^[=+\-@\t\r]/;

export function neutraliseCsvCell(value: string): string {
  return DANGEROUS_START.test(value) ? `'${value}` : value;
}
