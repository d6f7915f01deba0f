import { sql, type Kysely } from 'kysely';

/*
 * The pay cycle's records (docs/pay-cycle.md, "Calc runs" and "Ledger"):
 * - comp_transactions.seq: the order rows were committed in, per organisation. Rows are written
 *   under the organisation's write lock, so a run that reads "seq <= N" reads a frozen set, and
 *   a later verify reads exactly the same rows.
 * - comp_periods: pay periods by fiscal key ('2026-Q3', '2026-M07'), open or closed.
 * - calc_runs: one calculation of a period for some or all payees, with its frozen inputs,
 *   progress, and the hashes of inputs and outputs. Results become visible only with the run's
 *   publication number, set in the same transaction that writes them.
 * - calc_results: one payee's statement body of a run (canonical JSON) with its hash.
 * - ledger_entries: every money movement, append-only: earnings and their deltas, adjustments,
 *   holds and releases, draws, clawbacks, payouts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('comp_transactions').addColumn('seq', 'bigint').execute();
  await sql`update comp_transactions set seq = r.n from (
      select org_id, id, row_number() over (partition by org_id order by created_at, id) as n from comp_transactions
    ) r where comp_transactions.org_id = r.org_id and comp_transactions.id = r.id`.execute(db);
  await db.schema.createIndex('comp_transactions_seq').on('comp_transactions').columns(['org_id', 'seq']).unique().execute();

  await db.schema
    .createTable('comp_periods')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('comp_periods_pk', ['org_id', 'key'])
    .addCheckConstraint('comp_periods_dates', sql`end_date >= start_date`)
    .execute();

  await db.schema
    .createTable('calc_runs')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('full', 'incremental')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'published', 'failed', 'interrupted')`))
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('prepared_by', 'text')
    .addColumn('worker', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('progress_done', 'integer', (c) => c.notNull())
    .addColumn('progress_total', 'integer', (c) => c.notNull())
    .addColumn('seq_through', 'bigint', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('inputs_hash', 'text')
    .addColumn('outputs_hash', 'text')
    .addColumn('payee_count', 'integer')
    .addColumn('payout_minor', 'bigint')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('publication', 'bigint')
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('calc_runs_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('calc_runs_period_fk', ['org_id', 'period_key'], 'comp_periods', ['org_id', 'key'])
    .execute();
  await db.schema.createIndex('calc_runs_period').on('calc_runs').columns(['org_id', 'period_key', 'started_at']).execute();
  await db.schema.createIndex('calc_runs_publication').on('calc_runs').columns(['org_id', 'publication']).unique().execute();

  await db.schema
    .createTable('calc_results')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('publication', 'bigint', (c) => c.notNull())
    .addColumn('earned_minor', 'bigint', (c) => c.notNull())
    .addColumn('payout_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('calc_results_pk', ['org_id', 'run_id', 'person_id'])
    .addForeignKeyConstraint('calc_results_run_fk', ['org_id', 'run_id'], 'calc_runs', ['org_id', 'id'])
    .addForeignKeyConstraint('calc_results_person_fk', ['org_id', 'person_id'], 'people', ['org_id', 'id'])
    .execute();
  // A payee's latest result for a period: the highest publication.
  await db.schema.createIndex('calc_results_person').on('calc_results').columns(['org_id', 'person_id', 'period_key', 'publication']).execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('posted_period', 'text', (c) => c.notNull())
    .addColumn('for_period', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('earning', 'adjustment', 'bonus', 'draw-advance', 'draw-recovery', 'draw-forgiveness', 'clawback', 'hold', 'hold-release', 'payout')`))
    .addColumn('component_id', 'text')
    .addColumn('plan_id', 'text')
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text')
    .addColumn('related_entry_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_entries_pk', ['org_id', 'id'])
    .addUniqueConstraint('ledger_entries_seq', ['org_id', 'seq'])
    .addForeignKeyConstraint('ledger_entries_person_fk', ['org_id', 'person_id'], 'people', ['org_id', 'id'])
    .addForeignKeyConstraint('ledger_entries_posted_fk', ['org_id', 'posted_period'], 'comp_periods', ['org_id', 'key'])
    .addForeignKeyConstraint('ledger_entries_run_fk', ['org_id', 'run_id'], 'calc_runs', ['org_id', 'id'])
    .addForeignKeyConstraint('ledger_entries_related_fk', ['org_id', 'related_entry_id'], 'ledger_entries', ['org_id', 'id'])
    .execute();
  await db.schema.createIndex('ledger_entries_person').on('ledger_entries').columns(['org_id', 'person_id', 'for_period']).execute();
  await db.schema.createIndex('ledger_entries_posted').on('ledger_entries').columns(['org_id', 'posted_period', 'person_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
