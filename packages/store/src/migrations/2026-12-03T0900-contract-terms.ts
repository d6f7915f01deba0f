import type { Kysely } from 'kysely';

/*
 * A deal's contract term in months (null: a year or less, or not known), and the transactions
 * booked from it keep it: annual contract value (ACV) is the amount over the years of the term
 * (core comp/annualize.ts), the basis of ACV credits and ACV quotas. A calc run reads the term
 * with the rest of a row, so the covering index it reads from is rebuilt with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('opportunities').addColumn('contract_term_months', 'integer').execute();
  await db.schema.alterTable('comp_transactions').addColumn('term_months', 'integer').execute();
  await db.schema.dropIndex('comp_transactions_calc').execute();
  await db.schema.createIndex('comp_transactions_calc').on('comp_transactions')
    .columns(['org_id', 'owner_id', 'date', 'id', 'seq', 'kind', 'amount_minor', 'currency', 'opportunity_id', 'pipeline_id', 'territory_id', 'reverses', 'line_items', 'splits', 'term_months'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
