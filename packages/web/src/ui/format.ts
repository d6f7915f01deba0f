import { formatMinorAsMajor } from '@attain/core';

/*
 * Presentation of values. Money arrives as a string of minor units and is turned into a
 * decimal string exactly (core's formatMinorAsMajor), which Intl formats without ever
 * becoming a float.
 */

type Decimal = `${number}`;

export function formatMoney(amountMinor: string | null | undefined, currency: string, options: { compact?: boolean } = {}): string {
  if (amountMinor === null || amountMinor === undefined || amountMinor === '') return '';
  const major = formatMinorAsMajor(BigInt(amountMinor), currency) as Decimal;
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency', currency,
      ...(options.compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
    }).format(major);
  } catch {
    return `${major} ${currency}`;
  }
}

export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

export function formatInstant(instant: string | null | undefined): string {
  if (!instant) return '';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

/** Basis points as a percentage: 2500 -> "25%", 1250 -> "12.5%". */
export function formatBps(bps: number | null | undefined): string {
  if (bps === null || bps === undefined) return '';
  const whole = Math.trunc(bps / 100);
  const rest = bps % 100;
  return rest === 0 ? `${whole}%` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat().format(n);
}

/** "forecast_category" -> "Forecast category". */
export function humanize(value: string): string {
  const spaced = value.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
