import type { Kysely } from 'kysely';

/*
 * A plan assignment's annual base salary (minor units, null when not recorded): with the target
 * incentive it gives the on-target earnings (OTE) and the pay mix (docs/pay-cycle.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plan_assignments').addColumn('base_salary_minor', 'bigint').execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
