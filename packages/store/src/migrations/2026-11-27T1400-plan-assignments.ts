import { sql, type Kysely } from 'kysely';

/*
 * Plan assignments: a person on one version of a compensation plan for an inclusive date
 * range, with her personal values (annual target incentive, annual quota, ramp). Rows are
 * effective-dated and never deleted: a change ends the current row (valid_to, ended_by/at)
 * and inserts the next one. The plan reference is composite with org_id, so an assignment
 * can never point at another organisation's plan or person.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plan_assignments')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('plan_version', 'integer', (c) => c.notNull().check(sql`plan_version >= 1`))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('target_incentive_minor', 'bigint', (c) => c.notNull().check(sql`target_incentive_minor >= 0`))
    .addColumn('annual_quota_minor', 'bigint', (c) => c.check(sql`annual_quota_minor >= 0`))
    .addColumn('ramp', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ended_by', 'text')
    .addColumn('ended_at', 'text')
    .addPrimaryKeyConstraint('plan_assignments_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('plan_assignments_person_fk', ['org_id', 'person_id'], 'people', ['org_id', 'id'])
    .addForeignKeyConstraint('plan_assignments_plan_fk', ['org_id', 'plan_id'], 'comp_plans', ['org_id', 'id'])
    // Dates are YYYY-MM-DD text, so text order is date order.
    .addCheckConstraint('plan_assignments_dates', sql`valid_to is null or valid_to >= valid_from`)
    .execute();
  // A person's assignments in date order: the overlap check and "her plans on a day".
  await db.schema.createIndex('plan_assignments_person').on('plan_assignments').columns(['org_id', 'person_id', 'valid_from']).execute();
  // Everyone on a plan (the calc run's payees).
  await db.schema.createIndex('plan_assignments_plan').on('plan_assignments').columns(['org_id', 'plan_id', 'valid_from']).execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
