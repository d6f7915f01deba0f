import { DomainError, invalid, parseFiscalPeriod, type FiscalPeriod } from '@attain/core';
import { compPlanRepo, planAssignmentRepo, type CompPlan, type CompPlanVersion, type Db, type Tx } from '@attain/store';
import { freezeCalcInputs, type CalcInputs } from '../calc/calc-inputs.js';
import { parsePlanFile } from '../comp/plan-file.js';
import type { Plan } from '../comp/plan-schema.js';

/** The plan (by id or key) and the version a what-if runs under: any version, drafts included. */
export async function scenarioPlan(db: Db | Tx, orgId: string, planIdOrKey: string, version: number): Promise<{ plan: CompPlan; version: CompPlanVersion; parsed: Plan }> {
  const plan = (await compPlanRepo.find(db, orgId, planIdOrKey)) ?? (await compPlanRepo.findByKey(db, orgId, planIdOrKey));
  if (!plan) throw new DomainError('not_found', 'plan not found');
  const found = await compPlanRepo.findVersion(db, orgId, plan.id, version);
  if (!found) throw new DomainError('not_found', `plan version ${version} not found`);
  return { plan, version: found, parsed: parsePlanFile({ text: found.source }) };
}

/**
 * The pay periods a what-if re-runs: the one named, or each of a fiscal year's quarters or months
 * (by the plan's pay frequency). A pay period of the other frequency is refused naming `period`.
 */
export function whatIfPeriods(text: string, fiscalYearStartMonth: number, payPeriod: Plan['payPeriod']): FiscalPeriod[] {
  let fiscal: FiscalPeriod;
  try {
    fiscal = parseFiscalPeriod(text, fiscalYearStartMonth);
  } catch (error) {
    throw invalid('period', (error as Error).message);
  }
  if (fiscal.kind === 'year') {
    const keys = payPeriod === 'quarter' ? [1, 2, 3, 4].map((q) => `Q${q}`) : Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`);
    return keys.map((k) => parseFiscalPeriod(`${fiscal.key}-${k}`, fiscalYearStartMonth));
  }
  if (fiscal.kind !== payPeriod) throw invalid('period', `the plan pays by ${payPeriod}: name a ${payPeriod} (or a fiscal year), not ${fiscal.key}`);
  return [fiscal];
}

/** The people with an assignment to the plan in force some day of the period. */
export async function peopleOnPlan(db: Db | Tx, orgId: string, planId: string, period: { from: string; to: string }): Promise<string[]> {
  const rows = await planAssignmentRepo.list(db, orgId, { personIds: null, planId });
  return [...new Set(rows.filter((a) => a.validFrom <= period.to && (a.validTo === null || a.validTo >= period.from)).map((a) => a.personId))].sort();
}

/** Freezes a period's inputs as a run of it would, for some people only (nothing is stored). */
export async function freezeForPeople(tx: Tx, args: {
  orgId: string; fiscal: FiscalPeriod; currency: string; fiscalYearStartMonth: number; personIds: readonly string[];
}): Promise<{ inputs: CalcInputs; plans: Map<string, Plan> }> {
  const { fiscal } = args;
  return freezeCalcInputs(tx, {
    partitions: () => 1,
    orgId: args.orgId, periodKey: fiscal.key, period: { from: fiscal.start, to: fiscal.end }, payPeriod: fiscal.kind === 'month' ? 'month' : 'quarter',
    currency: args.currency, fiscalYearStartMonth: args.fiscalYearStartMonth, personIds: args.personIds,
  });
}
