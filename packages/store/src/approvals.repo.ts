import type { Db, Tx } from './database.js';

/** One approval step of a statement: what it said (result hash, posted total) when it was approved. Never changed. */
export interface StatementApproval {
  readonly orgId: string;
  readonly id: string;
  readonly personId: string;
  readonly periodKey: string;
  readonly step: 'manager' | 'finance';
  readonly runId: string;
  readonly resultHash: string;
  readonly postedMinor: bigint;
  readonly approvedBy: string;
  readonly approvedAt: string;
  readonly comment: string | null;
}

/** A request to reopen a closed period; approved by a second person. */
export interface PeriodReopening {
  readonly orgId: string;
  readonly id: string;
  readonly periodKey: string;
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
}

/** One payroll export: its payout ledger entries carry its id. */
export interface PayrollBatch {
  readonly orgId: string;
  readonly id: string;
  readonly periodKey: string;
  readonly payeeCount: number;
  readonly totalMinor: bigint;
  readonly currency: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(String(v)));

const toApproval = (r: Record<string, unknown>): StatementApproval => ({
  orgId: String(r.org_id), id: String(r.id), personId: String(r.person_id), periodKey: String(r.period_key), step: String(r.step) as StatementApproval['step'],
  runId: String(r.run_id), resultHash: String(r.result_hash), postedMinor: big(r.posted_minor), approvedBy: String(r.approved_by), approvedAt: String(r.approved_at),
  comment: text(r.comment),
});

const toReopening = (r: Record<string, unknown>): PeriodReopening => ({
  orgId: String(r.org_id), id: String(r.id), periodKey: String(r.period_key), reason: String(r.reason), requestedBy: String(r.requested_by),
  requestedAt: String(r.requested_at), approvedBy: text(r.approved_by), approvedAt: text(r.approved_at),
});

const toBatch = (r: Record<string, unknown>): PayrollBatch => ({
  orgId: String(r.org_id), id: String(r.id), periodKey: String(r.period_key), payeeCount: Number(r.payee_count), totalMinor: big(r.total_minor),
  currency: String(r.currency), createdBy: String(r.created_by), createdAt: String(r.created_at),
});

export const approvalRepo = {
  async insert(tx: Tx, a: StatementApproval): Promise<void> {
    await tx.insertInto('statement_approvals').values({
      org_id: a.orgId, id: a.id, person_id: a.personId, period_key: a.periodKey, step: a.step, run_id: a.runId, result_hash: a.resultHash,
      posted_minor: a.postedMinor, approved_by: a.approvedBy, approved_at: a.approvedAt, comment: a.comment,
    }).execute();
  },
  /** Approvals of a period (optionally some payees), oldest first. */
  async listForPeriod(db: Db | Tx, orgId: string, periodKey: string, personIds?: readonly string[]): Promise<StatementApproval[]> {
    if (personIds?.length === 0) return [];
    let q = db.selectFrom('statement_approvals').selectAll().where('org_id', '=', orgId).where('period_key', '=', periodKey);
    if (personIds !== undefined) q = q.where('person_id', 'in', [...personIds]);
    return (await q.orderBy('approved_at').orderBy('id').execute()).map(toApproval);
  },
};

export const reopeningRepo = {
  async insert(tx: Tx, r: PeriodReopening): Promise<void> {
    await tx.insertInto('comp_period_reopenings').values({
      org_id: r.orgId, id: r.id, period_key: r.periodKey, reason: r.reason, requested_by: r.requestedBy, requested_at: r.requestedAt, approved_by: r.approvedBy, approved_at: r.approvedAt,
    }).execute();
  },
  async find(db: Db | Tx, orgId: string, id: string): Promise<PeriodReopening | undefined> {
    const row = await db.selectFrom('comp_period_reopenings').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row ? toReopening(row) : undefined;
  },
  async listForPeriod(db: Db | Tx, orgId: string, periodKey: string): Promise<PeriodReopening[]> {
    const rows = await db.selectFrom('comp_period_reopenings').selectAll().where('org_id', '=', orgId).where('period_key', '=', periodKey).orderBy('requested_at').execute();
    return rows.map(toReopening);
  },
  /** Approves a pending request; false when someone approved it first. */
  async approve(tx: Tx, orgId: string, id: string, by: { approvedBy: string; approvedAt: string }): Promise<boolean> {
    const result = await tx.updateTable('comp_period_reopenings').set({ approved_by: by.approvedBy, approved_at: by.approvedAt })
      .where('org_id', '=', orgId).where('id', '=', id).where('approved_by', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};

export const payrollBatchRepo = {
  async insert(tx: Tx, b: PayrollBatch): Promise<void> {
    await tx.insertInto('payroll_batches').values({
      org_id: b.orgId, id: b.id, period_key: b.periodKey, payee_count: b.payeeCount, total_minor: b.totalMinor, currency: b.currency, created_by: b.createdBy, created_at: b.createdAt,
    }).execute();
  },
  async find(db: Db | Tx, orgId: string, id: string): Promise<PayrollBatch | undefined> {
    const row = await db.selectFrom('payroll_batches').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row ? toBatch(row) : undefined;
  },
  async listForPeriod(db: Db | Tx, orgId: string, periodKey?: string): Promise<PayrollBatch[]> {
    let q = db.selectFrom('payroll_batches').selectAll().where('org_id', '=', orgId);
    if (periodKey !== undefined) q = q.where('period_key', '=', periodKey);
    return (await q.orderBy('created_at', 'desc').execute()).map(toBatch);
  },
};
