import { balancedPartition, joinPieces, loadBalance, planMetrics, recursiveBisection, territoriesApart, type PlanMetrics } from '@attain/core';
import { contiguousUsCounties } from './us-counties.js';

/** A territory plan of the US counties as anyone can check it: each county's territory by FIPS code, and the shares of split counties. */
export interface CountyPlan {
  readonly units: 'us-counties';
  readonly method: 'balanced-partition' | 'recursive-bisection';
  readonly territories: number;
  readonly tolerance: number;
  /** The seed of the start kept (bisection has none: null). */
  readonly seed: number | null;
  readonly withinBand: boolean;
  /** FIPS code -> territory (0-based), in FIPS order; a split county's is the territory holding most of it. */
  readonly assignment: Readonly<Record<string, number>>;
  /** Split counties: FIPS code -> territory -> the share of its population, largest first. */
  readonly splits: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Each territory's population (of the places inside its counties). */
  readonly weights: readonly number[];
  readonly metrics: PlanMetrics;
}

/** Longitude is shortened by the cosine of the 48 states' middle latitude, so distances are about right. */
export const SCALE = Math.cos((39 * Math.PI) / 180);

/**
 * Territories of contiguous-US counties balanced on population (see docs/territories.md): of whole
 * counties by the balanced partition, or with `split`, by recursive bisection that splits a county
 * at a cut where balance needs it (Los Angeles alone is 2.2 times the mean of 50 territories).
 */
export function optimizeUsCounties(options: { territories: number; tolerance: number; seed: number; split?: boolean }): CountyPlan {
  const counties = contiguousUsCounties();
  const graph = { weights: counties.units.map((u) => u.weight), adjacency: counties.adjacency, points: counties.units.map((u) => [u.centroid[0] * SCALE, u.centroid[1]] as const) };
  const base = { units: 'us-counties' as const, territories: options.territories, tolerance: options.tolerance };
  if (!options.split) {
    const r = balancedPartition(graph, options);
    return {
      ...base, method: 'balanced-partition', seed: r.seed, withinBand: r.withinBand, splits: {},
      assignment: Object.fromEntries(counties.units.map((u, i) => [u.id, r.assignment[i] as number])),
      weights: r.weights, metrics: planMetrics(graph, r.assignment, options.territories),
    };
  }
  const r = joinPieces(graph.adjacency, recursiveBisection(graph.points, graph.weights, options.territories, { divisible: true, adjacency: graph.adjacency }));
  const primary = r.shares.map((s) => s[0]?.territory as number);
  const balance = loadBalance(r.weights);
  return {
    ...base, method: 'recursive-bisection', seed: null, withinBand: balance.maxDeviation <= options.tolerance,
    assignment: Object.fromEntries(counties.units.map((u, i) => [u.id, primary[i] as number])),
    splits: Object.fromEntries(r.shares.flatMap((s, i) => (s.length > 1 ? [[counties.units[i]?.id as string, Object.fromEntries(s.map((x) => [String(x.territory), x.weight / (graph.weights[i] as number)]))]] : []))),
    weights: r.weights,
    metrics: { ...planMetrics(graph, primary, options.territories), ...balance, disconnected: territoriesApart(graph.adjacency, r.shares, options.territories) },
  };
}
