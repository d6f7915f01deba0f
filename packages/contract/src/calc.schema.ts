import { z } from 'zod';
import { AssignmentTermsWire } from './assignments.schema.js';
import { PlanExplanationRow } from './plans.schema.js';
import { CalendarDate, Id, Instant, MinorUnits } from './primitives.schema.js';

/*
 * The pay cycle on the wire: calc runs, statements and the ledger. Money is minor units as
 * strings; a pay period is a fiscal key such as "2026-Q3" or "2026-M07" (answers use the
 * canonical "FY2026-Q3").
 */

export const PeriodQuery = z.object({ period: z.string().trim().min(4).max(20) });
export type PeriodQuery = z.infer<typeof PeriodQuery>;

export const CalcRunListQuery = z.object({ period: z.string().trim().min(4).max(20).optional() });
export type CalcRunListQuery = z.infer<typeof CalcRunListQuery>;

export const StartCalcRunBody = z.object({ period: z.string().trim().min(4).max(20) });
export type StartCalcRunBody = z.infer<typeof StartCalcRunBody>;

export const CalcRunItem = z.object({
  id: Id,
  periodKey: z.string(),
  kind: z.enum(['full', 'incremental']),
  status: z.enum(['running', 'published', 'failed', 'interrupted']),
  /** 'manual', or what caused an incremental run. */
  trigger: z.string(),
  preparedBy: z.string().nullable(),
  worker: z.string(),
  startedAt: Instant,
  heartbeatAt: Instant,
  finishedAt: Instant.nullable(),
  progressDone: z.number().int(),
  progressTotal: z.number().int(),
  /** The last transaction number the run read. */
  seqThrough: z.string(),
  inputsHash: z.string().nullable(),
  outputsHash: z.string().nullable(),
  payeeCount: z.number().int().nullable(),
  payoutMinor: MinorUnits.nullable(),
  currency: z.string(),
  publication: z.string().nullable(),
  error: z.string().nullable(),
});
export type CalcRunItem = z.infer<typeof CalcRunItem>;

export const CalcRunVerification = z.object({
  runId: Id,
  periodKey: z.string(),
  ok: z.boolean(),
  inputsHash: z.object({ stored: z.string().nullable(), recomputed: z.string() }),
  outputsHash: z.object({ stored: z.string().nullable(), recomputed: z.string() }),
  payees: z.number().int(),
  mismatches: z.array(z.string()),
});
export type CalcRunVerification = z.infer<typeof CalcRunVerification>;

export const LedgerEntryType = z.enum(['earning', 'adjustment', 'bonus', 'draw-advance', 'draw-recovery', 'draw-forgiveness', 'clawback', 'hold', 'hold-release', 'payout']);

export const LedgerEntryItem = z.object({
  id: Id,
  seq: z.string(),
  personId: Id,
  postedPeriod: z.string(),
  forPeriod: z.string(),
  type: LedgerEntryType,
  componentId: z.string().nullable(),
  planId: z.string().nullable(),
  amountMinor: MinorUnits,
  currency: z.string(),
  runId: z.string().nullable(),
  relatedEntryId: z.string().nullable(),
  reason: z.string(),
  /** Canonical JSON: e.g. the run, and the line's sum before and after. */
  explanation: z.string(),
  createdBy: z.string().nullable(),
  createdAt: Instant,
  /** The payroll export a payout entry belongs to. */
  payrollBatchId: z.string().nullable(),
});
export type LedgerEntryItem = z.infer<typeof LedgerEntryItem>;

export const ApprovalStatusWire = z.enum(['pending-manager', 'pending-finance', 'approved', 'changed-since-approval']);

/** Where a statement stands on its approval route (manager, then finance). */
export const ApprovalStateWire = z.object({
  status: ApprovalStatusWire,
  route: z.array(z.enum(['manager', 'finance'])),
  steps: z.array(z.object({
    step: z.enum(['manager', 'finance']),
    current: z.boolean(),
    latest: z.object({ resultHash: z.string(), postedMinor: MinorUnits, approvedBy: z.string(), approvedAt: Instant }).nullable(),
  })),
  next: z.enum(['manager', 'finance']).nullable(),
});
export type ApprovalStateWire = z.infer<typeof ApprovalStateWire>;

export const StatementSummaryItem = z.object({
  personId: Id,
  personName: z.string(),
  periodKey: z.string(),
  currency: z.string(),
  runId: Id,
  earnedMinor: MinorUnits,
  payoutMinor: MinorUnits,
  hash: z.string(),
  approval: ApprovalStatusWire,
});
export type StatementSummaryItem = z.infer<typeof StatementSummaryItem>;

/** One plan of a statement: the assignment's terms for the period, each explanation row, and the whole calculation. */
export const StatementPlan = z.object({
  assignmentId: Id,
  planId: Id,
  planVersion: z.number().int(),
  planName: z.string(),
  terms: AssignmentTermsWire,
  explanation: z.array(PlanExplanationRow),
  componentKinds: z.record(z.string(), z.string()),
  /** Quotas of other measures the plan measures against (new logos): the assignment's annual one and the period's, phased and prorated. */
  measureQuotas: z.record(z.string(), z.object({ annual: z.string(), period: z.string() })).optional(),
  /** The engine's full result (minor units as strings), for auditors and exports. */
  calculation: z.record(z.string(), z.unknown()),
});
export type StatementPlan = z.infer<typeof StatementPlan>;

export const StatementCredit = z.object({
  id: z.string(),
  transactionId: z.string(),
  creditType: z.string(),
  rule: z.string(),
  date: CalendarDate,
  amountMinor: MinorUnits,
  basisMinor: MinorUnits,
  share: z.string().nullable(),
  splitKind: z.string().nullable(),
  payoutShare: z.string().nullable(),
  /** For a roll-up credit: whose credit it rolls up and how many levels up. */
  via: z.string().nullable(),
  /** An ACV credit of a contract over a year: its term in months (the amount is the basis x 12 / term). */
  termMonths: z.number().int().nullable(),
});
export type StatementCredit = z.infer<typeof StatementCredit>;

export const StatementWire = z.object({
  personId: Id,
  personName: z.string(),
  periodKey: z.string(),
  period: z.object({ from: CalendarDate, to: CalendarDate, status: z.enum(['open', 'closed']) }),
  currency: z.string(),
  run: z.object({ id: Id, kind: z.enum(['full', 'incremental']), finishedAt: Instant.nullable(), publication: z.string() }),
  hash: z.string(),
  earnedMinor: MinorUnits,
  /** What the calculation says the period pays (earnings, draw). */
  payoutMinor: MinorUnits,
  /** The sum of the entries posted to the period but payouts: the calculation plus adjustments, holds and corrections. */
  postedMinor: MinorUnits,
  /** What payroll exports have paid against the period. */
  paidMinor: MinorUnits,
  approval: ApprovalStateWire,
  plans: z.array(StatementPlan),
  credits: z.array(StatementCredit),
  ledger: z.array(LedgerEntryItem),
});
export type StatementWire = z.infer<typeof StatementWire>;

export const StatementParams = z.object({ personId: Id, period: z.string().trim().min(4).max(20) });

/** A manual ledger entry: an adjustment (+/-), a bonus, a hold (the amount kept back, > 0) or the release of a hold. */
export const LedgerEntryBody = z.object({
  personId: Id,
  /** The open period whose statement carries it. */
  period: z.string().trim().min(4).max(20),
  type: z.enum(['adjustment', 'bonus', 'hold', 'hold-release']),
  amountMinor: MinorUnits,
  reason: z.string().trim().min(1, 'must say why').max(500),
  /** A release names its hold. */
  relatedEntryId: Id.optional(),
});
export type LedgerEntryBody = z.infer<typeof LedgerEntryBody>;

export const ApproveStatementBody = z.object({ comment: z.string().trim().max(500).optional() });
export type ApproveStatementBody = z.infer<typeof ApproveStatementBody>;

export const PeriodReopeningItem = z.object({
  id: Id, periodKey: z.string(), reason: z.string(), requestedBy: z.string(), requestedAt: Instant, approvedBy: z.string().nullable(), approvedAt: Instant.nullable(),
});
export const PeriodItem = z.object({
  key: z.string(), startDate: CalendarDate, endDate: CalendarDate, status: z.enum(['open', 'closed']), closedAt: Instant.nullable(), closedBy: z.string().nullable(),
  reopenings: z.array(PeriodReopeningItem),
});
export type PeriodItem = z.infer<typeof PeriodItem>;
export const ReopenBody = z.object({ reason: z.string().trim().min(1, 'must say why').max(500) });
export const PeriodParam = z.object({ period: z.string().trim().min(4).max(20) });

export const PayrollBatchItem = z.object({
  id: Id, periodKey: z.string(), payeeCount: z.number().int(), totalMinor: MinorUnits, currency: z.string(), createdBy: z.string(), createdAt: Instant,
});
export type PayrollBatchItem = z.infer<typeof PayrollBatchItem>;
/** Which batches a listing returns: all, or one period's. */
export const PayrollBatchListQuery = CalcRunListQuery;
export const PayrollExportResult = z.object({
  batch: PayrollBatchItem,
  /** The file (also at GET /payroll-batches/{id}/csv). */
  csv: z.string(),
  skipped: z.array(z.object({ personId: Id, reason: z.string() })),
});
export type PayrollExportResult = z.infer<typeof PayrollExportResult>;

export const BulkApprovalResult = z.object({ approved: z.number().int(), skipped: z.array(z.object({ personId: Id, reason: z.string() })) });
export type BulkApprovalResult = z.infer<typeof BulkApprovalResult>;
