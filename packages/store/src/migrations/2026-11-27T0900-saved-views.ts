import type { Kysely } from 'kysely';

/*
 * Saved list views: a user's named snapshot of a list screen (search, filters, sort,
 * columns), private to her. Conventions of the foundation: org_id leads the key and every
 * index, instants are ISO TEXT, the definition is JSON as TEXT. The user reference is
 * composite, so a view can never belong to a user of another organisation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('saved_views')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('saved_views_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('saved_views_user_fk', ['org_id', 'user_id'], 'users', ['org_id', 'id'])
    .execute();
  // One name per user and list: the target of "save view as" upserts. Its leading columns
  // (org_id, user_id, entity) are also the listing's, already in name order, so a separate
  // listing index would only duplicate it.
  await db.schema.createIndex('saved_views_name').on('saved_views').columns(['org_id', 'user_id', 'entity', 'name']).unique().execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
