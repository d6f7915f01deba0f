import { balancedPartition, planMetrics, type PlanMetrics } from '@attain/core';
import { contiguousUsCounties } from './us-counties.js';

/** A territory plan of the US counties as anyone can check it: each county's territory by FIPS code. */
export interface CountyPlan {
  readonly units: 'us-counties';
  readonly method: 'balanced-partition';
  readonly territories: number;
  readonly tolerance: number;
  /** The seed of the start kept. */
  readonly seed: number;
  readonly withinBand: boolean;
  /** FIPS code -> territory (0-based), in FIPS order. */
  readonly assignment: Readonly<Record<string, number>>;
  /** Each territory's population (of the places inside its counties). */
  readonly weights: readonly number[];
  readonly metrics: PlanMetrics;
}

/** Longitude is shortened by the cosine of the 48 states' middle latitude, so distances are about right. */
export const SCALE = Math.cos((39 * Math.PI) / 180);

/** Territories of whole contiguous-US counties balanced on population (see docs/territories.md). */
export function optimizeUsCounties(options: { territories: number; tolerance: number; seed: number }): CountyPlan {
  const counties = contiguousUsCounties();
  const graph = { weights: counties.units.map((u) => u.weight), adjacency: counties.adjacency, points: counties.units.map((u) => [u.centroid[0] * SCALE, u.centroid[1]] as const) };
  const r = balancedPartition(graph, options);
  return {
    units: 'us-counties', method: 'balanced-partition', territories: options.territories, tolerance: options.tolerance, seed: r.seed, withinBand: r.withinBand,
    assignment: Object.fromEntries(counties.units.map((u, i) => [u.id, r.assignment[i] as number])),
    weights: r.weights, metrics: planMetrics(graph, r.assignment, options.territories),
  };
}
