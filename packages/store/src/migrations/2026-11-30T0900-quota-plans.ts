import type { Kysely } from 'kysely';

/*
 * Quota plans (docs/quotas.md): one per organisation, fiscal year and measure, its document
 * saved in versions that are never edited; the plan row holds the status and which version was
 * approved. Submissions, managers' proposals and sign-offs, approvals and rejections are events. An approved plan's
 * seasonality travels with the quota into the plan assignments (quota_phasing).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('quota_plans')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('approved_version', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('quota_plans_pk', ['org_id', 'id'])
    .addUniqueConstraint('quota_plans_year_measure', ['org_id', 'fiscal_year', 'measure'])
    .execute();
  await db.schema
    .createTable('quota_plan_versions')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('quota_plan_versions_pk', ['org_id', 'plan_id', 'version'])
    .addForeignKeyConstraint('quota_plan_versions_plan_fk', ['org_id', 'plan_id'], 'quota_plans', ['org_id', 'id'])
    .execute();
  await db.schema
    .createTable('quota_plan_events')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    // A manager's proposal: the quotas she asks for, as JSON.
    .addColumn('detail', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('quota_plan_events_pk', ['org_id', 'plan_id', 'seq'])
    .addForeignKeyConstraint('quota_plan_events_plan_fk', ['org_id', 'plan_id'], 'quota_plans', ['org_id', 'id'])
    .execute();
  await db.schema.alterTable('plan_assignments').addColumn('quota_phasing', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
