import { measureName } from '@attain/core';
import { amountMinor } from '../ui/amount.js';
import { formatCount, formatMoney } from '../ui/format.js';

/*
 * A quota plan's amounts are money in its currency (bookings, ACV) or a count (new logos): the same
 * fields hold either, so every figure and input of the quota pages goes through these.
 */

/** What a plan, an allocation or a comparison says of its amounts. */
export interface QuotaUnits {
  readonly unit: 'money' | 'count';
  readonly currency: string;
  readonly measure?: string;
}

/** What the history column holds: last year's bookings, or last year's new logos. */
export const historyName = (u: QuotaUnits): string => measureName(u.measure ?? 'bookings');

/** The history column's heading. */
export const lastYearLabel = (u: QuotaUnits): string => ((u.measure ?? 'bookings') === 'bookings' ? 'Booked last year' : `${historyName(u).replace(/^./, (c) => c.toUpperCase())} last year`);

/** A quota, history or target as shown; `compact` for chart labels. */
export function formatQuota(minor: string, u: QuotaUnits, options: { compact?: boolean } = {}): string {
  return u.unit === 'count' ? formatCount(Number(minor)) : formatMoney(minor, u.currency, options);
}

/** A quota typed: an amount in major units, or a whole count ("1,200" reads as 1200); null when it is not one. */
export function quotaTyped(text: string, u: QuotaUnits): string | null {
  if (u.unit === 'money') return amountMinor(text, u.currency);
  const digits = text.trim().replace(/[,\s]/g, '');
  return /^\d{1,12}$/.test(digits) ? BigInt(digits).toString() : null;
}

/** How an input of the unit is labelled: "(USD)" or "(new logos)". */
export const unitSuffix = (u: QuotaUnits): string => `(${u.unit === 'count' ? historyName(u) : u.currency})`;
