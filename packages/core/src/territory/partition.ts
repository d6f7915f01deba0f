import { reachable } from './graph.js';

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
  /** Starts from different seeds (seed, seed + 1, ...) until one is within the band; the best is kept (default 8). */
  readonly starts?: number;
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
}

/** A small seeded generator (mulberry32): the same seed, the same seeds of territories. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const distance2 = (a: readonly [number, number], b: readonly [number, number]): number => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

/** Spread seeds (k-means++ on the points, weighted): the first at random, each next far from those chosen. */
function seedUnits(graph: UnitGraph, count: number, random: () => number): number[] {
  const n = graph.points.length;
  const seeds = [Math.floor(random() * n)];
  const nearest = graph.points.map((p) => distance2(p, graph.points[seeds[0] as number] as [number, number]));
  while (seeds.length < count) {
    const scores = nearest.map((d, i) => d * Math.max(1, graph.weights[i] as number));
    const total = scores.reduce((s, x) => s + x, 0);
    let pick = random() * total;
    let chosen = scores.findIndex((s) => (pick -= s) <= 0);
    if (chosen < 0 || seeds.includes(chosen)) chosen = nearest.indexOf(Math.max(...nearest));
    seeds.push(chosen);
    graph.points.forEach((p, i) => { nearest[i] = Math.min(nearest[i] as number, distance2(p, graph.points[chosen] as [number, number])); });
  }
  return seeds;
}

/** Grows territories from the seeds: the lightest territory with a free neighbour takes the one nearest its seed. */
function grow(graph: UnitGraph, seeds: readonly number[]): number[] {
  const assignment = graph.weights.map(() => -1);
  const loads = seeds.map((s) => graph.weights[s] as number);
  const frontier = seeds.map(() => new Set<number>());
  seeds.forEach((s, t) => { assignment[s] = t; });
  seeds.forEach((s, t) => { for (const j of graph.adjacency[s] ?? []) if (assignment[j] === -1) frontier[t]?.add(j); });
  for (let left = graph.weights.length - seeds.length; left > 0; left--) {
    let t = -1;
    for (let k = 0; k < seeds.length; k++) if ((frontier[k]?.size ?? 0) > 0 && (t < 0 || (loads[k] as number) < (loads[t] as number))) t = k;
    if (t < 0) throw new Error('the unit graph is not connected: bridge its islands first');
    const seedPoint = graph.points[seeds[t] as number] as [number, number];
    let best = -1;
    for (const u of frontier[t] as Set<number>) if (best < 0 || distance2(graph.points[u] as [number, number], seedPoint) < distance2(graph.points[best] as [number, number], seedPoint)) best = u;
    assignment[best] = t;
    loads[t] = (loads[t] as number) + (graph.weights[best] as number);
    for (const f of frontier) f.delete(best);
    for (const j of graph.adjacency[best] ?? []) if (assignment[j] === -1) frontier[t]?.add(j);
  }
  return assignment;
}

/** Moves without narrowing the widest gap by PROGRESS x mean after which a start is taken as stalled. */
const STALL_MOVES = 200;
const PROGRESS = 0.001;

/** Whether territory `t` stays connected without unit `u` (a search over its other units from one neighbour of u). */
function staysConnected(graph: UnitGraph, assignment: readonly number[], t: number, u: number, size: number): boolean {
  const start = (graph.adjacency[u] ?? []).find((j) => assignment[j] === t);
  if (start === undefined) return size === 1;
  return reachable(graph.adjacency, start, (j) => j !== u && assignment[j] === t).size === size - 1;
}

interface PathMove {
  readonly from: number;
  readonly to: number;
  /** A weighted unit and the weightless units leading to it from the border, border first. */
  readonly units: readonly number[];
}

/** Weightless units crossed at most to reach a weighted one. */
const MAX_PATH = 12;

/**
 * The best compound move for territory `t`: heavy, it gives a weighted unit of its own to a
 * lighter neighbour together with the weightless units between it and their border; light, it
 * takes one so from a heavier neighbour. Only moves that lower the squared deviations and leave
 * the giving territory connected count.
 */
function pathMove(graph: UnitGraph, assignment: number[], loads: readonly number[], sizes: readonly number[], t: number, heavy: boolean, gainOf: (w: number, from: number, to: number) => number): PathMove | undefined {
  const pairs = new Map<string, { from: number; to: number }>();
  assignment.forEach((from, u) => {
    if (heavy ? from !== t : false) return;
    for (const j of graph.adjacency[u] ?? []) {
      const to = assignment[j] as number;
      if (to === from) continue;
      if (heavy) pairs.set(`${from}>${to}`, { from, to });
      else if (to === t) pairs.set(`${from}>${to}`, { from, to });
    }
  });
  const candidates: (PathMove & { gain: number })[] = [];
  for (const { from, to } of [...pairs.values()].sort((a, b) => a.from - b.from || a.to - b.to)) {
    // Breadth first inside `from`, from its units on the border with `to`, through weightless units.
    const previous = new Map<number, number>();
    let level: number[] = [];
    assignment.forEach((owner, u) => {
      if (owner === from && (graph.adjacency[u] ?? []).some((j) => assignment[j] === to)) {
        previous.set(u, -1);
        level.push(u);
      }
    });
    for (let depth = 0; depth <= MAX_PATH && level.length > 0; depth++) {
      const next: number[] = [];
      for (const u of level) {
        const w = graph.weights[u] as number;
        if (w > 0) {
          const gain = gainOf(w, from, to);
          if (gain > 0 && depth > 0) {
            const units: number[] = [];
            for (let k = u; k !== -1; k = previous.get(k) as number) units.unshift(k);
            candidates.push({ from, to, units, gain });
          }
          continue;
        }
        for (const j of graph.adjacency[u] ?? []) {
          if (assignment[j] !== from || previous.has(j)) continue;
          previous.set(j, u);
          next.push(j);
        }
      }
      level = next;
    }
  }
  candidates.sort((a, b) => b.gain - a.gain || a.units.length - b.units.length || (a.units[a.units.length - 1] as number) - (b.units[b.units.length - 1] as number));
  return candidates.find((c) => {
    const size = sizes[c.from] as number;
    if (c.units.length >= size) return false;
    const leaving = new Set(c.units);
    const start = assignment.findIndex((owner, u) => owner === c.from && !leaving.has(u));
    return reachable(graph.adjacency, start, (j) => assignment[j] === c.from && !leaving.has(j)).size === size - c.units.length;
  });
}

/**
 * Territories of whole units, each connected, balanced on the weights within the band when the
 * units allow it (a unit heavier than the band cannot be balanced whole: `withinBand` says so).
 * A start can stall short of the band (no move left that keeps territories whole), so several
 * starts are tried from consecutive seeds until one is within it; the most balanced is kept.
 */
export function balancedPartition(graph: UnitGraph, options: PartitionOptions): PartitionResult {
  const n = graph.weights.length;
  const p = options.territories;
  if (!Number.isInteger(p) || p < 1 || p > n) throw new RangeError(`territories must be a whole number from 1 to ${n}`);
  const starts = options.starts ?? 8;
  let best: Omit<PartitionResult, 'starts'> | undefined;
  let tried = 0;
  while (tried < starts && !best?.withinBand) {
    const result = oneStart(graph, options, options.seed + tried);
    tried += 1;
    if (!best || result.maxDeviation < best.maxDeviation) best = result;
  }
  return { ...(best as Omit<PartitionResult, 'starts'>), starts: tried };
}

function oneStart(graph: UnitGraph, options: PartitionOptions, seed: number): Omit<PartitionResult, 'starts'> {
  const n = graph.weights.length;
  const p = options.territories;
  const assignment = grow(graph, seedUnits(graph, p, generator(seed)));
  const loads = Array.from({ length: p }, () => 0);
  const sizes = Array.from({ length: p }, () => 0);
  assignment.forEach((t, i) => { loads[t] = (loads[t] as number) + (graph.weights[i] as number); sizes[t] = (sizes[t] as number) + 1; });
  const mean = loads.reduce((s, x) => s + x, 0) / p;
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
  const seenAt = new Int32Array(p);
  let stamp = 0;
  for (; moves < maxMoves && loads.some(tooFar); moves++) {
    const order = loads.map((l, t) => [Math.abs(l - mean), t] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]).map(([, t]) => t);
    // Every improving border move at once, listed under the territory it helps: a heavy giver, a light taker.
    const listed: { u: number; from: number; to: number; gain: number }[][] = loads.map(() => []);
    for (let u = 0; u < n; u++) {
      const from = assignment[u] as number;
      if ((sizes[from] as number) === 1) continue;
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
      move = candidates.find((c) => staysConnected(graph, assignment, c.from, c.u, sizes[c.from] as number));
      if (move) break;
    }
    // No single border unit helps: weight may sit behind units of none (sparse accounts), so a
    // weighted unit and the weightless ones between it and the border move together.
    const units = move ? [move.u] : undefined;
    const path = units ? undefined : order.reduce<PathMove | undefined>((found, t) => found ?? pathMove(graph, assignment, loads, sizes, t, (loads[t] as number) > mean, gainOf), undefined);
    if (!move && !path) break;
    const { from, to } = (move ?? path) as { from: number; to: number };
    for (const u of units ?? (path as PathMove).units) {
      const w = graph.weights[u] as number;
      assignment[u] = to;
      loads[from] = (loads[from] as number) - w;
      loads[to] = (loads[to] as number) + w;
      sizes[from] = (sizes[from] as number) - 1;
      sizes[to] = (sizes[to] as number) + 1;
    }
    const gap = Math.max(...loads.map((l) => Math.abs(l - mean)));
    if (gap < bestGap - PROGRESS * mean) [bestGap, sinceBetter] = [gap, 0];
    else if (++sinceBetter > STALL_MOVES) break;
  }
  const maxDeviation = Math.max(...loads.map((l) => Math.abs(l - mean) / mean));
  return { assignment, weights: loads, maxDeviation, withinBand: !loads.some(tooFar), moves, seed };
}
