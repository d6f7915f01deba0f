#!/usr/bin/env node
/*
 * Compensation engine throughput (issue 4): an AE plan (one commission component: marginal
 * tiers on quarterly attainment 0-100% at 5%, 100-150% at 8%, above at 10%; per-line
 * rounding half-even; cap at 2x target incentive; period accumulation per quarter) over a
 * fiscal year of 10,000 payees and 5M credits held in memory. Measures, single-threaded:
 *   - Attain (packages/core/dist, with explanations): grouping credits by payee and quarter,
 *     then calculateComponent for every payee-quarter; credits/s and total wall time;
 *   - the same with each payee's whole-year credits passed to every quarter (the engine
 *     selects the quarter's credits itself), and with credits handed over already in
 *     date-then-id order (as ORDER BY date, id would);
 *   - a bare bigint loop summing the credits, and a hand-written exact bigint version of
 *     the plan (no explanations): what plain JS reaches;
 *   - DuckDB (@duckdb/node-api, in-memory table, SET threads=1): the plan in SQL, DOUBLE and
 *     DECIMAL; load time and query time reported apart; totals compared with Attain's.
 * Not a test: nothing is asserted. Build core first (npx tsc -b). Usage:
 *   taskset -c 0 node --max-old-space-size=8192 --expose-gc bench/comp-throughput.mjs \
 *     [--payees 10000] [--credits 5000000] [--runs 5] [--only attain,year,sorted,loops,duckdb] [--duckdb-threads 1]
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { QUARTERS, generateCompData, quarterOfDay, toCredits, DATE_OF_DAY } from './comp-data.mjs';

const { values } = parseArgs({
  options: {
    payees: { type: 'string', default: '10000' },
    credits: { type: 'string', default: '5000000' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    only: { type: 'string', default: 'attain,year,sorted,loops,duckdb' },
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

/** Attain over credits as a store would hand them over: flat Credit objects. */
function attainGrouped(credits, payeeIndex, quarterOfDate) {
  const t0 = performance.now();
  const buckets = Array.from({ length: P * 4 }, () => []);
  for (let i = 0; i < credits.length; i++) {
    const c = credits[i];
    buckets[payeeIndex.get(c.payeeId) * 4 + quarterOfDate.get(c.date)].push(c);
  }
  const t1 = performance.now();
  const pay = new BigInt64Array(P * 4);
  let lines = 0;
  for (let pq = 0; pq < P * 4; pq++) {
    const r = calculateComponent({ component, credits: buckets[pq], quotaMinor: data.quota[pq], targetIncentiveMinor: data.targetIncentive[pq], period: QUARTERS[pq % 4] });
    pay[pq] = r.amountMinor;
    lines += r.lines.length;
  }
  const t2 = performance.now();
  return { ms: t2 - t0, groupMs: t1 - t0, engineMs: t2 - t1, pay, lines };
}

/** Each payee's whole year passed to each quarter's call: the engine selects by date. */
function attainPerPayeeYear(credits, payeeIndex) {
  const t0 = performance.now();
  const byPayee = Array.from({ length: P }, () => []);
  for (let i = 0; i < credits.length; i++) byPayee[payeeIndex.get(credits[i].payeeId)].push(credits[i]);
  const t1 = performance.now();
  const pay = new BigInt64Array(P * 4);
  for (let pq = 0; pq < P * 4; pq++) {
    const r = calculateComponent({ component, credits: byPayee[Math.floor(pq / 4)], quotaMinor: data.quota[pq], targetIncentiveMinor: data.targetIncentive[pq], period: QUARTERS[pq % 4] });
    pay[pq] = r.amountMinor;
  }
  const t2 = performance.now();
  return { ms: t2 - t0, groupMs: t1 - t0, engineMs: t2 - t1, pay };
}

let attainPay;
if (only.has('attain') || only.has('loops')) {
  started = performance.now();
  const { credits, payeeIds } = toCredits(data);
  log(`built ${fmt(N)} Credit objects in ${fmt(performance.now() - started)} ms; heap used ${fmt(process.memoryUsage().heapUsed / 2 ** 20)} MiB`);
  const payeeIndex = new Map(payeeIds.map((id, p) => [id, p]));
  const quarterOfDate = new Map(DATE_OF_DAY.map((d, day) => [d, quarterOfDay(day)]));

  if (only.has('attain')) {
    const a = measure('attain, credits grouped by payee-quarter', () => attainGrouped(credits, payeeIndex, quarterOfDate));
    attainPay = a.pay;
    const total = a.pay.reduce((s, v) => s + v, 0n);
    log(`  grouping ${fmt(a.groupMs)} ms + engine ${fmt(a.engineMs)} ms (last run); ${fmt(a.lines)} explanation lines; total pay ${total} minor units`);
    report.attain = { medianMs: a.median, groupMs: a.groupMs, engineMs: a.engineMs, creditsPerSecond: N / (a.median / 1000), firstMs: a.first, lines: a.lines, totalPayMinor: String(total) };
    if (only.has('year')) {
      const y = measure('attain, whole year per payee to each quarter', () => attainPerPayeeYear(credits, payeeIndex));
      const same = y.pay.every((v, i) => v === a.pay[i]);
      log(`  grouping ${fmt(y.groupMs)} ms + engine ${fmt(y.engineMs)} ms; same totals as grouped: ${same}`);
      report.attainYear = { medianMs: y.median, creditsPerSecond: N / (y.median / 1000), same };
    }
    if (only.has('sorted')) {
      // As a store would return them with ORDER BY date, id: the engine's sort then finds
      // each payee-quarter already in order. The one global sort is timed apart.
      const t = performance.now();
      const sorted = [...credits].sort((x, z) => (x.date < z.date ? -1 : x.date > z.date ? 1 : x.id < z.id ? -1 : x.id > z.id ? 1 : 0));
      const sortMs = performance.now() - t;
      const s = measure('attain, credits handed over in date-then-id order', () => attainGrouped(sorted, payeeIndex, quarterOfDate));
      log(`  one global sort ${fmt(sortMs)} ms (not in the time); grouping ${fmt(s.groupMs)} ms + engine ${fmt(s.engineMs)} ms; same totals: ${s.pay.every((v, i) => v === a.pay[i])}`);
      report.attainPresorted = { medianMs: s.median, engineMs: s.engineMs, sortMs, creditsPerSecond: N / (s.median / 1000) };
    }
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
