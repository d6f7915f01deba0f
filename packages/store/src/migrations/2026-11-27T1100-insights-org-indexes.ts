import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * Covering indexes for the org-wide board and home figures (insights.repo.ts), which the
 * owner-led opportunities_owner_sums (2026-11-27T1000) could serve only by reading the whole
 * org. Measured per query on the large demo (996,654 deals in one org, SQLite, before -> after):
 *
 * opportunities_pipeline_sums, led by pipeline, stage and close date: a board of one period is
 * one range seek per stage. The quarter's sums (128k deals) 320 ms -> 36 ms; each stage's 50
 * largest cards are found in the index alone, then only those rows are read: ~450 ms -> 4 to
 * 8 ms a stage (a stage of 660k deals with no period: 140 ms).
 *
 * opportunities_closed_sums, led by open/closed and close date, for the home page, which spans
 * every pipeline: the win rate's closed deals of four quarters (428k) 390 ms -> 125 ms, the open
 * pipeline (112k) 200 ms -> 33 ms, the quarter's open pipeline 160 ms -> 19 ms, its bookings
 * 210 ms -> 12 ms.
 *
 * The cost: ~4.5 s each to build on 1M deals, 89 MB and 45 MB, and every insert or update of a deal
 * writes both: on the same file, in one transaction of 20k rows, an insert took ~500 instead of
 * ~420 us and an update of stage, close date and amount ~340 instead of ~240 us.
 *
 * SQLite analyses them right away: an index without statistics looks the most selective of all to
 * its planner, which would pick it for unrelated queries until the next start's optimize.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('opportunities_pipeline_sums')
    .on('opportunities')
    .columns(['org_id', 'pipeline_id', 'stage_id', 'close_date', 'currency', 'probability_bps', 'amount_minor', 'is_closed', 'is_won', 'archived_at', 'id'])
    .execute();
  await db.schema
    .createIndex('opportunities_closed_sums')
    .on('opportunities')
    .columns(['org_id', 'is_closed', 'close_date', 'is_won', 'currency', 'probability_bps', 'amount_minor', 'archived_at'])
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`analyze opportunities_pipeline_sums`.execute(db);
  await sql`analyze opportunities_closed_sums`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
