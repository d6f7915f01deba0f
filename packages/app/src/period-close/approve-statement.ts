import { checkApprover, DomainError, ownerInScope, readScope, type Actor, type ApprovalState } from '@attain/core';
import { approvalRepo, calcRunRepo, type Tx } from '@attain/store';
import { orgCurrency } from '../assignments/assignment-rules.js';
import { recordAudit } from '../audit.js';
import { requireAbility } from '../authorize.js';
import { parseRunPeriod } from '../calc/run-calc.js';
import type { AppContext } from '../context.js';
import { inOrgTransaction } from '../org-transaction.js';
import { statementStanding } from './statement-standing.js';

/** Approves one statement's next step inside the caller's transaction; throws why not. */
async function approveOne(ctx: AppContext, tx: Tx, actor: Actor, personId: string, periodKey: string, comment: string | null): Promise<ApprovalState> {
  const standing = await statementStanding(tx, actor.orgId, personId, periodKey);
  if (standing.period.status === 'closed') throw new DomainError('conflict', `${periodKey} is closed`);
  const step = checkApprover({
    state: standing.approval, payeePersonId: personId, preparedBy: standing.run.preparedBy,
    approver: { userId: actor.userId, personId: actor.personId, role: actor.role, managesPayee: actor.role === 'manager' && actor.teamPersonIds.includes(personId) && actor.personId !== personId },
  });
  const approval = {
    orgId: actor.orgId, id: ctx.newId('apr'), personId, periodKey, step, runId: standing.run.id, resultHash: standing.result.hash,
    postedMinor: standing.postedMinor, approvedBy: actor.userId, approvedAt: ctx.now(), comment,
  };
  await approvalRepo.insert(tx, approval);
  await recordAudit(ctx, tx, { actor, action: `statement.approve.${step}`, entity: 'statement', entityId: `${personId}/${periodKey}`, before: null, after: { ...approval, postedMinor: approval.postedMinor.toString() } });
  return (await statementStanding(tx, actor.orgId, personId, periodKey)).approval;
}

async function periodKeyOf(tx: Tx, actor: Actor, period: string): Promise<string> {
  return parseRunPeriod(period, (await orgCurrency(tx, actor.orgId)).fiscalYearStartMonth).key;
}

/**
 * Approves the next step of a statement's route (its manager, then finance) as it stands now:
 * the approval records the result hash and the posted total, so any later change shows as a
 * discrepancy to approve again. The approver is never the payee, the run's preparer, or the
 * one who approved the other step (see core checkApprover). Audited.
 */
export async function approveStatement(
  ctx: AppContext, actor: Actor, input: { personId: string; period: string; comment?: string },
): Promise<ApprovalState> {
  requireAbility(actor, 'statement:approve');
  // A manager outside her team, like anyone outside her reach, finds no statement.
  if (!ownerInScope(actor, input.personId)) throw new DomainError('not_found', 'statement not found');
  return inOrgTransaction(ctx, actor.orgId, async (tx) => approveOne(ctx, tx, actor, input.personId, await periodKeyOf(tx, actor, input.period), input.comment?.trim() || null));
}

/** What a bulk approval did: how many it approved, and why it left the others. */
export interface BulkApproval {
  readonly approved: number;
  readonly skipped: readonly { readonly personId: string; readonly reason: string }[];
}

/**
 * Approves every statement of the period within the caller's reach whose next step is hers to
 * approve (a manager her team's, finance after the managers), in one transaction; the others
 * are listed with the reason.
 */
export async function approveStatements(ctx: AppContext, actor: Actor, input: { period: string }): Promise<BulkApproval> {
  requireAbility(actor, 'statement:approve');
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const periodKey = await periodKeyOf(tx, actor, input.period);
    const scope = readScope(actor);
    const results = await calcRunRepo.latestResultsOfPeriod(tx, actor.orgId, periodKey, scope.kind === 'all' ? undefined : scope.ownerIds);
    let approved = 0;
    const skipped: { personId: string; reason: string }[] = [];
    for (const r of results) {
      try {
        await approveOne(ctx, tx, actor, r.personId, periodKey, null);
        approved += 1;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        skipped.push({ personId: r.personId, reason: error.message });
      }
    }
    return { approved, skipped };
  });
}
