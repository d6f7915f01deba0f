import { sql, type Kysely } from 'kysely';

/*
 * A calc run reads each owner's transactions together (by owner, then date and id), so it can
 * calculate a rep as soon as her deals are credited instead of holding a quarter's credits
 * (calc-transaction-pages.ts). The covering index it reads from now starts with the owner; it
 * also serves what comp_transactions_owner did. Rows shared in splits, which a run of some
 * payees looks for by date, get a small index of their own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('comp_transactions_calc').execute();
  await db.schema.dropIndex('comp_transactions_owner').execute();
  await db.schema.createIndex('comp_transactions_calc').on('comp_transactions')
    .columns(['org_id', 'owner_id', 'date', 'id', 'seq', 'kind', 'amount_minor', 'currency', 'opportunity_id', 'pipeline_id', 'territory_id', 'reverses', 'line_items', 'splits'])
    .execute();
  await db.schema.createIndex('comp_transactions_shared').on('comp_transactions').columns(['org_id', 'date', 'id']).where(sql.ref('splits'), '<>', '[]').execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
