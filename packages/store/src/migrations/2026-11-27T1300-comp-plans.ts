import { sql, type Kysely } from 'kysely';

/*
 * Compensation plans stored as versions. A plan (`comp_plans`) is the named template, found by
 * the plan file's own id (`key`); each save adds a row to `comp_plan_versions` holding the
 * YAML exactly as typed (comments kept), so a version is never edited and any version can
 * be read back as its author wrote it. Conventions of the foundation: org_id leads every key
 * and index, instants and dates are ISO TEXT; the version reference is composite so a
 * version can never belong to a plan of another organisation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('comp_plans')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('comp_plans_pk', ['org_id', 'id'])
    .execute();
  // The plan file's id names the plan within its organisation.
  await db.schema.createIndex('comp_plans_key').on('comp_plans').columns(['org_id', 'key']).unique().execute();

  await db.schema
    .createTable('comp_plan_versions')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published')`))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('effective_to', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('comp_plan_versions_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('comp_plan_versions_plan_fk', ['org_id', 'plan_id'], 'comp_plans', ['org_id', 'id'])
    .execute();
  // One row per version number: two concurrent saves of "the next version" cannot both land.
  // Its leading columns are also the listing's (a plan's versions in order, the latest one).
  await db.schema.createIndex('comp_plan_versions_number').on('comp_plan_versions').columns(['org_id', 'plan_id', 'version']).unique().execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
