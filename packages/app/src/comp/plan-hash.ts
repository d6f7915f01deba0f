import { createHash } from 'node:crypto';
import { canonicalJson } from '@attain/core';
import type { PlanCalculation } from './plan-calculate.js';

/**
 * A stable fingerprint of a calculation: SHA-256 over its canonical JSON (sorted keys,
 * bigints as decimal strings). The same plan version and inputs give the same bytes, so
 * the same hash on any machine; a calc run stores it to prove a re-run changed nothing.
 */
export function calculationHash(calc: PlanCalculation): string {
  return `sha256:${createHash('sha256').update(canonicalJson(calc)).digest('hex')}`;
}
