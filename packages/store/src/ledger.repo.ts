import type { LedgerEntryType } from '@attain/core';
import type { Db, Tx } from './database.js';
import { insertRows } from './insert-rows.js';

/**
 * A ledger entry (see core LEDGER_ENTRY_TYPES). Never updated or deleted. `postedPeriod` is the
 * period whose statement carries it; `forPeriod` the period it is about (they differ for a
 * correction of a closed period, posted to the next open one). `seq` orders the organisation's
 * entries. `explanation` is canonical JSON saying why, e.g. the calculation's before and after.
 */
export interface LedgerEntry {
  readonly orgId: string;
  readonly id: string;
  readonly seq: bigint;
  readonly personId: string;
  readonly postedPeriod: string;
  readonly forPeriod: string;
  readonly type: LedgerEntryType;
  readonly componentId: string | null;
  readonly planId: string | null;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly runId: string | null;
  /** A release's hold; an adjustment's dispute entry, etc. */
  readonly relatedEntryId: string | null;
  readonly reason: string;
  readonly explanation: string;
  readonly createdBy: string | null;
  readonly createdAt: string;
  /** The payroll export a payout entry belongs to. */
  readonly payrollBatchId: string | null;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(String(v)));

const toEntry = (r: Record<string, unknown>): LedgerEntry => ({
  orgId: String(r.org_id), id: String(r.id), seq: big(r.seq), personId: String(r.person_id), postedPeriod: String(r.posted_period), forPeriod: String(r.for_period),
  type: String(r.type) as LedgerEntryType, componentId: text(r.component_id), planId: text(r.plan_id), amountMinor: big(r.amount_minor), currency: String(r.currency),
  runId: text(r.run_id), relatedEntryId: text(r.related_entry_id), reason: String(r.reason), explanation: String(r.explanation), createdBy: text(r.created_by),
  createdAt: String(r.created_at), payrollBatchId: text(r.payroll_batch_id),
});

const ENTRY_COLUMNS = ['org_id', 'id', 'seq', 'person_id', 'posted_period', 'for_period', 'type', 'component_id', 'plan_id', 'amount_minor', 'currency', 'run_id',
  'related_entry_id', 'reason', 'explanation', 'created_by', 'created_at', 'payroll_batch_id'];

export const ledgerRepo = {
  /** Appends entries numbered after the organisation's last; call under its write lock. `seq` given is ignored. */
  async append(tx: Tx, entries: readonly Omit<LedgerEntry, 'seq'>[]): Promise<LedgerEntry[]> {
    const first = entries[0];
    if (!first) return [];
    const row = await tx.selectFrom('ledger_entries').select((eb) => eb.fn.max('seq').as('seq')).where('org_id', '=', first.orgId).executeTakeFirst();
    let seq = row?.seq === null || row?.seq === undefined ? 0n : big(row.seq);
    const numbered = entries.map((e) => ({ ...e, seq: ++seq }));
    await insertRows(tx, 'ledger_entries', ENTRY_COLUMNS, numbered.map((e) => [
      e.orgId, e.id, e.seq, e.personId, e.postedPeriod, e.forPeriod, e.type, e.componentId, e.planId, e.amountMinor, e.currency, e.runId, e.relatedEntryId,
      e.reason, e.explanation, e.createdBy, e.createdAt, e.payrollBatchId,
    ]));
    return numbered;
  },

  async find(db: Db | Tx, orgId: string, id: string): Promise<LedgerEntry | undefined> {
    const row = await db.selectFrom('ledger_entries').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row ? toEntry(row) : undefined;
  },

  /** Entries about the given periods (for_period), optionally of some people only, in seq order. */
  async listForPeriods(db: Db | Tx, orgId: string, query: { forPeriods: readonly string[]; personIds?: readonly string[]; types?: readonly LedgerEntry['type'][] }): Promise<LedgerEntry[]> {
    if (query.forPeriods.length === 0 || query.personIds?.length === 0 || query.types?.length === 0) return [];
    let q = db.selectFrom('ledger_entries').selectAll().where('org_id', '=', orgId).where('for_period', 'in', [...query.forPeriods]);
    if (query.personIds !== undefined) q = q.where('person_id', 'in', [...query.personIds]);
    if (query.types !== undefined) q = q.where('type', 'in', [...query.types]);
    return (await q.orderBy('seq').execute()).map(toEntry);
  },

  /** Entries posted to a period (what its statements and payroll carry), optionally of some people only, in seq order. */
  async listPosted(db: Db | Tx, orgId: string, query: { postedPeriod: string; personIds?: readonly string[] }): Promise<LedgerEntry[]> {
    if (query.personIds?.length === 0) return [];
    let q = db.selectFrom('ledger_entries').selectAll().where('org_id', '=', orgId).where('posted_period', '=', query.postedPeriod);
    if (query.personIds !== undefined) q = q.where('person_id', 'in', [...query.personIds]);
    return (await q.orderBy('seq').execute()).map(toEntry);
  },

  /** The payout entries of a payroll export, in seq order. */
  async listBatch(db: Db | Tx, orgId: string, batchId: string): Promise<LedgerEntry[]> {
    const rows = await db.selectFrom('ledger_entries').selectAll().where('org_id', '=', orgId).where('payroll_batch_id', '=', batchId).orderBy('seq').execute();
    return rows.map(toEntry);
  },

  /** Releases already made of a hold. */
  async releasesOf(db: Db | Tx, orgId: string, holdId: string): Promise<LedgerEntry[]> {
    const rows = await db.selectFrom('ledger_entries').selectAll().where('org_id', '=', orgId).where('related_entry_id', '=', holdId).where('type', '=', 'hold-release').execute();
    return rows.map(toEntry);
  },
};
