import { connectedWithout } from './graph.js';
import type { UnitGraph } from './partition.js';
import type { PlanState } from './plan-state.js';

/*
 * Compactness once the band is met, by the classic districting objective (Hess et al., 1965):
 * the weighted squared distance of every unit to its territory's centre unit,
 * sum over t of sum over i in t of w_i d(i, c_t)^2, with c_t the unit of t that makes it least.
 * Border units move to a neighbouring territory when that lowers the sum, every band,
 * lock, cap and territory's connection holding; then each centre is chosen again. When no single
 * move helps (territories at their band's edge), two border units swap territories, or three
 * move round a cycle of three territories (a to b, b to c, c to a). Until nothing changes. The same objective is what an exact solver minimizes in the optimality check.
 */

const d2 = (a: readonly [number, number], b: readonly [number, number]): number => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

/**
 * The unit of each territory that is the best centre: least weighted squared distance to its units.
 * As sum of w_i |p_i - c|^2 = sum of w_i |p_i - m|^2 + W |m - c|^2 (m the weighted mean point, W
 * the weight), that is the unit nearest the weighted mean; a territory of no weight takes its first unit.
 */
export function centreUnits(graph: UnitGraph, assignment: readonly number[], territories: number): number[] {
  const w = Array.from({ length: territories }, () => 0);
  const x = Array.from({ length: territories }, () => 0);
  const y = Array.from({ length: territories }, () => 0);
  assignment.forEach((t, u) => {
    const weight = graph.weights[u] as number;
    const [px, py] = graph.points[u] as [number, number];
    w[t] = (w[t] as number) + weight;
    x[t] = (x[t] as number) + weight * px;
    y[t] = (y[t] as number) + weight * py;
  });
  const best = Array.from({ length: territories }, () => -1);
  const bestD = Array.from({ length: territories }, () => Infinity);
  assignment.forEach((t, u) => {
    const total = w[t] as number;
    const d = total === 0 ? 0 : d2(graph.points[u] as [number, number], [(x[t] as number) / total, (y[t] as number) / total]);
    if (d < (bestD[t] as number)) [best[t], bestD[t]] = [u, d];
  });
  return best;
}

/** The objective: each unit's weight times its squared distance to its territory's centre unit. */
export function centredInertia(graph: UnitGraph, assignment: readonly number[], territories: number): number {
  const centres = centreUnits(graph, assignment, territories);
  let s = 0;
  assignment.forEach((t, u) => { s += (graph.weights[u] as number) * d2(graph.points[u] as [number, number], graph.points[centres[t] as number] as [number, number]); });
  return s;
}

/** Rounds of moving and re-centring at most. */
const MAX_ROUNDS = 100;

/** Improves the plan in place while every territory stays within `tolerance` of the mean; returns the moves made. */
export function compact(graph: UnitGraph, state: PlanState, territories: number, tolerance: number): number {
  const { assignment, loads, sizes, mean } = state;
  const band = tolerance * mean + 1e-9 * Math.max(1, mean);
  const inBand = (load: number) => Math.abs(load - mean) <= band;
  let moves = 0;
  let centres = centreUnits(graph, assignment, territories);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let movedThisRound = 0;
    for (let u = 0; u < assignment.length; u++) {
      const from = assignment[u] as number;
      const w = graph.weights[u] as number;
      if (w === 0 || u === centres[from] || (sizes[from] as number) === 1 || state.isLocked(u)) continue;
      const p = graph.points[u] as [number, number];
      const here = d2(p, graph.points[centres[from] as number] as [number, number]);
      let to = -1;
      let gain = 1e-12 * here;
      for (const j of graph.adjacency[u] ?? []) {
        const t = assignment[j] as number;
        if (t === from || !inBand((loads[t] as number) + w) || !inBand((loads[from] as number) - w)) continue;
        const g = here - d2(p, graph.points[centres[t] as number] as [number, number]);
        if (g > gain || (g === gain && t < to)) [to, gain] = [t, g];
      }
      if (to < 0 || !state.allows([u], from, to)) continue;
      if (!connectedWithout(graph.adjacency, assignment, from, u, sizes[from] as number)) continue;
      state.apply([u], from, to);
      movedThisRound += 1;
    }
    moves += movedThisRound;
    const next = centreUnits(graph, assignment, territories);
    const recentred = next.some((c, t) => c !== centres[t]);
    centres = next;
    if (movedThisRound > 0 || recentred) continue;
    const length = exchange(graph, state, centres, inBand, 2) ? 2 : exchange(graph, state, centres, inBand, 3) ? 3 : 0;
    if (length === 0) break;
    moves += length;
  }
  return moves;
}

/** A move of one unit: [unit, from, to]. */
type Move = readonly [number, number, number];

/** Of each border list, the best this many moves are combined into cycles of three (all into swaps). */
const CYCLE_CANDIDATES = 12;

/**
 * Makes the best improving exchange of `length` border moves round a cycle of territories (2: a
 * swap, a to b and b to a; 3: a to b, b to c, c to a), every load within the band; false when
 * there is none. Each territory stays whole when its unit could leave alone and the unit coming
 * in touches what is left (a unit that cuts its territory is not moved, even where the one coming
 * in would mend the cut), so no search is needed.
 */
function exchange(graph: UnitGraph, state: PlanState, centres: readonly number[], inBand: (load: number) => boolean, length: 2 | 3): boolean {
  const { assignment, loads } = state;
  const cost = (u: number, t: number) => (graph.weights[u] as number) * d2(graph.points[u] as [number, number], graph.points[centres[t] as number] as [number, number]);
  // Border units by the territory pair they could move between, with what the move alone gains.
  const border = new Map<string, { u: number; gain: number }[]>();
  assignment.forEach((a, u) => {
    if (u === centres[a] || state.isLocked(u) || (graph.weights[u] as number) === 0) return;
    for (const b of new Set((graph.adjacency[u] ?? []).map((j) => assignment[j] as number))) {
      if (b !== a) border.set(`${a}>${b}`, [...(border.get(`${a}>${b}`) ?? []), { u, gain: cost(u, a) - cost(u, b) }]);
    }
  });
  if (length === 3) for (const list of border.values()) list.sort((x, y) => y.gain - x.gain || x.u - y.u).splice(CYCLE_CANDIDATES);
  const options: { moves: Move[]; gain: number }[] = [];
  const consider = (moves: Move[]) => {
    const gain = moves.reduce((s, [u, from, to]) => s + cost(u, from) - cost(u, to), 0);
    // Territory of move k loses its unit and gains that of the move before.
    const keeps = moves.every(([u, from], k) => inBand((loads[from] as number) - (graph.weights[u] as number) + (graph.weights[(moves[(k + length - 1) % length] as Move)[0]] as number)));
    if (gain > 1e-12 && keeps) options.push({ moves, gain });
  };
  for (const [pair, ab] of border) {
    const [a, b] = pair.split('>').map(Number) as [number, number];
    if (a > b) continue;
    if (length === 2) {
      for (const x of ab) for (const y of border.get(`${b}>${a}`) ?? []) consider([[x.u, a, b], [y.u, b, a]]);
      continue;
    }
    // Each cycle of three once: from its lowest territory.
    for (const [pair2, bc] of border) {
      const [b2, c] = pair2.split('>').map(Number) as [number, number];
      const ca = border.get(`${c}>${a}`);
      if (b2 !== b || c === a || a > c || !ca) continue;
      for (const x of ab) for (const y of bc) for (const z of ca) consider([[x.u, a, b], [y.u, b, c], [z.u, c, a]]);
    }
  }
  options.sort((p, q) => q.gain - p.gain);
  const removable = new Map<number, boolean>();
  const canLeave = (u: number, t: number) => removable.get(u) ?? removable.set(u, connectedWithout(graph.adjacency, assignment, t, u, state.sizes[t] as number)).get(u) as boolean;
  const joins = (v: number, t: number, leaving: number) => (graph.adjacency[v] ?? []).some((j) => j !== leaving && assignment[j] === t);
  const option = options.find(({ moves }) => moves.every(([u, from, to], k) => {
    const [incoming] = moves[(k + length - 1) % length] as Move;
    return state.allows([u], from, to) && canLeave(u, from) && joins(incoming, from, u);
  }));
  if (!option) return false;
  for (const [u, from, to] of option.moves) state.apply([u], from, to);
  return true;
}
