import type { Db, Tx } from './database.js';

/** draft: being worked on; in_review: submitted for approval; approved: its approved_version is in the plan assignments. */
export type QuotaPlanStatus = 'draft' | 'in_review' | 'approved';

export interface QuotaPlanRow {
  readonly orgId: string;
  readonly id: string;
  readonly fiscalYear: number;
  readonly measure: string;
  readonly status: QuotaPlanStatus;
  /** The latest version. */
  readonly version: number;
  readonly approvedVersion: number | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One saved version of a plan's document (the JSON core writes), never edited. */
export interface QuotaPlanVersionRow {
  readonly version: number;
  readonly document: string;
  readonly reason: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export type QuotaPlanEventKind = 'created' | 'saved' | 'submitted' | 'approved' | 'rejected' | 'proposed' | 'signed_off';

export interface QuotaPlanEventRow {
  readonly seq: number;
  readonly version: number;
  readonly kind: QuotaPlanEventKind;
  readonly comment: string;
  /** A proposal's quotas, as JSON; null for the other kinds. */
  readonly detail: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

const toPlan = (r: Record<string, unknown>): QuotaPlanRow => ({
  orgId: String(r.org_id), id: String(r.id), fiscalYear: Number(r.fiscal_year), measure: String(r.measure), status: String(r.status) as QuotaPlanStatus,
  version: Number(r.version), approvedVersion: r.approved_version === null || r.approved_version === undefined ? null : Number(r.approved_version),
  createdBy: String(r.created_by), createdAt: String(r.created_at), updatedAt: String(r.updated_at),
});

export const quotaPlanRepo = {
  async list(db: Db | Tx, orgId: string): Promise<QuotaPlanRow[]> {
    const rows = await db.selectFrom('quota_plans').selectAll().where('org_id', '=', orgId).orderBy('fiscal_year', 'desc').orderBy('measure').execute();
    return rows.map(toPlan);
  },

  async find(db: Db | Tx, orgId: string, id: string): Promise<QuotaPlanRow | undefined> {
    const row = await db.selectFrom('quota_plans').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row ? toPlan(row) : undefined;
  },

  async findByYear(db: Db | Tx, orgId: string, fiscalYear: number, measure: string): Promise<QuotaPlanRow | undefined> {
    const row = await db.selectFrom('quota_plans').selectAll().where('org_id', '=', orgId).where('fiscal_year', '=', fiscalYear).where('measure', '=', measure).executeTakeFirst();
    return row ? toPlan(row) : undefined;
  },

  async insert(tx: Tx, p: QuotaPlanRow): Promise<void> {
    await tx.insertInto('quota_plans').values({
      org_id: p.orgId, id: p.id, fiscal_year: p.fiscalYear, measure: p.measure, status: p.status, version: p.version, approved_version: p.approvedVersion,
      created_by: p.createdBy, created_at: p.createdAt, updated_at: p.updatedAt,
    }).execute();
  },

  /**
   * Moves the plan on from the version and status the caller read; false when another writer
   * moved it first (the caller answers 409).
   */
  async update(tx: Tx, orgId: string, id: string, expected: { version: number; status: QuotaPlanStatus }, next: { version: number; status: QuotaPlanStatus; approvedVersion: number | null; updatedAt: string }): Promise<boolean> {
    const result = await tx.updateTable('quota_plans')
      .set({ version: next.version, status: next.status, approved_version: next.approvedVersion, updated_at: next.updatedAt })
      .where('org_id', '=', orgId).where('id', '=', id).where('version', '=', expected.version).where('status', '=', expected.status)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async insertVersion(tx: Tx, orgId: string, planId: string, v: QuotaPlanVersionRow): Promise<void> {
    await tx.insertInto('quota_plan_versions').values({ org_id: orgId, plan_id: planId, version: v.version, document: v.document, reason: v.reason, created_by: v.createdBy, created_at: v.createdAt }).execute();
  },

  async findVersion(db: Db | Tx, orgId: string, planId: string, version: number): Promise<QuotaPlanVersionRow | undefined> {
    const r = await db.selectFrom('quota_plan_versions').selectAll().where('org_id', '=', orgId).where('plan_id', '=', planId).where('version', '=', version).executeTakeFirst();
    return r && { version: Number(r.version), document: String(r.document), reason: String(r.reason), createdBy: String(r.created_by), createdAt: String(r.created_at) };
  },

  /** Every version's number, reason, author and time (not the documents), oldest first. */
  async versions(db: Db | Tx, orgId: string, planId: string): Promise<Omit<QuotaPlanVersionRow, 'document'>[]> {
    const rows = await db.selectFrom('quota_plan_versions').select(['version', 'reason', 'created_by', 'created_at']).where('org_id', '=', orgId).where('plan_id', '=', planId).orderBy('version').execute();
    return rows.map((r) => ({ version: Number(r.version), reason: String(r.reason), createdBy: String(r.created_by), createdAt: String(r.created_at) }));
  },

  /** Appends an event; its number follows the last (the primary key refuses a race). */
  async addEvent(tx: Tx, orgId: string, planId: string, e: Omit<QuotaPlanEventRow, 'seq'>): Promise<void> {
    const last = await tx.selectFrom('quota_plan_events').select((eb) => eb.fn.max('seq').as('seq')).where('org_id', '=', orgId).where('plan_id', '=', planId).executeTakeFirst();
    const seq = Number(last?.seq ?? 0) + 1;
    await tx.insertInto('quota_plan_events').values({ org_id: orgId, plan_id: planId, seq, version: e.version, kind: e.kind, comment: e.comment, detail: e.detail, created_by: e.createdBy, created_at: e.createdAt }).execute();
  },

  async events(db: Db | Tx, orgId: string, planId: string): Promise<QuotaPlanEventRow[]> {
    const rows = await db.selectFrom('quota_plan_events').selectAll().where('org_id', '=', orgId).where('plan_id', '=', planId).orderBy('seq').execute();
    return rows.map((r) => ({
      seq: Number(r.seq), version: Number(r.version), kind: String(r.kind) as QuotaPlanEventKind, comment: String(r.comment), detail: r.detail === null || r.detail === undefined ? null : String(r.detail),
      createdBy: String(r.created_by), createdAt: String(r.created_at),
    }));
  },
};
