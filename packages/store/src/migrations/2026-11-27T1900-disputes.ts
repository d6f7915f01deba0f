import { sql, type Kysely } from 'kysely';

/*
 * Disputes (inquiries) on statements (docs/pay-cycle.md#disputes):
 * - disputes: one per inquiry, its status moved by core disputeTransition; a resolution may name
 *   the adjustment ledger entry it caused. `reopen_count` caps reopenings (core MAX_DISPUTE_REOPENS).
 * - dispute_messages: the thread, append-only (raise, comment, answer, assign, resolve, reopen).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('disputes')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('line', 'missing-credit')`))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'assigned', 'answered', 'resolved')`))
    .addColumn('assignee_user_id', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('raised_by', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('adjustment_entry_id', 'text')
    .addPrimaryKeyConstraint('disputes_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('disputes_person_fk', ['org_id', 'person_id'], 'people', ['org_id', 'id'])
    .addForeignKeyConstraint('disputes_period_fk', ['org_id', 'period_key'], 'comp_periods', ['org_id', 'key'])
    .addForeignKeyConstraint('disputes_adjustment_fk', ['org_id', 'adjustment_entry_id'], 'ledger_entries', ['org_id', 'id'])
    // A resolved dispute says how and by whom.
    .addCheckConstraint('disputes_resolved', sql`status <> 'resolved' or (resolution is not null and resolved_by is not null and resolved_at is not null)`)
    .execute();
  await db.schema.createIndex('disputes_status').on('disputes').columns(['org_id', 'status', 'raised_at']).execute();
  await db.schema.createIndex('disputes_person_period').on('disputes').columns(['org_id', 'person_id', 'period_key']).execute();

  await db.schema
    .createTable('dispute_messages')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('dispute_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('raise', 'comment', 'assign', 'answer', 'resolve', 'reopen')`))
    .addColumn('author_user_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dispute_messages_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('dispute_messages_dispute_fk', ['org_id', 'dispute_id'], 'disputes', ['org_id', 'id'])
    .execute();
  await db.schema.createIndex('dispute_messages_thread').on('dispute_messages').columns(['org_id', 'dispute_id', 'at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('this migration cannot be reverted');
}
