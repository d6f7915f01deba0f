import { calcLineSelection, lineItemsOf, parseCalcLine, visitCalcTransactions, type CalcReadQuery } from './calc-transaction-pages.js';
import type { Db, Tx } from './database.js';

/** How one person shares a deal: see docs/crediting.md (credit, payout, overlay splits). */
export type SplitKind = 'credit' | 'payout' | 'overlay';

/** One member of an opportunity's split. `share` is an exact decimal string, "0.6" = 60%. */
export interface OpportunitySplit {
  readonly personId: string;
  readonly kind: SplitKind;
  readonly share: string;
}

/** A product line of a transaction, in minor units of the transaction's (org) currency. */
export interface TransactionLineItem {
  readonly productId: string;
  readonly productFamily: string | null;
  readonly amountMinor: bigint;
}

export type TransactionSource = 'opportunity' | 'import';

/**
 * A business event that can earn pay. Never updated or deleted: a correction is a reversal
 * (negated amounts, `reverses` = the id it undoes) and a new row. `amountMinor` is in the
 * organisation's currency (`currency`), converted at the rate of `date`; `dealAmountMinor` and
 * `dealCurrency` keep the deal's own figure. Line item amounts total `amountMinor` exactly.
 * `(orgId, source, sourceKey)` is unique: the idempotency key of the source event.
 */
export interface CompTransaction {
  readonly orgId: string;
  readonly id: string;
  readonly source: TransactionSource;
  readonly sourceKey: string;
  /** 'new-business', 'renewal', 'expansion', 'cancellation' or an imported kind. */
  readonly kind: string;
  /** YYYY-MM-DD: the close date (a reversal keeps the date of the row it reverses). */
  readonly date: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly dealAmountMinor: bigint;
  readonly dealCurrency: string;
  readonly ownerId: string | null;
  readonly accountId: string | null;
  readonly opportunityId: string | null;
  readonly pipelineId: string | null;
  readonly territoryId: string | null;
  readonly lineItems: readonly TransactionLineItem[];
  readonly splits: readonly OpportunitySplit[];
  readonly reverses: string | null;
  /** The deal's contract term in months; null: a year or less. ACV credits annualize by it. */
  readonly termMonths: number | null;
  readonly createdAt: string;
}

/** A won deal that left closed-won (reopened, lost): the pay cycle claws back what it paid. */
export interface ClawbackEvent {
  readonly orgId: string;
  readonly id: string;
  /** The reversal transaction. */
  readonly transactionId: string;
  readonly opportunityId: string | null;
  readonly occurredOn: string;
  readonly reason: string;
  readonly createdAt: string;
}

/** What a calc run reads of a transaction: what crediting needs (and the inputs hash covers). */
export type CalcTransaction = Pick<CompTransaction, 'id' | 'date' | 'kind' | 'amountMinor' | 'currency' | 'ownerId' | 'opportunityId' | 'pipelineId' | 'territoryId' | 'lineItems' | 'splits' | 'termMonths'>;

/** A transaction as a calc run reads it, with the line the database composed it from (calc-transaction-pages.ts): what a run hashes. */
export type CalcRow = CalcTransaction & { readonly line: string };

/** Which transactions a listing loads. `personIds` null = all; otherwise owner or split member in it. */
export interface TransactionQuery {
  readonly personIds: readonly string[] | null;
  readonly ownerId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly kind?: string;
  readonly limit?: number;
  /** Rows after this one in (date, id) order: the next page. */
  readonly after?: { readonly date: string; readonly id: string };
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(String(v)));
const months = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toTransaction(r: Record<string, unknown>): CompTransaction {
  return {
    orgId: String(r.org_id), id: String(r.id), source: String(r.source) as TransactionSource, sourceKey: String(r.source_key), kind: String(r.kind),
    date: String(r.date), amountMinor: big(r.amount_minor), currency: String(r.currency), dealAmountMinor: big(r.deal_amount_minor),
    dealCurrency: String(r.deal_currency), ownerId: text(r.owner_id), accountId: text(r.account_id), opportunityId: text(r.opportunity_id),
    pipelineId: text(r.pipeline_id), territoryId: text(r.territory_id), lineItems: lineItemsOf(r.line_items),
    splits: JSON.parse(String(r.splits)) as OpportunitySplit[], reverses: text(r.reverses), termMonths: months(r.term_months), createdAt: String(r.created_at),
  };
}

const rowOf = (t: CompTransaction) => ({
  org_id: t.orgId, id: t.id, source: t.source, source_key: t.sourceKey, kind: t.kind, date: t.date, amount_minor: t.amountMinor,
  currency: t.currency, deal_amount_minor: t.dealAmountMinor, deal_currency: t.dealCurrency, owner_id: t.ownerId, account_id: t.accountId,
  opportunity_id: t.opportunityId, pipeline_id: t.pipelineId, territory_id: t.territoryId,
  line_items: JSON.stringify(t.lineItems.map((l) => ({ productId: l.productId, productFamily: l.productFamily, amountMinor: l.amountMinor.toString() }))),
  splits: JSON.stringify(t.splits.map((s) => ({ personId: s.personId, kind: s.kind, share: s.share }))), reverses: t.reverses, term_months: t.termMonths, created_at: t.createdAt,
});

/** Rows per multi-row insert: 21 columns x 400 stays under SQLite's 32,766 bound parameters. */
const CHUNK = 400;

export const compTransactionRepo = {
  /**
   * Appends rows in order (a reversal before the booking that replaces it), numbering them after
   * the organisation's last `seq`. Call under the organisation's write lock (inOrgTransaction),
   * so numbers follow commit order and a calc run's "seq <= N" is a frozen set.
   */
  async insertMany(db: Db | Tx, rows: readonly CompTransaction[]): Promise<void> {
    const first = rows[0];
    if (!first) return;
    let seq = await this.lastSeq(db, first.orgId);
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db.insertInto('comp_transactions').values(rows.slice(i, i + CHUNK).map((r) => ({ ...rowOf(r), seq: ++seq }))).execute();
    }
  },

  /** The organisation's highest transaction number (0 before the first). */
  async lastSeq(db: Db | Tx, orgId: string): Promise<bigint> {
    const row = await db.selectFrom('comp_transactions').select((eb) => eb.fn.max('seq').as('seq')).where('org_id', '=', orgId).executeTakeFirst();
    return row?.seq === null || row?.seq === undefined ? 0n : big(row.seq);
  },

  /** What a full calc run reads, a row at a time: see calc-transaction-pages.ts. */
  visitForCalc(...args: Parameters<typeof visitCalcTransactions>): Promise<void> {
    return visitCalcTransactions(...args);
  },

  /** Everyone a split of a run's rows names (from the small index of shared rows): who may be credited on deals she does not own. */
  async splitMembersForCalc(db: Db | Tx, orgId: string, query: CalcReadQuery): Promise<Set<string>> {
    const rows = await db.selectFrom('comp_transactions').select(['splits']).where('org_id', '=', orgId).where('splits', '<>', '[]')
      .where('date', '>=', query.from).where('date', '<=', query.to).where('seq', '<=', query.seqThrough).execute();
    return new Set(rows.flatMap((r) => (JSON.parse(String(r.splits)) as OpportunitySplit[]).map((x) => x.personId)));
  },

  /**
   * The cancellations a calc run reads (dated from..to, numbered at most `seqThrough`) with their
   * number and the day each deal was lost, from its clawback event: by date and id.
   */
  async cancellationsForCalc(db: Db | Tx, orgId: string, query: CalcReadQuery): Promise<{ transactionId: string; opportunityId: string | null; date: string; seq: bigint; occurredOn: string }[]> {
    const rows = await db.selectFrom('clawback_events as e').innerJoin('comp_transactions as t', (j) => j.onRef('t.org_id', '=', 'e.org_id').onRef('t.id', '=', 'e.transaction_id'))
      .select(['t.id', 't.date', 't.seq', 'e.occurred_on', 'e.opportunity_id']).where('e.org_id', '=', orgId)
      .where('t.date', '>=', query.from).where('t.date', '<=', query.to).where('t.seq', '<=', query.seqThrough).orderBy('t.date').orderBy('t.id').execute();
    return rows.map((r) => ({ transactionId: String(r.id), opportunityId: text(r.opportunity_id), date: String(r.date), seq: BigInt(String(r.seq)), occurredOn: String(r.occurred_on) }));
  },

  /**
   * What a calc run of some payees reads: the rows dated from..to, numbered at most
   * `seqThrough` and owned or shared (split) by one of `personIds`, by owner, date and id.
   */
  async listForCalc(db: Db | Tx, orgId: string, query: CalcReadQuery & { personIds: readonly string[] }): Promise<CalcRow[]> {
    const ids = new Set(query.personIds);
    if (ids.size === 0) return [];
    const read = async (rows: 'owned' | 'shared') => {
      const q = db.selectFrom('comp_transactions').select(calcLineSelection())
        .where('org_id', '=', orgId).where('date', '>=', query.from).where('date', '<=', query.to).where('seq', '<=', query.seqThrough);
      return (await (rows === 'owned' ? q.where('owner_id', 'in', [...ids]) : q.where('splits', '<>', '[]')).execute()).map((r) => parseCalcLine(r.line));
    };
    // Owned by one of them (one IN list, however many), or shared with one of them in a split (few rows have splits).
    const owned = await read('owned');
    const shared = (await read('shared')).filter((t) => !ids.has(String(t.ownerId)) && t.splits.some((x) => ids.has(x.personId)));
    // In the order of a full run's pages: each owner's together, by date and id.
    const key = (t: CalcRow) => [String(t.ownerId), t.date, t.id];
    return [...owned, ...shared].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] as string) < (y[i] as string) ? -1 : 1;
      return 0;
    });
  },

  async find(db: Db | Tx, orgId: string, id: string): Promise<CompTransaction | undefined> {
    const row = await db.selectFrom('comp_transactions').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row ? toTransaction(row) : undefined;
  },

  /**
   * Won, unarchived deals in `currency` closing on or after `from` that have no transaction yet:
   * those waiting for an exchange rate to be booked (docs/pay-cycle.md).
   */
  async unbookedWonDeals(db: Db | Tx, orgId: string, currency: string, from: string): Promise<string[]> {
    const rows = await db.selectFrom('opportunities as o').select('o.id').where('o.org_id', '=', orgId).where('o.currency', '=', currency)
      .where('o.is_won', '=', 1).where('o.archived_at', 'is', null).where('o.close_date', '>=', from)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('comp_transactions as t').select('t.id').whereRef('t.org_id', '=', 'o.org_id').whereRef('t.opportunity_id', '=', 'o.id'))))
      .orderBy('o.id').execute();
    return rows.map((r) => String(r.id));
  },

  /** Every row an opportunity produced, in source key order. */
  async listForOpportunity(db: Db | Tx, orgId: string, opportunityId: string): Promise<CompTransaction[]> {
    const rows = await db.selectFrom('comp_transactions').selectAll().where('org_id', '=', orgId).where('source', '=', 'opportunity')
      .where('opportunity_id', '=', opportunityId).orderBy('source_key').execute();
    return rows.map(toTransaction);
  },

  /**
   * The transactions the query allows, by date then id. A scoped reader sees rows whose owner
   * or a split member is one of `personIds`; split membership is matched in the JSON text
   * (ids are quoted whole, so one id never matches inside another).
   */
  async list(db: Db | Tx, orgId: string, query: TransactionQuery): Promise<CompTransaction[]> {
    if (query.personIds !== null && query.personIds.length === 0) return [];
    const limit = query.limit ?? 1000;
    const filtered = () => {
      let q = db.selectFrom('comp_transactions').selectAll().where('org_id', '=', orgId);
      if (query.ownerId !== undefined) q = q.where('owner_id', '=', query.ownerId);
      if (query.from !== undefined) q = q.where('date', '>=', query.from);
      if (query.to !== undefined) q = q.where('date', '<=', query.to);
      if (query.kind !== undefined) q = q.where('kind', '=', query.kind);
      const after = query.after;
      if (after !== undefined) q = q.where(({ eb, refTuple, tuple }) => eb(refTuple('date', 'id'), '>', tuple(after.date, after.id)));
      return q;
    };
    if (query.personIds === null) return (await filtered().orderBy('date').orderBy('id').limit(limit).execute()).map(toTransaction);
    // Owned by one of them (one IN list, however large the team), or shared with one of them in a
    // split: the few rows with splits are matched here, not with one LIKE per person in SQL.
    const ids = new Set(query.personIds);
    const owned = (await filtered().where('owner_id', 'in', [...ids]).orderBy('date').orderBy('id').limit(limit).execute()).map(toTransaction);
    const shared = (await filtered().where('splits', '<>', '[]').orderBy('date').orderBy('id').execute()).map(toTransaction)
      .filter((t) => !(t.ownerId !== null && ids.has(t.ownerId)) && t.splits.some((x) => ids.has(x.personId)));
    return [...owned, ...shared].sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1)).slice(0, limit);
  },

  async insertClawbacks(db: Db | Tx, events: readonly ClawbackEvent[]): Promise<void> {
    if (events.length === 0) return;
    await db.insertInto('clawback_events').values(events.map((e) => ({
      org_id: e.orgId, id: e.id, transaction_id: e.transactionId, opportunity_id: e.opportunityId, occurred_on: e.occurredOn, reason: e.reason, created_at: e.createdAt,
    }))).execute();
  },

  /** The organisation's clawback events, latest first. */
  async listClawbacks(db: Db | Tx, orgId: string, limit = 1000): Promise<ClawbackEvent[]> {
    const rows = await db.selectFrom('clawback_events').selectAll().where('org_id', '=', orgId).orderBy('occurred_on', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      orgId: String(r.org_id), id: String(r.id), transactionId: String(r.transaction_id), opportunityId: text(r.opportunity_id),
      occurredOn: String(r.occurred_on), reason: String(r.reason), createdAt: String(r.created_at),
    }));
  },
};

export const opportunitySplitRepo = {
  /** The deal's splits by kind, then person. */
  async list(db: Db | Tx, orgId: string, opportunityId: string): Promise<OpportunitySplit[]> {
    const rows = await db.selectFrom('opportunity_splits').select(['person_id', 'kind', 'share']).where('org_id', '=', orgId)
      .where('opportunity_id', '=', opportunityId).orderBy('kind').orderBy('person_id').execute();
    return rows.map((r) => ({ personId: String(r.person_id), kind: String(r.kind) as SplitKind, share: String(r.share) }));
  },

  /** Replaces the whole set (call inside a transaction). */
  async replace(tx: Tx, orgId: string, opportunityId: string, splits: readonly OpportunitySplit[], by: { at: string; userId: string }): Promise<void> {
    await tx.deleteFrom('opportunity_splits').where('org_id', '=', orgId).where('opportunity_id', '=', opportunityId).execute();
    if (splits.length === 0) return;
    await tx.insertInto('opportunity_splits').values(splits.map((s) => ({
      org_id: orgId, opportunity_id: opportunityId, kind: s.kind, person_id: s.personId, share: s.share, created_at: by.at, created_by: by.userId,
    }))).execute();
  },
};
