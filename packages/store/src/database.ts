import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, sql, PostgresDialect, SqliteDialect, type SqliteDialectConfig, type Transaction } from 'kysely';
import type PgModule from 'pg';

export type DialectName = 'sqlite' | 'postgres';

/**
 * The database handle of Attain. Queries are built with Kysely over the schema in
 * migrations/; tables are accessed through the repositories, which return core types.
 * `Kysely<any>`: the generic repositories address tables by name from entity specs.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Tx = Transaction<any>;

export interface Database {
  readonly db: Db;
  readonly dialect: DialectName;
  /** Where it lives, without credentials: a file path or host/database. */
  readonly location: string;
  /** What it was opened with, credentials included: for a worker thread's own connection (never shown). */
  readonly url: string;
  close(): Promise<void>;
}

let pgModule: typeof PgModule | undefined;

/**
 * pg, loaded with the first PostgreSQL database: a process on SQLite (the CLI on the embedded
 * database, every calc worker thread) does without its 50 ms of loading.
 */
function loadPg(): typeof PgModule {
  if (!pgModule) {
    pgModule = createRequire(import.meta.url)('pg') as typeof PgModule;
    // int8 (count, sum::bigint, BIGINT columns) arrives as bigint rather than a lossy number.
    pgModule.types.setTypeParser(20, (v: string) => BigInt(v));
  }
  return pgModule;
}

/**
 * Opens the database named by `url`: `postgres://...` for PostgreSQL, anything else is a
 * SQLite file path (`:memory:` for an in-memory database).
 */
export function openDatabase(url: string, options: { poolSize?: number } = {}): Database {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new (loadPg().Pool)({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle client whose connection the server ended (a restart, a dropped database) reports here;
    // without a listener the error would take the whole process down. The pool opens a new one when needed.
    pool.on('error', () => undefined);
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) }) as Db;
    const parsed = new URL(url);
    return { db, dialect: 'postgres', location: `${parsed.host}${parsed.pathname}`, url, close: () => db.destroy() };
  }
  if (url !== ':memory:') mkdirSync(dirname(url), { recursive: true });
  const sqlite = new SQLite(url);
  sqlite.defaultSafeIntegers(true);
  // Durability first: WAL with a full fsync at commit, and foreign keys enforced.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  // Planner statistics, sampled so that even a large file opens quickly (SQLite's advice for
  // long-lived connections); without them SQLite may pick a poor index for scoped lists.
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }) as Db;
  sqliteHandles.set(db, sqlite);
  return { db, dialect: 'sqlite', location: url, url, close: () => db.destroy() };
}

const sqliteHandles = new WeakMap<Db | Tx, SQLite.Database>();

/**
 * The better-sqlite3 connection under a SQLite `Db` (not a transaction), for the one read that
 * is measured to need arrays instead of row objects (calc-transaction-pages.ts). It bypasses
 * Kysely's connection lock, so it is for reading immutable rows only.
 */
export const sqliteHandleOf = (db: Db | Tx): SQLite.Database | undefined => sqliteHandles.get(db);

const prepared = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/** A statement prepared once per connection and SQL text, for the reads and writes that go to better-sqlite3 directly (calc-transaction-pages.ts, insert-rows.ts). */
export function preparedOn(sqlite: SQLite.Database, text: string): SQLite.Statement {
  let cache = prepared.get(sqlite);
  if (!cache) prepared.set(sqlite, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = sqlite.prepare(text)));
  return statement;
}

const sqliteTransactions = new WeakMap<Tx, SQLite.Database>();

/**
 * The better-sqlite3 connection a SQLite transaction runs on, for statements run inside it
 * (insert-rows.ts): the transaction holds the connection, so they are part of it.
 */
export const sqliteTransactionOf = (tx: Tx): SQLite.Database | undefined => sqliteTransactions.get(tx);

/**
 * Kysely prepares every query anew; preparing is a good part of a short query's cost, so the
 * statements are kept by their SQL text (queries are parameterised, so the set is small).
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDialectConfig['database'] {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let statement = cache.get(text);
      if (!statement) {
        if (cache.size >= 1000) cache.delete(cache.keys().next().value as string);
        statement = sqlite.prepare(text);
        cache.set(text, statement);
      }
      return statement;
    },
  } as unknown as SqliteDialectConfig['database'];
}

const RETRYABLE = new Set(['40001', '40P01', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT']);

/**
 * Runs `work` in one transaction, retrying serialization failures and deadlocks
 * (PostgreSQL 40001/40P01, SQLite BUSY) a few times with a short back-off.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((tx) => {
        const sqlite = sqliteHandles.get(db);
        if (sqlite) sqliteTransactions.set(tx, sqlite);
        return work(tx);
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || code === undefined || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt * attempt));
    }
  }
}

export const isPostgres = (db: Db | Tx): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** Refreshes the planner's statistics after a bulk load (seeding, a large import). */
export async function refreshStatistics(db: Db): Promise<void> {
  if (isPostgres(db)) await sql`analyze`.execute(db);
  else await sql`pragma optimize`.execute(db);
}
