import { canonicalJson, creditTransactions, DomainError, type Credit, type CreditingIssue, type CreditWithExplanation, type LedgerTarget } from '@attain/core';
import type { CalcTransaction } from '@attain/store';
import { assignmentTerms } from '../assignments/assignment-terms.js';
import { presentTerms } from '../assignments/assignment.presenter.js';
import type { PlanCalculation } from '../comp/plan-calculate.js';
import type { Plan } from '../comp/plan-schema.js';
import { explanationRows } from '../plans/plan-explanation.presenter.js';
import { toCreditingTransaction } from '../transactions/to-crediting.js';
import { componentSince, planKey, sha256, type CalcInputs, type FrozenAssignment } from './calc-inputs.js';
import { calculateWithLateCancellations } from './late-cancellations.js';

/** One payee's result of a run: the statement body (canonical JSON), its hash, and the ledger lines it asks for. */
export interface PayeeResult {
  readonly personId: string;
  readonly earnedMinor: bigint;
  readonly payoutMinor: bigint;
  readonly body: string;
  readonly hash: string;
  readonly targets: readonly LedgerTarget[];
}

/** The ledger entry type a component's earnings post as. */
const entryTypeOf = (kind: string): LedgerTarget['type'] => (kind === 'commission' ? 'earning' : 'bonus');

/** The calculation as a statement keeps it: credit ids live in the measure lines, so the body says which credits counted. */
function ledgerTargetsOf(personId: string, periodKey: string, plan: Plan, calc: PlanCalculation): LedgerTarget[] {
  const base = { personId, forPeriod: periodKey, planId: plan.id };
  const out: LedgerTarget[] = plan.components.map((c, i) => ({ ...base, type: entryTypeOf(c.kind), componentId: c.id, amountMinor: calc.components[i]?.amountMinor ?? 0n }));
  if (calc.totalMinor !== calc.earnedMinor) out.push({ ...base, type: 'earning', componentId: 'plan-cap', amountMinor: calc.totalMinor - calc.earnedMinor });
  if (calc.draw && calc.draw.drawAdvanceMinor !== 0n) out.push({ ...base, type: 'draw-advance', componentId: null, amountMinor: calc.draw.drawAdvanceMinor });
  if (calc.draw && calc.draw.recoveryMinor !== 0n) out.push({ ...base, type: 'draw-recovery', componentId: null, amountMinor: -calc.draw.recoveryMinor });
  const clawedBackMinor = calc.clawbacks.reduce((s, c) => s + c.adjustmentMinor, 0n);
  if (clawedBackMinor !== 0n) out.push({ ...base, type: 'clawback', componentId: null, amountMinor: clawedBackMinor });
  return out;
}

/**
 * The calculation as the statement body keeps it: without the measure lines' credit ids, which
 * the statement lists from the run's frozen transactions instead (a body stays small however
 * many deals a payee closed; the measure line keeps the count).
 */
const withoutCreditIds = (calc: PlanCalculation): PlanCalculation => ({
  ...calc,
  components: calc.components.map((c) => ({ ...c, lines: c.lines.map((l) => (l.step === 'measure' ? { ...l, creditIds: [] } : l)) })),
});

/**
 * An assignment's terms over a range (proration, phasing, ramp), with its annual quota replaced
 * when given (a quota of another measure); in words too when `explain`.
 */
function termsOver(inputs: Pick<CalcInputs, 'currency'>, plan: Plan, a: FrozenAssignment, range: { from: string; to: string }, explain: boolean, annualQuotaMinor?: bigint) {
  const assignment = {
    validFrom: a.validFrom, validTo: a.validTo, ramp: a.ramp, targetIncentiveMinor: BigInt(a.targetIncentiveMinor),
    annualQuotaMinor: annualQuotaMinor ?? (a.annualQuotaMinor === null ? null : BigInt(a.annualQuotaMinor)),
  };
  const termsPlan = { yearStartMonth: plan.yearStartMonth, proration: plan.proration, ...(plan.quotaPhasing ? { quotaPhasing: plan.quotaPhasing } : {}) };
  return assignmentTerms({ currency: inputs.currency, plan: termsPlan, assignment, period: range, explain });
}

/** An assignment's terms for the run's period, as its statement shows them (derived again when read since inputs version 3; a run needs only their amounts then). */
export const periodTermsOf = (inputs: Pick<CalcInputs, 'currency' | 'period'>, plan: Plan, a: FrozenAssignment, explain = true) => termsOver(inputs, plan, a, inputs.period, explain);

/** One assignment of a payee in the period: its terms (proration, phasing, ramp) and the plan calculated on her credits while on it. */
function calculateAssignment(inputs: CalcInputs, plan: Plan, a: FrozenAssignment, credits: readonly Credit[]) {
  const periodTerms = periodTermsOf(inputs, plan, a, inputs.version < 3);
  // A component measured against a quota of another measure (new logos) gets it phased and prorated as the money quota is.
  const quotas: Record<string, bigint> = {};
  const measureQuotas: Record<string, { annual: string; period: string }> = {};
  for (const c of plan.components) {
    if (c.quotaMeasure === undefined) continue;
    const annual = a.measureQuotas?.[c.quotaMeasure];
    if (annual === undefined) throw new DomainError('validation_failed', `the assignment has no ${c.quotaMeasure} quota, which ${c.name} measures against`, [{ field: `measureQuotas.${c.quotaMeasure}`, message: 'missing' }]);
    quotas[c.id] = termsOver(inputs, plan, a, inputs.period, false, BigInt(annual)).quota?.amountMinor ?? 0n;
    measureQuotas[c.quotaMeasure] = { annual, period: String(quotas[c.id]) };
  }
  const quotaToDateMinor: Record<string, bigint> = {};
  for (const c of plan.components) {
    const since = componentSince(plan, c, inputs.period);
    if (since < inputs.period.from && quotaToDateMinor[since] === undefined) quotaToDateMinor[since] = termsOver(inputs, plan, a, { from: since, to: inputs.period.to }, false).quota?.amountMinor ?? 0n;
  }
  const before = inputs.earnedBefore[a.personId] ?? {};
  const earnedBefore = Object.fromEntries(plan.components.filter((c) => before[`${plan.id}/${c.id}`] !== undefined).map((c) => [c.id, BigInt(before[`${plan.id}/${c.id}`] as string)]));
  const drawBalance = inputs.drawBalances[a.personId]?.[plan.id];
  const calc = calculateWithLateCancellations({
    // calculatePlan keeps the credits dated while she was on the assignment (served).
    plan, credits, quotaMinor: periodTerms.quota?.amountMinor ?? 0n, targetIncentiveMinor: periodTerms.targetIncentive.amountMinor,
    // Served is her whole assignment: credits before the period still count towards a to-date measure.
    period: inputs.period, served: { from: a.validFrom, to: a.validTo ?? plan.effective.to ?? inputs.period.to }, derived: { quotaToDateMinor }, earnedBefore, quotas,
    ...(drawBalance === undefined ? {} : { drawBalanceMinor: BigInt(drawBalance) }),
  }, inputs.lateCancellations);
  return { terms: periodTerms, calc, measureQuotas };
}

/** Credits a run's transactions (the organisation's rules, reporting lines on each transaction's date), grouped by payee. */
export function creditForRun(inputs: CalcInputs, transactions: readonly CalcTransaction[]): { creditsOf: Map<string, CreditWithExplanation[]>; issues: readonly CreditingIssue[] } {
  const credited = creditTransactions({
    transactions: transactions.filter((t) => t.ownerId !== null).map(toCreditingTransaction), rules: inputs.rules, reportingLines: inputs.reportingLines,
  });
  const creditsOf = new Map<string, CreditWithExplanation[]>();
  for (const c of credited.credits) {
    const list = creditsOf.get(c.payeeId);
    if (list) list.push(c);
    else creditsOf.set(c.payeeId, [c]);
  }
  return { creditsOf, issues: credited.issues };
}

/** A run's payees in id order, each with her assignments in the period. */
export function payeesOf(inputs: CalcInputs): [string, FrozenAssignment[]][] {
  const byPerson = new Map<string, FrozenAssignment[]>();
  for (const a of inputs.assignments) {
    const list = byPerson.get(a.personId);
    if (list) list.push(a);
    else byPerson.set(a.personId, [a]);
  }
  return [...byPerson.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Calculates one payee of a run: each of her assignments in the period through its plan version,
 * on her credits while on it. Pure apart from hashing: the same inputs give the same body byte
 * for byte, and so the same hash.
 */
export function calculatePayee(args: {
  readonly inputs: CalcInputs;
  readonly plans: ReadonlyMap<string, Plan>;
  readonly personId: string;
  readonly assignments: readonly FrozenAssignment[];
  readonly credits: readonly Credit[];
}): PayeeResult {
  const { inputs, personId } = args;
  const parts = args.assignments.map((a) => {
    const plan = args.plans.get(planKey(a.planId, a.planVersion));
    if (!plan) throw new Error(`plan ${a.planId} version ${a.planVersion} was not loaded`);
    try {
      const { terms, calc, measureQuotas } = calculateAssignment(inputs, plan, a, args.credits);
      return { a, plan, terms, calc, measureQuotas };
    } catch (error) {
      // One payee's bad terms stop the run (nothing is published); say whose, on which plan.
      if (error instanceof DomainError) throw new DomainError(error.code, `payee ${personId}, assignment ${a.id} (${plan.id} v${plan.version}): ${error.message}`, error.issues);
      throw error;
    }
  });
  const targets = parts.flatMap((p) => ledgerTargetsOf(personId, inputs.periodKey, p.plan, p.calc));
  const earnedMinor = parts.reduce((s, p) => s + p.calc.totalMinor, 0n);
  const payoutMinor = targets.reduce((s, t) => s + t.amountMinor, 0n);
  const body = canonicalJson({
    personId, periodKey: inputs.periodKey, period: inputs.period, currency: inputs.currency, earnedMinor: earnedMinor.toString(), payoutMinor: payoutMinor.toString(),
    plans: parts.map((p) => ({
      assignmentId: p.a.id, planId: p.plan.id, planVersion: p.plan.version, planName: p.plan.name,
      // Since inputs version 3 the terms and explanation rows, derived from the frozen inputs and the calculation, are derived again when read (statement-body.ts).
      ...(inputs.version < 3 ? { terms: presentTerms(p.terms), explanation: explanationRows(p.plan, p.calc) } : {}),
      // canonicalJson writes the calculation's bigints as decimal strings.
      calculation: withoutCreditIds(p.calc),
      componentKinds: Object.fromEntries(p.plan.components.map((c) => [c.id, c.kind])),
      // Only when the plan measures one: bodies of plans without keep their bytes (and hashes).
      ...(Object.keys(p.measureQuotas).length === 0 ? {} : { measureQuotas: p.measureQuotas }),
    })),
    ledger: targets.map((t) => ({ type: t.type, planId: t.planId, componentId: t.componentId, amountMinor: t.amountMinor.toString() })),
  });
  return { personId, earnedMinor, payoutMinor, body, hash: sha256(body), targets };
}

/** Every payee of the inputs at once, on credits already made (what-if); a run goes in chunks instead, to report progress. */
export function calculatePayees(inputs: CalcInputs, plans: ReadonlyMap<string, Plan>, creditsOf: ReadonlyMap<string, readonly Credit[]>): PayeeResult[] {
  return payeesOf(inputs).map(([personId, assignments]) => calculatePayee({ inputs, plans, personId, assignments, credits: creditsOf.get(personId) ?? [] }));
}

/** The hash of a run's outputs: every payee's result hash, in payee order. */
export function outputsHash(results: readonly Pick<PayeeResult, 'personId' | 'hash'>[]): string {
  return sha256(results.map((r) => `${r.personId} ${r.hash}`).join('\n'));
}
