import { canonicalJson, type DisputeKind, type DisputeStatus, type DisputeSubject } from '@attain/core';
import type { Db, Tx } from './database.js';

/** A dispute (inquiry) on a payee's statement of a period; its status moves by core disputeTransition. */
export interface Dispute {
  readonly orgId: string;
  readonly id: string;
  /** The payee. */
  readonly personId: string;
  readonly periodKey: string;
  readonly kind: DisputeKind;
  /** Which line, or which credit is missing (stored as canonical JSON). */
  readonly subject: DisputeSubject;
  /** The comment it was raised with. */
  readonly comment: string;
  readonly status: DisputeStatus;
  readonly assigneeUserId: string | null;
  readonly reopenCount: number;
  readonly raisedBy: string;
  readonly raisedAt: string;
  readonly updatedAt: string;
  readonly resolution: string | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
  /** The adjustment ledger entry the resolution caused, if any. */
  readonly adjustmentEntryId: string | null;
}

export type DisputeMessageKind = 'raise' | 'comment' | 'assign' | 'answer' | 'resolve' | 'reopen';

/** One message of a dispute's thread. Never changed or deleted. */
export interface DisputeMessage {
  readonly orgId: string;
  readonly disputeId: string;
  readonly id: string;
  readonly kind: DisputeMessageKind;
  readonly authorUserId: string;
  readonly body: string;
  readonly at: string;
}

/** What a move of a dispute changes. */
export type DisputeChange = Pick<Dispute, 'status' | 'assigneeUserId' | 'reopenCount' | 'updatedAt'>
  & Partial<Pick<Dispute, 'resolution' | 'resolvedBy' | 'resolvedAt' | 'adjustmentEntryId'>>;

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const toDispute = (r: Record<string, unknown>): Dispute => ({
  orgId: String(r.org_id), id: String(r.id), personId: String(r.person_id), periodKey: String(r.period_key), kind: String(r.kind) as DisputeKind,
  subject: JSON.parse(String(r.subject)) as DisputeSubject, comment: String(r.comment), status: String(r.status) as DisputeStatus,
  assigneeUserId: text(r.assignee_user_id), reopenCount: Number(r.reopen_count), raisedBy: String(r.raised_by), raisedAt: String(r.raised_at),
  updatedAt: String(r.updated_at), resolution: text(r.resolution), resolvedBy: text(r.resolved_by), resolvedAt: text(r.resolved_at),
  adjustmentEntryId: text(r.adjustment_entry_id),
});

const toMessage = (r: Record<string, unknown>): DisputeMessage => ({
  orgId: String(r.org_id), disputeId: String(r.dispute_id), id: String(r.id), kind: String(r.kind) as DisputeMessageKind,
  authorUserId: String(r.author_user_id), body: String(r.body), at: String(r.at),
});

export const disputeRepo = {
  async insert(tx: Db | Tx, d: Dispute): Promise<void> {
    await tx.insertInto('disputes').values({
      org_id: d.orgId, id: d.id, person_id: d.personId, period_key: d.periodKey, kind: d.kind, subject: canonicalJson(d.subject), comment: d.comment,
      status: d.status, assignee_user_id: d.assigneeUserId, reopen_count: d.reopenCount, raised_by: d.raisedBy, raised_at: d.raisedAt, updated_at: d.updatedAt,
      resolution: d.resolution, resolved_by: d.resolvedBy, resolved_at: d.resolvedAt, adjustment_entry_id: d.adjustmentEntryId,
    }).execute();
  },

  async find(db: Db | Tx, orgId: string, id: string): Promise<Dispute | undefined> {
    const row = await db.selectFrom('disputes').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row ? toDispute(row) : undefined;
  },

  /**
   * Disputes of the organisation, newest first; `personIds` limits them to some payees (a
   * caller's reach), `statuses` and `periodKey` filter.
   */
  async list(db: Db | Tx, orgId: string, query: { personIds?: readonly string[]; statuses?: readonly DisputeStatus[]; periodKey?: string } = {}): Promise<Dispute[]> {
    if (query.personIds?.length === 0 || query.statuses?.length === 0) return [];
    let q = db.selectFrom('disputes').selectAll().where('org_id', '=', orgId);
    if (query.personIds !== undefined) q = q.where('person_id', 'in', [...query.personIds]);
    if (query.statuses !== undefined) q = q.where('status', 'in', [...query.statuses]);
    if (query.periodKey !== undefined) q = q.where('period_key', '=', query.periodKey);
    return (await q.orderBy('raised_at', 'desc').orderBy('id', 'desc').execute()).map(toDispute);
  },

  /**
   * Moves a dispute if it still stands as `seen` (same status and updatedAt): false when someone
   * moved it first, so two finance people never both resolve it.
   */
  async move(tx: Tx, orgId: string, id: string, seen: Pick<Dispute, 'status' | 'updatedAt'>, change: DisputeChange): Promise<boolean> {
    const result = await tx.updateTable('disputes').set({
      status: change.status, assignee_user_id: change.assigneeUserId, reopen_count: change.reopenCount, updated_at: change.updatedAt,
      ...(change.resolution === undefined ? {} : { resolution: change.resolution }),
      ...(change.resolvedBy === undefined ? {} : { resolved_by: change.resolvedBy }),
      ...(change.resolvedAt === undefined ? {} : { resolved_at: change.resolvedAt }),
      ...(change.adjustmentEntryId === undefined ? {} : { adjustment_entry_id: change.adjustmentEntryId }),
    }).where('org_id', '=', orgId).where('id', '=', id).where('status', '=', seen.status).where('updated_at', '=', seen.updatedAt).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async addMessage(tx: Db | Tx, m: DisputeMessage): Promise<void> {
    await tx.insertInto('dispute_messages').values({
      org_id: m.orgId, dispute_id: m.disputeId, id: m.id, kind: m.kind, author_user_id: m.authorUserId, body: m.body, at: m.at,
    }).execute();
  },

  /** A dispute's thread, oldest first. */
  async messages(db: Db | Tx, orgId: string, disputeId: string): Promise<DisputeMessage[]> {
    const rows = await db.selectFrom('dispute_messages').selectAll().where('org_id', '=', orgId).where('dispute_id', '=', disputeId).orderBy('at').orderBy('id').execute();
    return rows.map(toMessage);
  },
};
