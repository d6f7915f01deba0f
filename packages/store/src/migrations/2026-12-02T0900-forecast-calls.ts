import { sql, type Kysely } from 'kysely';

/*
 * Forecast calls and their weekly snapshots (docs/forecasting.md#calls-and-the-roll-up).
 *
 * forecast_calls is append-only: a person's own call for a period and category (by_person_id =
 * person_id), or her manager's adjustment of it (by_person_id = the manager), each a record of
 * its own with its note; the latest of each (person, author, period, category) is in force.
 *
 * forecast_snapshots keeps, for each week it was taken, every person's line of the roll-up as it
 * stood: her manager then, what her own deals held by category, her call, her manager's
 * adjustment and her quota. A past week's roll-up is rebuilt from it, in that week's hierarchy.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('forecast_calls')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('by_person_id', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('forecast_calls_pk', ['org_id', 'id'])
    .execute();
  await db.schema.createIndex('forecast_calls_period').on('forecast_calls').columns(['org_id', 'period_key', 'created_at']).execute();
  await db.schema
    .createTable('forecast_snapshots')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('taken_on', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('manager_id', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('closed_minor', 'bigint', (c) => c.notNull())
    .addColumn('commit_minor', 'bigint', (c) => c.notNull())
    .addColumn('best_case_minor', 'bigint', (c) => c.notNull())
    .addColumn('pipeline_minor', 'bigint', (c) => c.notNull())
    .addColumn('call_commit_minor', 'bigint')
    .addColumn('call_best_case_minor', 'bigint')
    .addColumn('adjusted_commit_minor', 'bigint')
    .addColumn('adjusted_best_case_minor', 'bigint')
    .addColumn('quota_minor', 'bigint')
    .addPrimaryKeyConstraint('forecast_snapshots_pk', ['org_id', 'taken_on', 'period_key', 'person_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
