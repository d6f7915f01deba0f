import { convertMinor, DomainError, rateOn, type Actor, type ExchangeRate, type FieldIssue, type Organisation } from '@attain/core';
import type { TransactionImportResult } from '@attain/contract';
import { auditRepo, compTransactionRepo, orgRepo, type CompTransaction, type Tx } from '@attain/store';
import { loadOrgForActor } from '../auth/sessions.js';
import { requireAbility } from '../authorize.js';
import { recalculateInBackground } from '../calc/recalculate-payees.js';
import type { AppContext } from '../context.js';
import { readCsv, type CsvRow, type CsvSource } from '../imports/csv-reader.js';
import { ambiguousMessage, missingMessage, ReferenceResolver, type Resolution } from '../imports/references.js';
import { SeenKeys } from '../imports/seen-keys.js';
import { inOrgTransaction, onCommit } from '../org-transaction.js';
import { readHeader, readRow, type ImportHeader, type ImportRow } from './import-rows.js';
import { presentTransaction } from './transaction-queries.js';

/*
 * Importing compensation transactions (invoices, payments, bookings from other systems) from a
 * CSV file, all or nothing, idempotent on the row's source key. Rows are appended with source
 * 'import' through the transactions repository, each audited, in one org transaction; rows
 * are streamed and written in batches, so memory holds one batch (plus a digest per key).
 */

export interface TransactionImportOptions {
  /**
   * The file: its whole text, or a function that opens it. A function, not a stream, because
   * the org transaction is retried on a serialization failure and must read the file again.
   */
  readonly source: string | (() => CsvSource);
  /** Check every row against the database as a real import would, then write nothing. */
  readonly dryRun?: boolean;
}

/** Rows checked against stored source keys and written together (one query, one multi-row insert). */
const BATCH = 400;
/** Problems listed in the error (all are counted). */
const MAX_ISSUES = 1000;

/** What a stored import row holds of its file row: compared to tell "unchanged" from "changed". */
const CONTENT = [
  ['kind', 'kind'], ['date', 'date'], ['deal_amount_minor', 'amount'], ['deal_currency', 'currency'], ['owner_id', 'owner'],
  ['account_id', 'accountId'], ['opportunity_id', 'opportunityId'], ['pipeline_id', 'pipelineId'], ['territory_id', 'territoryId'], ['term_months', 'termMonths'],
] as const;

const contentOf = (t: CompTransaction): Record<(typeof CONTENT)[number][0], string | null> => ({
  kind: t.kind, date: t.date, deal_amount_minor: t.dealAmountMinor.toString(), deal_currency: t.dealCurrency, owner_id: t.ownerId,
  account_id: t.accountId, opportunity_id: t.opportunityId, pipeline_id: t.pipelineId, territory_id: t.territoryId, term_months: t.termMonths === null ? null : String(t.termMonths),
});

class DryRunDone extends Error {
  constructor(readonly result: TransactionImportResult) {
    super('dry run: rolled back');
  }
}

/** The state of one attempt at an import, inside its transaction. */
class ImportRun {
  private header: ImportHeader | 'bad' | null = null;
  private readonly seen = new SeenKeys();
  private readonly resolver: ReferenceResolver;
  private pending: { line: number; row: CompTransaction }[] = [];
  private readonly issues: FieldIssue[] = [];
  private issueCount = 0;
  private readonly counts = { rows: 0, created: 0, unchanged: 0 };
  /**
   * One written row per owner, date and split set: whom the rows can credit (owners, split
   * members, their managers on the date), for recalculating pay once the import commits,
   * without holding every row of a large file.
   */
  readonly reach = new Map<string, CompTransaction>();

  constructor(
    private readonly tx: Tx,
    private readonly actor: Actor,
    private readonly org: Organisation,
    private readonly rates: readonly ExchangeRate[],
    private readonly at: string,
    private readonly newId: () => string,
  ) {
    this.resolver = new ReferenceResolver(tx, org.id, null);
  }

  fail(issues: readonly FieldIssue[]): void {
    this.issueCount += 1;
    for (const issue of issues) if (this.issues.length < MAX_ISSUES) this.issues.push(issue);
  }

  async record({ line, cells }: CsvRow): Promise<void> {
    if (cells.every((c) => c.trim() === '')) return;
    if (this.header === 'bad') return;
    if (this.header === null) {
      const read = readHeader(cells, line);
      if ('issues' in read) {
        this.header = 'bad';
        this.fail(read.issues);
      } else this.header = read.header;
      return;
    }
    this.counts.rows += 1;
    const read = readRow(this.header, cells, line);
    if ('issues' in read) return this.fail(read.issues);
    const first = this.seen.firstLine(read.row.sourceKey, line);
    if (first !== undefined) return this.fail([{ field: 'sourceKey', message: `"${read.row.sourceKey}" appears again (first on line ${first})`, line }]);
    const resolved = await this.resolve(read.row);
    if ('issues' in resolved) return this.fail(resolved.issues);
    this.pending.push({ line, row: resolved.row });
    if (this.pending.length >= BATCH) await this.flush();
  }

  /** The row as a transaction: references found in this org, the amount in the org currency. */
  private async resolve(r: ImportRow): Promise<{ row: CompTransaction } | { issues: FieldIssue[] }> {
    const issues: FieldIssue[] = [];
    const ref = async (field: string, target: 'person' | 'account' | 'opportunity' | 'pipeline', kind: 'id' | 'email', value: string | null): Promise<string | null> => {
      if (value === null) return null;
      const found: Resolution = await this.resolver.resolve(target, [kind], value);
      if ('id' in found) return found.id;
      issues.push({ field, message: 'ambiguous' in found ? ambiguousMessage(target, found.ambiguous, value) : missingMessage(target, [kind], value), line: r.line });
      return null;
    };
    const byId = await ref('ownerId', 'person', 'id', r.ownerId);
    const byEmail = await ref('ownerEmail', 'person', 'email', r.ownerEmail);
    if (byId !== null && byEmail !== null && byId !== byEmail) issues.push({ field: 'ownerEmail', message: `is another person than ownerId "${r.ownerId}"`, line: r.line });
    const accountId = await ref('accountId', 'account', 'id', r.accountId);
    const opportunityId = await ref('opportunityId', 'opportunity', 'id', r.opportunityId);
    const pipelineId = await ref('pipelineId', 'pipeline', 'id', r.pipelineId);
    // Converted as a won deal is booked (transaction-sync.ts): the rate in force on the date,
    // rounded once half-even. Unlike a deal, an import is finance's own act, so a missing
    // rate refuses the row instead of waiting for one.
    let amountMinor = r.amountMinor;
    const orgCurrency = this.org.defaultCurrency;
    if (r.currency !== orgCurrency) {
      const rate = rateOn(this.rates, r.currency, r.date);
      if (!rate) issues.push({ field: 'currency', message: `no exchange rate for ${r.currency} on ${r.date}: set one under exchange rates (amounts are booked in ${orgCurrency})`, line: r.line });
      else amountMinor = convertMinor({ amountMinor: r.amountMinor, from: r.currency, to: orgCurrency, rateE9: rate.rateE9 });
    }
    if (issues.length > 0) return { issues };
    return {
      row: {
        orgId: this.org.id, id: this.newId(), source: 'import', sourceKey: r.sourceKey, kind: r.kind, date: r.date, amountMinor, currency: orgCurrency,
        dealAmountMinor: r.amountMinor, dealCurrency: r.currency, ownerId: byId ?? byEmail, accountId, opportunityId, pipelineId, territoryId: r.territoryId,
        lineItems: [], splits: [], reverses: null, termMonths: r.termMonths, createdAt: this.at,
      },
    };
  }

  /** Checks the pending rows against the source keys already imported, then appends the new ones (unless the file is already refused). */
  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const stored = await this.tx.selectFrom('comp_transactions').select(['source_key', ...CONTENT.map(([column]) => column)])
      .where('org_id', '=', this.org.id).where('source', '=', 'import').where('source_key', 'in', batch.map((p) => p.row.sourceKey)).execute();
    const byKey = new Map(stored.map((s: Record<string, unknown>) => [String(s.source_key), s]));
    const fresh: CompTransaction[] = [];
    for (const { line, row } of batch) {
      const before = byKey.get(row.sourceKey);
      if (!before) {
        fresh.push(row);
        continue;
      }
      const now = contentOf(row);
      const changed = CONTENT.filter(([column]) => (before[column] == null ? null : String(before[column])) !== now[column]).map(([, name]) => name);
      if (changed.length === 0) this.counts.unchanged += 1;
      else {
        const message = `"${row.sourceKey}" was imported before with another ${changed.join(', ')}: transactions are append-only and an import never changes one; import a correction under a new source key (for instance a negative amount)`;
        this.fail([{ field: 'sourceKey', message, line }]);
      }
    }
    this.counts.created += fresh.length;
    // A refused file is rolled back anyway: once a row is bad, later rows are only checked.
    if (this.issueCount > 0 || fresh.length === 0) return;
    await compTransactionRepo.insertMany(this.tx, fresh);
    for (const t of fresh) {
      const key = `${t.ownerId}|${t.date}|${JSON.stringify(t.splits)}`;
      if (!this.reach.has(key)) this.reach.set(key, t);
    }
    await auditRepo.append(this.tx, fresh.map((t) => ({
      orgId: this.org.id, at: this.at, actorUserId: this.actor.userId, action: 'comp_transaction.import', entity: 'comp_transaction', entityId: t.id,
      before: null, after: presentTransaction(t),
    })));
  }

  /** Writes the last batch; a file with any problem is refused as a whole, naming line and column of each. */
  async finish(dryRun: boolean, fileIssues: readonly FieldIssue[]): Promise<TransactionImportResult> {
    await this.flush();
    if (fileIssues.length > 0) this.fail(fileIssues);
    if (this.header === null && this.issueCount === 0) this.fail([{ field: 'file', message: 'the file is empty: it needs a header line', line: 1 }]);
    if (this.issueCount > 0) {
      const issues = [...this.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      const bad = this.issueCount === 1 ? '1 bad line' : `${this.issueCount} bad lines`;
      throw new DomainError('import_failed', `The file has ${bad} (first at line ${issues[0]?.line ?? 0}); nothing was imported.`, issues);
    }
    return { dryRun, ...this.counts };
  }
}

/**
 * Imports transactions from a CSV file (columns: docs/pay-cycle.md, "Importing transactions";
 * contract TRANSACTION_IMPORT_COLUMNS). Needs `comp_plan:write`, the comp admins' ability
 * (admin, sales ops, finance): there is no transaction write ability of its own.
 *
 * All or nothing: any bad row refuses the whole file with `import_failed`, every problem named
 * by line and column, and nothing is written (a dry run checks the same and always writes
 * nothing). Idempotent on `sourceKey` (unique per organisation among imports): a key already
 * imported with the same content is skipped and counted as unchanged; with other content the
 * row is refused, since transactions are append-only. Amounts are taken exactly in minor units
 * of the file's currency (`dealAmountMinor`) and booked in the org currency at the rate in
 * force on the row's date (`amountMinor`), as deals are; "same content" compares the file's
 * figures, so a rate entered later does not make a re-run fail.
 */
export async function importTransactions(ctx: AppContext, actor: Actor, options: TransactionImportOptions): Promise<TransactionImportResult> {
  requireAbility(actor, 'comp_plan:write');
  const org = await loadOrgForActor(ctx, actor);
  const dryRun = options.dryRun ?? false;
  try {
    return await inOrgTransaction(ctx, actor.orgId, async (tx) => {
      const run = new ImportRun(tx, actor, org, await orgRepo.rates(tx, org.id), ctx.now(), () => ctx.newId('txn'));
      const fileIssues: FieldIssue[] = [];
      try {
        const source = typeof options.source === 'string' ? [options.source] : options.source();
        for await (const record of readCsv(source)) await run.record(record);
      } catch (error) {
        // A file that stops parsing keeps the problems of the rows before it.
        if (!(error instanceof DomainError) || error.code !== 'import_failed') throw error;
        fileIssues.push(...error.issues);
      }
      const result = await run.finish(dryRun, fileIssues);
      if (dryRun) throw new DryRunDone(result);
      // Statements already calculated follow the import, as they follow a deal (recalculatePayees).
      if (run.reach.size > 0) onCommit(tx, () => recalculateInBackground(ctx, actor.orgId, [...run.reach.values()]));
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.result;
    throw error;
  }
}
