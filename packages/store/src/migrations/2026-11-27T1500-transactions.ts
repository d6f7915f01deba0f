import { sql, type Kysely } from 'kysely';

/*
 * Compensation transactions (docs/pay-cycle.md, "Transactions"). Three tables:
 * - opportunity_splits: who shares a deal, by kind (credit / payout / overlay), share an exact
 *   decimal string; replaced as a whole set by one use case.
 * - comp_transactions: business events that can earn pay. Append-only: a change to a won deal
 *   is a reversal row plus a new booking, never an update. Idempotent on (org, source, source_key).
 * - clawback_events: a won deal that left closed-won, for the pay cycle to act on.
 * References are composite with org_id, so no row can point into another organisation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('opportunity_splits')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('opportunity_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('credit', 'payout', 'overlay')`))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('share', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    // A person at most once per kind of split on a deal.
    .addPrimaryKeyConstraint('opportunity_splits_pk', ['org_id', 'opportunity_id', 'kind', 'person_id'])
    .addForeignKeyConstraint('opportunity_splits_opportunity_fk', ['org_id', 'opportunity_id'], 'opportunities', ['org_id', 'id'])
    .addForeignKeyConstraint('opportunity_splits_person_fk', ['org_id', 'person_id'], 'people', ['org_id', 'id'])
    .execute();

  await db.schema
    .createTable('comp_transactions')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('opportunity', 'import')`))
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('deal_amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('deal_currency', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('account_id', 'text')
    .addColumn('opportunity_id', 'text')
    .addColumn('pipeline_id', 'text')
    .addColumn('territory_id', 'text')
    .addColumn('line_items', 'text', (c) => c.notNull())
    .addColumn('splits', 'text', (c) => c.notNull())
    .addColumn('reverses', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('comp_transactions_pk', ['org_id', 'id'])
    .addUniqueConstraint('comp_transactions_source_key', ['org_id', 'source', 'source_key'])
    .addForeignKeyConstraint('comp_transactions_reverses_fk', ['org_id', 'reverses'], 'comp_transactions', ['org_id', 'id'])
    .execute();
  // The rows of one deal (the sync reads them on every write of a won deal).
  await db.schema.createIndex('comp_transactions_opportunity').on('comp_transactions').columns(['org_id', 'opportunity_id']).execute();
  // Listings by date, and a rep's or a team's by owner and date.
  await db.schema.createIndex('comp_transactions_date').on('comp_transactions').columns(['org_id', 'date', 'id']).execute();
  await db.schema.createIndex('comp_transactions_owner').on('comp_transactions').columns(['org_id', 'owner_id', 'date']).execute();

  await db.schema
    .createTable('clawback_events')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text', (c) => c.notNull())
    .addColumn('opportunity_id', 'text')
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('clawback_events_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('clawback_events_transaction_fk', ['org_id', 'transaction_id'], 'comp_transactions', ['org_id', 'id'])
    .execute();
  await db.schema.createIndex('clawback_events_occurred').on('clawback_events').columns(['org_id', 'occurred_on', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
