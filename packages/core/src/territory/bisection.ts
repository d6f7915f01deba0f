import { reachable } from './graph.js';

/*
 * Territories by recursive bisection: the units are cut in two across their main axis (the
 * weighted principal direction) where the weight reaches the share of the territories on each
 * side (floor(k/2) of k), and each side is cut again until one territory is left. Cuts follow
 * the weight, not the unit count, so territories balance; across the main axis, so they stay
 * compact. A divisible weight (population, workload of a county) is split at the cut, one unit
 * per cut: K territories split at most K-1 units and balance exactly. Whole units (accounts) go
 * to the side that leaves the cut nearest its target. Pure and deterministic.
 */

export interface BisectionShare {
  readonly territory: number;
  readonly weight: number;
}

export interface BisectionResult {
  /** Each unit's territories and the weight each holds, largest first (one entry for a whole unit). */
  readonly shares: readonly (readonly BisectionShare[])[];
  /** Each territory's weight. */
  readonly weights: readonly number[];
  /** Units held by more than one territory. */
  readonly split: number;
}

interface Piece {
  readonly unit: number;
  readonly weight: number;
}

type Point = readonly [number, number];

/** The weighted principal direction of the pieces (unit vector): the axis they spread most along. */
function mainAxis(points: readonly Point[], pieces: readonly Piece[]): Point {
  let w = 0;
  let mx = 0;
  let my = 0;
  for (const p of pieces) {
    // Weightless units still count a little, so a part of them has an axis.
    const q = Math.max(p.weight, 1e-9);
    const [x, y] = points[p.unit] as Point;
    w += q;
    mx += q * x;
    my += q * y;
  }
  mx /= w;
  my /= w;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of pieces) {
    const q = Math.max(p.weight, 1e-9);
    const [x, y] = points[p.unit] as Point;
    sxx += q * (x - mx) ** 2;
    sxy += q * (x - mx) * (y - my);
    syy += q * (y - my) ** 2;
  }
  // The larger eigenvalue's eigenvector of [[sxx, sxy], [sxy, syy]].
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return [Math.cos(angle), Math.sin(angle)];
}

/**
 * The pieces in the order a sweep across the axis takes them over the graph: from the lowest, the
 * next is always the lowest neighbour of those taken (a piece no neighbour reaches starts a new
 * front), so every prefix is as connected as the graph allows.
 */
function sweep(adjacency: readonly (readonly number[])[], pieces: readonly Piece[], along: (p: Piece) => number): Piece[] {
  const byUnit = new Map(pieces.map((p) => [p.unit, p]));
  const key = new Map(pieces.map((p) => [p.unit, along(p)]));
  const rest = [...pieces].sort((a, b) => (key.get(a.unit) as number) - (key.get(b.unit) as number) || a.unit - b.unit);
  const taken = new Set<number>();
  const order: Piece[] = [];
  const heap: number[] = [];
  const less = (a: number, b: number) => (key.get(a) as number) < (key.get(b) as number) || ((key.get(a) as number) === (key.get(b) as number) && a < b);
  const push = (u: number) => {
    heap.push(u);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!less(heap[i] as number, heap[parent] as number)) break;
      [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
      i = parent;
    }
  };
  const pop = (): number => {
    const top = heap[0] as number;
    const last = heap.pop() as number;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l] as number, heap[m] as number)) m = l;
        if (r < heap.length && less(heap[r] as number, heap[m] as number)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
        i = m;
      }
    }
    return top;
  };
  let next = 0;
  while (order.length < pieces.length) {
    if (heap.length === 0) {
      while (taken.has((rest[next] as Piece).unit)) next += 1;
      const start = (rest[next] as Piece).unit;
      taken.add(start);
      push(start);
    }
    const u = pop();
    order.push(byUnit.get(u) as Piece);
    for (const j of adjacency[u] ?? []) {
      if (taken.has(j) || !byUnit.has(j)) continue;
      taken.add(j);
      push(j);
    }
  }
  return order;
}

/** The pieces' units in connected groups over the graph, heaviest first. */
function groups(adjacency: readonly (readonly number[])[], pieces: readonly Piece[]): Piece[][] {
  const byUnit = new Map(pieces.map((p) => [p.unit, p]));
  const seen = new Set<number>();
  const out: Piece[][] = [];
  for (const p of pieces) {
    if (seen.has(p.unit)) continue;
    const group = [...reachable(adjacency, p.unit, (j) => byUnit.has(j))].map((u) => byUnit.get(u) as Piece);
    for (const g of group) seen.add(g.unit);
    out.push(group);
  }
  const weight = (g: Piece[]) => g.reduce((sum, p) => sum + p.weight, 0);
  return out.sort((a, b) => weight(b) - weight(a) || (a[0] as Piece).unit - (b[0] as Piece).unit);
}

/**
 * Makes the upper side of a cut one piece (the lower, a sweep's prefix, is one already): a group
 * of upper units cut off from the rest joins the lower side, which touches it, and the same
 * weight goes back up through lower units that touch the upper side, split where they must be.
 * Each side stays connected, so every territory cut from it can be.
 */
function keepSidesWhole(adjacency: readonly (readonly number[])[], lower: Piece[], upper: Piece[]): void {
  const apart = groups(adjacency, upper).slice(1).flat();
  if (apart.length === 0) return;
  let excess = 0;
  for (const p of apart) {
    upper.splice(upper.indexOf(p), 1);
    // A unit the cut split has its other share in lower: the two shares become one again.
    const other = lower.findIndex((q) => q.unit === p.unit);
    if (other >= 0) lower[other] = { unit: p.unit, weight: (lower[other] as Piece).weight + p.weight };
    else lower.push(p);
    excess += p.weight;
  }
  const upperUnits = new Set(upper.map((p) => p.unit));
  const give = (i: number, amount: number) => {
    const p = lower[i] as Piece;
    if (amount >= p.weight) lower.splice(i, 1);
    else lower[i] = { unit: p.unit, weight: p.weight - amount };
    const shared = upper.findIndex((q) => q.unit === p.unit);
    if (shared >= 0) upper[shared] = { unit: p.unit, weight: (upper[shared] as Piece).weight + amount };
    else upper.push({ unit: p.unit, weight: amount });
    upperUnits.add(p.unit);
    excess -= amount;
  };
  /** Whether lower stays one piece without unit `u`. */
  const lowerWholeWithout = (u: number): boolean => {
    const rest = new Set(lower.map((p) => p.unit).filter((x) => x !== u));
    const start = rest.values().next().value;
    return start !== undefined && reachable(adjacency, start, (j) => rest.has(j)).size === rest.size;
  };
  // The excess goes back up through units touching upper. A unit given in part touches both sides,
  // so the units behind it touch upper now and can give next. Weights can be large (minor units):
  // what is left below this share of the sides is rounding.
  const crumb = 1e-12 * [...lower, ...upper].reduce((sum, p) => sum + p.weight, 0);
  for (let guard = 0; excess > crumb && guard < 10_000; guard++) {
    const touching = lower.map((p, i) => ({ p, i })).filter(({ p }) => (upperUnits.has(p.unit) || (adjacency[p.unit] ?? []).some((j) => upperUnits.has(j))));
    if (touching.length === 0) break;
    const byWeight = (x: { p: Piece }, y: { p: Piece }) => y.p.weight - x.p.weight || x.p.unit - y.p.unit;
    const canLeave = ({ p }: { p: Piece }) => !upperUnits.has(p.unit) && lowerWholeWithout(p.unit);
    // In order: a weighted unit that fits whole; part of one heavier than what is left (done);
    // a weightless unit whole, which brings the border to the weight behind it; half of the heaviest.
    const whole = touching.filter(({ p }) => p.weight > crumb && p.weight <= excess).sort(byWeight).find(canLeave);
    const finish = touching.filter(({ p }) => p.weight > excess).sort(byWeight)[0];
    const weightless = whole || finish ? undefined : touching.filter(({ p }) => p.weight <= crumb).find(canLeave);
    const pick = whole ?? finish ?? weightless ?? touching.filter(({ p }) => p.weight > crumb).sort(byWeight)[0];
    if (!pick) break;
    give(pick.i, pick === finish ? excess : pick === whole || pick === weightless ? pick.p.weight : pick.p.weight / 2);
  }
}

export function recursiveBisection(points: readonly Point[], weights: readonly number[], territories: number, options: { divisible: boolean; adjacency?: readonly (readonly number[])[] }): BisectionResult {
  if (!Number.isInteger(territories) || territories < 1) throw new RangeError('territories must be a whole number of at least 1');
  const held: Map<number, number>[] = weights.map(() => new Map());
  const loads = Array.from({ length: territories }, () => 0);

  const cut = (pieces: Piece[], k: number, first: number): void => {
    if (k === 1 || pieces.length === 0) {
      for (const p of pieces) {
        held[p.unit]?.set(first, (held[p.unit]?.get(first) ?? 0) + p.weight);
        loads[first] = (loads[first] as number) + p.weight;
      }
      return;
    }
    const left = Math.floor(k / 2);
    const total = pieces.reduce((s, p) => s + p.weight, 0);
    const target = (total * left) / k;
    const [ax, ay] = mainAxis(points, pieces);
    const along = (p: Piece) => ((points[p.unit] as Point)[0] * ax) + ((points[p.unit] as Point)[1] * ay);
    const sorted = options.adjacency ? sweep(options.adjacency, pieces, along) : [...pieces].sort((a, b) => along(a) - along(b) || a.unit - b.unit);
    const lower: Piece[] = [];
    const upper: Piece[] = [];
    let sum = 0;
    let i = 0;
    for (; i < sorted.length; i++) {
      const p = sorted[i] as Piece;
      if (sum + p.weight > target) break;
      lower.push(p);
      sum += p.weight;
    }
    const at = sorted[i];
    if (at) {
      const need = target - sum;
      const rest = sorted.slice(i + 1);
      if (options.divisible && need > 0 && need < at.weight) {
        const adjacency = options.adjacency;
        const restUnits = new Set(rest.map((p) => p.unit));
        const touches = (unit: number) => (adjacency?.[unit] ?? []).some((j) => restUnits.has(j));
        // The cut unit's remainder must touch the other side, or that side falls apart: then the
        // whole unit stays and the excess leaves by a unit further back that touches it.
        const back = adjacency && !touches(at.unit) ? [...lower].reverse().find((p) => p.weight > at.weight - need && touches(p.unit)) : undefined;
        if (back) {
          const excess = at.weight - need;
          lower.splice(lower.indexOf(back), 1, { unit: back.unit, weight: back.weight - excess });
          lower.push(at);
          upper.push({ unit: back.unit, weight: excess });
        } else {
          lower.push({ unit: at.unit, weight: need });
          upper.push({ unit: at.unit, weight: at.weight - need });
        }
      } else if (need > at.weight / 2) lower.push(at);
      else upper.push(at);
      upper.push(...rest);
    }
    if (options.divisible && options.adjacency) keepSidesWhole(options.adjacency, lower, upper);
    cut(lower, left, first);
    cut(upper, k - left, first + left);
  };

  cut(weights.map((weight, unit) => ({ unit, weight })), territories, 0);
  const shares = held.map((m) => [...m].map(([territory, weight]) => ({ territory, weight })).sort((a, b) => b.weight - a.weight || a.territory - b.territory));
  return { shares, weights: loads, split: shares.filter((s) => s.length > 1).length };
}

/**
 * Makes every territory one piece over `adjacency`: a territory whose units fall apart (a cut
 * across a bay or a lake) keeps its heaviest piece and hands each other piece to the neighbouring
 * territory it shares most borders with. Returns the new shares and loads; balance moves by the
 * weight of the pieces handed over, which the result reports.
 */
export function joinPieces(adjacency: readonly (readonly number[])[], result: BisectionResult): BisectionResult {
  const held: Map<number, number>[] = result.shares.map((s) => new Map(s.map((x) => [x.territory, x.weight])));
  const loads = [...result.weights];
  const members = loads.map(() => new Set<number>());
  held.forEach((m, u) => { for (const t of m.keys()) members[t]?.add(u); });
  for (let pass = 0; pass < 10; pass++) {
    let moved = false;
    members.forEach((units, t) => {
      if (units.size === 0) return;
      const pieces: Set<number>[] = [];
      const seen = new Set<number>();
      for (const u of [...units].sort((a, b) => a - b)) {
        if (seen.has(u)) continue;
        const piece = reachable(adjacency, u, (j) => units.has(j));
        for (const j of piece) seen.add(j);
        pieces.push(piece);
      }
      if (pieces.length === 1) return;
      const weightOf = (piece: Set<number>) => [...piece].reduce((s, u) => s + (held[u]?.get(t) ?? 0), 0);
      pieces.sort((a, b) => weightOf(b) - weightOf(a) || b.size - a.size);
      for (const piece of pieces.slice(1)) {
        const borders = new Map<number, number>();
        for (const u of piece) for (const j of adjacency[u] ?? []) for (const r of held[j]?.keys() ?? []) if (r !== t) borders.set(r, (borders.get(r) ?? 0) + 1);
        const to = [...borders].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
        if (to === undefined) continue;
        for (const u of piece) {
          const w = held[u]?.get(t) ?? 0;
          held[u]?.delete(t);
          held[u]?.set(to, (held[u]?.get(to) ?? 0) + w);
          units.delete(u);
          members[to]?.add(u);
          loads[t] = (loads[t] as number) - w;
          loads[to] = (loads[to] as number) + w;
        }
        moved = true;
      }
    });
    if (!moved) break;
  }
  const shares = held.map((m) => [...m].map(([territory, weight]) => ({ territory, weight })).sort((a, b) => b.weight - a.weight || a.territory - b.territory));
  return { shares, weights: loads, split: shares.filter((s) => s.length > 1).length };
}

/** Territories not in one piece over `adjacency`, a territory being every unit it holds a share of. */
export function territoriesApart(adjacency: readonly (readonly number[])[], shares: readonly (readonly BisectionShare[])[], territories: number): number {
  const members = Array.from({ length: territories }, () => new Set<number>());
  shares.forEach((s, u) => { for (const x of s) members[x.territory]?.add(u); });
  return members.filter((m) => m.size > 0 && reachable(adjacency, [...m][0] as number, (j) => m.has(j)).size !== m.size).length;
}
