import type { StatementPlan } from '@attain/contract';
import type { Db, Tx } from '@attain/store';
import type { PlanCalculation } from '../comp/plan-calculate.js';
import type { Plan } from '../comp/plan-schema.js';
import { explanationRows } from '../plans/plan-explanation.presenter.js';
import { presentTerms } from '../assignments/assignment.presenter.js';
import { loadFrozenPlans, planKey, type CalcInputs, type FrozenAssignment } from './calc-inputs.js';
import { periodTermsOf } from './calculate-payees.js';

/*
 * A result body keeps what was calculated; the terms and explanation rows a statement shows are
 * its derivation and wording. Runs frozen before inputs version 3 stored both in the body; since,
 * they are derived when the statement is read, the terms from the run's frozen assignment and
 * plan version, the rows from the body's calculation, by the same functions the run used (half a
 * large run's statement bytes, and a tenth of its time; docs/benchmarks.md). The body's hash
 * covers every figure; the run's inputs hash covers what the terms derive from.
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

type BodyPlan = Omit<StatementPlan, 'terms' | 'explanation'> & Partial<Pick<StatementPlan, 'terms' | 'explanation'>>;

/** The plans of a result body as a statement shows them, with terms and explanation rows; `planOf` gives an assignment's plan version. */
export function statementPlans(body: string, inputs: Pick<CalcInputs, 'currency' | 'period' | 'assignments'>, planOf: (a: FrozenAssignment) => Plan): StatementPlan[] {
  return (JSON.parse(body) as { plans: BodyPlan[] }).plans.map(({ terms, explanation, ...p }) => {
    if (terms && explanation) return { ...p, terms, explanation };
    const a = inputs.assignments.find((x) => x.id === p.assignmentId);
    if (!a) throw new Error(`assignment ${p.assignmentId} of a statement is not in its run`);
    const plan = planOf(a);
    return { ...p, terms: presentTerms(periodTermsOf(inputs, plan, a)), explanation: explanationRows(plan, reviveCalculation(p.calculation)) };
  });
}

/** The plan versions of a run, as it read them (checked against their frozen hashes), by assignment. */
export async function runPlanLoader(db: Db | Tx, orgId: string, inputs: CalcInputs): Promise<(a: FrozenAssignment) => Plan> {
  const plans = await loadFrozenPlans(db as Tx, orgId, inputs);
  return (a) => plans.get(planKey(a.planId, a.planVersion)) as Plan;
}
