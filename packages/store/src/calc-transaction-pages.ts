import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { sqliteHandleOf, type Db, type Tx } from './database.js';
import type { CalcTransaction, OpportunitySplit, TransactionLineItem } from './comp-transactions.repo.js';

/**
 * Reading a calc run's transactions in pages, each owner's together (by owner, then date and
 * id; rows without an owner first): a run credits each page and lets it go, and calculates a rep
 * as soon as her deals are done, so memory holds results, not a quarter's rows or credits (over
 * a million in a large organisation). Pages are separate queries continuing after the last row
 * read, so the connection is free between them (a server keeps answering on it); the rows are
 * immutable and numbered, so `seq <= seqThrough` reads the same set however the pages fall.
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

/**
 * In this order, which is the covering index comp_transactions_calc's (migrations 2026-11-28T0900,
 * 2026-12-03T0900), but for the kind: a cancellation takes the kind it cancels (a lost renewal
 * takes back renewal credit), looked up by SQLite for the few cancellation rows as they are read.
 */
export const CALC_COLUMNS = ['owner_id', 'date', 'id', 'kind', 'amount_minor', 'currency', 'opportunity_id', 'pipeline_id', 'territory_id', 'line_items', 'splits', 'term_months'] as const;
type Row = readonly unknown[];

/** The kind a run credits a row as: its own, or for a cancellation the kind of the row it reverses. */
const creditedKind = sql<string>`coalesce(case when "kind" = 'cancellation' then (select "r"."kind" from "comp_transactions" as "r" where "r"."org_id" = "comp_transactions"."org_id" and "r"."id" = "comp_transactions"."reverses") end, "kind")`;

/** CALC_COLUMNS selected, the kind as credited. */
export const calcSelection = () => CALC_COLUMNS.map((c) => (c === 'kind' ? creditedKind.as('kind') : c));

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(String(v)));

/** JSON has no bigint: amounts are kept as decimal strings inside the JSON columns. */
export function lineItemsOf(json: unknown): TransactionLineItem[] {
  return (JSON.parse(String(json)) as { productId: string; productFamily: string | null; amountMinor: string }[]).map((l) => ({ ...l, amountMinor: BigInt(l.amountMinor) }));
}

/** A row in CALC_COLUMNS order as a run reads it. */
export function toCalcTransaction(r: Row): CalcTransaction {
  return {
    id: String(r[2]), date: String(r[1]), kind: String(r[3]), amountMinor: big(r[4]), currency: String(r[5]), ownerId: text(r[0]), opportunityId: text(r[6]), pipelineId: text(r[7]),
    territoryId: text(r[8]), lineItems: r[9] === '[]' ? [] : lineItemsOf(r[9]), splits: r[10] === '[]' ? [] : (JSON.parse(String(r[10])) as OpportunitySplit[]),
    termMonths: r[11] === null || r[11] === undefined ? null : Number(r[11]),
  };
}

/** How many owners one query finds, and how many one query of rows names. */
const OWNERS_PER_LOOKUP = 500;
const OWNERS_PER_READ = 64;

/**
 * The next owners with rows, in id order: from `from` (inclusive) or after `after`, below `to`.
 * One seek per owner (a loose index scan), not a read of her rows, whatever their dates.
 */
async function nextOwners(db: Db | Tx, orgId: string, start: { from: string } | { after: string }, to: string | null): Promise<string[]> {
  const first = 'from' in start ? sql`owner_id >= ${start.from}` : sql`owner_id > ${start.after}`;
  const found = await sql<{ id: string }>`with recursive owners(id, n) as (
      select (select owner_id from comp_transactions where org_id = ${orgId} and ${first} order by owner_id limit 1), 1
      union all
      select (select c.owner_id from comp_transactions c where c.org_id = ${orgId} and c.owner_id > owners.id order by c.owner_id limit 1), n + 1
      from owners where owners.id is not null and n < ${OWNERS_PER_LOOKUP}
    ) select id from owners where id is not null`.execute(db);
  return found.rows.map((r) => String(r.id)).filter((id) => to === null || id < to);
}

/**
 * The owners a read covers, in groups read together: [null] (the rows without an owner) when
 * the range is unbounded below, then the owners in range, in id order, up to OWNERS_PER_READ a group.
 */
async function* ownerGroups(db: Db | Tx, orgId: string, query: CalcReadQuery): AsyncGenerator<(string | null)[]> {
  const range = query.owners ?? { from: null, to: null };
  if (!range.from) yield [null];
  let start: { from: string } | { after: string } = { from: range.from ?? '' };
  for (;;) {
    const owners = await nextOwners(db, orgId, start, range.to);
    for (let i = 0; i < owners.length; i += OWNERS_PER_READ) yield owners.slice(i, i + OWNERS_PER_READ);
    if (owners.length < OWNERS_PER_LOOKUP) return;
    start = { after: owners[owners.length - 1] as string };
  }
}

/**
 * The query for the rows of some owners in the window ([null]: the rows without one), by owner,
 * date and id, after a row. Owners are named, so the index is read from each one's window: a
 * range over (owner, date, id) walked every owner's rows of every year.
 */
function rowsQuery(db: Db | Tx, orgId: string, query: CalcReadQuery, owners: readonly (string | null)[], after: Row | null, limit: number) {
  let q = db.selectFrom('comp_transactions').select(calcSelection()).where('org_id', '=', orgId)
    .where('date', '>=', query.from).where('date', '<=', query.to).where('seq', '<=', query.seqThrough);
  q = owners[0] === null ? q.where('owner_id', 'is', null) : q.where('owner_id', 'in', owners as string[]);
  if (after) q = q.where(({ eb, refTuple, tuple }) => eb(refTuple('date', 'id'), '>', tuple(String(after[1]), String(after[2]))));
  return q.orderBy('owner_id').orderBy('date').orderBy('id').limit(limit);
}

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/**
 * Reads a page of rows and visits each. On SQLite outside a transaction the rows are stepped
 * through straight from better-sqlite3 as arrays, one at a time: row objects cost more than
 * SQLite's own work, and a page held whole was what V8's young-generation collections kept
 * copying (docs/benchmarks.md). Otherwise through Kysely. Returns how many rows and the last.
 */
async function visitPage(db: Db | Tx, orgId: string, query: CalcReadQuery, page: { owners: readonly (string | null)[]; after: Row | null; limit: number }, visit: (t: CalcTransaction) => void): Promise<{ count: number; last: Row | null }> {
  const q = rowsQuery(db, orgId, query, page.owners, page.after, page.limit);
  const sqlite = sqliteHandleOf(db);
  let rows: Iterable<Row>;
  if (sqlite) {
    const compiled = q.compile();
    // The index is named: SQLite's sampled statistics (analysis_limit) can make it prefer the date index and sort the whole window on every page.
    const text = compiled.sql.replace('from "comp_transactions" where', 'from "comp_transactions" indexed by "comp_transactions_calc" where');
    let cache = statements.get(sqlite);
    if (!cache) statements.set(sqlite, (cache = new Map()));
    let statement = cache.get(text);
    if (!statement) cache.set(text, (statement = sqlite.prepare(text).raw(true)));
    // Stepped with nothing awaited: the statement holds the connection until its last row.
    rows = statement.iterate(...compiled.parameters) as Iterable<Row>;
  } else {
    rows = (await q.execute()).map((r: Record<string, unknown>) => CALC_COLUMNS.map((c) => r[c]));
  }
  let count = 0;
  let last: Row | null = null;
  for (const r of rows) {
    count++;
    last = r;
    visit(toCalcTransaction(r));
  }
  return { count, last };
}

/** Rows a page (a query) reads: `betweenPages` runs after each, when the connection is free. */
const PAGE_ROWS = 5000;

/**
 * Visits the run's transactions dated from..to and numbered at most seqThrough, of the owners in
 * range, one at a time: rows without an owner first (when the range is unbounded below), then
 * each owner's, by owner, date and id. `visit` is synchronous (a page's statement is open while
 * it runs); `betweenPages` is awaited after each page of `pageSize` rows.
 */
export async function visitCalcTransactions(
  db: Db | Tx, orgId: string, query: CalcReadQuery, visit: (t: CalcTransaction) => void,
  options: { betweenPages?: () => Promise<void> | void; pageSize?: number } = {},
): Promise<void> {
  const limit = options.pageSize ?? PAGE_ROWS;
  for await (const group of ownerGroups(db, orgId, query)) {
    // The owners of the group not yet read to the end; after a full page, the last row's owner continues after it.
    let owners = group;
    let after: Row | null = null;
    while (owners.length > 0) {
      const { count, last } = await visitPage(db, orgId, query, { owners: after ? owners.slice(0, 1) : owners, after, limit }, visit);
      await options.betweenPages?.();
      if (count === limit) {
        after = last as Row;
        owners = owners.slice(owners.indexOf(after[0] as string | null));
      } else {
        owners = after ? owners.slice(1) : [];
        after = null;
      }
    }
  }
}
