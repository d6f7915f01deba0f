import { addDays, dateParts, daysInMonth, formatDate, isCalendarDate } from '../../calendar.js';
import { invalid } from '../../errors.js';

/**
 * Month arithmetic for capitalization schedules. A month is counted as an integer
 * (year x 12 + month - 1) so ranges and offsets are plain integer sums; labels are 'YYYY-MM'.
 */

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month count of a 'YYYY-MM' label; throws invalid(field) otherwise. */
export function monthIndexOf(field: string, month: string): number {
  const m = typeof month === 'string' ? MONTH_RE.exec(month) : null;
  if (!m) throw invalid(field, `not a month YYYY-MM: "${String(month)}"`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** Throws invalid(field) unless `date` is a real 'YYYY-MM-DD' calendar date. */
export function requireCalendarDate(field: string, date: string): void {
  if (typeof date !== 'string' || !isCalendarDate(date)) throw invalid(field, `not a calendar date YYYY-MM-DD: "${String(date)}"`);
}

/** The month count of the month a 'YYYY-MM-DD' date falls in; throws invalid(field) for a bad date. */
export function monthIndexOfDate(field: string, date: string): number {
  requireCalendarDate(field, date);
  const { year, month } = dateParts(date);
  return year * 12 + month - 1;
}

/** The 'YYYY-MM' label of a month count. */
export const monthLabelOf = (index: number): string =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The last calendar day ('YYYY-MM-DD') of a month count: journal entries are dated there. */
export function monthEndDateOf(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatDate(year, month, daysInMonth(year, month));
}

/**
 * Length in whole months of a contract term, both ends inclusive, a partial month counted
 * as a whole one (a term serves every month it touches a part of): 2026-01-01..2027-12-31
 * and 2026-01-15..2028-01-14 are 24 months, 2026-01-10..2026-01-20 is 1. Always >= 1.
 */
export function contractTermMonths(contractStart: string, contractEnd: string): number {
  const start = dateParts(contractStart);
  const after = dateParts(addDays(contractEnd, 1));
  const whole = after.year * 12 + after.month - (start.year * 12 + start.month);
  return Math.max(1, whole + (after.day > start.day ? 1 : 0));
}

/** Validates the month range; returns it as month counts. */
export function monthRangeOf(input: { readonly from: string; readonly to: string }): { from: number; to: number } {
  const from = monthIndexOf('from', input.from);
  const to = monthIndexOf('to', input.to);
  if (to < from) throw invalid('to', 'must not be before from');
  return { from, to };
}
