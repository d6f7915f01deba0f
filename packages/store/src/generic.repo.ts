import { normaliseQuery, searchText, type ReadScope, type RecordMeta } from '@attain/core';
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { isPostgres, type Db, type Tx } from './database.js';
import { SEARCHABLE_TABLES } from './migrations/2026-11-26T1000-sqlite-trigram-search.js';
import { allFields, columnOf, fieldColumns, recordToRow, rowToRecord, toColumn, type EntitySpec, type FieldKind } from './entity-spec.js';

/** One list filter: equality (several values = any of them) or an inclusive range bound. */
export interface ListFilter {
  readonly field: string;
  readonly op: 'eq' | 'in' | 'gte' | 'lte' | 'null' | 'notnull';
  readonly values: readonly unknown[];
}

export interface ListQuery {
  readonly orgId: string;
  readonly scope: ReadScope;
  readonly filters?: readonly ListFilter[];
  readonly search?: string;
  /** A sortable field; `desc` for descending. */
  readonly sort?: string;
  readonly desc?: boolean;
  readonly limit: number;
  /** Opaque cursor from a previous page. */
  readonly cursor?: string;
  readonly includeArchived?: boolean;
}

export interface Page<T> {
  readonly items: T[];
  /** Cursor of the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** Above this many matches a search term counts as common (see searchCondition). */
const COMMON_TERM_MATCHES = 2000;

type Eb = ExpressionBuilder<Record<string, Record<string, unknown>>, string>;

/** A cursor names its sort, so it cannot be replayed against another order. */
function encodeCursor(sort: string, desc: boolean, value: unknown, id: string): string {
  const v = typeof value === 'bigint' ? { b: value.toString() } : value;
  return Buffer.from(JSON.stringify([sort, desc, v, id])).toString('base64url');
}

const invalidCursor = () => Object.assign(new Error('invalid cursor'), { field: 'cursor' });

function valueFits(kind: FieldKind, value: unknown): boolean {
  if (value === null) return true;
  if (kind === 'bigint') return typeof value === 'bigint';
  if (kind === 'int' || kind === 'real' || kind === 'bool') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === 'string';
}

function decodeCursor(cursor: string, sort: string, desc: boolean, kind: FieldKind): [unknown, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw invalidCursor();
  const [cursorSort, cursorDesc, raw, id] = parsed as [unknown, unknown, unknown, unknown];
  if (cursorSort !== sort || cursorDesc !== desc || typeof id !== 'string') throw invalidCursor();
  let value = raw;
  if (raw !== null && typeof raw === 'object') {
    const b = (raw as { b?: unknown }).b;
    if (typeof b !== 'string' || !/^-?\d{1,19}$/.test(b)) throw invalidCursor();
    value = BigInt(b);
  }
  if (kind === 'bool' && typeof value === 'boolean') value = value ? 1 : 0;
  if (!valueFits(kind, value)) throw invalidCursor();
  return [value, id];
}

/**
 * Reads and writes one CRM table described by an {@link EntitySpec}. Every query is scoped by
 * org_id; lists are also scoped by owner (the actor's read scope) and paginated by keyset on
 * (sort column, id), so page N costs the same as page 1.
 */
export class EntityRepo<T extends RecordMeta> {
  readonly spec: EntitySpec<T>;
  private readonly kinds: Map<string, FieldKind>;
  private readonly hasSearchText: boolean;

  constructor(spec: EntitySpec<T>) {
    this.spec = spec;
    this.kinds = new Map(allFields(spec));
    this.hasSearchText = spec.search.length > 0;
  }

  kindOf(field: string): FieldKind | undefined {
    return this.kinds.get(field);
  }

  async get(db: Db | Tx, orgId: string, id: string): Promise<T | undefined> {
    const row = await db.selectFrom(this.spec.table).selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row ? rowToRecord(this.spec, row) : undefined;
  }

  async getByExternalId(db: Db | Tx, orgId: string, externalId: string): Promise<T | undefined> {
    const row = await db
      .selectFrom(this.spec.table)
      .selectAll()
      .where('org_id', '=', orgId)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
    return row ? rowToRecord(this.spec, row) : undefined;
  }

  /** Looks up many records by id in one query (for presenting relations). */
  async getMany(db: Db | Tx, orgId: string, ids: readonly string[]): Promise<Map<string, T>> {
    const unique = [...new Set(ids)];
    const found = new Map<string, T>();
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const rows = await db.selectFrom(this.spec.table).selectAll().where('org_id', '=', orgId).where('id', 'in', chunk).execute();
      for (const row of rows) {
        const record = rowToRecord(this.spec, row);
        found.set(record.id, record);
      }
    }
    return found;
  }

  async insert(db: Db | Tx, record: T): Promise<T> {
    const row = recordToRow(this.spec, record);
    if (this.hasSearchText) row.search_text = this.searchTextOf(record);
    await db.insertInto(this.spec.table).values(row).execute();
    return record;
  }

  /**
   * Inserts many records with multi-row INSERTs (bulk loads, the demo seed). Statements are cut
   * so that none binds more than 32,000 parameters: SQLite allows 32,766, PostgreSQL 65,535.
   * Search text is computed as insert() does. Rows go in array order, so a record may refer to
   * one before it in the array (a parent account).
   */
  async insertMany(db: Db | Tx, records: T[]): Promise<void> {
    if (records.length === 0) return;
    const fields = fieldColumns(this.spec);
    const perStatement = Math.max(1, Math.floor(32_000 / (fields.length + (this.hasSearchText ? 1 : 0))));
    for (let i = 0; i < records.length; i += perStatement) {
      const rows = records.slice(i, i + perStatement).map((record) => {
        const row: Record<string, unknown> = {};
        for (const { field, kind, column } of fields) row[column] = toColumn(kind, (record as Record<string, unknown>)[field]);
        if (this.hasSearchText) row.search_text = this.searchTextOf(record);
        return row;
      });
      await db.insertInto(this.spec.table).values(rows).execute();
    }
  }

  /** Writes the full new state of a record, checking its version did not move meanwhile. */
  async update(db: Db | Tx, record: T, expectedVersion: number): Promise<boolean> {
    const row = recordToRow(this.spec, record);
    delete row.org_id;
    delete row.id;
    if (this.hasSearchText) row.search_text = this.searchTextOf(record);
    const result = await db
      .updateTable(this.spec.table)
      .set(row)
      .where('org_id', '=', record.orgId)
      .where('id', '=', record.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  private searchTextOf(record: T): string {
    return searchText(this.spec.search.map((f) => record[f] as unknown as string | null));
  }

  async list(db: Db | Tx, query: ListQuery): Promise<Page<T>> {
    const sortField = query.sort ?? this.spec.defaultSort;
    const sortKind = this.kinds.get(sortField) ?? 'text';
    const sortCol = columnOf(sortField);
    const desc = query.desc ?? false;
    let q = db.selectFrom(this.spec.table).selectAll().where('org_id', '=', query.orgId);
    if (!query.includeArchived) q = q.where('archived_at', 'is', null);
    if (query.scope.kind === 'owners') {
      if (query.scope.ownerIds.length === 0) return { items: [], nextCursor: null };
      q = q.where('owner_id', 'in', [...query.scope.ownerIds]);
    }
    for (const filter of query.filters ?? []) q = q.where((eb: Eb) => this.filterExpression(eb, filter));
    const term = query.search ? normaliseQuery(query.search) : '';
    if (term && this.hasSearchText) q = q.where(await this.searchCondition(db, term));
    if (query.cursor) {
      const [value, id] = decodeCursor(query.cursor, sortField, desc, sortKind);
      q = q.where((eb: Eb) => keysetAfter(eb, sortCol, value, id, desc));
    }
    // NULLs sort last ascending and first descending on both dialects, as PostgreSQL does by default.
    const direction = desc ? sql`desc nulls first` : sql`asc nulls last`;
    // On SQLite a rep's or a manager's rows are found through the owner index and then sorted
    // (unary + keeps the sort column's index out of the plan): ordering by the bare column lets
    // the planner walk the whole org's sort index looking for her rows (a rep's open deals by
    // amount on the large demo: 1,040 ms that way, 0.9 ms this way).
    const sortKey = query.scope.kind === 'owners' && !isPostgres(db) ? sql`+${sql.ref(sortCol)}` : sql.ref(sortCol);
    const rows = await q
      .orderBy(sql`${sortKey} ${direction}`)
      .orderBy('id', desc ? 'desc' : 'asc')
      .limit(query.limit + 1)
      .execute();
    const items = rows.slice(0, query.limit).map((row: Record<string, unknown>) => rowToRecord(this.spec, row));
    const last = items[items.length - 1];
    const nextCursor = rows.length > query.limit && last ? encodeCursor(sortField, desc, (last as Record<string, unknown>)[sortField], last.id) : null;
    return { items, nextCursor };
  }

  /**
   * The search condition. PostgreSQL: LIKE on search_text, served by its trigram GIN index.
   * SQLite: the FTS5 trigram index (a quoted phrase of trigrams matches exactly the
   * substrings; LIKE with ESCAPE would scan). A rare term drives the query through its
   * matches; a common one filters the rows while the sort index is walked (`+rowid` keeps
   * SQLite from looking up and sorting thousands of matches to show fifty).
   */
  private async searchCondition(db: Db | Tx, term: string): Promise<RawBuilder<SqlBool>> {
    const fts = !isPostgres(db) && [...term].length >= 3 && SEARCHABLE_TABLES.includes(this.spec.table as (typeof SEARCHABLE_TABLES)[number]);
    if (!fts) {
      const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return sql<SqlBool>`search_text like ${pattern} escape '\\'`;
    }
    const table = sql.table(`${this.spec.table}_fts`);
    const phrase = `"${term.replace(/"/g, '""')}"`;
    const matches = sql<SqlBool>`(select rowid from ${table} where ${table} match ${phrase})`;
    const probe = await sql<{ rowid: unknown }>`select rowid from ${table} where ${table} match ${phrase} limit ${COMMON_TERM_MATCHES}`.execute(db);
    return probe.rows.length < COMMON_TERM_MATCHES ? sql<SqlBool>`rowid in ${matches}` : sql<SqlBool>`+rowid in ${matches}`;
  }

  private filterExpression(eb: Eb, filter: ListFilter): Expression<SqlBool> {
    const kind = this.kinds.get(filter.field) ?? 'text';
    const col = columnOf(filter.field);
    const values = filter.values.map((v) => (kind === 'bool' ? (v ? 1 : 0) : v));
    switch (filter.op) {
      case 'eq':
        return eb(col, '=', values[0]);
      case 'in':
        return eb(col, 'in', values);
      case 'gte':
        return eb(col, '>=', values[0]);
      case 'lte':
        return eb(col, '<=', values[0]);
      case 'null':
        return eb(col, 'is', null);
      case 'notnull':
        return eb(col, 'is not', null);
    }
  }
}

/** Rows strictly after (value, id) in the list order, NULLs last ascending, first descending. */
function keysetAfter(eb: Eb, col: string, value: unknown, id: string, desc: boolean): Expression<SqlBool> {
  if (!desc) {
    if (value === null) return eb.and([eb(col, 'is', null), eb('id', '>', id)]);
    return eb.or([eb(col, '>', value), eb.and([eb(col, '=', value), eb('id', '>', id)]), eb(col, 'is', null)]);
  }
  if (value === null) return eb.or([eb.and([eb(col, 'is', null), eb('id', '<', id)]), eb(col, 'is not', null)]);
  return eb.or([eb(col, '<', value), eb.and([eb(col, '=', value), eb('id', '<', id)])]);
}
