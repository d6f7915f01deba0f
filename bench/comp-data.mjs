/*
 * Deterministic data for the compensation engine benchmark (bench/comp-throughput.mjs):
 * a fiscal year (calendar 2026, four quarters) of credits for an AE plan.
 *
 *   generateCompData({ payees: 10_000, credits: 5_000_000, seed: 1 })
 *
 * Columnar (typed arrays), so the same data feeds the Attain engine (as Credit objects),
 * a bare bigint loop and DuckDB without a copy per consumer:
 * - payee: Int32Array, 0..payees-1; day: Int16Array, day of the year 0..364;
 *   type: Uint8Array, index into CREDIT_TYPES; amount: BigInt64Array, minor units (cents).
 * - quota / targetIncentive: BigInt64Array indexed payee * 4 + quarter (0..3), minor units.
 * The generator is the demo data's (packages/app/src/demo/prng.ts, from the build: run
 * `npx tsc -b` first): the same data for the same seed on every platform.
 */

import { Rng } from '../packages/app/dist/demo/prng.js';

export const YEAR = 2026;
export const CREDIT_TYPES = ['booking', 'renewal', 'services'];
const TYPE_WEIGHTS = [0.88, 0.08, 0.04];
/** First day (0-based day of year) of each quarter of 2026, and the year's length. */
export const QUARTER_START_DAY = [0, 90, 181, 273];
export const DAYS = 365;

/** sfc32 seeded by key: a float in [0, 1) per call (the demo data's generator, from the built app). */
export function rng(key) {
  const stream = new Rng(String(key));
  return () => stream.next();
}

const normal = (next) => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());

/** 0..364 -> "2026-MM-DD" (shared strings: a credit's date costs no memory of its own). */
export const DATE_OF_DAY = Array.from({ length: DAYS }, (_, d) => new Date(Date.UTC(YEAR, 0, 1 + d)).toISOString().slice(0, 10));
export const quarterOfDay = (day) => (day >= 273 ? 3 : day >= 181 ? 2 : day >= 90 ? 1 : 0);
export const QUARTERS = [0, 1, 2, 3].map((q) => ({ from: DATE_OF_DAY[QUARTER_START_DAY[q]], to: DATE_OF_DAY[(QUARTER_START_DAY[q + 1] ?? DAYS) - 1] }));

export function generateCompData({ payees = 10_000, credits = 5_000_000, seed = 1 } = {}) {
  const next = rng(`attain-comp-bench/${seed}`);
  // Payees differ in volume (x0.4 to x1.6) and deal size (median 4,000 to 16,000 USD).
  const weight = new Float64Array(payees);
  const dealMedian = new Float64Array(payees);
  let totalWeight = 0;
  for (let p = 0; p < payees; p++) {
    weight[p] = 0.4 + 1.2 * next();
    dealMedian[p] = 400_000 * 2 ** (2 * next());
    totalWeight += weight[p];
  }
  const count = new Int32Array(payees);
  let assigned = 0;
  for (let p = 0; p < payees; p++) {
    count[p] = Math.floor((credits * weight[p]) / totalWeight);
    assigned += count[p];
  }
  for (let p = 0; assigned < credits; p = (p + 1) % payees, assigned++) count[p] += 1;

  const payee = new Int32Array(credits);
  const day = new Int16Array(credits);
  const type = new Uint8Array(credits);
  const amount = new BigInt64Array(credits);
  const bookedPerQuarter = new Float64Array(payees * 4);
  let i = 0;
  for (let p = 0; p < payees; p++) {
    for (let k = 0; k < count[p]; k++, i++) {
      // A third of the deals close in the last month of a quarter (the quarter-end push).
      let d;
      if (next() < 0.33) {
        const q = Math.floor(next() * 4);
        const end = QUARTER_START_DAY[q + 1] ?? DAYS;
        d = end - 1 - Math.floor(next() * 30);
      } else d = Math.floor(next() * DAYS);
      const r = next();
      const t = r < TYPE_WEIGHTS[0] ? 0 : r < TYPE_WEIGHTS[0] + TYPE_WEIGHTS[1] ? 1 : 2;
      // Log-normal deal sizes (sigma 0.9), at least 50.00; 2% are reversals (negative).
      let cents = Math.max(5_000, Math.round(dealMedian[p] * Math.exp(0.9 * normal(next))));
      if (next() < 0.02) cents = -cents;
      payee[i] = p;
      day[i] = d;
      type[i] = t;
      amount[i] = BigInt(cents);
      if (t === 0) bookedPerQuarter[p * 4 + quarterOfDay(d)] += cents;
    }
  }
  // Quota: what the payee books in the quarter x 0.6..1.5 (so attainment spreads from about
  // 65% to 165%, every tier and the cap are reached), in whole 1,000.00; target incentive
  // 5% of quota in whole units, so the cap (2x target) acts above ~160% attainment.
  const quota = new BigInt64Array(payees * 4);
  const targetIncentive = new BigInt64Array(payees * 4);
  for (let pq = 0; pq < payees * 4; pq++) {
    const expected = bookedPerQuarter[pq] / (0.6 + 0.9 * next());
    const q = Math.max(1, Math.round(expected / 100_000)) * 100_000;
    quota[pq] = BigInt(q);
    targetIncentive[pq] = BigInt(Math.round((q * 0.05) / 100) * 100);
  }
  return { payees, credits, payee, day, type, amount, quota, targetIncentive };
}

/**
 * The data as the engine's Credit objects (ids "c0000001", one shared string per date,
 * type and payee; sourceId is the credit's own id: one transaction per credit).
 * `order: 'store'` builds them in payee, date, id order, as a calc run reads them from the
 * database (ORDER BY payee_id, date, id on an index), so objects lie in memory in the order
 * they are read; 'generated' keeps the generator's order (dates and payees shuffled).
 */
export function toCredits(data, { order = 'store' } = {}) {
  const payeeIds = Array.from({ length: data.payees }, (_, p) => `p${String(p).padStart(5, '0')}`);
  const indices = Int32Array.from({ length: data.credits }, (_, i) => i);
  if (order === 'store') indices.sort((a, b) => data.payee[a] - data.payee[b] || data.day[a] - data.day[b] || a - b);
  const out = new Array(data.credits);
  for (let k = 0; k < data.credits; k++) {
    const i = indices[k];
    const id = `c${String(i).padStart(7, '0')}`;
    out[k] = { id, payeeId: payeeIds[data.payee[i]], creditType: CREDIT_TYPES[data.type[i]], amountMinor: data.amount[i], date: DATE_OF_DAY[data.day[i]], sourceId: id, rule: 'opportunity-owner' };
  }
  return { credits: out, payeeIds };
}
