import type { Kysely } from 'kysely';

/*
 * The coverage model (segments, coverage roles, capacity) as versions: every save is a new row,
 * never edited; the latest is the one in force (docs/coverage.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('coverage_models')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coverage_models_pk', ['org_id', 'version'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
