import type { Kysely } from 'kysely';

/*
 * The number of the last transaction a pay period was closed with: a cancellation numbered
 * after it reaches into the closed period, and a plan's clawback policy decides what of the
 * deal's earnings comes back (docs/calc-runs.md). Null for periods closed before it existed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('comp_periods').addColumn('closed_seq', 'bigint').execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
