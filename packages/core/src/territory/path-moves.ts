import { reachable } from './graph.js';
import type { UnitGraph } from './partition.js';
import type { PlanState } from './plan-state.js';

/*
 * Compound moves for sparse weight: a weighted unit moves to a neighbouring territory together
 * with the empty units between it and their border. Accounts sit in few counties with empty ones
 * between; single border moves then find nothing to move.
 */

export interface PathMove {
  readonly from: number;
  readonly to: number;
  /** A weighted unit and the empty units leading to it from the border, border first. */
  readonly units: readonly number[];
}

/** Empty units crossed at most to reach a weighted one. */
const MAX_PATH = 40;

/**
 * The best path move between the given territory pairs (`from` gives): breadth first inside
 * `from` from its border with `to` through units `empty` accepts, each weighted unit reached a
 * candidate scored by `gainOf` over the path's units. Of those with a positive gain, the best that
 * the constraints allow and that leaves `from` connected.
 */
export function bestPathMove(graph: UnitGraph, state: PlanState, pairs: readonly { from: number; to: number }[], empty: (u: number) => boolean, gainOf: (units: readonly number[], from: number, to: number) => number): PathMove | undefined {
  const { assignment, sizes } = state;
  const candidates: (PathMove & { gain: number })[] = [];
  for (const { from, to } of [...pairs].sort((a, b) => a.from - b.from || a.to - b.to)) {
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
        if (!empty(u)) {
          if (depth === 0) continue;
          const units: number[] = [];
          for (let k = u; k !== -1; k = previous.get(k) as number) units.unshift(k);
          const gain = gainOf(units, from, to);
          if (gain > 0) candidates.push({ from, to, units, gain });
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
    if (c.units.length >= size || !state.allows(c.units, c.from, c.to, false)) return false;
    const leaving = new Set(c.units);
    const start = assignment.findIndex((owner, u) => owner === c.from && !leaving.has(u));
    return reachable(graph.adjacency, start, (j) => assignment[j] === c.from && !leaving.has(j)).size === size - c.units.length;
  });
}

/** The pairs of neighbouring territories (from, to) that `keep` accepts. */
export function neighbourPairs(graph: UnitGraph, assignment: readonly number[], keep: (from: number, to: number) => boolean): { from: number; to: number }[] {
  const pairs = new Map<string, { from: number; to: number }>();
  assignment.forEach((from, u) => {
    for (const j of graph.adjacency[u] ?? []) {
      const to = assignment[j] as number;
      if (to !== from && keep(from, to)) pairs.set(`${from}>${to}`, { from, to });
    }
  });
  return [...pairs.values()];
}
