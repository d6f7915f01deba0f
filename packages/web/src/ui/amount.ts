import { parseMajorToMinor } from '@attain/core';

/**
 * An amount typed in major units ("1,500,000", "12.50") as minor units, exactly (core
 * parseMajorToMinor, never a float), or null when it is not one or is below `least` minor units.
 */
export function amountMinor(text: string, currency: string, least = 0n): string | null {
  try {
    const minor = parseMajorToMinor(text.trim(), currency);
    return minor >= least ? minor.toString() : null;
  } catch {
    return null;
  }
}
