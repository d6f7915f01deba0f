import { DomainError, joinPieces, loadBalance, planMetrics, partitionSteps, recursiveBisection, territoriesApart, type LoadBalance, type PartitionProgress, type SecondaryMeasure, type UnitGraph } from '@attain/core';
import type { ModelAccount } from '../coverage/model-accounts.js';
import { SCALE } from './optimize-counties.js';
import { contiguousUsCounties, type CountyGraph } from './us-counties.js';

/*
 * The organisation's accounts on the contiguous-US counties, and plans of those counties for a
 * territory model: by recursive bisection with counties split and their accounts carved out, or
 * by the balanced partition of whole counties (docs/territories.md#optimizing-a-model).
 */

export interface CountyUnits {
  readonly counties: CountyGraph;
  readonly unitOf: ReadonlyMap<string, number>;
  /** The counties weighted by their accounts. */
  readonly graph: UnitGraph;
  /** Each county's accounts, an account outside the counties in the county nearest it. */
  readonly inUnit: readonly ModelAccount[][];
  /** Accounts outside the counties (Alaska, Hawaii, abroad), with a location or not. */
  readonly outside: readonly ModelAccount[];
  readonly weightOf: (a: ModelAccount) => number;
}

/** The accounts on the counties, weighted by potential or by count; none of any weight is an error naming the measure. */
export function countyUnits(accounts: readonly ModelAccount[], measure: 'potential' | 'accounts'): CountyUnits {
  const counties = contiguousUsCounties();
  const unitOf = new Map(counties.units.map((u, i) => [u.id, i]));
  const weights = counties.units.map(() => 0);
  const inUnit: ModelAccount[][] = counties.units.map(() => []);
  const outside: ModelAccount[] = [];
  const weightOf = (a: ModelAccount): number => (measure === 'accounts' ? 1 : Number(a.potentialMinor ?? 0n));
  const nearest = (a: ModelAccount): number | undefined => {
    if (a.latitude === null || a.longitude === null) return undefined;
    let best = 0;
    let bestD = Infinity;
    counties.units.forEach((u, i) => {
      const d = (u.centroid[0] - (a.longitude as number)) ** 2 + (u.centroid[1] - (a.latitude as number)) ** 2;
      if (d < bestD) [best, bestD] = [i, d];
    });
    return best;
  };
  for (const a of accounts) {
    const inside = a.county === null ? undefined : unitOf.get(a.county);
    const u = inside ?? nearest(a);
    if (inside === undefined) outside.push(a);
    if (u === undefined) continue;
    inUnit[u]?.push(a);
    weights[u] = (weights[u] as number) + weightOf(a);
  }
  if (weights.every((w) => w === 0)) throw new DomainError('validation_failed', 'no account with a location in the contiguous US counties has any weight: nothing to balance', [{ field: 'measure', message: 'no weight' }]);
  const graph = { weights, adjacency: counties.adjacency, points: counties.units.map((u) => [u.centroid[0] * SCALE, u.centroid[1]] as const) };
  return { counties, unitOf, graph, inUnit, outside, weightOf };
}

/** A plan of the counties for a model: each county's territory, each account's (a split county's accounts may differ), and its figures. */
export interface CountiesPlan {
  readonly method: 'bisection' | 'partition';
  readonly countyTerritory: readonly number[];
  readonly territoryOf: ReadonlyMap<string, number>;
  readonly splitCounties: number;
  readonly apart: number;
  /** Each territory's weight, and the balance, over the accounts as placed (a split county's accounts are whole). */
  readonly loads: readonly number[];
  readonly balance: LoadBalance;
}

const loadsOf = (territoryOf: ReadonlyMap<string, number>, inUnit: readonly ModelAccount[][], n: number, weightOf: (a: ModelAccount) => number): { loads: number[]; balance: LoadBalance } => {
  const loads = Array.from({ length: n }, () => 0);
  for (const list of inUnit) for (const a of list) { const t = territoryOf.get(a.id) as number; loads[t] = (loads[t] as number) + weightOf(a); }
  return { loads, balance: loadBalance(loads) };
};

/**
 * Recursive bisection with counties split at the cuts; a split county's accounts go, heaviest
 * first, to whichever of its territories has most of its share left (carved out by hand).
 */
export function splitCountiesPlan(graph: UnitGraph, inUnit: readonly ModelAccount[][], n: number, weightOf: (a: ModelAccount) => number): CountiesPlan {
  const b = joinPieces(graph.adjacency, recursiveBisection(graph.points, graph.weights, n, { divisible: true, adjacency: graph.adjacency }));
  const territoryOf = new Map<string, number>();
  b.shares.forEach((shares, u) => {
    const left = new Map(shares.map((x) => [x.territory, x.weight]));
    const list = [...(inUnit[u] ?? [])].sort((x, y) => weightOf(y) - weightOf(x) || (x.id < y.id ? -1 : 1));
    for (const a of list) {
      const [t] = [...left].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0] as [number, number];
      left.set(t, (left.get(t) as number) - weightOf(a));
      territoryOf.set(a.id, t);
    }
  });
  return {
    method: 'bisection', countyTerritory: b.shares.map((s) => s[0]?.territory as number), territoryOf, splitCounties: b.split,
    apart: territoriesApart(graph.adjacency, b.shares, n), ...loadsOf(territoryOf, inUnit, n, weightOf),
  };
}

/** The balanced partition of whole counties, made compact within the band, secondary measures within theirs; in steps (core partitionSteps). */
export function* wholeCountiesPlan(graph: UnitGraph, inUnit: readonly ModelAccount[][], n: number, tolerance: number, seed: number, weightOf: (a: ModelAccount) => number, secondary: readonly SecondaryMeasure[] = []): Generator<PartitionProgress, CountiesPlan> {
  const r = yield* partitionSteps(graph, { territories: n, tolerance, seed, secondary, compact: true });
  const territoryOf = new Map(inUnit.flatMap((list, u) => list.map((a) => [a.id, r.assignment[u] as number] as const)));
  return { method: 'partition', countyTerritory: r.assignment, territoryOf, splitCounties: 0, apart: planMetrics(graph, r.assignment, n).disconnected, ...loadsOf(territoryOf, inUnit, n, weightOf) };
}

export const betterOf = (a: CountiesPlan | undefined, b: CountiesPlan): CountiesPlan => (a === undefined || b.balance.maxDeviation < a.balance.maxDeviation ? b : a);
