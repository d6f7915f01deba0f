import { dateOfInstant, daysBetween } from '../calendar.js';
import { DomainError, invalid } from '../errors.js';
import { can } from '../policy.js';
import type { Actor } from '../roles.js';

/*
 * Disputes (inquiries) on statements: a payee flags a statement line or a credit she misses;
 * finance assigns, answers and resolves it, possibly with an adjustment. The thread is
 * append-only; the status moves only through `disputeTransition`.
 *
 * Decisions (docs/pay-cycle.md#disputes):
 * - The payee raises, comments and reopens; her manager may do the same on her behalf.
 * - Finance and admins (dispute:manage) assign, answer and resolve; they may comment too.
 * - A payee's (or manager's) reply to an answer puts the dispute back in finance's hands
 *   (assigned if someone has it, else open): the answer did not settle it.
 * - A resolved dispute can be reopened once, with a comment; after that a new dispute is needed,
 *   so one inquiry cannot ping-pong forever and the resolution figures stay meaningful.
 */

export const DISPUTE_KINDS = ['line', 'missing-credit'] as const;
export type DisputeKind = (typeof DISPUTE_KINDS)[number];

export const DISPUTE_STATUSES = ['open', 'assigned', 'answered', 'resolved'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const DISPUTE_ACTIONS = ['raise', 'comment', 'assign', 'answer', 'resolve', 'reopen'] as const;
export type DisputeAction = (typeof DISPUTE_ACTIONS)[number];

/** How often a resolved dispute may be reopened by its payee (or her manager). */
export const MAX_DISPUTE_REOPENS = 1;

/**
 * Who the actor is to a dispute about `payeePersonId`: the payee herself, her manager (the payee
 * is in her team), finance (dispute:manage), or no one. The payee comes first: a finance person
 * disputing her own statement is the payee there, never her own judge.
 */
export type DisputeParty = 'payee' | 'manager' | 'finance' | 'none';

export function disputeParty(actor: Actor, payeePersonId: string): DisputeParty {
  if (actor.personId !== null && actor.personId === payeePersonId) return 'payee';
  if (can(actor, 'dispute:manage')) return 'finance';
  if (actor.role === 'manager' && actor.teamPersonIds.includes(payeePersonId)) return 'manager';
  return 'none';
}

/** What the transition needs of a dispute; `null` before it is raised. */
export interface DisputeState {
  readonly status: DisputeStatus;
  /** The user (finance) handling it. */
  readonly assigneeUserId: string | null;
  readonly reopenCount: number;
}

/** The dispute after an action. */
export interface DisputeMove {
  readonly status: DisputeStatus;
  readonly assigneeUserId: string | null;
  readonly reopenCount: number;
}

const raisers: readonly DisputeParty[] = ['payee', 'manager'];

/**
 * The lifecycle: may `party` do `action` on a dispute in `state`, and where does it go. Throws
 * `forbidden` when the action is not the party's, `conflict` when the status does not allow it.
 * `actorUserId` is who acts (an answer by someone while nobody has the dispute assigns it to
 * her); `assigneeUserId` is whom an `assign` gives it to.
 */
export function disputeTransition(input: {
  readonly state: DisputeState | null;
  readonly action: DisputeAction;
  readonly party: DisputeParty;
  readonly actorUserId: string;
  readonly assigneeUserId?: string;
}): DisputeMove {
  const { state, action, party } = input;
  const forbid = (why: string) => new DomainError('forbidden', why);
  if (action === 'raise') {
    if (state !== null) throw new DomainError('conflict', 'the dispute is already raised');
    if (!raisers.includes(party)) throw forbid('only the payee or her manager raises a dispute');
    return { status: 'open', assigneeUserId: null, reopenCount: 0 };
  }
  if (state === null) throw new DomainError('not_found', 'dispute not found');
  if (party === 'none') throw new DomainError('not_found', 'dispute not found');
  const toFinance = (s: DisputeState): DisputeStatus => (s.assigneeUserId === null ? 'open' : 'assigned');
  if (action === 'reopen') {
    if (!raisers.includes(party)) throw forbid('only the payee or her manager reopens a dispute');
    if (state.status !== 'resolved') throw new DomainError('conflict', 'only a resolved dispute can be reopened');
    if (state.reopenCount >= MAX_DISPUTE_REOPENS) throw new DomainError('conflict', `a dispute is reopened at most ${MAX_DISPUTE_REOPENS === 1 ? 'once' : `${MAX_DISPUTE_REOPENS} times`}: raise a new one`);
    return { status: toFinance(state), assigneeUserId: state.assigneeUserId, reopenCount: state.reopenCount + 1 };
  }
  if (state.status === 'resolved') throw new DomainError('conflict', action === 'comment' ? 'the dispute is resolved: reopen it to comment' : 'the dispute is resolved');
  if (action === 'comment') {
    // A reply to an answer means the answer did not settle it: back to finance.
    if (raisers.includes(party) && state.status === 'answered') return { ...state, status: toFinance(state) };
    return { ...state };
  }
  if (party !== 'finance') throw forbid('finance handles disputes');
  if (action === 'assign') {
    if (input.assigneeUserId === undefined) throw invalid('assigneeUserId', 'whom to assign it to');
    return { ...state, status: 'assigned', assigneeUserId: input.assigneeUserId };
  }
  if (action === 'answer') return { ...state, status: 'answered', assigneeUserId: state.assigneeUserId ?? input.actorUserId };
  return { ...state, status: 'resolved', assigneeUserId: state.assigneeUserId ?? input.actorUserId };
}

/**
 * Age of a dispute in whole days: from the day it was raised to the day it was resolved, or to
 * `today` while it is not. Instants are ISO (their UTC date counts); `today` a calendar date.
 */
export function disputeAgeDays(raisedAt: string, resolvedAt: string | null, today: string): number {
  return Math.max(0, daysBetween(dateOfInstant(raisedAt), resolvedAt === null ? today : dateOfInstant(resolvedAt)));
}

/** Counts by status, and the ages (days) of the disputes still waiting for a resolution. */
export interface DisputeSummary {
  readonly counts: Readonly<Record<DisputeStatus, number>>;
  /** Not resolved: open, assigned or answered. */
  readonly unresolved: number;
  /** The lower median age of the unresolved disputes (a whole day, never a fraction); null when none. */
  readonly medianAgeDays: number | null;
  readonly oldestAgeDays: number | null;
  /** The lower median of raised-to-resolved days of the resolved ones; null when none. */
  readonly medianResolutionDays: number | null;
}

const lowerMedian = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
};

/** What finance sees of a set of disputes on `today` (a calendar date; core reads no clock). */
export function disputeSummary(
  disputes: readonly { readonly status: DisputeStatus; readonly raisedAt: string; readonly resolvedAt: string | null }[],
  today: string,
): DisputeSummary {
  const counts: Record<DisputeStatus, number> = { open: 0, assigned: 0, answered: 0, resolved: 0 };
  const waiting: number[] = [];
  const resolved: number[] = [];
  for (const d of disputes) {
    counts[d.status] += 1;
    // A reopened dispute keeps its last resolvedAt in storage; only the status decides.
    if (d.status === 'resolved') resolved.push(disputeAgeDays(d.raisedAt, d.resolvedAt ?? null, today));
    else waiting.push(disputeAgeDays(d.raisedAt, null, today));
  }
  return {
    counts,
    unresolved: waiting.length,
    medianAgeDays: lowerMedian(waiting),
    oldestAgeDays: waiting.length === 0 ? null : Math.max(...waiting),
    medianResolutionDays: lowerMedian(resolved),
  };
}

/**
 * What a dispute is about. A line: the statement's explanation row (plan, component, step). A
 * missing credit: a transaction or opportunity she expected credit for, or just a description.
 */
export type DisputeSubject =
  | { readonly planId: string; readonly componentId: string; readonly step: string }
  | { readonly transactionId?: string; readonly opportunityId?: string; readonly description?: string };
