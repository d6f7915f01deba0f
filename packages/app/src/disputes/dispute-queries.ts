import { can, dateOfInstant, DomainError, disputeParty, disputeSummary, DISPUTE_STATUSES, type Actor, type DisputeStatus } from '@attain/core';
import type { DisputeDetail, DisputeItem, DisputeListQuery, DisputeSummaryWire } from '@attain/contract';
import { disputeRepo, ledgerRepo, type Db, type Dispute, type Tx } from '@attain/store';
import { orgCurrency } from '../assignments/assignment-rules.js';
import { requireAbility } from '../authorize.js';
import { presentLedgerEntry } from '../calc/calc.presenter.js';
import { parseRunPeriod } from '../calc/run-calc.js';
import type { AppContext } from '../context.js';
import { disputeNames, presentDispute, presentDisputeMessage } from './dispute.presenter.js';

/*
 * Reading disputes. Finance and admins see every dispute; a manager her team's; anyone else her
 * own. A dispute outside that reach answers not_found, like a statement.
 */

/** The payees whose disputes the actor may see; undefined for all. */
export function disputeReach(actor: Actor): readonly string[] | undefined {
  if (can(actor, 'dispute:manage')) return undefined;
  if (actor.role === 'manager') return actor.teamPersonIds;
  return actor.personId === null ? [] : [actor.personId];
}

/** A dispute the actor may see, or not_found. */
export async function findDisputeFor(db: Db | Tx, actor: Actor, id: string): Promise<Dispute> {
  const dispute = await disputeRepo.find(db, actor.orgId, id);
  if (!dispute || disputeParty(actor, dispute.personId) === 'none') throw new DomainError('not_found', 'dispute not found');
  return dispute;
}

async function periodKeyOf(db: Db, actor: Actor, period: string | undefined): Promise<string | undefined> {
  return period === undefined ? undefined : parseRunPeriod(period, (await orgCurrency(db, actor.orgId)).fiscalYearStartMonth).key;
}

/** Disputes within the caller's reach, newest first; filters: statuses (comma list), period, payee. */
export async function listDisputes(ctx: AppContext, actor: Actor, query: DisputeListQuery = {}): Promise<DisputeItem[]> {
  requireAbility(actor, 'dispute:raise');
  const db = ctx.database.db;
  const reach = disputeReach(actor);
  let personIds = reach;
  if (query.personId !== undefined) personIds = reach === undefined || reach.includes(query.personId) ? [query.personId] : [];
  const periodKey = await periodKeyOf(db, actor, query.period);
  const statuses = query.status === undefined ? undefined : (query.status.split(',') as DisputeStatus[]);
  const disputes = await disputeRepo.list(db, actor.orgId, {
    ...(personIds === undefined ? {} : { personIds }), ...(statuses === undefined ? {} : { statuses }), ...(periodKey === undefined ? {} : { periodKey }),
  });
  const names = await disputeNames(db, actor.orgId, disputes.map((d) => d.personId));
  const now = ctx.now();
  return disputes.map((d) => presentDispute(d, actor, names, now));
}

/** One dispute with its thread (oldest first) and the adjustment its resolution posted. */
export async function getDispute(ctx: AppContext, actor: Actor, id: string, db: Db | Tx = ctx.database.db): Promise<DisputeDetail> {
  requireAbility(actor, 'dispute:raise');
  const dispute = await findDisputeFor(db, actor, id);
  const names = await disputeNames(db, actor.orgId, [dispute.personId]);
  const messages = await disputeRepo.messages(db, actor.orgId, id);
  const adjustment = dispute.adjustmentEntryId === null ? undefined : await ledgerRepo.find(db, actor.orgId, dispute.adjustmentEntryId);
  return {
    ...presentDispute(dispute, actor, names, ctx.now()),
    messages: messages.map((m) => presentDisputeMessage(m, names)),
    adjustment: adjustment ? presentLedgerEntry(adjustment) : null,
  };
}

/** Finance's view: counts by status and the ages (days) of the unresolved disputes, optionally of one period. */
export async function summarizeDisputes(ctx: AppContext, actor: Actor, query: { period?: string } = {}): Promise<DisputeSummaryWire> {
  requireAbility(actor, 'dispute:manage');
  const periodKey = await periodKeyOf(ctx.database.db, actor, query.period);
  const disputes = await disputeRepo.list(ctx.database.db, actor.orgId, { statuses: DISPUTE_STATUSES, ...(periodKey === undefined ? {} : { periodKey }) });
  const today = dateOfInstant(ctx.now());
  return { ...disputeSummary(disputes, today), today };
}
