import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lattice, noisy } from '../test-support/lattice.js';
import { joinPieces, recursiveBisection, type BisectionResult } from './bisection.js';
import { reachable } from './graph.js';

/** Every unit's shares add up to its weight, and the territories' weights to the shares. */
function expectConserved(weights: readonly number[], r: BisectionResult, territories: number) {
  r.shares.forEach((s, u) => expect(s.reduce((sum, x) => sum + x.weight, 0)).toBeCloseTo(weights[u] as number, 6));
  const loads = Array.from({ length: territories }, () => 0);
  r.shares.forEach((s) => s.forEach((x) => { loads[x.territory] = (loads[x.territory] as number) + x.weight; }));
  loads.forEach((l, t) => expect(l).toBeCloseTo(r.weights[t] as number, 6));
}

const apart = (adjacency: readonly (readonly number[])[], r: BisectionResult, territories: number): number => {
  const members = Array.from({ length: territories }, () => new Set<number>());
  r.shares.forEach((s, u) => s.forEach((x) => members[x.territory]?.add(u)));
  return members.filter((m) => m.size > 0 && reachable(adjacency, [...m][0] as number, (j) => m.has(j)).size !== m.size).length;
};

describe('territories by recursive bisection', () => {
  it('balances divisible weights exactly, splitting at most one unit per cut', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 2, max: 12 }), (seed, p) => {
      const g = lattice(12, 9, noisy(seed));
      const r = recursiveBisection(g.points, g.weights, p, { divisible: true });
      expectConserved(g.weights, r, p);
      const mean = g.weights.reduce((s, w) => s + w, 0) / p;
      for (const load of r.weights) expect(Math.abs(load - mean)).toBeLessThan(1e-6 * mean);
      expect(r.split).toBeLessThanOrEqual(p - 1);
    }), { numRuns: 40 });
  });

  it('over the graph, keeps every territory one piece and the balance exact, fjords and all', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 7 }), (seed, p, fjord) => {
      const g = lattice(20, 10, noisy(seed), (x, y) => x <= 12 && (y === fjord || y === fjord + 1));
      const r = recursiveBisection(g.points, g.weights, p, { divisible: true, adjacency: g.adjacency });
      expectConserved(g.weights, r, p);
      const mean = g.weights.reduce((s, w) => s + w, 0) / p;
      for (const load of r.weights) expect(Math.abs(load - mean)).toBeLessThan(1e-6 * mean);
      expect(apart(g.adjacency, r, p)).toBe(0);
    }), { numRuns: 60 });
  });

  it('keeps whole units whole, each territory within one unit of the mean', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 2, max: 12 }), (seed, p) => {
      const g = lattice(12, 9, noisy(seed));
      const r = recursiveBisection(g.points, g.weights, p, { divisible: false });
      expectConserved(g.weights, r, p);
      expect(r.split).toBe(0);
      const mean = g.weights.reduce((s, w) => s + w, 0) / p;
      const heaviest = Math.max(...g.weights);
      for (const load of r.weights) expect(Math.abs(load - mean)).toBeLessThanOrEqual(heaviest);
    }), { numRuns: 40 });
  });

  it('gives the same plan for the same input, and for weights all scaled alike', () => {
    const g = lattice(10, 10, noisy(3));
    const a = recursiveBisection(g.points, g.weights, 5, { divisible: false });
    expect(recursiveBisection(g.points, g.weights, 5, { divisible: false })).toEqual(a);
    const scaled = recursiveBisection(g.points, g.weights.map((w) => w * 1000), 5, { divisible: false });
    expect(scaled.shares.map((s) => s.map((x) => x.territory))).toEqual(a.shares.map((s) => s.map((x) => x.territory)));
  });

  it('joins the pieces a cut leaves apart (across a fjord) to a neighbour, losing no weight', () => {
    // A fjord from the west coast: a cut across it leaves the shores north and south of it apart.
    const g = lattice(20, 10, noisy(5), (x, y) => x <= 12 && (y === 4 || y === 5));
    let sawApart = false;
    for (const p of [3, 4, 5, 6, 7]) {
      // Cut by the axis alone (no graph): the cuts go straight across the lake.
      const cut = recursiveBisection(g.points, g.weights, p, { divisible: true });
      sawApart ||= apart(g.adjacency, cut, p) > 0;
      const joined = joinPieces(g.adjacency, cut);
      expectConserved(g.weights, joined, p);
      expect(apart(g.adjacency, joined, p)).toBe(0);
    }
    // The case is one the join is for.
    expect(sawApart).toBe(true);
  });
});
