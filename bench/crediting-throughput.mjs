#!/usr/bin/env node
/*
 * Crediting throughput (issue 4): transactions -> credits with three rules, in memory, one
 * core. Data (seeded with the demo data's PRNG, same on every run): 500 reps whose manager
 * changes on 1 July, 50 managers under 5 directors under one VP; 100 territories of five
 * members (one SE whose membership ends on 30 September for some); N transactions over
 * 2026 (a fifth with a 60/40 credit split, 2% reversals). Rules: the owner (or the split) gets
 * a `booking`; the territory's SE gets a `territory-booking` on new business and expansion;
 * every manager above the booking's payee on the date gets a `team-booking` (all levels).
 * Not a test: nothing is asserted. Build first (npx tsc -b). Usage:
 *   taskset -c 1 node --expose-gc bench/crediting-throughput.mjs [--transactions 100000] [--runs 5]
 */
import { parseArgs } from 'node:util';
import { rng } from './comp-data.mjs';

const { values } = parseArgs({ options: { transactions: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' }, seed: { type: 'string', default: '1' } } });
const { creditTransactions, addDays } = await import('../packages/core/dist/index.js');
const next = rng(`attain-crediting-bench/${values.seed}`);
const pick = (n) => Math.floor(next() * n);

const reps = Array.from({ length: 500 }, (_, i) => `rep${i}`);
const reportingLines = [];
reps.forEach((r, i) => {
  reportingLines.push({ personId: r, managerId: `mgr${i % 50}`, validFrom: '2026-01-01', validTo: '2026-07-01' });
  reportingLines.push({ personId: r, managerId: `mgr${(i + 1) % 50}`, validFrom: '2026-07-01', validTo: null });
});
for (let m = 0; m < 50; m++) reportingLines.push({ personId: `mgr${m}`, managerId: `dir${m % 5}`, validFrom: '2026-01-01', validTo: null });
for (let d = 0; d < 5; d++) reportingLines.push({ personId: `dir${d}`, managerId: 'vp', validFrom: '2026-01-01', validTo: null });
const territoryMembers = [];
for (let t = 0; t < 100; t++) {
  for (let k = 0; k < 5; k++) territoryMembers.push({ territoryId: `t${t}`, personId: reps[(t * 5 + k) % 500], role: k === 0 ? 'se' : 'rep', from: '2026-01-01', ...(k === 0 && t % 3 === 0 ? { to: '2026-09-30' } : {}) });
}
const kinds = ['new-business', 'renewal', 'expansion'];
const transactions = Array.from({ length: Number(values.transactions) }, (_, i) => {
  const owner = reps[pick(500)];
  const amount = BigInt(100_000 + pick(9_900_000));
  const split = pick(5) === 0;
  return {
    id: `tx-${i}`,
    date: addDays('2026-01-01', pick(365)),
    amountMinor: pick(50) === 0 ? -amount : amount,
    currency: 'USD',
    kind: kinds[pick(3)],
    ownerId: owner,
    territoryId: `t${pick(100)}`,
    ...(split ? { splits: [{ personId: owner, share: { units: 6n, scale: 1 }, kind: 'credit' }, { personId: reps[(reps.indexOf(owner) + 1) % 500], share: { units: 4n, scale: 1 }, kind: 'credit' }] } : {}),
  };
});
const rules = [
  { name: 'bookings', creditType: 'booking', source: { type: 'owner' } },
  { name: 'territory', creditType: 'territory-booking', filters: { kinds: ['new-business', 'expansion'] }, source: { type: 'territory', roles: ['se'] } },
  { name: 'rollup', creditType: 'team-booking', source: { type: 'rollup', of: ['bookings'], levels: 'all' } },
];

const times = [];
let last;
for (let run = 0; run <= Number(values.runs); run++) {
  globalThis.gc?.();
  const t0 = performance.now();
  last = creditTransactions({ transactions, rules, territoryMembers, reportingLines });
  const ms = performance.now() - t0;
  if (run > 0) times.push(ms);
  console.error(`${run === 0 ? 'warm-up' : `run ${run}`}: ${transactions.length.toLocaleString('en-US')} transactions -> ${last.credits.length.toLocaleString('en-US')} credits, ${last.issues.length} issues in ${ms.toFixed(0)} ms`);
}
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
const report = { transactions: transactions.length, rules: rules.length, credits: last.credits.length, issues: last.issues.length, medianMs: Math.round(median), transactionsPerSecond: Math.round(transactions.length / (median / 1000)), creditsPerSecond: Math.round(last.credits.length / (median / 1000)) };
console.error(`median ${report.medianMs} ms: ${(report.transactionsPerSecond / 1000).toFixed(0)}k transactions/s, ${(report.creditsPerSecond / 1e6).toFixed(2)}M credits/s`);
console.log(JSON.stringify(report, null, 2));
