import type { StatementPlan } from '@attain/contract';
import type { Db, Tx } from '@attain/store';
import type { PlanCalculation } from '../comp/plan-calculate.js';
import type { Plan } from '../comp/plan-schema.js';
import { explanationRows } from '../plans/plan-explanation.presenter.js';
import { loadFrozenPlans, planKey, type CalcInputs } from './calc-inputs.js';

/*
 * A result body keeps what was calculated; the explanation rows a statement shows are its
 * wording. Runs frozen before inputs version 3 stored the rows in the body; since, they are
 * derived when the statement is read, from the body's calculation and the plan version it
 * names, by the same explanationRows (a quarter of a large run's statement bytes and of the
 * time spent writing them; docs/benchmarks.md). The body's hash still covers every figure.
 */

/** Minor units (keys ending in Minor) and exact fractions, which canonical JSON writes as decimal strings. */
const isBigintKey = (key: string): boolean => key.endsWith('Minor') || key === 'numerator' || key === 'denominator';

function revive(value: unknown, key: string): unknown {
  if (typeof value === 'string') return isBigintKey(key) && /^-?\d+$/.test(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map((v) => revive(v, key));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v, k)]));
  return value;
}

/** A body's calculation (parsed JSON, amounts as strings) as the engine returned it, amounts as bigints. */
export const reviveCalculation = (json: unknown): PlanCalculation => revive(json, '') as PlanCalculation;

type BodyPlan = Omit<StatementPlan, 'explanation'> & { readonly explanation?: StatementPlan['explanation'] };

/** The plans of a result body as a statement shows them, each with its explanation rows; `planOf` gives the plan version of one of the body's assignments. */
export function statementPlans(body: string, planOf: (assignmentId: string) => Plan): StatementPlan[] {
  return (JSON.parse(body) as { plans: BodyPlan[] }).plans.map((p) => ({
    ...p, explanation: p.explanation ?? explanationRows(planOf(p.assignmentId), reviveCalculation(p.calculation)),
  }));
}

/** The plan version of each of a run's assignments, as the run read them (checked against their frozen hashes). */
export async function plansOfAssignments(db: Db | Tx, orgId: string, inputs: CalcInputs): Promise<(assignmentId: string) => Plan> {
  const plans = await loadFrozenPlans(db as Tx, orgId, inputs);
  const byAssignment = new Map(inputs.assignments.map((a) => [a.id, plans.get(planKey(a.planId, a.planVersion))]));
  return (assignmentId) => {
    const plan = byAssignment.get(assignmentId);
    if (!plan) throw new Error(`assignment ${assignmentId} of a statement is not in its run`);
    return plan;
  };
}
