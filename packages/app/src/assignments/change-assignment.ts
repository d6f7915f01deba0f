import { DomainError, invalid, ownerInScope, type Actor } from '@attain/core';
import type { ChangePlanAssignmentBody, PlanAssignmentChanged, PlanAssignmentItem } from '@attain/contract';
import { planAssignmentRepo, type PlanAssignment } from '@attain/store';
import { recordAudit } from '../audit.js';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { inOrgTransaction } from '../org-transaction.js';
import { auditOfAssignment } from './assign-plan.js';
import { activePerson, checkedQuota, checkedRamp, dayBefore, datesWithin, minorAmount, orgCurrency, publishedVersion, refuseOverlap } from './assignment-rules.js';
import { presentAssignments } from './assignment.presenter.js';

/**
 * An effective-dated change: the current assignment ends the day before `effectiveFrom` and a
 * new one starts on it with the values given (the others carried over), in one transaction.
 * Nothing is deleted and nothing else is edited; both writes are audited with before and after.
 * The new row keeps the old end date, or ends with its version when that ends sooner.
 */
export async function changeAssignment(ctx: AppContext, actor: Actor, id: string, input: ChangePlanAssignmentBody): Promise<PlanAssignmentChanged> {
  requireAbility(actor, 'plan_assignment:write');
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const current = await planAssignmentRepo.find(tx, actor.orgId, id);
    if (!current || !ownerInScope(actor, current.personId)) throw new DomainError('not_found', 'assignment not found');
    if (current.endedAt !== null) throw new DomainError('conflict', 'this assignment was ended already: change the one that followed it', [{ field: 'id', message: 'ended already' }]);
    const from = input.effectiveFrom;
    if (from <= current.validFrom) throw invalid('effectiveFrom', `must be after the assignment's start (${current.validFrom}); a change is never backdated over the whole assignment`);
    if (current.validTo !== null && from > current.validTo) throw invalid('effectiveFrom', `must be on or before the assignment's end (${current.validTo})`);
    const { currency } = await orgCurrency(tx, actor.orgId);
    const target = input.targetIncentiveMinor === undefined ? current.targetIncentiveMinor : minorAmount(input.targetIncentiveMinor, 'targetIncentiveMinor');
    const quota = input.annualQuotaMinor === undefined ? current.annualQuotaMinor : input.annualQuotaMinor === null ? null : minorAmount(input.annualQuotaMinor, 'annualQuotaMinor');
    const ramp = input.ramp === undefined ? current.ramp : checkedRamp(input.ramp);
    const baseSalaryMinor = input.baseSalaryMinor === undefined ? current.baseSalaryMinor : input.baseSalaryMinor === null ? null : minorAmount(input.baseSalaryMinor, 'baseSalaryMinor');
    await activePerson(tx, actor.orgId, current.personId, from, 'effectiveFrom');
    const v = await publishedVersion(tx, actor.orgId, current.planId, input.planVersion ?? current.planVersion);
    const keptEnd = v.version.effectiveTo !== null && (current.validTo === null || current.validTo > v.version.effectiveTo) ? v.version.effectiveTo : current.validTo;
    const validTo = datesWithin(v.version, from, keptEnd, 'effectiveFrom');

    const endedAt = ctx.now();
    const ended: PlanAssignment = { ...current, validTo: dayBefore(from), endedBy: actor.userId, endedAt };
    if (!(await planAssignmentRepo.end(tx, actor.orgId, current.id, { validTo: ended.validTo as string, endedBy: actor.userId, endedAt }))) {
      throw new DomainError('conflict', 'this assignment was changed at the same time by someone else: reload and try again');
    }
    await recordAudit(ctx, tx, { actor, action: 'plan_assignment.end', entity: 'plan_assignment', entityId: current.id, before: auditOfAssignment(current), after: auditOfAssignment(ended) });

    const next: PlanAssignment = {
      orgId: actor.orgId, id: ctx.newId('pas'), personId: current.personId, planId: current.planId, planVersion: v.version.version,
      validFrom: from, validTo, targetIncentiveMinor: target, annualQuotaMinor: checkedQuota(v.parsed, quota), baseSalaryMinor, ramp,
      reason: input.reason.trim(), createdBy: actor.userId, createdAt: endedAt, endedBy: null, endedAt: null,
    };
    await refuseOverlap(tx, actor.orgId, next, 'effectiveFrom');
    await planAssignmentRepo.insert(tx, next);
    await recordAudit(ctx, tx, {
      actor, action: 'plan_assignment.change', entity: 'plan_assignment', entityId: next.id, before: auditOfAssignment(ended), after: auditOfAssignment(next),
    });
    const [endedItem, createdItem] = await presentAssignments(tx, actor, currency, [ended, next]);
    return { ended: endedItem as PlanAssignmentItem, created: createdItem as PlanAssignmentItem };
  });
}
