import { sql, type Kysely } from 'kysely';

/*
 * Approving, closing and paying a period (docs/pay-cycle.md):
 * - statement_approvals: one row per approval step (manager, then finance) of what a statement
 *   said at that moment (result hash and posted total); a later change shows as a discrepancy.
 * - comp_period_reopenings: a request to reopen a closed period and its approval by someone else.
 * - payroll_batches: one export of approved payouts; its ledger entries (type payout) name it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('statement_approvals')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull().check(sql`step in ('manager', 'finance')`))
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('result_hash', 'text', (c) => c.notNull())
    .addColumn('posted_minor', 'bigint', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('statement_approvals_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('statement_approvals_person_fk', ['org_id', 'person_id'], 'people', ['org_id', 'id'])
    .addForeignKeyConstraint('statement_approvals_period_fk', ['org_id', 'period_key'], 'comp_periods', ['org_id', 'key'])
    .addForeignKeyConstraint('statement_approvals_run_fk', ['org_id', 'run_id'], 'calc_runs', ['org_id', 'id'])
    .execute();
  await db.schema.createIndex('statement_approvals_period').on('statement_approvals').columns(['org_id', 'period_key', 'person_id', 'approved_at']).execute();

  await db.schema
    .createTable('comp_period_reopenings')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addPrimaryKeyConstraint('comp_period_reopenings_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('comp_period_reopenings_period_fk', ['org_id', 'period_key'], 'comp_periods', ['org_id', 'key'])
    // Two different people: the database refuses a request approved by its requester.
    .addCheckConstraint('comp_period_reopenings_two_people', sql`approved_by is null or approved_by <> requested_by`)
    .execute();

  await db.schema
    .createTable('payroll_batches')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('payee_count', 'integer', (c) => c.notNull())
    .addColumn('total_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('payroll_batches_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('payroll_batches_period_fk', ['org_id', 'period_key'], 'comp_periods', ['org_id', 'key'])
    .execute();
  await db.schema.alterTable('ledger_entries').addColumn('payroll_batch_id', 'text').execute();
  await db.schema.createIndex('ledger_entries_batch').on('ledger_entries').columns(['org_id', 'payroll_batch_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
