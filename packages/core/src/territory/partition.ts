import { centredInertia, compact } from './compaction.js';
import { connectedWithout } from './graph.js';
import { bestPathMove, neighbourPairs, type PathMove } from './path-moves.js';
import { balanceSecondary } from './secondary-balance.js';
import { PlanState, type SecondaryMeasure } from './plan-state.js';
import { seededRandom } from '../seeded-random.js';

/*
 * Balanced contiguous territories of whole units: the first of the optimizer's methods. Units
 * (counties, postal areas) have a weight (potential, population, workload), planar coordinates
 * and an adjacency graph. Territories are grown from spread seeds, the lightest territory taking
 * its nearest free neighbour each step, so every territory is connected from the start; then
 * boundary units move from territories above the mean to neighbours below it, never cutting the
 * territory they leave, until every territory is within the band or no move helps. Pure and
 * deterministic: the seed is an argument.
 */

export interface UnitGraph {
  readonly weights: readonly number[];
  /** Neighbours of each unit; the graph must be connected (bridge islands first). */
  readonly adjacency: readonly (readonly number[])[];
  /** Planar [x, y] of each unit (project longitude and latitude first). */
  readonly points: readonly (readonly [number, number])[];
}

export interface PartitionOptions {
  readonly territories: number;
  /** The band: each territory's weight within mean x (1 +/- tolerance), e.g. 0.05. */
  readonly tolerance: number;
  readonly seed: number;
  /** Moves tried at most in the balancing phase of one start (default 10 x units). */
  readonly maxMoves?: number;
  /** Starts from different seeds (seed, seed + 1, ...) until one is within the band; the best is kept (default 8; compacting, more on small instances). */
  readonly starts?: number;
  /** What each territory carries already outside the units (locked accounts). */
  readonly baseLoads?: readonly number[];
  /** Units that stay in a territory: unit -> territory. */
  readonly locked?: ReadonlyMap<number, number>;
  /** Start from this plan (today's territories) instead of growing from seeds: one start, and moved weight counts from it. */
  readonly start?: readonly number[];
  /** With `start`: at most this much weight may change territory (the disruption cap). */
  readonly maxMovedWeight?: number;
  /** Further measures kept within their own, wider bands. */
  readonly secondary?: readonly SecondaryMeasure[];
  /**
   * Then make the territories compact within the band (compaction.ts), and keep, of all starts,
   * the plan within the band with the least centred inertia (default false: the first start
   * within the band).
   */
  readonly compact?: boolean;
}

export interface PartitionResult {
  /** The territory of each unit, 0..territories-1. */
  readonly assignment: readonly number[];
  readonly weights: readonly number[];
  /** max |weight - mean| / mean over the territories. */
  readonly maxDeviation: number;
  readonly withinBand: boolean;
  readonly moves: number;
  /** The seed of the start kept, and how many were tried. */
  readonly seed: number;
  readonly starts: number;
  /** Primary weight in another territory than at `start` (0 without a start). */
  readonly movedWeight: number;
  /** Each secondary measure's max relative deviation, and whether all are within their bands. */
  readonly secondaryDeviations: readonly number[];
  readonly secondaryWithinBand: boolean;
  /** The centred inertia (compaction.ts) when compacted. */
  readonly inertia?: number;
}

/**
 * Starts tried when compacting: local search settles in local optima, and on small instances
 * starts cost little, so there are many (200 up to 25 units, 50 for 100, 2 from 2,500 on); by size,
 * never by the clock, so the same input gives the same plan.
 */
const compactStarts = (units: number): number => Math.min(200, Math.max(2, Math.ceil(5_000 / units)));

const distance2 = (a: readonly [number, number], b: readonly [number, number]): number => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

/**
 * Spread seeds (k-means++ on the points, weighted): a territory with locked units starts from the
 * first of them; the others, the first at random, each next far from those chosen.
 */
function seedUnits(graph: UnitGraph, count: number, random: () => number, locked: ReadonlyMap<number, number>): number[] {
  const n = graph.points.length;
  const seeds: number[] = Array.from({ length: count }, () => -1);
  for (const [u, t] of [...locked].sort((x, y) => x[0] - y[0])) if (seeds[t] === -1) seeds[t] = u;
  const nearest = graph.points.map(() => Infinity);
  const chosen = (s: number) => graph.points.forEach((p, i) => { nearest[i] = Math.min(nearest[i] as number, distance2(p, graph.points[s] as [number, number])); });
  seeds.filter((s) => s >= 0).forEach(chosen);
  for (let t = 0; t < count; t++) {
    if ((seeds[t] as number) >= 0) continue;
    let pick: number;
    if (nearest.every((d) => d === Infinity)) pick = Math.floor(random() * n);
    else {
      const scores = nearest.map((d, i) => (locked.has(i) ? 0 : d * Math.max(1, graph.weights[i] as number)));
      let left = random() * scores.reduce((s, x) => s + x, 0);
      pick = scores.findIndex((s) => (left -= s) <= 0);
    }
    if (pick < 0 || seeds.includes(pick) || locked.has(pick)) pick = nearest.reduce((best, d, i) => (!locked.has(i) && !seeds.includes(i) && (best < 0 || d > (nearest[best] as number)) ? i : best), -1);
    seeds[t] = pick;
    chosen(pick);
  }
  return seeds;
}

interface Measure { readonly weights: readonly number[]; readonly baseLoads?: readonly number[] }

/**
 * Grows territories from the seeds (and locked units): the territory with a free neighbour that is
 * lightest takes the one nearest its seed. With secondary measures, lightest is by the largest of
 * its loads each over that measure's mean, so growth already evens them all.
 */
function grow(graph: UnitGraph, seeds: readonly number[], locked: ReadonlyMap<number, number>, measures: readonly Measure[]): number[] {
  const p = seeds.length;
  const assignment = graph.weights.map(() => -1);
  const loads = measures.map((m) => seeds.map((_, t) => m.baseLoads?.[t] ?? 0));
  const scale = measures.map((m, k) => {
    const total = m.weights.reduce((s, w) => s + w, 0) + (loads[k] as number[]).reduce((s, w) => s + w, 0);
    return total === 0 ? 0 : p / total;
  });
  const size = (t: number) => measures.reduce((s, _, k) => Math.max(s, ((loads[k] as number[])[t] as number) * (scale[k] as number)), -Infinity);
  const frontier = seeds.map(() => new Set<number>());
  const take = (u: number, t: number) => {
    assignment[u] = t;
    measures.forEach((m, k) => { (loads[k] as number[])[t] = ((loads[k] as number[])[t] as number) + (m.weights[u] as number); });
    for (const f of frontier) f.delete(u);
    for (const j of graph.adjacency[u] ?? []) if (assignment[j] === -1) frontier[t]?.add(j);
  };
  for (const [u, t] of locked) take(u, t);
  seeds.forEach((s, t) => { if (assignment[s] === -1) take(s, t); });
  for (let left = assignment.filter((t) => t === -1).length; left > 0; left--) {
    let t = -1;
    for (let k = 0; k < p; k++) if ((frontier[k]?.size ?? 0) > 0 && (t < 0 || size(k) < size(t))) t = k;
    if (t < 0) throw new Error('the unit graph is not connected: bridge its islands first');
    const seedPoint = graph.points[seeds[t] as number] as [number, number];
    let best = -1;
    for (const u of frontier[t] as Set<number>) if (best < 0 || distance2(graph.points[u] as [number, number], seedPoint) < distance2(graph.points[best] as [number, number], seedPoint)) best = u;
    take(best, t);
  }
  return assignment;
}

/** Moves without narrowing the widest gap by PROGRESS x mean after which a start is taken as stalled. */
const STALL_MOVES = 200;
const PROGRESS = 0.001;

/**
 * Territories of whole units, each connected, balanced on the weights within the band when the
 * units allow it (a unit heavier than the band cannot be balanced whole: `withinBand` says so).
 * A start can stall short of the band (no move left that keeps territories whole), so several
 * starts are tried from consecutive seeds until one is within it; the most balanced is kept.
 */
export function balancedPartition(graph: UnitGraph, options: PartitionOptions): PartitionResult {
  return runSteps(partitionSteps(graph, options));
}

/** How far a partition has come: starts done of those it may try at most (it can stop early). */
export interface PartitionProgress {
  readonly done: number;
  readonly total: number;
}

/** Runs a generator of steps to its end, for callers that need no progress. */
export function runSteps<T>(steps: Generator<unknown, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** balancedPartition in steps: it yields after each start, so a caller can report progress and let other work run between. */
export function* partitionSteps(graph: UnitGraph, options: PartitionOptions): Generator<PartitionProgress, PartitionResult> {
  const n = graph.weights.length;
  const p = options.territories;
  if (!Number.isInteger(p) || p < 1 || p > n) throw new RangeError(`territories must be a whole number from 1 to ${n}`);
  if (options.start && options.start.length !== n) throw new RangeError(`start must give a territory for each of the ${n} units`);
  const starts = options.start ? 1 : options.starts ?? (options.compact ? compactStarts(n) : 8);
  // Every start is tried when there is more to gain than the band: compactness or secondary bands.
  const tryAll = options.compact === true || (options.secondary?.length ?? 0) > 0;
  const excess = (r: Omit<PartitionResult, 'starts'>) => r.secondaryDeviations.reduce((s, d, k) => s + Math.max(0, d - (options.secondary?.[k]?.tolerance ?? 0)), 0);
  const better = (a: Omit<PartitionResult, 'starts'>, b: Omit<PartitionResult, 'starts'>): boolean => {
    if (a.withinBand !== b.withinBand) return a.withinBand;
    if (!a.withinBand) return a.maxDeviation < b.maxDeviation;
    if (excess(a) !== excess(b)) return excess(a) < excess(b);
    return options.compact ? (a.inertia as number) < (b.inertia as number) : a.maxDeviation < b.maxDeviation;
  };
  let best: Omit<PartitionResult, 'starts'> | undefined;
  let tried = 0;
  while (tried < starts && (tryAll || !best?.withinBand)) {
    const result = oneStart(graph, options, options.seed + tried);
    tried += 1;
    if (!best || better(result, best)) best = result;
    yield { done: tried, total: starts };
  }
  return { ...(best as Omit<PartitionResult, 'starts'>), starts: tried };
}

function oneStart(graph: UnitGraph, options: PartitionOptions, seed: number): Omit<PartitionResult, 'starts'> {
  const n = graph.weights.length;
  const p = options.territories;
  const locked = options.locked ?? new Map<number, number>();
  const start = options.start ? [...options.start] : grow(graph, seedUnits(graph, p, seededRandom(seed), locked), locked, [{ weights: graph.weights, baseLoads: options.baseLoads }, ...(options.secondary ?? [])]);
  for (const [u, t] of locked) start[u] = t;
  const state = new PlanState(graph, start, p, options.baseLoads, { locked, home: options.start, maxMovedWeight: options.maxMovedWeight, secondary: options.secondary });
  const { assignment, loads, sizes, mean } = state;
  const tooFar = (load: number) => Math.abs(load - mean) > options.tolerance * mean;
  const maxMoves = options.maxMoves ?? 10 * n;
  let moves = 0;
  // A start that has not narrowed its widest gap in this many moves has stalled: small moves that
  // lower the squared deviations but no longer the gap that matters.
  let sinceBetter = 0;
  let bestGap = Infinity;
  // Balancing: the territory furthest from the mean gives a border unit to a lighter neighbour (or,
  // below the mean, takes one from a heavier one): of the moves that lower the sum of squared
  // deviations, the one that lowers it most and leaves the giving territory connected. When the
  // furthest territory has no such move, the next furthest tries.
  const gainOf = (w: number, from: number, to: number): number => {
    const x = loads[from] as number;
    const y = loads[to] as number;
    return (x - mean) ** 2 + (y - mean) ** 2 - (x - w - mean) ** 2 - (y + w - mean) ** 2;
  };
  const weightless = (u: number) => (graph.weights[u] as number) === 0;
  const pathGain = (units: readonly number[], from: number, to: number) => gainOf(units.reduce((w, u) => w + (graph.weights[u] as number), 0), from, to);
  const seenAt = new Int32Array(p);
  let stamp = 0;
  for (; moves < maxMoves && loads.some(tooFar); moves++) {
    const order = loads.map((l, t) => [Math.abs(l - mean), t] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]).map(([, t]) => t);
    // Every improving border move at once, listed under the territory it helps: a heavy giver, a light taker.
    const listed: { u: number; from: number; to: number; gain: number }[][] = loads.map(() => []);
    for (let u = 0; u < n; u++) {
      const from = assignment[u] as number;
      if ((sizes[from] as number) === 1 || state.isLocked(u)) continue;
      stamp += 1;
      for (const j of graph.adjacency[u] ?? []) {
        const to = assignment[j] as number;
        // Each neighbouring territory once per unit.
        if (to === from || seenAt[to] === stamp) continue;
        seenAt[to] = stamp;
        const gain = gainOf(graph.weights[u] as number, from, to);
        if (gain <= 1e-9 * mean * mean) continue;
        if ((loads[from] as number) > mean) listed[from]?.push({ u, from, to, gain });
        if ((loads[to] as number) <= mean) listed[to]?.push({ u, from, to, gain });
      }
    }
    let move: { u: number; from: number; to: number } | undefined;
    for (const t of order) {
      const candidates = (listed[t] as { u: number; from: number; to: number; gain: number }[]).sort((x, y) => y.gain - x.gain || x.u - y.u || x.to - y.to);
      move = candidates.find((c) => state.allows([c.u], c.from, c.to, false) && connectedWithout(graph.adjacency, assignment, c.from, c.u, sizes[c.from] as number));
      if (move) break;
    }
    // No single border unit helps: weight may sit behind units of none (sparse accounts), so a
    // weighted unit and the weightless ones between it and the border move together.
    const path = move ? undefined : order.reduce<PathMove | undefined>((found, t) => {
      const heavy = (loads[t] as number) > mean;
      return found ?? bestPathMove(graph, state, neighbourPairs(graph, assignment, (from, to) => (heavy ? from === t : to === t)), weightless, pathGain);
    }, undefined);
    if (!move && !path) break;
    if (move) state.apply([move.u], move.from, move.to);
    else if (path) state.apply(path.units, path.from, path.to);
    const gap = Math.max(...loads.map((l) => Math.abs(l - mean)));
    if (gap < bestGap - PROGRESS * mean) [bestGap, sinceBetter] = [gap, 0];
    else if (++sinceBetter > STALL_MOVES) break;
  }
  const withinBand = !loads.some(tooFar);
  if (withinBand && options.secondary?.length) moves += balanceSecondary(graph, state, options.tolerance, maxMoves);
  if (withinBand && options.compact) moves += compact(graph, state, p, options.tolerance);
  const maxDeviation = mean === 0 ? 0 : Math.max(...loads.map((l) => Math.abs(l - mean) / mean));
  return {
    assignment, weights: [...loads], maxDeviation, withinBand, moves, seed, movedWeight: state.moved,
    secondaryDeviations: state.secondaryDeviations(), secondaryWithinBand: state.secondaryExcess() <= 1e-12,
    ...(options.compact ? { inertia: centredInertia(graph, assignment, p) } : {}),
  };
}
