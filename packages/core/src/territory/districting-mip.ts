import { centredInertia } from './compaction.js';
import type { UnitGraph } from './partition.js';

/*
 * The exact side of the optimizer: the districting problem as a mixed-integer program, for a
 * solver behind a small interface (app wires HiGHS in), so the heuristic's plans can be checked
 * against the optimum on instances small enough to solve.
 *
 * The model is the location-allocation model of Hess et al. (1965): x[i][j] = 1 when unit i
 * belongs to the territory centred on unit j, x[j][j] = 1 when j is a centre;
 *   minimize   sum over i, j of w_i d(i, j)^2 x[i][j]
 *   subject to sum over j of x[i][j] = 1                    (each unit once)
 *              x[i][j] <= x[j][j]                          (only to a centre)
 *              sum over j of x[j][j] = p                    (p territories)
 *              (1 - tol) mean x[j][j] <= sum over i of w_i x[i][j] <= (1 + tol) mean x[j][j]
 * It leaves contiguity out, so its optimum is a lower bound for contiguous plans: a heuristic plan
 * within 1% of it is within 1% of the best contiguous plan too.
 */

export interface MipTerm { readonly variable: string; readonly coefficient: number }
export interface MipConstraint { readonly name: string; readonly terms: readonly MipTerm[]; readonly op: '<=' | '>=' | '='; readonly rhs: number }
export interface MipModel {
  readonly objective: readonly MipTerm[];
  readonly constraints: readonly MipConstraint[];
  /** Variables that are 0 or 1; every variable here is one. */
  readonly binaries: readonly string[];
}
export interface MipSolution {
  readonly status: 'optimal' | 'infeasible' | 'limit' | 'other';
  readonly objective: number;
  readonly values: ReadonlyMap<string, number>;
}
/** A MIP solver: minimizes the model's objective. */
export interface MipSolver {
  solve(model: MipModel, limits: { readonly seconds: number }): Promise<MipSolution>;
}

const term = (coefficient: number, variable: string): string => `${coefficient < 0 ? '-' : '+'} ${Math.abs(coefficient)} ${variable}`;

/** The model in CPLEX LP format, which HiGHS and most solvers read. */
export function lpText(model: MipModel): string {
  const lines = ['Minimize', ` obj: ${model.objective.map((t) => term(t.coefficient, t.variable)).join(' ') || '0'}`, 'Subject To'];
  for (const c of model.constraints) lines.push(` ${c.name}: ${c.terms.map((t) => term(t.coefficient, t.variable)).join(' ')} ${c.op} ${c.rhs}`);
  lines.push('Binary', ...model.binaries.map((b) => ` ${b}`), 'End');
  return `${lines.join('\n')}\n`;
}

const x = (i: number, j: number): string => `x${i}_${j}`;

/** The districting model of `graph` into `territories` within `tolerance` of the mean weight. */
export function districtingModel(graph: UnitGraph, territories: number, tolerance: number): MipModel {
  const n = graph.weights.length;
  const mean = graph.weights.reduce((s, w) => s + w, 0) / territories;
  const d2 = (i: number, j: number) => ((graph.points[i] as [number, number])[0] - (graph.points[j] as [number, number])[0]) ** 2
    + ((graph.points[i] as [number, number])[1] - (graph.points[j] as [number, number])[1]) ** 2;
  const units = [...Array(n).keys()];
  const objective = units.flatMap((i) => units.map((j) => ({ variable: x(i, j), coefficient: (graph.weights[i] as number) * d2(i, j) }))).filter((t) => t.coefficient !== 0);
  const constraints: MipConstraint[] = [
    ...units.map((i) => ({ name: `once${i}`, terms: units.map((j) => ({ variable: x(i, j), coefficient: 1 })), op: '=' as const, rhs: 1 })),
    ...units.flatMap((j) => units.filter((i) => i !== j).map((i) => ({ name: `centre${i}_${j}`, terms: [{ variable: x(i, j), coefficient: 1 }, { variable: x(j, j), coefficient: -1 }], op: '<=' as const, rhs: 0 }))),
    { name: 'count', terms: units.map((j) => ({ variable: x(j, j), coefficient: 1 })), op: '=', rhs: territories },
    ...units.flatMap((j) => {
      const load = units.map((i) => ({ variable: x(i, j), coefficient: graph.weights[i] as number }));
      return [
        { name: `low${j}`, terms: [...load.filter((t) => t.variable !== x(j, j)), { variable: x(j, j), coefficient: (graph.weights[j] as number) - (1 - tolerance) * mean }], op: '>=' as const, rhs: 0 },
        { name: `high${j}`, terms: [...load.filter((t) => t.variable !== x(j, j)), { variable: x(j, j), coefficient: (graph.weights[j] as number) - (1 + tolerance) * mean }], op: '<=' as const, rhs: 0 },
      ];
    }),
  ];
  return { objective, constraints, binaries: units.flatMap((i) => units.map((j) => x(i, j))) };
}

export interface OptimalityGap {
  /** The heuristic plan's centred inertia, the solver's optimum, and (heuristic - optimum) / optimum. */
  readonly heuristic: number;
  readonly optimum: number;
  readonly gap: number;
  readonly status: MipSolution['status'];
  /** Each unit's territory in the solver's plan (numbered by centre, in unit order). */
  readonly optimalPlan: readonly number[];
}

/** How far a heuristic plan's objective lies above the solver's optimum for the same instance. */
export async function optimalityGap(graph: UnitGraph, territories: number, tolerance: number, plan: readonly number[], solver: MipSolver, seconds = 60): Promise<OptimalityGap> {
  const solution = await solver.solve(districtingModel(graph, territories, tolerance), { seconds });
  const n = graph.weights.length;
  const centres = [...Array(n).keys()].filter((j) => (solution.values.get(x(j, j)) ?? 0) > 0.5);
  const optimalPlan = [...Array(n).keys()].map((i) => centres.findIndex((j) => (solution.values.get(x(i, j)) ?? 0) > 0.5));
  const heuristic = centredInertia(graph, plan, territories);
  const optimum = solution.status === 'optimal' ? centredInertia(graph, optimalPlan, territories) : NaN;
  return { heuristic, optimum, gap: (heuristic - optimum) / optimum, status: solution.status, optimalPlan };
}
