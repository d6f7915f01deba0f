import type { Kysely } from 'kysely';

/*
 * What a calc run reads of a quarter's transactions, in the order it reads them, in one index:
 * the run reads the rows straight from it instead of looking each up in the table (a quarter
 * of a large organisation is over a million rows; the lookups were most of the read).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('comp_transactions_calc').on('comp_transactions')
    .columns(['org_id', 'date', 'id', 'seq', 'kind', 'amount_minor', 'currency', 'owner_id', 'opportunity_id', 'pipeline_id', 'territory_id', 'reverses', 'line_items', 'splits'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
