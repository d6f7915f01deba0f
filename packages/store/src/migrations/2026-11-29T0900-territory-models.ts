import { sql, type Kysely } from 'kysely';

/*
 * Territory models (docs/territories.md): a model is a JSON definition (territories, hierarchy,
 * types, members, assignment rules, manual assignments, locks) with a lifecycle planning ->
 * active -> archived; at most one active model per organisation. Activation writes each
 * account's territory and owner from an effective date into account_territories, whose rows
 * are closed (valid_to) rather than changed, so crediting and pay can look back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('territory_models')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text')
    .addColumn('activated_at', 'text')
    .addColumn('activated_by', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('territory_models_pk', ['org_id', 'id'])
    .execute();
  // One active model per organisation, whatever races.
  await db.schema.createIndex('territory_models_one_active').on('territory_models').column('org_id').unique().where(sql.ref('status'), '=', 'active').execute();

  await db.schema
    .createTable('account_territories')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('territory', 'text')
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('owner_applied', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_territories_pk', ['org_id', 'account_id', 'valid_from'])
    .addForeignKeyConstraint('account_territories_account_fk', ['org_id', 'account_id'], 'accounts', ['org_id', 'id'])
    .addForeignKeyConstraint('account_territories_model_fk', ['org_id', 'model_id'], 'territory_models', ['org_id', 'id'])
    .execute();
  await db.schema.createIndex('account_territories_pending').on('account_territories').columns(['org_id', 'owner_applied', 'valid_from']).execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
