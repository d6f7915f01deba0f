import { invalid, parseMajorToMinor } from '@attain/core';

/**
 * An amount given as an option, in major units of `currency` ("2500000.00"), as minor units; a
 * bad one is an error naming the option, with `hint` as its message (the parser's otherwise).
 */
export function amountOption(text: string, option: string, currency: string, hint?: string): bigint {
  try {
    return parseMajorToMinor(text.trim(), currency);
  } catch (error) {
    throw invalid(option, hint ?? (error as Error).message);
  }
}
