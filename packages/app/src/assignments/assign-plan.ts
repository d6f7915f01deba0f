import type { Actor } from '@attain/core';
import type { CreatePlanAssignmentBody, PlanAssignmentItem } from '@attain/contract';
import { planAssignmentRepo, type PlanAssignment } from '@attain/store';
import { recordAudit } from '../audit.js';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { inOrgTransaction } from '../org-transaction.js';
import { activePerson, checkedMeasureQuotas, checkedQuota, checkedRamp, datesWithin, measureQuotasOf, measureQuotaTexts, minorAmount, orgCurrency, publishedVersion, refuseOverlap } from './assignment-rules.js';
import { presentAssignments } from './assignment.presenter.js';

/** What the audit log keeps of an assignment: every column, money as strings. */
export const auditOfAssignment = (a: PlanAssignment) => ({
  ...a,
  targetIncentiveMinor: a.targetIncentiveMinor.toString(),
  annualQuotaMinor: a.annualQuotaMinor === null ? null : a.annualQuotaMinor.toString(),
  baseSalaryMinor: a.baseSalaryMinor === null ? null : a.baseSalaryMinor.toString(),
  measureQuotas: measureQuotaTexts(a.measureQuotas),
});

/**
 * Puts a person on a published plan version from a date. The person must be active then, the
 * dates inside the version's, amounts at least 0 and ramp factors in [0, 1]. A person may hold
 * several plans at once, but the same plan only once on any day (a conflict naming validFrom).
 * Without validTo the assignment runs to the version's end (open if the version is).
 */
export async function assignPlan(ctx: AppContext, actor: Actor, input: CreatePlanAssignmentBody): Promise<PlanAssignmentItem> {
  requireAbility(actor, 'plan_assignment:write');
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const { currency } = await orgCurrency(tx, actor.orgId);
    const targetIncentiveMinor = minorAmount(input.targetIncentiveMinor, 'targetIncentiveMinor');
    const quota = input.annualQuotaMinor === undefined || input.annualQuotaMinor === null ? null : minorAmount(input.annualQuotaMinor, 'annualQuotaMinor');
    const ramp = checkedRamp(input.ramp);
    const baseSalaryMinor = input.baseSalaryMinor === undefined || input.baseSalaryMinor === null ? null : minorAmount(input.baseSalaryMinor, 'baseSalaryMinor');
    await activePerson(tx, actor.orgId, input.personId, input.validFrom);
    const v = await publishedVersion(tx, actor.orgId, input.planId, input.planVersion);
    const validTo = datesWithin(v.version, input.validFrom, input.validTo);
    const measureQuotas = checkedMeasureQuotas(v.parsed, measureQuotasOf(input.measureQuotas));
    const assignment: PlanAssignment = {
      orgId: actor.orgId, id: ctx.newId('pas'), personId: input.personId, planId: v.plan.id, planVersion: v.version.version,
      validFrom: input.validFrom, validTo, targetIncentiveMinor, annualQuotaMinor: checkedQuota(v.parsed, quota), baseSalaryMinor, ramp, quotaPhasing: null,
      reason: input.reason.trim(), createdBy: actor.userId, createdAt: ctx.now(), endedBy: null, endedAt: null, ...(measureQuotas ? { measureQuotas } : {}),
    };
    await refuseOverlap(tx, actor.orgId, assignment);
    await planAssignmentRepo.insert(tx, assignment);
    await recordAudit(ctx, tx, { actor, action: 'plan_assignment.create', entity: 'plan_assignment', entityId: assignment.id, before: null, after: auditOfAssignment(assignment) });
    const [item] = await presentAssignments(tx, actor, currency, [assignment]);
    return item as PlanAssignmentItem;
  });
}
