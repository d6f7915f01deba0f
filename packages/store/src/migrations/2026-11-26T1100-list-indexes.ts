import type { Kysely } from 'kysely';

/*
 * Indexes for the lists people open most: the open pipeline by close date, deals by size,
 * accounts by potential. Each keeps a page of 50 an index range scan instead of a sort.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('opportunities_open_close').on('opportunities').columns(['org_id', 'is_closed', 'close_date', 'id']).execute();
  await db.schema.createIndex('opportunities_amount').on('opportunities').columns(['org_id', 'amount_minor', 'id']).execute();
  await db.schema.createIndex('accounts_potential').on('accounts').columns(['org_id', 'potential_minor', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
