import { fiscalPeriodOf, invalid, isCalendarDate, type Actor } from '@attain/core';
import type { DealEstimate } from '@attain/contract';
import { compPlanRepo, inTransaction, planAssignmentRepo, type CompTransaction } from '@attain/store';
import { orgCurrency } from '../assignments/assignment-rules.js';
import { planKey } from '../calc/calc-inputs.js';
import { calculatePayee, creditForRun, payeesOf } from '../calc/calculate-payees.js';
import { readRunTransactions } from '../calc/credit-partition.js';
import { statementPlans } from '../calc/statement-body.js';
import { parsePlanFile } from '../comp/plan-file.js';
import type { Plan } from '../comp/plan-schema.js';
import type { AppContext } from '../context.js';
import { freezeForPeople } from '../what-if/what-if-inputs.js';
import { ownPerson } from './own-person.js';

/** Her pay frequencies on a day: those of the plan versions she is assigned to then. */
async function payPeriodsOn(ctx: AppContext, orgId: string, personId: string, date: string): Promise<Plan['payPeriod'][]> {
  const db = ctx.database.db;
  const found = new Set<Plan['payPeriod']>();
  for (const a of await planAssignmentRepo.list(db, orgId, { personIds: [personId], asOf: date })) {
    const v = await compPlanRepo.findVersion(db, orgId, a.planId, a.planVersion);
    if (v) found.add(parsePlanFile({ text: v.source }).payPeriod);
  }
  return [...found].sort();
}

/**
 * What one hypothetical deal of hers would pay: for each pay period containing the close date
 * (one per pay frequency of her plans then), her result is computed from inputs frozen as a run
 * would freeze them, without and with one transaction she owns of `amountMinor` (minor units of
 * the organisation's currency) on `closeDate`. Nothing is stored. Returns both payouts, the
 * difference, and the scenario's explanation rows (tier reached, rate, caps). Her own person only.
 */
export async function estimateDeal(ctx: AppContext, actor: Actor, input: { amountMinor: string | bigint; closeDate: string; kind?: string; termMonths?: number }): Promise<DealEstimate> {
  const personId = ownPerson(actor);
  let amountMinor: bigint;
  try {
    amountMinor = BigInt(input.amountMinor);
  } catch {
    throw invalid('amountMinor', 'must be an integer number of minor units');
  }
  if (amountMinor <= 0n) throw invalid('amountMinor', 'must be more than 0');
  if (!isCalendarDate(input.closeDate)) throw invalid('closeDate', 'must be a date as YYYY-MM-DD');
  const org = await orgCurrency(ctx.database.db, actor.orgId);
  const payPeriods = await payPeriodsOn(ctx, actor.orgId, personId, input.closeDate);
  if (payPeriods.length === 0) throw invalid('closeDate', `you have no compensation plan on ${input.closeDate}`);
  const deal: CompTransaction = {
    orgId: actor.orgId, id: 'estimate', source: 'opportunity', sourceKey: 'estimate', kind: input.kind ?? 'new-business', date: input.closeDate,
    amountMinor, currency: org.currency, dealAmountMinor: amountMinor, dealCurrency: org.currency, ownerId: personId, accountId: null, opportunityId: null,
    pipelineId: null, territoryId: null, lineItems: [], splits: [], reverses: null, termMonths: input.termMonths ?? null, createdAt: ctx.now(),
  };
  const periods: DealEstimate['periods'] = [];
  const plans: DealEstimate['plans'] = [];
  await inTransaction(ctx.database.db, async (tx) => {
    for (const payPeriod of payPeriods) {
      const fiscal = fiscalPeriodOf(input.closeDate, org.fiscalYearStartMonth, payPeriod);
      const { inputs, plans: loaded } = await freezeForPeople(tx, { orgId: actor.orgId, fiscal, currency: org.currency, fiscalYearStartMonth: org.fiscalYearStartMonth, personIds: [personId] });
      const assignments = payeesOf(inputs).find(([id]) => id === personId)?.[1];
      if (!assignments) continue;
      const transactions = await readRunTransactions(tx, actor.orgId, inputs);
      const result = (extra: readonly CompTransaction[]) => calculatePayee({
        inputs, plans: loaded, personId, assignments, credits: creditForRun(inputs, [...transactions, ...extra]).creditsOf.get(personId) ?? [],
      });
      const baseline = result([]);
      const scenario = result([deal]);
      periods.push({ periodKey: fiscal.key, baselineMinor: baseline.payoutMinor.toString(), scenarioMinor: scenario.payoutMinor.toString(), differenceMinor: (scenario.payoutMinor - baseline.payoutMinor).toString() });
      for (const p of statementPlans(scenario.body, inputs, (a) => loaded.get(planKey(a.planId, a.planVersion)) as Plan)) plans.push({ periodKey: fiscal.key, planId: p.planId, planName: p.planName, planVersion: p.planVersion, explanation: p.explanation });
    }
  });
  const sum = (k: 'baselineMinor' | 'scenarioMinor' | 'differenceMinor') => periods.reduce((s, p) => s + BigInt(p[k]), 0n).toString();
  return {
    personId, amountMinor: amountMinor.toString(), closeDate: input.closeDate, currency: org.currency, periods, plans,
    baselineMinor: sum('baselineMinor'), scenarioMinor: sum('scenarioMinor'), differenceMinor: sum('differenceMinor'),
  };
}
