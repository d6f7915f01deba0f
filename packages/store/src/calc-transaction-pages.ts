import type SQLite from 'better-sqlite3';
import { sqliteHandleOf, type Db, type Tx } from './database.js';
import type { CalcTransaction, OpportunitySplit, TransactionLineItem } from './comp-transactions.repo.js';

/**
 * Reading a calc run's transactions in pages, by date then id (the order its inputs hash
 * covers). A quarter of a large organisation is over a million rows: a run credits each page
 * and lets it go, so memory holds the credits, not the rows. Pages are separate queries
 * continuing after the last (date, id) read, so the connection is free between them (a server
 * keeps answering on it); the rows are immutable and numbered, so `seq <= seqThrough` reads the
 * same set however the pages fall.
 */

export interface CalcReadQuery {
  readonly from: string;
  readonly to: string;
  readonly seqThrough: bigint;
  /**
   * Only rows whose owner id is in [from, to) (null: unbounded); rows without an owner belong
   * to the range unbounded below. A run read by several workers splits its owners this way.
   */
  readonly owners?: { readonly from: string | null; readonly to: string | null };
}

/** In this order, which is the covering index comp_transactions_calc's (migration 2026-11-27T2000). */
const COLUMNS = ['id', 'date', 'kind', 'amount_minor', 'currency', 'owner_id', 'opportunity_id', 'pipeline_id', 'territory_id', 'reverses', 'line_items', 'splits'] as const;
type Row = readonly unknown[];

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(String(v)));

/** JSON has no bigint: amounts are kept as decimal strings inside the JSON columns. */
export function lineItemsOf(json: unknown): TransactionLineItem[] {
  return (JSON.parse(String(json)) as { productId: string; productFamily: string | null; amountMinor: string }[]).map((l) => ({ ...l, amountMinor: BigInt(l.amountMinor) }));
}

/** A row in COLUMNS order as a run reads it; a cancellation takes the kind it cancels (a lost renewal takes back renewal credit). */
function toCalcTransaction(r: Row, kindOf: ReadonlyMap<string, string>): CalcTransaction {
  const kind = String(r[2]);
  return {
    id: String(r[0]), date: String(r[1]), kind: kind === 'cancellation' ? (kindOf.get(String(r[9])) ?? 'cancellation') : kind,
    amountMinor: big(r[3]), currency: String(r[4]), ownerId: text(r[5]), opportunityId: text(r[6]), pipelineId: text(r[7]), territoryId: text(r[8]),
    lineItems: r[10] === '[]' ? [] : lineItemsOf(r[10]), splits: r[11] === '[]' ? [] : (JSON.parse(String(r[11])) as OpportunitySplit[]),
  };
}

/** Rows in COLUMNS order to transactions, looking up (in one query) the kind of the rows their cancellations reverse. */
export async function toCalcTransactions(db: Db | Tx, orgId: string, rows: readonly Row[]): Promise<CalcTransaction[]> {
  const reversed = rows.filter((r) => r[2] === 'cancellation').map((r) => String(r[9]));
  const kindOf = new Map<string, string>();
  if (reversed.length > 0) {
    for (const r of await db.selectFrom('comp_transactions').select(['id', 'kind']).where('org_id', '=', orgId).where('id', 'in', [...new Set(reversed)]).execute()) kindOf.set(String(r.id), String(r.kind));
  }
  return rows.map((r) => toCalcTransaction(r, kindOf));
}

/** A page of rows after `after` (or from the start), through Kysely: PostgreSQL, or SQLite inside a transaction. */
async function kyselyPage(db: Db | Tx, orgId: string, query: CalcReadQuery, after: Row | null, size: number): Promise<Row[]> {
  let q = db.selectFrom('comp_transactions').select([...COLUMNS]).where('org_id', '=', orgId).where('date', '<=', query.to).where('seq', '<=', query.seqThrough);
  const owners = query.owners;
  if (owners?.from != null) q = q.where('owner_id', '>=', owners.from);
  if (owners?.to != null) q = q.where(({ eb, or }) => or([eb('owner_id', '<', owners.to as string), ...(owners.from == null ? [eb('owner_id', 'is', null)] : [])]));
  q = after === null ? q.where('date', '>=', query.from) : q.where(({ eb, refTuple, tuple }) => eb(refTuple('date', 'id'), '>', tuple(String(after[1]), String(after[0]))));
  const rows = await q.orderBy('date').orderBy('id').limit(size).execute();
  return rows.map((r: Record<string, unknown>) => COLUMNS.map((c) => r[c]));
}

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/**
 * The same page straight from better-sqlite3 as arrays: a row object per row costs more than
 * SQLite's own work (1.25M rows of a quarter: 5.1 s as objects, 3.0 s as arrays; docs/benchmarks.md).
 */
function sqlitePage(sqlite: SQLite.Database, orgId: string, query: CalcReadQuery, after: Row | null, size: number): Row[] {
  const owners = query.owners;
  const where = ['org_id = ?', after === null ? 'date >= ?' : '(date, id) > (?, ?)', 'date <= ?', 'seq <= ?'];
  const params: unknown[] = [orgId, ...(after === null ? [query.from] : [after[1], after[0]]), query.to, query.seqThrough];
  if (owners?.from != null) {
    where.push('owner_id >= ?');
    params.push(owners.from);
  }
  if (owners?.to != null) {
    where.push(owners.from == null ? '(owner_id < ? or owner_id is null)' : 'owner_id < ?');
    params.push(owners.to);
  }
  const text = `select ${COLUMNS.join(', ')} from comp_transactions where ${where.join(' and ')} order by date, id limit ?`;
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = sqlite.prepare(text).raw(true)));
  return statement.all(...params, size) as Row[];
}

/** The run's transactions dated from..to and numbered at most seqThrough, page by page. */
export async function* calcTransactionPages(db: Db | Tx, orgId: string, query: CalcReadQuery, pageSize = 5000): AsyncGenerator<CalcTransaction[]> {
  const sqlite = sqliteHandleOf(db);
  let after: Row | null = null;
  for (;;) {
    const rows = sqlite ? sqlitePage(sqlite, orgId, query, after, pageSize) : await kyselyPage(db, orgId, query, after, pageSize);
    if (rows.length === 0) return;
    yield await toCalcTransactions(db, orgId, rows);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1] as Row;
  }
}
