import { dateOfInstant, disputeAgeDays, disputeParty, disputeTransition, type Actor, type DisputeAction, type DisputeParty } from '@attain/core';
import type { DisputeItem, DisputeMessageItem } from '@attain/contract';
import { userRepo, type Db, type Dispute, type DisputeMessage, type Tx } from '@attain/store';
import { repos } from '../crm/repos.js';

/** Names of the people and users a page of disputes mentions, read once per request. */
export interface DisputeNames {
  readonly people: ReadonlyMap<string, string>;
  readonly users: ReadonlyMap<string, string>;
}

export async function disputeNames(db: Db | Tx, orgId: string, personIds: readonly string[]): Promise<DisputeNames> {
  const people = await repos.person.getMany(db, orgId, [...new Set(personIds)]);
  const users = await userRepo.list(db, orgId);
  return { people: new Map([...people.values()].map((p) => [p.id, p.name])), users: new Map(users.map((u) => [u.id, u.name])) };
}

/** Would core let `party` do `action` now? The buttons a caller sees follow the lifecycle itself. */
const allows = (d: Dispute, party: DisputeParty, action: DisputeAction, actor: Actor): boolean => {
  try {
    disputeTransition({ state: d, action, party, actorUserId: actor.userId, assigneeUserId: actor.userId });
    return true;
  } catch {
    return false;
  }
};

/** A dispute for the wire; `now` is the request's instant (ages count to its date). */
export function presentDispute(d: Dispute, actor: Actor, names: DisputeNames, now: string): DisputeItem {
  const party = disputeParty(actor, d.personId);
  const userName = (id: string | null) => (id === null ? null : names.users.get(id) ?? id);
  return {
    id: d.id, personId: d.personId, personName: names.people.get(d.personId) ?? d.personId, periodKey: d.periodKey, kind: d.kind,
    subject: Object.fromEntries(Object.entries(d.subject).map(([k, v]) => [k, String(v)])), comment: d.comment, status: d.status,
    assigneeUserId: d.assigneeUserId, assigneeName: userName(d.assigneeUserId), reopenCount: d.reopenCount, raisedBy: d.raisedBy,
    raisedByName: userName(d.raisedBy) ?? d.raisedBy, raisedAt: d.raisedAt, updatedAt: d.updatedAt, resolution: d.resolution, resolvedBy: d.resolvedBy,
    resolvedAt: d.resolvedAt, adjustmentEntryId: d.adjustmentEntryId,
    ageDays: disputeAgeDays(d.raisedAt, d.status === 'resolved' ? d.resolvedAt : null, dateOfInstant(now)),
    can: { comment: allows(d, party, 'comment', actor), reopen: allows(d, party, 'reopen', actor), manage: party === 'finance' && d.status !== 'resolved' },
  };
}

export const presentDisputeMessage = (m: DisputeMessage, names: DisputeNames): DisputeMessageItem => ({
  id: m.id, kind: m.kind, authorUserId: m.authorUserId, authorName: names.users.get(m.authorUserId) ?? m.authorUserId, body: m.body, at: m.at,
});
