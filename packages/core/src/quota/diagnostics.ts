import { loadBalance } from '../territory/metrics.js';
import { seededRandom } from '../seeded-random.js';

/*
 * How fair and how reachable an allocation is, before anyone is paid on it (statistics in floating
 * point: these are estimates, never money).
 *
 * The predicted share of sellers at or above 100%: each seller's bookings next year are her
 * bookings last year times a growth drawn from the sellers' own growth the year before (this
 * year's bookings over last year's, for those who booked in both), over many seeded trials.
 * A balanced quota lets 55-70% of sellers reach 100% (Alexander Group); fewer means the number
 * is out of reach for most, more that it is soft.
 */

/** Fewer sellers with two years of bookings than this: not enough history to predict. */
export const MIN_GROWTH_HISTORY = 5;

export interface AttainmentPrediction {
  /** Mean share of the sellers predicted (those with bookings last year) at or above quota. */
  readonly shareAtQuota: number;
  /** The 10th and 90th percentile of that share over the trials. */
  readonly p10: number;
  readonly p90: number;
  readonly sellers: number;
  readonly trials: number;
}

/**
 * The predicted share of sellers at or above quota; null when fewer than MIN_GROWTH_HISTORY
 * growths are known ("not enough history" rather than a number).
 */
export function predictShareAtQuota(sellers: readonly { readonly quota: number; readonly history: number }[], growths: readonly number[], options: { trials?: number; seed?: number } = {}): AttainmentPrediction | null {
  const known = sellers.filter((s) => s.history > 0 && s.quota > 0);
  if (growths.length < MIN_GROWTH_HISTORY || known.length === 0) return null;
  const trials = options.trials ?? 2000;
  const random = seededRandom(options.seed ?? 1);
  const shares: number[] = [];
  for (let k = 0; k < trials; k++) {
    let at = 0;
    for (const s of known) if (s.history * (growths[Math.floor(random() * growths.length)] as number) >= s.quota) at += 1;
    shares.push(at / known.length);
  }
  shares.sort((a, b) => a - b);
  const pick = (q: number) => shares[Math.min(trials - 1, Math.floor(q * trials))] as number;
  return { shareAtQuota: shares.reduce((s, x) => s + x, 0) / trials, p10: pick(0.1), p90: pick(0.9), sellers: known.length, trials };
}

/** Quota per unit of potential across the sellers who cover some: how evenly the number follows the market (Gini 0 = in proportion). */
export function quotaPerPotential(sellers: readonly { readonly quota: number; readonly potential: number }[]): { readonly gini: number; readonly min: number; readonly max: number; readonly sellers: number } | null {
  const ratios = sellers.filter((s) => s.potential > 0).map((s) => s.quota / s.potential);
  if (ratios.length === 0) return null;
  return { gini: loadBalance(ratios).gini, min: Math.min(...ratios), max: Math.max(...ratios), sellers: ratios.length };
}

/**
 * How closely attainment follows territory potential: Pearson's r between each seller's attainment
 * (bookings over quota) and the potential she covers, over the sellers with both. A fair plan
 * shows a weak correlation: a strong positive r means the quotas did not take the market into
 * account (rich territories over-attain). Null with fewer than 3 sellers or no spread.
 */
export function attainmentAgainstPotential(sellers: readonly { readonly attainment: number; readonly potential: number }[]): { readonly correlation: number; readonly sellers: number } | null {
  const xs = sellers.filter((s) => s.potential > 0 && Number.isFinite(s.attainment));
  if (xs.length < 3) return null;
  const mean = (f: (s: (typeof xs)[number]) => number) => xs.reduce((sum, s) => sum + f(s), 0) / xs.length;
  const ma = mean((s) => s.attainment);
  const mp = mean((s) => s.potential);
  const cov = mean((s) => (s.attainment - ma) * (s.potential - mp));
  const sa = Math.sqrt(mean((s) => (s.attainment - ma) ** 2));
  const sp = Math.sqrt(mean((s) => (s.potential - mp) ** 2));
  return sa === 0 || sp === 0 ? null : { correlation: cov / (sa * sp), sellers: xs.length };
}
