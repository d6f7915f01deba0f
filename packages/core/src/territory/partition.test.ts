import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lattice, noisy } from '../test-support/lattice.js';
import { planMetrics } from './metrics.js';
import { balancedPartition, type UnitGraph } from './partition.js';

/** The invariants every plan must keep. */
function expectValidPlan(graph: UnitGraph, assignment: readonly number[], territories: number, tolerance: number) {
  expect(assignment).toHaveLength(graph.weights.length);
  expect(assignment.every((t) => Number.isInteger(t) && t >= 0 && t < territories)).toBe(true);
  const m = planMetrics(graph, assignment, territories);
  expect({ disconnected: m.disconnected, empty: m.empty }).toEqual({ disconnected: 0, empty: 0 });
  expect(m.maxDeviation).toBeLessThanOrEqual(tolerance);
  return m;
}

describe('balanced contiguous partition of whole units', () => {
  it('cuts a uniform lattice into equal connected territories', () => {
    const graph = lattice(12, 12, () => 1);
    const r = balancedPartition(graph, { territories: 4, tolerance: 0, seed: 1 });
    expectValidPlan(graph, r.assignment, 4, 0);
    expect(r.weights).toEqual([36, 36, 36, 36]);
  });

  it('keeps its golden result on a small seeded lattice', () => {
    const r = balancedPartition(lattice(6, 6, noisy(7)), { territories: 3, tolerance: 0.05, seed: 7 });
    // Rows of the lattice, a digit per unit: its territory.
    expect({ rows: r.assignment.join('').match(/.{6}/g), weights: r.weights, withinBand: r.withinBand }).toMatchInlineSnapshot(`
      {
        "rows": [
          "000111",
          "001111",
          "000111",
          "000122",
          "002222",
          "222222",
        ],
        "weights": [
          630,
          650,
          666,
        ],
        "withinBand": true,
      }
    `);
  });

  it('keeps every invariant on random lattices: each unit once, territories connected, the band met', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 2, max: 6 }), (seed, p) => {
      const graph = lattice(15, 15, noisy(seed));
      const r = balancedPartition(graph, { territories: p, tolerance: 0.05, seed });
      expect(r.withinBand).toBe(true);
      const m = expectValidPlan(graph, r.assignment, p, 0.05);
      expect(m.maxDeviation).toBeCloseTo(r.maxDeviation, 12);
    }), { numRuns: 25 });
  });

  it('gives the same plan for the same seed, and for weights all scaled alike', () => {
    const graph = lattice(15, 15, noisy(3));
    const a = balancedPartition(graph, { territories: 5, tolerance: 0.03, seed: 11 });
    expect(balancedPartition(graph, { territories: 5, tolerance: 0.03, seed: 11 }).assignment).toEqual(a.assignment);
    const scaled = balancedPartition({ ...graph, weights: graph.weights.map((w) => w * 3) }, { territories: 5, tolerance: 0.03, seed: 11 });
    expect(scaled.assignment).toEqual(a.assignment);
  });

  it('gives an equally good plan for the units in another order', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), (seed) => {
      const graph = lattice(12, 12, noisy(seed));
      const order = graph.weights.map((_, i) => i).sort((x, y) => ((Math.imul(x + 1, 40503) ^ seed) & 1023) - ((Math.imul(y + 1, 40503) ^ seed) & 1023) || x - y);
      const position = new Map(order.map((u, k) => [u, k]));
      const shuffled: UnitGraph = {
        weights: order.map((u) => graph.weights[u] as number),
        points: order.map((u) => graph.points[u] as [number, number]),
        adjacency: order.map((u) => (graph.adjacency[u] ?? []).map((j) => position.get(j) as number)),
      };
      const r = balancedPartition(shuffled, { territories: 4, tolerance: 0.05, seed });
      expect(r.withinBand).toBe(true);
      expectValidPlan(shuffled, r.assignment, 4, 0.05);
    }), { numRuns: 15 });
  });

  it('reaches weight behind units of none (sparse accounts): a weighted unit moves with the empty ones before it', () => {
    // Weight on every third unit of every third row only: most borders are empty units.
    for (const seed of [1, 2, 3, 4, 5]) {
      const graph = lattice(15, 15, (i) => (i % 3 === 0 && Math.floor(i / 15) % 3 === 0 ? 1 + (i % 7) : 0));
      const r = balancedPartition(graph, { territories: 4, tolerance: 0.1, seed, starts: 1 });
      expectValidPlan(graph, r.assignment, 4, 0.1);
    }
  });

  it('says when a unit heavier than the band makes it unreachable, and refuses a graph in pieces', () => {
    const graph = lattice(5, 5, (i) => (i === 12 ? 1000 : 1));
    const r = balancedPartition(graph, { territories: 4, tolerance: 0.05, seed: 1 });
    expect(r.withinBand).toBe(false);
    expectValidPlan(graph, r.assignment, 4, Infinity);
    const pieces: UnitGraph = { weights: [1, 1, 1, 1], points: [[0, 0], [1, 0], [5, 0], [6, 0]], adjacency: [[1], [0], [3], [2]] };
    expect(() => balancedPartition(pieces, { territories: 1, tolerance: 0.05, seed: 1 })).toThrow(/not connected/);
    expect(() => balancedPartition(graph, { territories: 0, tolerance: 0.05, seed: 1 })).toThrow(RangeError);
  });
});

describe('plan metrics', () => {
  it('measure balance, spread and contiguity', () => {
    const graph = lattice(4, 1, () => 1);
    expect(planMetrics(graph, [0, 0, 1, 1], 2)).toEqual({ territories: 2, maxDeviation: 0, cv: 0, gini: 0, maxOverMin: 1, compactness: 0.2, disconnected: 0, empty: 0 });
    const split = planMetrics({ ...graph, weights: [3, 1, 1, 1] }, [0, 1, 0, 1], 2);
    expect(split).toMatchObject({ maxDeviation: 1 / 3, gini: 1 / 6, maxOverMin: 2, disconnected: 2 });
  });
});
