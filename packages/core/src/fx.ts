import { currencyExponent, divideRounded, type RoundingMode } from './money.js';

/** An exchange rate: 1 unit of `currency` = rateE9 / 1e9 units of the org's default currency. */
export interface ExchangeRate {
  readonly currency: string;
  /** First calendar date (YYYY-MM-DD) on which this rate applies. */
  readonly effectiveDate: string;
  /** Rate scaled by 10^9, exact. */
  readonly rateE9: bigint;
}

/** The rate in force on `date`: the latest one effective on or before it. */
export function rateOn(rates: readonly ExchangeRate[], currency: string, date: string): ExchangeRate | undefined {
  let best: ExchangeRate | undefined;
  for (const rate of rates) {
    if (rate.currency !== currency || rate.effectiveDate > date) continue;
    if (!best || rate.effectiveDate > best.effectiveDate) best = rate;
  }
  return best;
}

/** Converts minor units of `from` into minor units of `to` with an exact rate, rounding once. */
export function convertMinor(input: {
  amountMinor: bigint;
  from: string;
  to: string;
  rateE9: bigint;
  mode?: RoundingMode;
}): bigint {
  if (input.from === input.to) return input.amountMinor;
  const shift = currencyExponent(input.to) - currencyExponent(input.from);
  const numerator = input.amountMinor * input.rateE9 * 10n ** BigInt(Math.max(shift, 0));
  const denominator = 1_000_000_000n * 10n ** BigInt(Math.max(-shift, 0));
  return divideRounded(numerator, denominator, input.mode ?? 'half-even');
}
