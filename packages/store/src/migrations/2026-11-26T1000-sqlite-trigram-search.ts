import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * Substring search on SQLite: an FTS5 trigram index per searchable table, kept in step with
 * search_text by triggers, so `search_text LIKE '%term%'` is answered from the index instead
 * of a scan. PostgreSQL got its trigram GIN indexes in the foundation migration.
 */
export const SEARCHABLE_TABLES = ['accounts', 'contacts', 'leads', 'opportunities', 'activities', 'people'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  for (const table of SEARCHABLE_TABLES) {
    const fts = `${table}_fts`;
    await sql.raw(`create virtual table ${fts} using fts5(search_text, content='${table}', content_rowid='rowid', tokenize='trigram')`).execute(db);
    await sql.raw(`insert into ${fts}(${fts}) values ('rebuild')`).execute(db);
    await sql.raw(`create trigger ${fts}_insert after insert on ${table} begin insert into ${fts}(rowid, search_text) values (new.rowid, new.search_text); end`).execute(db);
    await sql.raw(`create trigger ${fts}_delete after delete on ${table} begin insert into ${fts}(${fts}, rowid, search_text) values ('delete', old.rowid, old.search_text); end`).execute(db);
    await sql
      .raw(
        `create trigger ${fts}_update after update of search_text on ${table} begin ` +
          `insert into ${fts}(${fts}, rowid, search_text) values ('delete', old.rowid, old.search_text); ` +
          `insert into ${fts}(rowid, search_text) values (new.rowid, new.search_text); end`,
      )
      .execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
