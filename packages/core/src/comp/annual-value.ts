import { divideRounded } from '../money.js';

/*
 * Annual contract value (ACV): what a contract is worth a year. A contract of a year or less is
 * worth its amount; a longer one its amount over the years of its term:
 *   ACV = amount x 12 / termMonths   (termMonths > 12), rounded once, half-even.
 * (A contract shorter than a year is not scaled up: it books what it is worth.)
 */

/** The longest contract term accepted, in months (ten years). */
export const MAX_TERM_MONTHS = 120;

/** A contract's annual value in minor units; `termMonths` absent or null: a year or less. */
export function annualValue(amountMinor: bigint, termMonths: number | null | undefined): bigint {
  if (termMonths === null || termMonths === undefined || termMonths <= 12) return amountMinor;
  return divideRounded(amountMinor * 12n, BigInt(termMonths), 'half-even');
}

/** Whether a term is a whole number of months from 1 to MAX_TERM_MONTHS. */
export const isTermMonths = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_TERM_MONTHS;
