import type { Kysely } from 'kysely';

/*
 * Commission capitalization (docs/capitalization.md): the organisation's policy, append-only.
 * A change is a new version; the highest version is in force. `policy` is the policy as JSON
 * text, validated by the app before it is written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('capitalization_policies')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('capitalization_policies_pk', ['org_id', 'version'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
