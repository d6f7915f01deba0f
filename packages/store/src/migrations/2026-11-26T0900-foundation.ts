import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

/*
 * The foundation schema. Every tenant table leads its primary key and indexes with org_id,
 * so a tenant-sharded PostgreSQL takes the schema unchanged, and references between tenant
 * tables are composite (org_id, id), so a row can never point into another organisation.
 * Conventions of both dialects alike: money BIGINT minor units, dates and instants ISO TEXT
 * (they sort as text), booleans INTEGER 0/1, JSON as TEXT.
 * This file is never edited once landed: later changes are new migrations.
 */

type Table = CreateTableBuilder<string, string>;

type Ref = (t: Table, column: string, target: string) => Table;

/** Creates a tenant table with the common columns, its (org_id, id) key and an external-id index. */
async function tenantTable(db: Kysely<unknown>, name: string, build: (t: Table, ref: Ref) => Table): Promise<void> {
  // Constraint names are unique per schema in PostgreSQL, so each carries its table's name.
  const ref: Ref = (t, column, target) =>
    t.addForeignKeyConstraint(`${name}_${column}_fk`, ['org_id', column], target, ['org_id', 'id']);
  const base = (db.schema.createTable(name) as unknown as Table)
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint(`${name}_pk`, ['org_id', 'id']);
  await build(base, ref).execute();
  await db.schema.createIndex(`${name}_external_id`).on(name).columns(['org_id', 'external_id']).unique().execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const dbl = pg ? 'double precision' : 'real';

  await db.schema
    .createTable('orgs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('fiscal_year_start_month', 'integer', (c) => c.notNull())
    .addColumn('default_currency', 'text', (c) => c.notNull())
    .addColumn('currencies', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('exchange_rates')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('rate_e9', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_rates_pk', ['org_id', 'currency', 'effective_date'])
    .execute();

  await tenantTable(db, 'people', (t) =>
    t
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('title', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('hire_date', 'text')
      .addColumn('termination_date', 'text')
      .addColumn('team_id', 'text')
      .addColumn('manager_id', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );

  await tenantTable(db, 'teams', (t, ref) =>
    ref(ref(t, 'leader_id', 'people'), 'parent_team_id', 'teams')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('leader_id', 'text')
      .addColumn('parent_team_id', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );

  await db.schema
    .createTable('reporting_lines')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('manager_id', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addPrimaryKeyConstraint('reporting_lines_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('reporting_lines_person_fk', ['org_id', 'person_id'], 'people', ['org_id', 'id'])
    .addForeignKeyConstraint('reporting_lines_manager_fk', ['org_id', 'manager_id'], 'people', ['org_id', 'id'])
    .execute();
  await db.schema.createIndex('reporting_lines_person').on('reporting_lines').columns(['org_id', 'person_id', 'valid_from']).execute();
  await db.schema.createIndex('reporting_lines_manager').on('reporting_lines').columns(['org_id', 'manager_id']).execute();

  await db.schema
    .createTable('users')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('users_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('users_person_fk', ['org_id', 'person_id'], 'people', ['org_id', 'id'])
    .execute();
  // Login is by e-mail alone, so an address belongs to one user across all organisations.
  await db.schema.createIndex('users_email').on('users').column('email').unique().execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('idle_expires_at', 'text', (c) => c.notNull())
    .addColumn('absolute_expires_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('sessions_user_fk', ['org_id', 'user_id'], 'users', ['org_id', 'id'])
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').columns(['org_id', 'user_id']).execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .addPrimaryKeyConstraint('api_tokens_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('api_tokens_user_fk', ['org_id', 'user_id'], 'users', ['org_id', 'id'])
    .execute();
  await db.schema.createIndex('api_tokens_hash').on('api_tokens').column('token_hash').unique().execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_key').on('login_failures').columns(['key', 'at']).execute();

  await tenantTable(db, 'accounts', (t, ref) =>
    ref(ref(t, 'owner_id', 'people'), 'parent_id', 'accounts')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('industry', 'text')
      .addColumn('employees', 'integer')
      .addColumn('annual_revenue_minor', 'bigint')
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('website', 'text')
      .addColumn('street', 'text')
      .addColumn('city', 'text')
      .addColumn('region', 'text')
      .addColumn('postal_code', 'text')
      .addColumn('country', 'text')
      .addColumn('latitude', dbl)
      .addColumn('longitude', dbl)
      .addColumn('segment', 'text')
      .addColumn('potential_minor', 'bigint')
      .addColumn('owner_id', 'text')
      .addColumn('parent_id', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );
  await db.schema.createIndex('accounts_name').on('accounts').columns(['org_id', 'name', 'id']).execute();
  await db.schema.createIndex('accounts_owner').on('accounts').columns(['org_id', 'owner_id', 'name', 'id']).execute();

  await tenantTable(db, 'contacts', (t, ref) =>
    ref(ref(t, 'account_id', 'accounts'), 'owner_id', 'people')
      .addColumn('account_id', 'text')
      .addColumn('first_name', 'text')
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('title', 'text')
      .addColumn('owner_id', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );
  await db.schema.createIndex('contacts_account').on('contacts').columns(['org_id', 'account_id']).execute();
  await db.schema.createIndex('contacts_owner').on('contacts').columns(['org_id', 'owner_id', 'last_name', 'id']).execute();

  await tenantTable(db, 'pipelines', (t) =>
    t
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('is_default', 'integer', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );

  await tenantTable(db, 'stages', (t, ref) =>
    ref(t, 'pipeline_id', 'pipelines')
      .addColumn('pipeline_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('probability_bps', 'integer', (c) => c.notNull())
      .addColumn('forecast_category', 'text', (c) => c.notNull())
      .addColumn('is_closed', 'integer', (c) => c.notNull())
      .addColumn('is_won', 'integer', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );

  await tenantTable(db, 'products', (t) =>
    t
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sku', 'text')
      .addColumn('family', 'text')
      .addColumn('list_price_minor', 'bigint', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );

  await tenantTable(db, 'leads', (t, ref) =>
    ref(t, 'owner_id', 'people')
      .addColumn('first_name', 'text')
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('company', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('industry', 'text')
      .addColumn('source', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text')
      .addColumn('converted_at', 'text')
      .addColumn('converted_account_id', 'text')
      .addColumn('converted_contact_id', 'text')
      .addColumn('converted_opportunity_id', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );
  await db.schema.createIndex('leads_owner').on('leads').columns(['org_id', 'owner_id', 'last_name', 'id']).execute();

  await tenantTable(db, 'opportunities', (t, ref) =>
    ref(ref(ref(ref(t, 'account_id', 'accounts'), 'owner_id', 'people'), 'pipeline_id', 'pipelines'), 'stage_id', 'stages')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text')
      .addColumn('owner_id', 'text')
      .addColumn('pipeline_id', 'text', (c) => c.notNull())
      .addColumn('stage_id', 'text', (c) => c.notNull())
      .addColumn('amount_minor', 'bigint', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('close_date', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('forecast_category', 'text', (c) => c.notNull())
      .addColumn('probability_bps', 'integer', (c) => c.notNull())
      .addColumn('next_step', 'text')
      .addColumn('lost_reason', 'text')
      .addColumn('territory_id', 'text')
      .addColumn('is_closed', 'integer', (c) => c.notNull())
      .addColumn('is_won', 'integer', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );
  await db.schema.createIndex('opportunities_close').on('opportunities').columns(['org_id', 'close_date', 'id']).execute();
  await db.schema.createIndex('opportunities_owner').on('opportunities').columns(['org_id', 'owner_id', 'close_date', 'id']).execute();
  await db.schema.createIndex('opportunities_account').on('opportunities').columns(['org_id', 'account_id']).execute();
  await db.schema.createIndex('opportunities_stage').on('opportunities').columns(['org_id', 'stage_id']).execute();

  await db.schema
    .createTable('opportunity_history')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('opportunity_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('changed_fields', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('close_date', 'text', (c) => c.notNull())
    .addColumn('forecast_category', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('territory_id', 'text')
    .addPrimaryKeyConstraint('opportunity_history_pk', ['org_id', 'opportunity_id', 'seq'])
    .addForeignKeyConstraint('opportunity_history_opp_fk', ['org_id', 'opportunity_id'], 'opportunities', ['org_id', 'id'])
    .execute();
  await db.schema.createIndex('opportunity_history_changed').on('opportunity_history').columns(['org_id', 'changed_at']).execute();

  await tenantTable(db, 'line_items', (t, ref) =>
    ref(ref(t, 'opportunity_id', 'opportunities'), 'product_id', 'products')
      .addColumn('opportunity_id', 'text', (c) => c.notNull())
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('unit_price_minor', 'bigint', (c) => c.notNull())
      .addColumn('discount_bps', 'integer', (c) => c.notNull())
      .addColumn('total_minor', 'bigint', (c) => c.notNull()),
  );
  await db.schema.createIndex('line_items_opportunity').on('line_items').columns(['org_id', 'opportunity_id']).execute();

  await tenantTable(db, 'activities', (t, ref) =>
    ref(ref(ref(ref(ref(t, 'account_id', 'accounts'), 'contact_id', 'contacts'), 'opportunity_id', 'opportunities'), 'lead_id', 'leads'), 'owner_id', 'people')
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text')
      .addColumn('contact_id', 'text')
      .addColumn('opportunity_id', 'text')
      .addColumn('lead_id', 'text')
      .addColumn('owner_id', 'text')
      .addColumn('due_date', 'text')
      .addColumn('done_at', 'text')
      .addColumn('notes', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );
  await db.schema.createIndex('activities_owner').on('activities').columns(['org_id', 'owner_id', 'due_date', 'id']).execute();
  await db.schema.createIndex('activities_opportunity').on('activities').columns(['org_id', 'opportunity_id']).execute();
  await db.schema.createIndex('activities_account').on('activities').columns(['org_id', 'account_id']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_log_pk', ['org_id', 'seq'])
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['org_id', 'entity', 'entity_id']).execute();
  // One row per org holding the chain's head; writers lock it, so appends are serialised.
  await db.schema
    .createTable('audit_heads')
    .addColumn('org_id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['org_id', 'user_id', 'key'])
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress_done', 'bigint', (c) => c.notNull())
    .addColumn('progress_total', 'bigint')
    .addColumn('input_json', 'text')
    .addColumn('result_json', 'text')
    .addColumn('error_json', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addPrimaryKeyConstraint('jobs_pk', ['org_id', 'id'])
    .execute();

  if (pg) {
    // Trigram indexes make the substring search of lists fast on PostgreSQL.
    await sql`create extension if not exists pg_trgm`.execute(db);
    for (const table of ['accounts', 'contacts', 'leads', 'opportunities', 'activities', 'people']) {
      await sql`create index ${sql.id(`${table}_search`)} on ${sql.table(table)} using gin (search_text gin_trgm_ops)`.execute(db);
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('the foundation migration cannot be reverted');
}
