import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * Indexes for the default and most used sorts of the lists an org-wide role (admin, sales
 * ops, finance) opens: without them the first page of a million rows is a full sort.
 * Measured on the large demo (1M opportunities, 1.27M activities), SQLite, first page for
 * sales ops: activities by due date 595 ms -> 1 ms, opportunities by name 1,062 ms -> 1 ms,
 * by last change 836 ms -> about 1 ms. A rep's or manager's lists go through the owner index
 * instead (generic.repo.ts), so these serve org-wide lists only. Each costs a little on
 * every write of its table; sorts not listed here (created date, probability...) still sort.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const indexes = [
    ['opportunities_name', 'opportunities', 'name'], ['opportunities_updated', 'opportunities', 'updated_at'],
    ['activities_due', 'activities', 'due_date'], ['activities_done', 'activities', 'done_at'],
    ['contacts_last_name', 'contacts', 'last_name'], ['leads_last_name', 'leads', 'last_name'],
  ] as const;
  for (const [name, table, column] of indexes) await db.schema.createIndex(name).on(table).columns(['org_id', column, 'id']).execute();
  // SQLite plans from the statistics it has: a new index without them can look better than it is.
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  for (const [name] of indexes) await sql`analyze ${sql.raw(name)}`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
