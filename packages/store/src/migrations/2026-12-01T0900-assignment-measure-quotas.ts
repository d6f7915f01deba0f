import type { Kysely } from 'kysely';

/*
 * A plan assignment's quotas of measures other than the money quota (docs/pay-cycle.md,
 * "Quotas of other measures"): a JSON object of measure -> annual quota as a decimal string
 * (a count for new logos); null when there are none. A plan component naming the measure
 * (`quota: new-logos`) measures attainment against it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plan_assignments').addColumn('measure_quotas', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
