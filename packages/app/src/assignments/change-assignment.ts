import { DomainError, invalid, ownerInScope, type Actor } from '@attain/core';
import type { ChangePlanAssignmentBody, PlanAssignmentChanged, PlanAssignmentItem } from '@attain/contract';
import { planAssignmentRepo, type PlanAssignment, type StoredQuotaPhasing, type Tx } from '@attain/store';
import { recordAudit } from '../audit.js';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { inOrgTransaction } from '../org-transaction.js';
import { auditOfAssignment } from './assign-plan.js';
import { activePerson, checkedMeasureQuotas, checkedQuota, checkedRamp, dayBefore, datesWithin, measureQuotasOf, minorAmount, orgCurrency, publishedVersion, refuseOverlap } from './assignment-rules.js';
import { presentAssignments } from './assignment.presenter.js';

/** What a change sets from its day; fields left out keep their current values. */
export interface AssignmentChange {
  readonly effectiveFrom: string;
  readonly planVersion?: number;
  readonly targetIncentiveMinor?: bigint;
  readonly annualQuotaMinor?: bigint | null;
  readonly baseSalaryMinor?: bigint | null;
  readonly ramp?: string[] | null;
  readonly quotaPhasing?: StoredQuotaPhasing | null;
  /** Replaces all of them when given. */
  readonly measureQuotas?: Readonly<Record<string, bigint>>;
  readonly reason: string;
}

/**
 * Ends `current` the day before the change's day and starts a new assignment on it, inside the
 * caller's transaction, both writes audited with before and after. The new row keeps the old end
 * date, or ends with its version when that ends sooner.
 */
export async function writeAssignmentChange(ctx: AppContext, tx: Tx, actor: Actor, current: PlanAssignment, change: AssignmentChange): Promise<{ ended: PlanAssignment; created: PlanAssignment }> {
  const from = change.effectiveFrom;
  if (current.endedAt !== null) throw new DomainError('conflict', 'this assignment was ended already: change the one that followed it', [{ field: 'id', message: 'ended already' }]);
  if (from <= current.validFrom) throw invalid('effectiveFrom', `must be after the assignment's start (${current.validFrom}); a change is never backdated over the whole assignment`);
  if (current.validTo !== null && from > current.validTo) throw invalid('effectiveFrom', `must be on or before the assignment's end (${current.validTo})`);
  await activePerson(tx, actor.orgId, current.personId, from, 'effectiveFrom');
  const v = await publishedVersion(tx, actor.orgId, current.planId, change.planVersion ?? current.planVersion);
  const keptEnd = v.version.effectiveTo !== null && (current.validTo === null || current.validTo > v.version.effectiveTo) ? v.version.effectiveTo : current.validTo;
  const validTo = datesWithin(v.version, from, keptEnd, 'effectiveFrom');

  const endedAt = ctx.now();
  const ended: PlanAssignment = { ...current, validTo: dayBefore(from), endedBy: actor.userId, endedAt };
  if (!(await planAssignmentRepo.end(tx, actor.orgId, current.id, { validTo: ended.validTo as string, endedBy: actor.userId, endedAt }))) {
    throw new DomainError('conflict', 'this assignment was changed at the same time by someone else: reload and try again');
  }
  await recordAudit(ctx, tx, { actor, action: 'plan_assignment.end', entity: 'plan_assignment', entityId: current.id, before: auditOfAssignment(current), after: auditOfAssignment(ended) });

  const quota = change.annualQuotaMinor === undefined ? current.annualQuotaMinor : change.annualQuotaMinor;
  const measureQuotas = checkedMeasureQuotas(v.parsed, change.measureQuotas ?? current.measureQuotas);
  const { measureQuotas: _carried, ...kept } = current;
  const created: PlanAssignment = {
    ...kept, ...(measureQuotas ? { measureQuotas } : {}), id: ctx.newId('pas'), planVersion: v.version.version, validFrom: from, validTo,
    targetIncentiveMinor: change.targetIncentiveMinor ?? current.targetIncentiveMinor,
    annualQuotaMinor: checkedQuota(v.parsed, quota),
    baseSalaryMinor: change.baseSalaryMinor === undefined ? current.baseSalaryMinor : change.baseSalaryMinor,
    ramp: change.ramp === undefined ? current.ramp : change.ramp,
    quotaPhasing: change.quotaPhasing === undefined ? current.quotaPhasing : change.quotaPhasing,
    reason: change.reason.trim(), createdBy: actor.userId, createdAt: endedAt, endedBy: null, endedAt: null,
  };
  await refuseOverlap(tx, actor.orgId, created, 'effectiveFrom');
  await planAssignmentRepo.insert(tx, created);
  await recordAudit(ctx, tx, {
    actor, action: 'plan_assignment.change', entity: 'plan_assignment', entityId: created.id, before: auditOfAssignment(ended), after: auditOfAssignment(created),
  });
  return { ended, created };
}

/**
 * An effective-dated change: the current assignment ends the day before `effectiveFrom` and a
 * new one starts on it with the values given (the others carried over), in one transaction.
 * Nothing is deleted and nothing else is edited.
 */
export async function changeAssignment(ctx: AppContext, actor: Actor, id: string, input: ChangePlanAssignmentBody): Promise<PlanAssignmentChanged> {
  requireAbility(actor, 'plan_assignment:write');
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const current = await planAssignmentRepo.find(tx, actor.orgId, id);
    if (!current || !ownerInScope(actor, current.personId)) throw new DomainError('not_found', 'assignment not found');
    const { currency } = await orgCurrency(tx, actor.orgId);
    const amount = (text: string | null | undefined, field: string) => (text === undefined ? undefined : text === null ? null : minorAmount(text, field));
    const target = amount(input.targetIncentiveMinor, 'targetIncentiveMinor');
    const { ended, created } = await writeAssignmentChange(ctx, tx, actor, current, {
      effectiveFrom: input.effectiveFrom,
      ...(input.planVersion === undefined ? {} : { planVersion: input.planVersion }),
      ...(target === undefined || target === null ? {} : { targetIncentiveMinor: target }),
      ...(input.annualQuotaMinor === undefined ? {} : { annualQuotaMinor: amount(input.annualQuotaMinor, 'annualQuotaMinor') ?? null }),
      ...(input.baseSalaryMinor === undefined ? {} : { baseSalaryMinor: amount(input.baseSalaryMinor, 'baseSalaryMinor') ?? null }),
      ...(input.ramp === undefined ? {} : { ramp: checkedRamp(input.ramp) }),
      ...(input.measureQuotas === undefined ? {} : { measureQuotas: measureQuotasOf(input.measureQuotas) ?? {} }),
      reason: input.reason,
    });
    const [endedItem, createdItem] = await presentAssignments(tx, actor, currency, [ended, created]);
    return { ended: endedItem as PlanAssignmentItem, created: createdItem as PlanAssignmentItem };
  });
}
