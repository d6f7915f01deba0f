import { can, divideRounded, type Actor, type ExactFraction } from '@attain/core';
import type { AssignmentTermsWire, PlanAssignmentItem } from '@attain/contract';
import { compPlanRepo, userRepo, type Db, type PlanAssignment, type Tx } from '@attain/store';
import { repos } from '../crm/repos.js';
import { measureQuotaTexts } from './assignment-rules.js';
import type { AssignmentTerms } from './assignment-terms.js';

/*
 * The wire shape of assignments. Only rows the reader may see reach here (list queries are
 * scoped, a single row outside the scope is not found), so the fields are the same for
 * every role; the abilities say whether the reader may change it.
 */

const fraction = (f: ExactFraction) => ({ numerator: f.numerator.toString(), denominator: f.denominator.toString() });

export function presentTerms(t: AssignmentTerms): AssignmentTermsWire {
  return {
    period: t.period,
    daysInPeriod: t.daysInPeriod,
    onPlan: t.onPlan,
    daysOnPlan: t.daysOnPlan,
    proration: t.proration,
    targetIncentive: {
      amountMinor: t.targetIncentive.amountMinor.toString(),
      exact: fraction(t.targetIncentive.exact),
      segments: t.targetIncentive.segments.map((s) => ({ range: s.range, daysCounted: s.daysCounted, daysInYear: s.daysInYear, exact: fraction(s.exact) })),
    },
    quota: t.quota && {
      amountMinor: t.quota.amountMinor.toString(),
      exact: fraction(t.quota.exact),
      method: t.quota.method,
      months: t.quota.months.map((m) => ({ month: m.month, monthOnPlan: m.monthOnPlan, baseExact: fraction(m.baseExact), rampFactor: m.rampFactor, exact: fraction(m.exact) })),
    },
    roundingMode: t.roundingMode,
    steps: [...t.steps],
  };
}

/** OTE (base + target incentive) and the pay mix in whole percents of it, base first ("60/40"); nulls without a base salary. */
export function payMixOf(a: Pick<PlanAssignment, 'baseSalaryMinor' | 'targetIncentiveMinor'>): { baseSalaryMinor: string | null; oteMinor: string | null; payMix: string | null } {
  if (a.baseSalaryMinor === null) return { baseSalaryMinor: null, oteMinor: null, payMix: null };
  const ote = a.baseSalaryMinor + a.targetIncentiveMinor;
  const base = ote === 0n ? 0n : divideRounded(a.baseSalaryMinor * 100n, ote, 'half-even');
  return { baseSalaryMinor: a.baseSalaryMinor.toString(), oteMinor: ote.toString(), payMix: ote === 0n ? null : `${base}/${100n - base}` };
}

/** Presents assignments with their people's and plans' names, loaded in two queries. */
export async function presentAssignments(db: Db | Tx, actor: Actor, currency: string, rows: readonly PlanAssignment[]): Promise<PlanAssignmentItem[]> {
  if (rows.length === 0) return [];
  const people = await repos.person.getMany(db, actor.orgId, rows.map((r) => r.personId));
  const planIds = new Set(rows.map((r) => r.planId));
  const plans = new Map((await compPlanRepo.listWithLatest(db, actor.orgId)).filter((p) => planIds.has(p.id)).map((p) => [p.id, p]));
  const writer = can(actor, 'plan_assignment:write');
  const users = new Map((await userRepo.list(db, actor.orgId)).map((u) => [u.id, u.name]));
  return rows.map((a) => ({
    id: a.id,
    personId: a.personId,
    personName: people.get(a.personId)?.name ?? '',
    planId: a.planId,
    planKey: plans.get(a.planId)?.key ?? '',
    planName: plans.get(a.planId)?.name ?? '',
    planVersion: a.planVersion,
    validFrom: a.validFrom,
    validTo: a.validTo,
    currency,
    targetIncentiveMinor: a.targetIncentiveMinor.toString(),
    annualQuotaMinor: a.annualQuotaMinor === null ? null : a.annualQuotaMinor.toString(),
    ...payMixOf(a),
    ramp: a.ramp === null ? null : [...a.ramp],
    measureQuotas: measureQuotaTexts(a.measureQuotas),
    quotaPhasing: a.quotaPhasing === null ? null : { by: a.quotaPhasing.by, weights: [...a.quotaPhasing.weights], yearStartMonth: a.quotaPhasing.yearStartMonth },
    reason: a.reason,
    createdBy: a.createdBy,
    createdByName: users.get(a.createdBy) ?? a.createdBy,
    createdAt: a.createdAt,
    endedBy: a.endedBy,
    endedAt: a.endedAt,
    // An ended row is history: it is not changed again.
    abilities: { read: true, update: writer && a.endedAt === null },
  }));
}
