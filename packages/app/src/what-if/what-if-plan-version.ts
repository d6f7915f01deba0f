import type { Actor } from '@attain/core';
import type { WhatIfResult } from '@attain/contract';
import { inTransaction, type Tx } from '@attain/store';
import { orgCurrency } from '../assignments/assignment-rules.js';
import { requireAbility } from '../authorize.js';
import { componentSince, planKey, type CalcInputs } from '../calc/calc-inputs.js';
import { calculatePayees, creditForRun, type PayeeResult } from '../calc/calculate-payees.js';
import { readRunTransactions } from '../calc/credit-partition.js';
import type { Plan } from '../comp/plan-schema.js';
import type { AppContext } from '../context.js';
import { repos } from '../crm/repos.js';
import { bucketsOf } from './distribution.js';
import { freezeForPeople, peopleOnPlan, scenarioPlan, whatIfPeriods } from './what-if-inputs.js';

/** What one side (baseline or scenario) earned per payee and sub-period: to chain to-date components across a year. */
type History = { from: string; results: readonly PayeeResult[] }[];

/**
 * Inputs whose to-date components subtract what this same side earned in the earlier periods of
 * the year, not what the ledger says (the ledger holds the baseline's earnings, not the scenario's).
 */
function chained(inputs: CalcInputs, plans: ReadonlyMap<string, Plan>, planId: string, history: History): CalcInputs {
  if (history.length === 0) return inputs;
  const earnedBefore: Record<string, Record<string, string>> = Object.fromEntries(Object.entries(inputs.earnedBefore).map(([p, row]) => [p, { ...row }]));
  for (const a of inputs.assignments.filter((x) => x.planId === planId)) {
    const plan = plans.get(planKey(a.planId, a.planVersion)) as Plan;
    for (const c of plan.components) {
      const since = componentSince(plan, c, inputs.period);
      if (since >= inputs.period.from) continue;
      let sum = 0n;
      for (const h of history.filter((x) => x.from >= since)) {
        for (const t of h.results.find((r) => r.personId === a.personId)?.targets ?? []) {
          if ((t.type === 'earning' || t.type === 'bonus') && t.planId === plan.id && t.componentId === c.id) sum += t.amountMinor;
        }
      }
      // Keyed by the plan file's id, as the run's targets and the ledger name it.
      (earnedBefore[a.personId] ??= {})[`${plan.id}/${c.id}`] = sum.toString();
    }
  }
  return { ...inputs, earnedBefore };
}

/**
 * Re-runs a pay period, or each pay period of a fiscal year, under another version of a plan
 * (a draft included) and compares what the plan's payees would be paid: the baseline is every
 * assignment on its own version, the scenario every assignment to the plan on `version`. The
 * inputs are frozen as a run freezes them; nothing is stored, published or posted. Money in
 * minor units of the organisation's currency; differences are exact (scenario - baseline).
 */
export async function whatIfPlanVersion(ctx: AppContext, actor: Actor, input: { planId: string; version: number; period: string }): Promise<WhatIfResult> {
  requireAbility(actor, 'comp_plan:read');
  requireAbility(actor, 'calc_run:read');
  const db = ctx.database.db;
  const org = await orgCurrency(db, actor.orgId);
  const scenario = await scenarioPlan(db, actor.orgId, input.planId, input.version);
  const periods = whatIfPeriods(input.period, org.fiscalYearStartMonth, scenario.parsed.payPeriod);
  const totals = new Map<string, { baseline: bigint; scenario: bigint }>();
  const history: { baseline: History; scenario: History } = { baseline: [], scenario: [] };
  // One read transaction: every period sees the same transactions and assignments.
  await inTransaction(db, async (tx: Tx) => {
    for (const fiscal of periods) {
      const people = await peopleOnPlan(tx, actor.orgId, scenario.plan.id, { from: fiscal.start, to: fiscal.end });
      if (people.length === 0) continue;
      const frozen = await freezeForPeople(tx, { orgId: actor.orgId, fiscal, currency: org.currency, fiscalYearStartMonth: org.fiscalYearStartMonth, personIds: people });
      const swapped: CalcInputs = {
        ...frozen.inputs,
        assignments: frozen.inputs.assignments.map((a) => (a.planId === scenario.plan.id ? { ...a, planVersion: input.version } : a)),
      };
      const scenarioPlans = new Map(frozen.plans).set(planKey(scenario.plan.id, input.version), scenario.parsed);
      const { creditsOf } = creditForRun(frozen.inputs, await readRunTransactions(tx, actor.orgId, frozen.inputs));
      const base = calculatePayees(chained(frozen.inputs, frozen.plans, scenario.plan.id, history.baseline), frozen.plans, creditsOf);
      const next = calculatePayees(chained(swapped, scenarioPlans, scenario.plan.id, history.scenario), scenarioPlans, creditsOf);
      history.baseline.push({ from: fiscal.start, results: base });
      history.scenario.push({ from: fiscal.start, results: next });
      const onPlan = new Set(people);
      const scenarioOf = new Map(next.map((x) => [x.personId, x.payoutMinor]));
      for (const r of base) {
        // Only the plan's payees: a manager's team may be read for her credits, but is not hers to compare.
        if (!onPlan.has(r.personId)) continue;
        const row = totals.get(r.personId) ?? { baseline: 0n, scenario: 0n };
        row.baseline += r.payoutMinor;
        row.scenario += scenarioOf.get(r.personId) ?? 0n;
        totals.set(r.personId, row);
      }
    }
  });
  const people = await repos.person.getMany(db, actor.orgId, [...totals.keys()]);
  const payees = [...totals.entries()]
    .map(([personId, t]) => ({ personId, personName: people.get(personId)?.name ?? personId, baseline: t.baseline, scenario: t.scenario }))
    .sort((a, b) => a.personName.localeCompare(b.personName) || (a.personId < b.personId ? -1 : 1));
  const sum = (f: (p: (typeof payees)[number]) => bigint) => payees.reduce((s, p) => s + f(p), 0n);
  return {
    planId: scenario.plan.id, planKey: scenario.plan.key, version: input.version, versionStatus: scenario.version.status,
    periodKeys: periods.map((p) => p.key), currency: org.currency,
    payees: payees.map((p) => ({
      personId: p.personId, personName: p.personName, baselineMinor: p.baseline.toString(), scenarioMinor: p.scenario.toString(), differenceMinor: (p.scenario - p.baseline).toString(),
    })),
    totals: { baselineMinor: sum((p) => p.baseline).toString(), scenarioMinor: sum((p) => p.scenario).toString(), differenceMinor: sum((p) => p.scenario - p.baseline).toString() },
    distribution: {
      change: bucketsOf(payees.map((p) => p.scenario - p.baseline)).map(wireBucket),
      payout: bucketsOf(payees.map((p) => p.scenario)).map(wireBucket),
    },
  };
}

const wireBucket = (b: { fromMinor: bigint; toMinor: bigint; count: number }) => ({ fromMinor: b.fromMinor.toString(), toMinor: b.toMinor.toString(), count: b.count });
