/**
 * Money is an integer count of a currency's minor units (cents for USD) held as a bigint.
 * Nothing here touches a float: rates are exact decimals (see decimal.ts) and every
 * division goes through {@link divideRounded}, the one rounding function of Attain.
 */

export type RoundingMode = 'half-even' | 'half-up' | 'down' | 'up' | 'floor' | 'ceiling';

export interface Money {
  /** Integer amount in the currency's minor units. */
  readonly amountMinor: bigint;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
}

const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'UGX', 'XAF', 'XOF', 'PYG']);
const THREE_DECIMAL = new Set(['BHD', 'KWD', 'OMR', 'JOD', 'TND', 'LYD', 'IQD']);

/** Number of minor-unit digits of an ISO 4217 currency (2 unless listed otherwise). */
export function currencyExponent(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  if (THREE_DECIMAL.has(currency)) return 3;
  return 2;
}

/** True for a syntactically valid ISO 4217 code. */
export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value);
}

const abs = (v: bigint): bigint => (v < 0n ? -v : v);

/**
 * Divides `numerator` by `denominator` and rounds the quotient to an integer with `mode`.
 * This is the single rounding point of the system; half-even is the default.
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode = 'half-even'): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) return divideRounded(-numerator, -denominator, mode);
  const q = numerator / denominator; // truncates toward zero
  const r = numerator % denominator;
  if (r === 0n) return q;
  const negative = numerator < 0n;
  const twice = abs(r) * 2n;
  const awayFromZero = negative ? q - 1n : q + 1n;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return awayFromZero;
    case 'floor':
      return negative ? q - 1n : q;
    case 'ceiling':
      return negative ? q : q + 1n;
    case 'half-up':
      return twice >= denominator ? awayFromZero : q;
    case 'half-even':
      if (twice > denominator) return awayFromZero;
      if (twice < denominator) return q;
      return q % 2n === 0n ? q : awayFromZero;
  }
}

/**
 * Splits `total` into parts proportional to `weights` that sum exactly to `total`
 * (largest-remainder method; ties go to the earlier weight, so the result is deterministic).
 */
export function allocateLargestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) throw new RangeError('no weights');
  if (weights.some((w) => w < 0n)) throw new RangeError('negative weight');
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new RangeError('weights sum to zero');
  const sign = total < 0n ? -1n : 1n;
  const magnitude = abs(total);
  const parts = weights.map((w) => (magnitude * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (magnitude * w) % sum }));
  let left = magnitude - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((p) => p * sign);
}

/**
 * Parses a decimal amount written in major units ("1234.5", "-0.01", "1,234.56") into minor
 * units. More fractional digits than the currency has are an error, never silently rounded.
 */
export function parseMajorToMinor(text: string, currency: string): bigint {
  const cleaned = text.trim().replace(/,/g, '');
  const match = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) throw new RangeError(`not a decimal amount: "${text}"`);
  const [, sign, whole, frac = ''] = match;
  const exponent = currencyExponent(currency);
  const trimmed = frac.replace(/0+$/, '');
  if (trimmed.length > exponent) throw new RangeError(`"${text}" has more than ${exponent} decimals for ${currency}`);
  const minor = BigInt(whole ?? '0') * 10n ** BigInt(exponent) + BigInt(frac.padEnd(exponent, '0').slice(0, exponent) || '0');
  return sign === '-' ? -minor : minor;
}

/** Formats minor units as a plain major-unit decimal string ("1234.50"), no grouping. */
export function formatMinorAsMajor(amountMinor: bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  const negative = amountMinor < 0n;
  const digits = abs(amountMinor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const frac = digits.slice(digits.length - exponent);
  return `${negative ? '-' : ''}${whole}${exponent > 0 ? `.${frac}` : ''}`;
}
