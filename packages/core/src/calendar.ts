/**
 * Calendar dates are 'YYYY-MM-DD' strings; instants are ISO-8601 strings ending in 'Z'.
 * Fiscal periods are explicit values computed from the org's fiscal year start month;
 * a fiscal year is named after the calendar year in which it ends (FY2027 starting Feb 2026).
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date in YYYY-MM-DD form. */
export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Splits a valid calendar date into numbers. */
export function dateParts(date: string): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a calendar date: "${date}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian). */
export function toEpochDay(date: string): number {
  const { year, month, day } = dateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day count since 1970-01-01. */
export function fromEpochDay(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  return formatDate(era * 400 + yoe + (month <= 2 ? 1 : 0), month, day);
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** The calendar date part of an ISO instant, in UTC. */
export function dateOfInstant(instant: string): string {
  return instant.slice(0, 10);
}

export type PeriodKind = 'year' | 'quarter' | 'month';

/** A fiscal period with its first and last calendar dates (inclusive). */
export interface FiscalPeriod {
  readonly kind: PeriodKind;
  /** 'FY2027', 'FY2027-Q1' or 'FY2027-M01' (the first month of the fiscal year). */
  readonly key: string;
  readonly fiscalYear: number;
  readonly start: string;
  readonly end: string;
}

/** The fiscal year (named by the calendar year it ends in) containing `date`. */
export function fiscalYearOf(date: string, startMonth: number): number {
  const { year, month } = dateParts(date);
  if (startMonth === 1) return year;
  return month >= startMonth ? year + 1 : year;
}

function monthStart(fiscalYear: number, startMonth: number, index: number): { year: number; month: number } {
  const firstYear = startMonth === 1 ? fiscalYear : fiscalYear - 1;
  const zeroBased = startMonth - 1 + index;
  return { year: firstYear + Math.floor(zeroBased / 12), month: (zeroBased % 12) + 1 };
}

function span(fiscalYear: number, startMonth: number, firstIndex: number, months: number): { start: string; end: string } {
  const a = monthStart(fiscalYear, startMonth, firstIndex);
  const b = monthStart(fiscalYear, startMonth, firstIndex + months - 1);
  return { start: formatDate(a.year, a.month, 1), end: formatDate(b.year, b.month, daysInMonth(b.year, b.month)) };
}

/** The fiscal period of `kind` that contains `date`. */
export function fiscalPeriodOf(date: string, startMonth: number, kind: PeriodKind): FiscalPeriod {
  const fiscalYear = fiscalYearOf(date, startMonth);
  const { month } = dateParts(date);
  const index = (month - startMonth + 12) % 12;
  if (kind === 'year') return { kind, key: `FY${fiscalYear}`, fiscalYear, ...span(fiscalYear, startMonth, 0, 12) };
  if (kind === 'quarter') {
    const q = Math.floor(index / 3);
    return { kind, key: `FY${fiscalYear}-Q${q + 1}`, fiscalYear, ...span(fiscalYear, startMonth, q * 3, 3) };
  }
  return { kind, key: `FY${fiscalYear}-M${String(index + 1).padStart(2, '0')}`, fiscalYear, ...span(fiscalYear, startMonth, index, 1) };
}

/** Parses a period key ('FY2027', 'FY2027-Q3', 'FY2027-M07'; 'FY' optional) into its dates. */
export function parseFiscalPeriod(key: string, startMonth: number): FiscalPeriod {
  const m = /^(?:FY)?(\d{4})(?:-(Q[1-4]|M(?:0[1-9]|1[0-2])))?$/.exec(key.trim().toUpperCase());
  if (!m) throw new RangeError(`not a fiscal period: "${key}" (expected FY2027, FY2027-Q3 or FY2027-M07)`);
  const fiscalYear = Number(m[1]);
  const part = m[2];
  if (!part) return { kind: 'year', key: `FY${fiscalYear}`, fiscalYear, ...span(fiscalYear, startMonth, 0, 12) };
  const n = Number(part.slice(1));
  if (part.startsWith('Q')) return { kind: 'quarter', key: `FY${fiscalYear}-${part}`, fiscalYear, ...span(fiscalYear, startMonth, (n - 1) * 3, 3) };
  return { kind: 'month', key: `FY${fiscalYear}-${part}`, fiscalYear, ...span(fiscalYear, startMonth, n - 1, 1) };
}
