#!/usr/bin/env node
/*
 * Compensation engine throughput (issue 4): an AE plan (one commission component: marginal
 * tiers on quarterly attainment 0-100% at 5%, 100-150% at 8%, above at 10%; per-line
 * rounding half-even; cap at 2x target incentive; period accumulation per quarter) over a
 * fiscal year of 10,000 payees and 5M credits held in memory. Measures, single-threaded:
 *   - Attain (packages/core/dist, with explanations): credits as a calc run reads them
 *     (ORDER BY payee, date, id), cut into payee-quarters in one pass, then
 *     calculateComponent for every payee-quarter; credits/s and total wall time;
 *   - the same with each payee's whole-year credits passed to every quarter (the engine
 *     selects the quarter's credits itself), and with credits in the generator's shuffled
 *     order (grouped through maps; the engine sorts each payee-quarter);
 *   - a bare bigint loop summing the credits, and a hand-written exact bigint version of
 *     the plan (no explanations): what plain JS reaches;
 *   - DuckDB (@duckdb/node-api, in-memory table, SET threads=1): the plan in SQL, DOUBLE and
 *     DECIMAL; load time and query time reported apart; totals compared with Attain's.
 * Not a test: nothing is asserted. Build core first (npx tsc -b). Usage:
 *   taskset -c 0 node --max-old-space-size=8192 --expose-gc bench/comp-throughput.mjs \
 *     [--payees 10000] [--credits 5000000] [--runs 5] [--only attain,year,unordered,loops,duckdb] [--duckdb-threads 1]
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { QUARTERS, generateCompData, quarterOfDay, toCredits } from './comp-data.mjs';

const { values } = parseArgs({
  options: {
    payees: { type: 'string', default: '10000' },
    credits: { type: 'string', default: '5000000' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    only: { type: 'string', default: 'attain,year,unordered,loops,duckdb' },
    'duckdb-threads': { type: 'string', default: '1' },
  },
});
const only = new Set(values.only.split(','));
const runs = Number(values.runs);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const coreEntry = join(root, 'packages/core/dist/index.js');
if (!existsSync(coreEntry)) throw new Error('build first: npx tsc -b');
const { calculateComponent, parseDecimal } = await import(coreEntry);

const gc = () => globalThis.gc?.();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rate = (count, ms) => `${fmt(count / (ms / 1000) / 1e6, 1)}M/s`;
const log = (...args) => console.error(...args);

/** Runs `fn` once to warm up, then `runs` times; median and all times in ms. */
function measure(label, fn) {
  gc();
  const first = fn();
  const times = [];
  let last = first;
  for (let i = 0; i < runs; i++) {
    gc();
    last = fn();
    times.push(last.ms);
  }
  log(`${label}: warm-up ${fmt(first.ms)} ms, runs ${times.map((t) => fmt(t)).join(' / ')} ms, median ${fmt(median(times))} ms`);
  return { ...last, first: first.ms, median: median(times), times };
}

const component = {
  id: 'ae-commission',
  name: 'AE commission',
  kind: 'commission',
  measure: { creditTypes: ['booking'], aggregate: 'sum' },
  rateTable: {
    basis: 'attainment',
    boundary: 'lower-inclusive',
    tiers: [
      { lower: parseDecimal('0'), upper: parseDecimal('1'), rate: parseDecimal('0.05') },
      { lower: parseDecimal('1'), upper: parseDecimal('1.5'), rate: parseDecimal('0.08') },
      { lower: parseDecimal('1.5'), rate: parseDecimal('0.10') },
    ],
  },
  mode: 'marginal',
  rounding: { point: 'per-line', mode: 'half-even' },
  accumulation: 'period',
  cap: { kind: 'target-multiple', multiple: parseDecimal('2') },
};

let started = performance.now();
const data = generateCompData({ payees: Number(values.payees), credits: Number(values.credits), seed: Number(values.seed) });
log(`generated ${fmt(data.credits)} credits for ${fmt(data.payees)} payees in ${fmt(performance.now() - started)} ms`);
const P = data.payees;
const N = data.credits;
const report = { payees: P, credits: N, runs, node: process.version };

/**
 * Attain over credits as a calc run reads them (payee, date, id order): one linear pass cuts
 * them into payee-quarters, then calculateComponent runs on each.
 */
function attainStoreOrder(credits, payeeIndex) {
  const t0 = performance.now();
  const buckets = [];
  let start = 0;
  let payee = credits[0]?.payeeId;
  let quarter = credits.length > 0 ? quarterOfDate(credits[0].date) : 0;
  // Credits arrive ordered by payee then date: a bucket ends where the payee changes or the date passes its quarter.
  for (let i = 1; i <= credits.length; i++) {
    const c = credits[i];
    if (c !== undefined && c.payeeId === payee && c.date <= QUARTERS[quarter].to) continue;
    buckets.push({ pq: payeeIndex.get(payee) * 4 + quarter, credits: credits.slice(start, i) });
    start = i;
    if (c !== undefined) {
      payee = c.payeeId;
      quarter = quarterOfDate(c.date);
    }
  }
  const t1 = performance.now();
  return { ...runBuckets(buckets), groupMs: t1 - t0, ms: performance.now() - t0 };
}

/** Quarter (0..3) of a 2026 date, by comparing with the quarters' last days. */
function quarterOfDate(date) {
  return date <= QUARTERS[0].to ? 0 : date <= QUARTERS[1].to ? 1 : date <= QUARTERS[2].to ? 2 : 3;
}

function runBuckets(buckets) {
  const t = performance.now();
  const pay = new BigInt64Array(P * 4);
  let lines = 0;
  for (const { pq, credits } of buckets) {
    const r = calculateComponent({ component, credits, quotaMinor: data.quota[pq], targetIncentiveMinor: data.targetIncentive[pq], period: QUARTERS[pq % 4] });
    pay[pq] = r.amountMinor;
    lines += r.lines.length;
  }
  return { pay, lines, engineMs: performance.now() - t };
}

/** Credits in the generator's order (payees and dates shuffled): grouped through maps; the engine sorts each payee-quarter. */
function attainUnordered(credits, payeeIndex) {
  const t0 = performance.now();
  const lists = Array.from({ length: P * 4 }, () => []);
  for (let i = 0; i < credits.length; i++) {
    const c = credits[i];
    lists[payeeIndex.get(c.payeeId) * 4 + quarterOfDate(c.date)].push(c);
  }
  const buckets = lists.map((list, pq) => ({ pq, credits: list }));
  const t1 = performance.now();
  return { ...runBuckets(buckets), groupMs: t1 - t0, ms: performance.now() - t0 };
}

/** Each payee's whole year (store order) passed to each quarter's call: the engine selects by date. */
function attainPerPayeeYear(credits, payeeIndex) {
  const t0 = performance.now();
  const buckets = [];
  let start = 0;
  for (let i = 1; i <= credits.length; i++) {
    const prev = credits[i - 1];
    if (credits[i]?.payeeId === prev.payeeId) continue;
    const list = credits.slice(start, i);
    for (let q = 0; q < 4; q++) buckets.push({ pq: payeeIndex.get(prev.payeeId) * 4 + q, credits: list });
    start = i;
  }
  const t1 = performance.now();
  return { ...runBuckets(buckets), groupMs: t1 - t0, ms: performance.now() - t0 };
}

const totalOf = (pay) => pay.reduce((s, v) => s + v, 0n);

let attainPay;
if (only.has('attain') || only.has('loops')) {
  started = performance.now();
  const { credits, payeeIds } = toCredits(data, { order: 'store' });
  log(`built ${fmt(N)} Credit objects in store order in ${fmt(performance.now() - started)} ms; heap used ${fmt(process.memoryUsage().heapUsed / 2 ** 20)} MiB`);
  const payeeIndex = new Map(payeeIds.map((id, p) => [id, p]));

  if (only.has('attain')) {
    const a = measure('attain, credits in store order cut into payee-quarters', () => attainStoreOrder(credits, payeeIndex));
    attainPay = a.pay;
    log(`  grouping ${fmt(a.groupMs)} ms + engine ${fmt(a.engineMs)} ms (last run); ${fmt(a.lines)} explanation lines; total pay ${totalOf(a.pay)} minor units`);
    report.attain = { medianMs: a.median, groupMs: a.groupMs, engineMs: a.engineMs, creditsPerSecond: N / (a.median / 1000), firstMs: a.first, lines: a.lines, totalPayMinor: String(totalOf(a.pay)) };
    if (only.has('year')) {
      const y = measure('attain, whole year per payee to each quarter', () => attainPerPayeeYear(credits, payeeIndex));
      const same = y.pay.every((v, i) => v === a.pay[i]);
      log(`  grouping ${fmt(y.groupMs)} ms + engine ${fmt(y.engineMs)} ms; same totals: ${same}`);
      report.attainYear = { medianMs: y.median, creditsPerSecond: N / (y.median / 1000), same };
    }
  }
  if (only.has('unordered')) {
    const shuffled = toCredits(data, { order: 'generated' }).credits;
    const u = measure('attain, credits in the generator order (the engine sorts)', () => attainUnordered(shuffled, payeeIndex));
    log(`  grouping ${fmt(u.groupMs)} ms + engine ${fmt(u.engineMs)} ms; same totals: ${attainPay ? u.pay.every((v, i) => v === attainPay[i]) : 'n/a'}`);
    report.attainUnordered = { medianMs: u.median, engineMs: u.engineMs, creditsPerSecond: N / (u.median / 1000) };
  }

  if (only.has('loops')) {
    const objects = measure('bare bigint loop over Credit objects (sum of amountMinor)', () => {
      const t = performance.now();
      let s = 0n;
      for (let i = 0; i < credits.length; i++) s += credits[i].amountMinor;
      return { ms: performance.now() - t, s };
    });
    const typed = measure('bare bigint loop over a BigInt64Array', () => {
      const t = performance.now();
      let s = 0n;
      const a = data.amount;
      for (let i = 0; i < a.length; i++) s += a[i];
      return { ms: performance.now() - t, s };
    });
    // The whole plan by hand on the columns, exact (bigint), no explanations: the ceiling for exact JS.
    const half = (n, d) => {
      const q = n / d;
      const r2 = (n % d) * 2n;
      return r2 > d || (r2 === d && q % 2n !== 0n) ? q + 1n : q;
    };
    const byHand = measure('hand-written exact plan (bigint, columns, no explanations)', () => {
      const t = performance.now();
      const v = new BigInt64Array(P * 4);
      for (let i = 0; i < N; i++) if (data.type[i] === 0) v[data.payee[i] * 4 + quarterOfDay(data.day[i])] += data.amount[i];
      const pay = new BigInt64Array(P * 4);
      for (let pq = 0; pq < P * 4; pq++) {
        const m = v[pq] < 0n ? 0n : v[pq];
        const q = data.quota[pq];
        const q15 = (q * 3n + 1n) / 2n; // ceiling: lower-inclusive edge
        const s1 = m < q ? m : q;
        const s2 = (m < q15 ? m : q15) - q;
        const s3 = m - q15;
        const amount = half(s1 * 5n, 100n) + (s2 > 0n ? half(s2 * 8n, 100n) : 0n) + (s3 > 0n ? half(s3 * 10n, 100n) : 0n);
        const cap = data.targetIncentive[pq] * 2n;
        pay[pq] = amount > cap ? cap : amount;
      }
      return { ms: performance.now() - t, pay };
    });
    const byHandSame = attainPay ? byHand.pay.every((x, i) => x === attainPay[i]) : undefined;
    log(`  hand-written plan equals Attain's totals: ${byHandSame}`);
    report.loops = { objectsMs: objects.median, objectsPerSecond: N / (objects.median / 1000), typedMs: typed.median, typedPerSecond: N / (typed.median / 1000), byHandMs: byHand.median, byHandPerSecond: N / (byHand.median / 1000), byHandSame };
  }
}

if (only.has('duckdb')) {
  const { openDuckDB, loadDuckDB, runDuckDBPlan } = await import('./comp-duckdb.mjs');
  const threads = Number(values['duckdb-threads']);
  const { connection } = await openDuckDB({ threads });
  const loadMs = await loadDuckDB(connection, data);
  log(`duckdb: loaded ${fmt(N)} credits (appender) in ${fmt(loadMs)} ms, threads=${threads}`);
  report.duckdb = { threads, loadMs };
  for (const variant of ['double', 'decimal']) {
    gc();
    const first = await runDuckDBPlan(connection, data, variant);
    const times = [];
    let last = first;
    for (let i = 0; i < runs; i++) {
      last = await runDuckDBPlan(connection, data, variant);
      times.push(last.ms);
    }
    const med = median(times);
    let maxDiff = 0;
    let differing = 0;
    if (attainPay) {
      for (let pq = 0; pq < P * 4; pq++) {
        const d = Math.abs(last.pay[pq] - Number(attainPay[pq]));
        if (d > 0) differing++;
        if (d > maxDiff) maxDiff = d;
      }
    }
    log(`duckdb ${variant}: warm-up ${fmt(first.ms)} ms, runs ${times.map((t) => fmt(t)).join(' / ')} ms, median ${fmt(med)} ms = ${rate(N, med)}${attainPay ? `; vs Attain: max diff ${maxDiff} minor units, ${differing} of ${P * 4} payee-quarters differ` : ''}`);
    report.duckdb[variant] = { medianMs: med, creditsPerSecond: N / (med / 1000), maxDiffMinor: attainPay ? maxDiff : undefined, differing: attainPay ? differing : undefined };
  }
  connection.closeSync();
}

if (report.attain) {
  const a = report.attain;
  log(`\nAttain: ${rate(N, a.medianMs)} (goal >= 5M/s), full year ${fmt(a.medianMs)} ms (goal < 2,000 ms)`);
  if (report.duckdb?.double) log(`DuckDB (double, threads=${report.duckdb.threads}) is ${fmt(a.medianMs / report.duckdb.double.medianMs, 1)}x faster (goal: within 8x)`);
}
console.log(JSON.stringify(report, null, 2));
