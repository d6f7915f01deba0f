import { z } from 'zod';
import { LedgerEntryItem } from './calc.schema.js';
import { Id, Instant, MinorUnits } from './primitives.schema.js';

/*
 * Disputes (inquiries) on statements on the wire: a payee (or her manager) raises one about a
 * statement line or a missing credit; finance assigns, answers and resolves it, optionally with
 * an adjustment ledger entry. Money is minor units as strings; periods as in calc.schema.
 */

const Period = z.string().trim().min(4).max(20);
const Text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const DisputeKindWire = z.enum(['line', 'missing-credit']);
export const DisputeStatusWire = z.enum(['open', 'assigned', 'answered', 'resolved']);
export type DisputeStatusWire = z.infer<typeof DisputeStatusWire>;

/** A statement line: the explanation row's plan, component and step. */
export const DisputeLineSubject = z.object({ planId: Id, componentId: z.string().min(1).max(100), step: z.string().min(1).max(100) }).strict();
/** A missing credit: the transaction or deal she expected credit for, or a description. */
export const DisputeMissingCreditSubject = z.object({
  transactionId: Id.optional(), opportunityId: Id.optional(), description: z.string().trim().max(500).optional(),
}).strict().refine((s) => s.transactionId !== undefined || s.opportunityId !== undefined || (s.description ?? '') !== '', 'name a transaction, a deal or describe the credit');
export const DisputeSubjectWire = z.union([DisputeLineSubject, DisputeMissingCreditSubject]);
export type DisputeSubjectWire = z.infer<typeof DisputeSubjectWire>;

export const RaiseDisputeBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('line'), personId: Id, period: Period, subject: DisputeLineSubject, comment: Text(4000) }),
  z.object({ kind: z.literal('missing-credit'), personId: Id, period: Period, subject: DisputeMissingCreditSubject, comment: Text(4000) }),
]);
export type RaiseDisputeBody = z.infer<typeof RaiseDisputeBody>;

/** A comment, an answer or a reopening: what to say. */
export const DisputeMessageBody = z.object({ body: Text(4000) });
export type DisputeMessageBody = z.infer<typeof DisputeMessageBody>;

/** Whom to assign the dispute to (a finance or admin user); the caller when left out. */
export const AssignDisputeBody = z.object({ assigneeUserId: Id.optional() });
export type AssignDisputeBody = z.infer<typeof AssignDisputeBody>;

/** How it was resolved, and optionally an adjustment to post (signed minor units; to the dispute's period unless another open one is named). */
export const ResolveDisputeBody = z.object({
  resolution: Text(4000),
  adjustment: z.object({ amountMinor: MinorUnits, reason: z.string().trim().max(500).optional(), period: Period.optional() }).optional(),
});
export type ResolveDisputeBody = z.infer<typeof ResolveDisputeBody>;

/** Filters: status (comma-separated list), period, payee. */
export const DisputeListQuery = z.object({
  status: z.string().regex(/^(open|assigned|answered|resolved)(,(open|assigned|answered|resolved))*$/, 'statuses separated by commas').optional(),
  period: Period.optional(),
  personId: Id.optional(),
});
export type DisputeListQuery = z.infer<typeof DisputeListQuery>;

export const DisputeItem = z.object({
  id: Id,
  personId: Id,
  personName: z.string(),
  periodKey: z.string(),
  kind: DisputeKindWire,
  subject: z.record(z.string(), z.string()),
  comment: z.string(),
  status: DisputeStatusWire,
  assigneeUserId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  reopenCount: z.number().int(),
  raisedBy: z.string(),
  raisedByName: z.string(),
  raisedAt: Instant,
  updatedAt: Instant,
  resolution: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: Instant.nullable(),
  adjustmentEntryId: z.string().nullable(),
  /** Whole days from raised to resolved, or to today while unresolved. */
  ageDays: z.number().int(),
  /** What the caller may do with it now. */
  can: z.object({ comment: z.boolean(), reopen: z.boolean(), manage: z.boolean() }),
});
export type DisputeItem = z.infer<typeof DisputeItem>;

export const DisputeMessageItem = z.object({
  id: Id,
  kind: z.enum(['raise', 'comment', 'assign', 'answer', 'resolve', 'reopen']),
  authorUserId: z.string(),
  authorName: z.string(),
  body: z.string(),
  at: Instant,
});
export type DisputeMessageItem = z.infer<typeof DisputeMessageItem>;

/** A dispute with its thread and the adjustment its resolution posted. */
export const DisputeDetail = DisputeItem.extend({ messages: z.array(DisputeMessageItem), adjustment: LedgerEntryItem.nullable() });
export type DisputeDetail = z.infer<typeof DisputeDetail>;

/** What finance sees: counts by status and ages in days of the unresolved ones. */
export const DisputeSummaryWire = z.object({
  counts: z.object({ open: z.number().int(), assigned: z.number().int(), answered: z.number().int(), resolved: z.number().int() }),
  unresolved: z.number().int(),
  medianAgeDays: z.number().int().nullable(),
  oldestAgeDays: z.number().int().nullable(),
  medianResolutionDays: z.number().int().nullable(),
  today: z.string(),
});
export type DisputeSummaryWire = z.infer<typeof DisputeSummaryWire>;
