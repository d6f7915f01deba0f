import { balancedPartition, districtingModel, optimalityGap, planMetrics, type MipModel, type UnitGraph } from '@attain/core';
import { describe, expect, it } from 'vitest';
import { highsSolver } from './highs-solver.js';
import { contiguousUsCounties } from './us-counties.js';

/** The counties of one state (FIPS prefix) with the adjacency among them, weighted by population. */
function stateCounties(prefix: string): UnitGraph {
  const counties = contiguousUsCounties();
  const keep = counties.units.flatMap((u, i) => (u.id.startsWith(prefix) ? [i] : []));
  const local = new Map(keep.map((i, k) => [i, k]));
  return {
    weights: keep.map((i) => counties.units[i]?.weight as number),
    adjacency: keep.map((i) => (counties.adjacency[i] ?? []).flatMap((j) => (local.has(j) ? [local.get(j) as number] : []))),
    points: keep.map((i) => counties.units[i]?.centroid as [number, number]),
  };
}

describe('HiGHS behind the solver interface', () => {
  const solver = highsSolver();

  it('solves a small MIP to its known optimum', async () => {
    // Pick items of weight 3, 4, 5 (values 4, 5, 7) within 8: best is 3 + 5 for 11.
    const model: MipModel = {
      objective: [{ variable: 'a', coefficient: -4 }, { variable: 'b', coefficient: -5 }, { variable: 'c', coefficient: -7 }],
      constraints: [{ name: 'cap', terms: [{ variable: 'a', coefficient: 3 }, { variable: 'b', coefficient: 4 }, { variable: 'c', coefficient: 5 }], op: '<=', rhs: 8 }],
      binaries: ['a', 'b', 'c'],
    };
    const s = await solver.solve(model, { seconds: 10 });
    expect({ status: s.status, objective: s.objective, a: s.values.get('a'), b: s.values.get('b'), c: s.values.get('c') }).toEqual({ status: 'optimal', objective: -11, a: 1, b: 0, c: 1 });
  });

  it('says when a model has no solution', async () => {
    // Two territories of three equal units cannot be within 10% of each other.
    const graph = { weights: [1, 1, 1], adjacency: [[1], [0, 2], [1]], points: [[0, 0], [1, 0], [2, 0]] as [number, number][] };
    expect((await solver.solve(districtingModel(graph, 2, 0.1), { seconds: 10 })).status).toBe('infeasible');
  });

  it('finds the optimizer within 1% of the optimum on New Jersey\'s counties', async () => {
    const graph = stateCounties('34');
    const plan = balancedPartition(graph, { territories: 3, tolerance: 0.05, seed: 1, compact: true });
    expect(plan.withinBand).toBe(true);
    const gap = await optimalityGap(graph, 3, 0.05, plan.assignment, solver);
    expect(gap.status).toBe('optimal');
    expect(gap.gap).toBeGreaterThanOrEqual(-1e-9);
    expect(gap.gap).toBeLessThanOrEqual(0.01);
    // The optimum keeps the band too.
    expect(planMetrics(graph, gap.optimalPlan, 3).maxDeviation).toBeLessThanOrEqual(0.05 + 1e-9);
  });
});
