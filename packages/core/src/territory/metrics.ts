import { reachable } from './graph.js';
import type { UnitGraph } from './partition.js';

/** How even a set of territory loads is. */
export interface LoadBalance {
  /** max |weight - mean| / mean. */
  readonly maxDeviation: number;
  /** Coefficient of variation of the territories' weights (population standard deviation / mean). */
  readonly cv: number;
  /** Gini coefficient of the territories' weights: 0 all equal, towards 1 all in one. */
  readonly gini: number;
  /** Heaviest over lightest (Infinity with an empty-weight territory). */
  readonly maxOverMin: number;
}

/** The balance of territory loads (a mean of 0 gives zeros: nothing to balance). */
export function loadBalance(loads: readonly number[]): LoadBalance {
  const n = loads.length;
  const mean = loads.reduce((s, x) => s + x, 0) / n;
  if (n === 0 || mean === 0) return { maxDeviation: 0, cv: 0, gini: 0, maxOverMin: n === 0 ? 0 : 1 };
  const variance = loads.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
  let pairs = 0;
  for (const a of loads) for (const b of loads) pairs += Math.abs(a - b);
  return {
    maxDeviation: Math.max(...loads.map((l) => Math.abs(l - mean))) / mean,
    cv: Math.sqrt(variance) / mean,
    gini: pairs / (2 * n * n * mean),
    maxOverMin: Math.max(...loads) / Math.min(...loads),
  };
}

/** What every territory plan reports, so plans (and methods) compare on the same figures. */
export interface PlanMetrics extends LoadBalance {
  readonly territories: number;
  /**
   * Weighted mean squared distance of the units to their territory's weighted centre, over the
   * same to the centre of all units: 0 is every territory a point, 1 no better than one territory.
   */
  readonly compactness: number;
  /** Territories whose units are not all connected over the adjacency graph. */
  readonly disconnected: number;
  /** Territories with no unit. */
  readonly empty: number;
}

type Point = readonly [number, number];

function centreOf(graph: UnitGraph, units: readonly number[]): Point {
  let w = 0;
  let x = 0;
  let y = 0;
  for (const u of units) {
    // Units of no weight still pull a little, so a territory of weightless units has a centre.
    const weight = Math.max(graph.weights[u] as number, 1e-9);
    const p = graph.points[u] as Point;
    w += weight;
    x += weight * p[0];
    y += weight * p[1];
  }
  return [x / w, y / w];
}

function spread(graph: UnitGraph, units: readonly number[], centre: Point): number {
  let s = 0;
  for (const u of units) {
    const p = graph.points[u] as Point;
    s += (graph.weights[u] as number) * ((p[0] - centre[0]) ** 2 + (p[1] - centre[1]) ** 2);
  }
  return s;
}

function connected(graph: UnitGraph, assignment: readonly number[], units: readonly number[]): boolean {
  if (units.length === 0) return true;
  const t = assignment[units[0] as number];
  return reachable(graph.adjacency, units[0] as number, (j) => assignment[j] === t).size === units.length;
}

/** The figures of a plan: `assignment` gives each unit's territory, 0..territories-1. */
export function planMetrics(graph: UnitGraph, assignment: readonly number[], territories: number): PlanMetrics {
  const members: number[][] = Array.from({ length: territories }, () => []);
  assignment.forEach((t, u) => members[t]?.push(u));
  const loads = members.map((units) => units.reduce((s, u) => s + (graph.weights[u] as number), 0));
  const all = graph.weights.map((_, u) => u);
  const total = spread(graph, all, centreOf(graph, all));
  const within = members.reduce((s, units) => s + (units.length === 0 ? 0 : spread(graph, units, centreOf(graph, units))), 0);
  return {
    territories,
    ...loadBalance(loads),
    compactness: total === 0 ? 0 : within / total,
    disconnected: members.filter((units) => !connected(graph, assignment, units)).length,
    empty: members.filter((units) => units.length === 0).length,
  };
}
