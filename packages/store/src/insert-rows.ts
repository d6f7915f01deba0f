import { sql } from 'kysely';
import { preparedOn, sqliteTransactionOf, type Tx } from './database.js';

/*
 * Inserting many rows at once (a calc run publishes ten thousand results and as many ledger
 * entries in one transaction). On SQLite they go through one prepared statement on the
 * transaction's connection, a row at a time: a Kysely insert of a few hundred rows builds and
 * compiles thousands of values first, which cost more than SQLite's own work (about 0.3 s of the
 * 0.85 s a large run took to publish; docs/benchmarks.md). On PostgreSQL, multi-row inserts
 * through Kysely, which save round trips.
 */

const insertText = (table: string, columns: readonly string[]): string =>
  `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`;

/** Rows per PostgreSQL insert: columns x rows stays well under its bound-parameter limit. */
const VALUES_PER_INSERT = 7000;

/** Inserts `rows` (values in `columns` order) into `table` within the transaction. */
export async function insertRows(tx: Tx, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  if (rows.length === 0) return;
  const sqlite = sqliteTransactionOf(tx);
  if (sqlite) {
    const insert = preparedOn(sqlite, insertText(table, columns));
    for (const row of rows) insert.run(...row);
    return;
  }
  const chunk = Math.max(1, Math.floor(VALUES_PER_INSERT / columns.length));
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows.slice(i, i + chunk).map((row) => sql`(${sql.join(row.map((v) => sql`${v}`))})`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(values)}`.execute(tx);
  }
}
