import { divideRounded, type RoundingMode } from './money.js';

/**
 * An exact decimal held as a scaled integer: value = units / 10^scale.
 * Used for rates (commission rates, exchange rates, probabilities) so that money is only
 * ever multiplied by integers and divided once, by {@link divideRounded}.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const POWERS_OF_TEN: bigint[] = Array.from({ length: 40 }, (_, k) => 10n ** BigInt(k));

/** 10^scale as a bigint; the common scales come from a table (the engine asks for them per line). */
export function pow10(scale: number): bigint {
  return POWERS_OF_TEN[scale] ?? 10n ** BigInt(scale);
}

/** Parses "0.0845", "12", "-1.5" exactly. Exponent notation is refused. */
export function parseDecimal(text: string): Decimal {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal: "${text}"`);
  const [, sign, whole, frac = ''] = match;
  const units = BigInt(`${whole}${frac}`);
  return { units: sign === '-' ? -units : units, scale: frac.length };
}

/** Writes a decimal back as text, without trailing zeros beyond `minScale`. */
export function formatDecimal(value: Decimal, minScale = 0): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  let whole = digits.slice(0, digits.length - value.scale);
  let frac = digits.slice(digits.length - value.scale);
  while (frac.length > minScale && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (whole === '') whole = '0';
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** amountMinor x rate, rounded once with `mode`. */
export function multiplyMoney(amountMinor: bigint, rate: Decimal, mode: RoundingMode = 'half-even'): bigint {
  return divideRounded(amountMinor * rate.units, pow10(rate.scale), mode);
}

/** The decimal as a scaled integer with exactly `scale` digits (e.g. basis points: scale 4). */
export function toScaled(value: Decimal, scale: number, mode: RoundingMode = 'half-even'): bigint {
  if (scale >= value.scale) return value.units * pow10(scale - value.scale);
  return divideRounded(value.units, pow10(value.scale - scale), mode);
}
