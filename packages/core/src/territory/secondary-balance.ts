import { connectedWithout, reachable } from './graph.js';
import { bestPathMove, neighbourPairs } from './path-moves.js';
import type { UnitGraph } from './partition.js';
import type { PlanState } from './plan-state.js';

/*
 * Secondary measures into their wider bands once the primary is within its own. A border move
 * counts by how much it lowers the secondary loads' total excess over their bands; the best one
 * keeping both territories within the primary band, the locks and the disruption cap, and the
 * giving territory connected is made. When none is left: a path move (a weighted unit with the
 * empty units between it and the border), or a swap (a unit one way and another back, which moves
 * the secondary measure while the primary stays at its band's edge).
 * Until every band holds or nothing helps.
 */

interface Move { readonly u: number; readonly from: number; readonly to: number; readonly gain: number }

/** Swaps are sought among this many of the best one-way moves each way. */
const SWAP_CANDIDATES = 24;

export function balanceSecondary(graph: UnitGraph, state: PlanState, tolerance: number, maxMoves: number): number {
  const { assignment, loads, sizes, mean } = state;
  if (mean === 0) return 0;
  const band = tolerance * mean + 1e-9 * Math.max(1, mean);
  const inBand = (load: number) => Math.abs(load - mean) <= band;
  const connectedAfterSwap = (t: number, leaving: ReadonlySet<number>, joining = -1): boolean => {
    const start = assignment.findIndex((owner, u) => (owner === t && !leaving.has(u)) || u === joining);
    if (start < 0) return false;
    const size = (sizes[t] as number) - leaving.size + (joining >= 0 ? 1 : 0);
    return reachable(graph.adjacency, start, (j) => j === joining || (assignment[j] === t && !leaving.has(j))).size === size;
  };
  /** Every border move with its secondary gain (positive or not), the primary left within its band by `slack` more. */
  const borderMoves = (primaryOk: (from: number, to: number, w: number) => boolean): Move[] => {
    const moves: Move[] = [];
    for (let u = 0; u < assignment.length; u++) {
      const from = assignment[u] as number;
      if ((sizes[from] as number) === 1 || state.isLocked(u)) continue;
      for (const to of new Set((graph.adjacency[u] ?? []).map((j) => assignment[j] as number))) {
        if (to === from || !primaryOk(from, to, graph.weights[u] as number)) continue;
        moves.push({ u, from, to, gain: state.secondaryGain([u], from, to) });
      }
    }
    return moves.sort((a, b) => b.gain - a.gain || a.u - b.u || a.to - b.to);
  };
  const empty = (u: number) => (graph.weights[u] as number) === 0 && state.isEmpty(u);
  let made = 0;
  while (made < maxMoves && state.secondaryExcess() > 1e-12) {
    const single = borderMoves((from, to, w) => inBand((loads[from] as number) - w) && inBand((loads[to] as number) + w))
      .find((m) => m.gain > 1e-12 && state.allows([m.u], m.from, m.to, false) && connectedWithout(graph.adjacency, assignment, m.from, m.u, sizes[m.from] as number));
    if (single) {
      state.apply([single.u], single.from, single.to);
      made += 1;
      continue;
    }
    // Weight behind empty units: a weighted unit with the empty ones between it and the border.
    const path = bestPathMove(graph, state, neighbourPairs(graph, assignment, () => true), empty, (units, from, to) => {
      const w = units.reduce((sum, u) => sum + (graph.weights[u] as number), 0);
      return inBand((loads[from] as number) - w) && inBand((loads[to] as number) + w) ? state.secondaryGain(units, from, to) : 0;
    });
    if (path) {
      state.apply(path.units, path.from, path.to);
      made += path.units.length;
      continue;
    }
    const swap = bestSwap();
    if (!swap) break;
    state.apply([swap[0].u], swap[0].from, swap[0].to);
    state.apply([swap[1].u], swap[1].from, swap[1].to);
    made += 2;
  }
  return made;

  /** The pair (u one way, v back) with the most secondary gain that keeps the primary band and both territories whole. */
  function bestSwap(): [Move, Move] | undefined {
    const ahead = borderMoves(() => true).filter((m) => m.gain > 1e-12 && state.allows([m.u], m.from, m.to, false)).slice(0, SWAP_CANDIDATES);
    let best: [Move, Move] | undefined;
    let bestGain = 1e-12;
    for (const a of ahead) {
      const wa = graph.weights[a.u] as number;
      for (const v of assignment.keys()) {
        if (assignment[v] !== a.to || v === a.u || state.isLocked(v) || !(graph.adjacency[v] ?? []).some((j) => assignment[j] === a.from || j === a.u)) continue;
        const wv = graph.weights[v] as number;
        if (!inBand((loads[a.from] as number) - wa + wv) || !inBand((loads[a.to] as number) + wa - wv)) continue;
        const gain = state.secondaryGain([a.u], a.from, a.to) - state.secondaryGain([v], a.from, a.to);
        if (gain <= bestGain) continue;
        const back: Move = { u: v, from: a.to, to: a.from, gain };
        if (!state.allows([v], a.to, a.from, false) || !connectedAfterSwap(a.from, new Set([a.u]), v) || !connectedAfterSwap(a.to, new Set([v]), a.u)) continue;
        [best, bestGain] = [[a, back], gain];
      }
    }
    return best;
  }
}
