import { can, DomainError, disputeParty, disputeTransition, invalid, type Actor, type DisputeAction } from '@attain/core';
import type { DisputeDetail, RaiseDisputeBody, ResolveDisputeBody } from '@attain/contract';
import { calcRunRepo, compPeriodRepo, disputeRepo, userRepo, type DisputeChange, type DisputeMessageKind, type Tx } from '@attain/store';
import { orgCurrency } from '../assignments/assignment-rules.js';
import { recordAudit } from '../audit.js';
import { requireAbility } from '../authorize.js';
import { appendLedgerEntry } from '../calc/post-ledger-entry.js';
import { parseRunPeriod } from '../calc/run-calc.js';
import type { AppContext } from '../context.js';
import { repos } from '../crm/repos.js';
import { inOrgTransaction } from '../org-transaction.js';
import { findDisputeFor, getDispute } from './dispute-queries.js';

/*
 * Writing disputes: each write checks the move with core disputeTransition, appends one message
 * to the thread and one audit record, in one transaction. The dispute row moves only from the
 * state it was read in (disputeRepo.move), so two finance people never both resolve it.
 */

/**
 * Raises a dispute about a payee's statement of a period: a line (plan, component, step of her
 * statement) or a missing credit. The payee raises it, or her manager on her behalf. Audited.
 */
export async function raiseDispute(ctx: AppContext, actor: Actor, input: RaiseDisputeBody): Promise<DisputeDetail> {
  requireAbility(actor, 'dispute:raise');
  const party = disputeParty(actor, input.personId);
  // Outside her reach the payee's statement does not exist for her.
  if (party === 'none') throw new DomainError('not_found', 'statement not found');
  const next = disputeTransition({ state: null, action: 'raise', party, actorUserId: actor.userId });
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const person = await repos.person.get(tx, actor.orgId, input.personId);
    if (!person) throw new DomainError('not_found', 'statement not found');
    const fiscal = parseRunPeriod(input.period, (await orgCurrency(tx, actor.orgId)).fiscalYearStartMonth);
    if (input.kind === 'line') {
      // A line is a line of a published statement.
      const [result] = await calcRunRepo.latestResultsOfPeriod(tx, actor.orgId, fiscal.key, [input.personId]);
      if (!result) throw invalid('period', `no statement of ${fiscal.key} to dispute a line of`);
    }
    await compPeriodRepo.ensure(tx, { orgId: actor.orgId, key: fiscal.key, startDate: fiscal.start, endDate: fiscal.end, updatedAt: ctx.now() });
    const at = ctx.now();
    const dispute = {
      orgId: actor.orgId, id: ctx.newId('dsp'), personId: input.personId, periodKey: fiscal.key, kind: input.kind, subject: input.subject, comment: input.comment.trim(),
      ...next, raisedBy: actor.userId, raisedAt: at, updatedAt: at, resolution: null, resolvedBy: null, resolvedAt: null, adjustmentEntryId: null,
    };
    await disputeRepo.insert(tx, dispute);
    await disputeRepo.addMessage(tx, { orgId: actor.orgId, disputeId: dispute.id, id: ctx.newId('dsm'), kind: 'raise', authorUserId: actor.userId, body: dispute.comment, at });
    await recordAudit(ctx, tx, { actor, action: 'dispute.raise', entity: 'dispute', entityId: dispute.id, before: null, after: dispute });
    return getDispute(ctx, actor, dispute.id, tx);
  });
}

const MANAGE: readonly DisputeAction[] = ['assign', 'answer', 'resolve'];

/** One move of an existing dispute: checked, stored from the state it was read in, its message appended, audited. */
async function moveDispute(
  ctx: AppContext, tx: Tx, actor: Actor, id: string,
  move: { action: Exclude<DisputeAction, 'raise'>; body: string; assigneeUserId?: string; resolution?: Pick<DisputeChange, 'resolution' | 'adjustmentEntryId'> },
): Promise<DisputeDetail> {
  const before = await findDisputeFor(tx, actor, id);
  const next = disputeTransition({
    state: before, action: move.action, party: disputeParty(actor, before.personId), actorUserId: actor.userId,
    ...(move.assigneeUserId === undefined ? {} : { assigneeUserId: move.assigneeUserId }),
  });
  const at = ctx.now();
  const change: DisputeChange = {
    ...next, updatedAt: at,
    ...(move.resolution ? { ...move.resolution, resolvedBy: actor.userId, resolvedAt: at } : {}),
  };
  if (!(await disputeRepo.move(tx, actor.orgId, id, before, change))) throw new DomainError('conflict', 'the dispute changed meanwhile: reload it');
  const kind: DisputeMessageKind = move.action;
  await disputeRepo.addMessage(tx, { orgId: actor.orgId, disputeId: id, id: ctx.newId('dsm'), kind, authorUserId: actor.userId, body: move.body, at });
  const { subject: _s, ...rest } = before;
  await recordAudit(ctx, tx, { actor, action: `dispute.${move.action}`, entity: 'dispute', entityId: id, before: rest, after: { ...rest, ...change, message: move.body } });
  return getDispute(ctx, actor, id, tx);
}

async function act(ctx: AppContext, actor: Actor, id: string, move: Parameters<typeof moveDispute>[4]): Promise<DisputeDetail> {
  requireAbility(actor, MANAGE.includes(move.action) ? 'dispute:manage' : 'dispute:raise');
  return inOrgTransaction(ctx, actor.orgId, (tx) => moveDispute(ctx, tx, actor, id, move));
}

/** Adds a comment to the thread (payee, her manager, or finance). A payee's reply to an answer puts it back to finance. */
export const commentOnDispute = (ctx: AppContext, actor: Actor, id: string, input: { body: string }): Promise<DisputeDetail> =>
  act(ctx, actor, id, { action: 'comment', body: input.body.trim() });

/** Finance answers (the dispute waits for the payee's reply or its resolution). */
export const answerDispute = (ctx: AppContext, actor: Actor, id: string, input: { body: string }): Promise<DisputeDetail> =>
  act(ctx, actor, id, { action: 'answer', body: input.body.trim() });

/** The payee (or her manager) reopens a resolved dispute, once, saying why. */
export const reopenDispute = (ctx: AppContext, actor: Actor, id: string, input: { body: string }): Promise<DisputeDetail> =>
  act(ctx, actor, id, { action: 'reopen', body: input.body.trim() });

/** Finance assigns the dispute to a finance or admin user of the organisation (herself when none is named). */
export async function assignDispute(ctx: AppContext, actor: Actor, id: string, input: { assigneeUserId?: string }): Promise<DisputeDetail> {
  const assigneeId = input.assigneeUserId ?? actor.userId;
  const assignee = await userRepo.get(ctx.database.db, actor.orgId, assigneeId);
  if (!assignee || assignee.disabledAt !== null || !can(assignee, 'dispute:manage')) throw invalid('assigneeUserId', 'must be an active finance or admin user');
  return act(ctx, actor, id, { action: 'assign', body: `Assigned to ${assignee.name}`, assigneeUserId: assignee.id });
}

/**
 * Finance resolves a dispute, optionally with an adjustment: a manual ledger entry (type
 * adjustment, signed minor units, its reason naming the dispute) posted to the dispute's period
 * or another open one, its id stored on the dispute. The entry and the resolution are one
 * transaction: both stand, or neither.
 */
export async function resolveDispute(ctx: AppContext, actor: Actor, id: string, input: ResolveDisputeBody): Promise<DisputeDetail> {
  requireAbility(actor, 'dispute:manage');
  const resolution = input.resolution.trim();
  const adjustment = input.adjustment;
  if (!adjustment) return act(ctx, actor, id, { action: 'resolve', body: resolution, resolution: { resolution } });
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const before = await findDisputeFor(tx, actor, id);
    const why = adjustment.reason?.trim() || resolution;
    const entry = await appendLedgerEntry(ctx, tx, actor, {
      personId: before.personId, period: adjustment.period ?? before.periodKey, type: 'adjustment', amountMinor: adjustment.amountMinor,
      reason: `Dispute ${id}: ${why}`.slice(0, 500),
    });
    return moveDispute(ctx, tx, actor, id, { action: 'resolve', body: resolution, resolution: { resolution, adjustmentEntryId: entry.id } });
  });
}
