import { sql } from 'kysely';
import { preparedOn, sqliteHandleOf, type Db, type Tx } from './database.js';
import type { CalcRow, OpportunitySplit, TransactionLineItem } from './comp-transactions.repo.js';

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
 * A row as a run reads it: one text SQLite (or PostgreSQL) composes from the covering index
 * comp_transactions_calc's columns (migrations 2026-11-28T0900, 2026-12-03T0900), fields apart
 * by U+001F, absent ones empty, in this order:
 *
 *   id, date, kind, amount_minor, currency, owner_id, opportunity_id, territory_id, pipeline_id, term_months, splits, line_items
 *
 * One value a row, not twelve: better-sqlite3 makes each column a JS value at about 0.1 µs, as
 * much as cutting the line apart again, and a run hashes the line as it is (inputs version 4).
 * U+001F cannot occur in the fields: ids and kinds hold no control characters (ours, or refused
 * on import), and JSON writes them escaped; the line items come last, so nothing in them could
 * move a field. A cancellation is
 * read with the kind it cancels (a lost renewal takes back renewal credit), looked up by the
 * database for the few cancellation rows.
 */
const SEPARATOR = '\x1f';
const FIELDS = ['id', 'date', 'kind', 'amount_minor', 'currency', 'owner_id', 'opportunity_id', 'territory_id', 'pipeline_id', 'term_months', 'splits', 'line_items'] as const;

/** The kind a run credits a row as: its own, or for a cancellation the kind of the row it reverses. */
const creditedKind = sql<string>`coalesce(case when "kind" = 'cancellation' then (select "r"."kind" from "comp_transactions" as "r" where "r"."org_id" = "comp_transactions"."org_id" and "r"."id" = "comp_transactions"."reverses") end, "kind")`;

/**
 * The line selected (as `line`), in one concat() of the fields and separators: concat writes a
 * NULL as nothing (in SQLite and PostgreSQL), where coalesce on each field cost a tenth of the
 * read, and a chain of || copied the growing text at every step (a third slower).
 */
export const calcLineSelection = () => {
  const parts = FIELDS.flatMap((name, i) => [...(i === 0 ? [] : [sql.lit(SEPARATOR)]), name === 'kind' ? creditedKind : sql.ref(name)]);
  return sql<string>`concat(${sql.join(parts)})`.as('line');
};

/** JSON has no bigint: amounts are kept as decimal strings inside the JSON columns. */
export function lineItemsOf(json: unknown): TransactionLineItem[] {
  return (JSON.parse(String(json)) as { productId: string; productFamily: string | null; amountMinor: string }[]).map((l) => ({ ...l, amountMinor: BigInt(l.amountMinor) }));
}

/** The empty list every row without line items or splits shares. */
const NONE: readonly never[] = [];

/** Where parseCalcLine is in the line it cuts: state of one synchronous call, kept outside it so that cutting a field allocates nothing but the field. */
let cursor = 0;

/** The field from the cursor to the next separator (null when empty), moving the cursor past it. */
function nextField(line: string): string | null {
  const end = line.indexOf(SEPARATOR, cursor);
  const value = end === cursor ? null : line.slice(cursor, end);
  cursor = end + 1;
  return value;
}

/** A line cut at its separators, field by field (split made a string of every empty field too). */
export function parseCalcLine(line: string): CalcRow {
  cursor = 0;
  const id = nextField(line) as string;
  const date = nextField(line) as string;
  const kind = nextField(line) as string;
  const amount = nextField(line) as string;
  const currency = nextField(line) as string;
  const ownerId = nextField(line);
  const opportunityId = nextField(line);
  const territoryId = nextField(line);
  const pipelineId = nextField(line);
  const term = nextField(line);
  const splits = nextField(line) as string;
  const items = line.slice(cursor);
  return {
    id, date, kind, amountMinor: BigInt(amount), currency, ownerId, opportunityId, pipelineId, territoryId, termMonths: term === null ? null : Number(term),
    lineItems: items === '[]' ? NONE : lineItemsOf(items), splits: splits === '[]' ? NONE : (JSON.parse(splits) as OpportunitySplit[]), line,
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
function rowsQuery(db: Db | Tx, orgId: string, query: CalcReadQuery, owners: readonly (string | null)[], after: CalcRow | null, limit: number) {
  let q = db.selectFrom('comp_transactions').select(calcLineSelection()).where('org_id', '=', orgId)
    .where('date', '>=', query.from).where('date', '<=', query.to).where('seq', '<=', query.seqThrough);
  q = owners[0] === null ? q.where('owner_id', 'is', null) : q.where('owner_id', 'in', owners as string[]);
  if (after) q = q.where(({ eb, refTuple, tuple }) => eb(refTuple('date', 'id'), '>', tuple(after.date, after.id)));
  return q.orderBy('owner_id').orderBy('date').orderBy('id').limit(limit);
}

/**
 * Reads a page of rows and visits each. On SQLite outside a transaction the lines are stepped
 * through straight from better-sqlite3, one at a time: row objects cost more than SQLite's own
 * work, and a page held whole was what V8's young-generation collections kept copying
 * (docs/benchmarks.md). Otherwise through Kysely. Returns how many rows and the last.
 */
async function visitPage(db: Db | Tx, orgId: string, query: CalcReadQuery, page: { owners: readonly (string | null)[]; after: CalcRow | null; limit: number }, visit: (t: CalcRow) => void): Promise<{ count: number; last: CalcRow | null }> {
  const q = rowsQuery(db, orgId, query, page.owners, page.after, page.limit);
  const sqlite = sqliteHandleOf(db);
  let lines: Iterable<string>;
  if (sqlite) {
    const compiled = q.compile();
    // The index is named: SQLite's sampled statistics (analysis_limit) can make it prefer the date index and sort the whole window on every page.
    const text = compiled.sql.replace('from "comp_transactions" where', 'from "comp_transactions" indexed by "comp_transactions_calc" where');
    // Stepped with nothing awaited: the statement holds the connection until its last row.
    lines = preparedOn(sqlite, text).pluck(true).iterate(...compiled.parameters) as Iterable<string>;
  } else {
    lines = (await q.execute()).map((r) => r.line);
  }
  let count = 0;
  let last: CalcRow | null = null;
  for (const line of lines) {
    count++;
    last = parseCalcLine(line);
    visit(last);
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
  db: Db | Tx, orgId: string, query: CalcReadQuery, visit: (t: CalcRow) => void,
  options: { betweenPages?: () => Promise<void> | void; pageSize?: number } = {},
): Promise<void> {
  const limit = options.pageSize ?? PAGE_ROWS;
  for await (const group of ownerGroups(db, orgId, query)) {
    // The owners of the group not yet read to the end; after a full page, the last row's owner continues after it.
    let owners = group;
    let after: CalcRow | null = null;
    while (owners.length > 0) {
      const { count, last } = await visitPage(db, orgId, query, { owners: after ? owners.slice(0, 1) : owners, after, limit }, visit);
      await options.betweenPages?.();
      if (count === limit) {
        after = last as CalcRow;
        owners = owners.slice(owners.indexOf(after.ownerId));
      } else {
        owners = after ? owners.slice(1) : [];
        after = null;
      }
    }
  }
}
