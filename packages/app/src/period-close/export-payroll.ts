import { stringify } from 'csv-stringify/sync';
import { canonicalJson, DomainError, formatMinorAsMajor, neutraliseCsvCell, type Actor } from '@attain/core';
import { calcRunRepo, compPeriodRepo, ledgerRepo, payrollBatchRepo, type Db, type LedgerEntry, type PayrollBatch, type Tx } from '@attain/store';
import { orgCurrency } from '../assignments/assignment-rules.js';
import { recordAudit } from '../audit.js';
import { requireAbility } from '../authorize.js';
import { parseRunPeriod } from '../calc/run-calc.js';
import type { AppContext } from '../context.js';
import { repos } from '../crm/repos.js';
import { inOrgTransaction } from '../org-transaction.js';
import { statementStanding } from './statement-standing.js';

/** A payroll export: the batch, its file, and the statements it left out and why. */
export interface PayrollExport {
  readonly batch: PayrollBatch;
  readonly csv: string;
  readonly skipped: readonly { readonly personId: string; readonly reason: string }[];
}

const HEADER = ['employee_id', 'external_id', 'name', 'email', 'period', 'period_start', 'period_end', 'currency', 'amount', 'batch', 'statement_hash'];

/** The file of a batch, from its payout entries (so a re-download is the same bytes). Formula-safe. */
async function batchCsv(db: Db | Tx, batch: PayrollBatch, entries: readonly LedgerEntry[], hashes: ReadonlyMap<string, string>, period: { from: string; to: string }): Promise<string> {
  const people = await repos.person.getMany(db, batch.orgId, entries.map((e) => e.personId));
  const rows = entries.map((e) => {
    const p = people.get(e.personId);
    return [e.personId, p?.externalId ?? '', p?.name ?? '', p?.email ?? '', batch.periodKey, period.from, period.to, e.currency, formatMinorAsMajor(-e.amountMinor, e.currency), batch.id, hashes.get(e.personId) ?? ''];
  });
  return stringify([HEADER, ...rows].map((r) => r.map((c) => neutraliseCsvCell(String(c)))), { record_delimiter: 'windows' });
}

/**
 * Exports what a period still owes on its approved statements to payroll: for each payee whose
 * statement is approved as it stands, the posted total less what earlier exports paid, as one
 * payout ledger entry of this batch, all in one transaction. The file's total is the batch total
 * and ties back to the ledger: the batch's payout entries sum to minus it. Statements pending
 * approval or changed since are left out and listed.
 */
export async function exportPayroll(ctx: AppContext, actor: Actor, input: { period: string }): Promise<PayrollExport> {
  requireAbility(actor, 'payroll:export');
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const org = await orgCurrency(tx, actor.orgId);
    const periodKey = parseRunPeriod(input.period, org.fiscalYearStartMonth).key;
    const closedAt = (await compPeriodRepo.find(tx, actor.orgId, periodKey))?.closedAt ?? undefined;
    const results = await calcRunRepo.latestResultsOfPeriod(tx, actor.orgId, periodKey, undefined, closedAt);
    if (results.length === 0) throw new DomainError('not_found', `${periodKey} has no statements`);
    const batchId = ctx.newId('pay');
    const at = ctx.now();
    const skipped: { personId: string; reason: string }[] = [];
    const payouts: Omit<LedgerEntry, 'seq'>[] = [];
    const hashes = new Map<string, string>();
    for (const r of results) {
      const s = await statementStanding(tx, actor.orgId, r.personId, periodKey);
      if (s.approval.status !== 'approved') {
        skipped.push({ personId: r.personId, reason: s.approval.status });
        continue;
      }
      const due = s.postedMinor - s.paidMinor;
      if (due === 0n) continue;
      hashes.set(r.personId, s.result.hash);
      payouts.push({
        orgId: actor.orgId, id: ctx.newId('led'), personId: r.personId, postedPeriod: periodKey, forPeriod: periodKey, type: 'payout', componentId: null, planId: null,
        amountMinor: -due, currency: org.currency, runId: null, relatedEntryId: null, reason: `payroll batch ${batchId}`,
        explanation: canonicalJson({ batch: batchId, postedMinor: s.postedMinor.toString(), paidBeforeMinor: s.paidMinor.toString(), resultHash: s.result.hash }),
        createdBy: actor.userId, createdAt: at, payrollBatchId: batchId,
      });
    }
    const totalMinor = payouts.reduce((sum, e) => sum - e.amountMinor, 0n);
    const batch: PayrollBatch = { orgId: actor.orgId, id: batchId, periodKey, payeeCount: payouts.length, totalMinor, currency: org.currency, createdBy: actor.userId, createdAt: at };
    await payrollBatchRepo.insert(tx, batch);
    const entries = await ledgerRepo.append(tx, payouts);
    await recordAudit(ctx, tx, { actor, action: 'payroll.export', entity: 'payroll_batch', entityId: batchId, before: null, after: { periodKey, payees: payouts.length, totalMinor: totalMinor.toString(), skipped: skipped.length } });
    const period = await compPeriodRepo.find(tx, actor.orgId, periodKey);
    return { batch, csv: await batchCsv(tx, batch, entries, hashes, { from: period?.startDate ?? '', to: period?.endDate ?? '' }), skipped };
  });
}

/** The organisation's payroll batches, latest first; of one period with `period`. */
export async function listPayrollBatches(ctx: AppContext, actor: Actor, query: { period?: string } = {}): Promise<PayrollBatch[]> {
  requireAbility(actor, 'payroll:export');
  const db = ctx.database.db;
  const periodKey = query.period === undefined ? undefined : parseRunPeriod(query.period, (await orgCurrency(db, actor.orgId)).fiscalYearStartMonth).key;
  return payrollBatchRepo.listForPeriod(db, actor.orgId, periodKey);
}

/** An earlier batch's file again, rebuilt from its ledger entries. */
export async function payrollBatchFile(ctx: AppContext, actor: Actor, batchId: string): Promise<{ batch: PayrollBatch; csv: string }> {
  requireAbility(actor, 'payroll:export');
  const db = ctx.database.db;
  const batch = await payrollBatchRepo.find(db, actor.orgId, batchId);
  if (!batch) throw new DomainError('not_found', 'payroll batch not found');
  const entries = await ledgerRepo.listBatch(db, actor.orgId, batchId);
  const hashes = new Map(entries.map((e) => [e.personId, String((JSON.parse(e.explanation) as { resultHash?: string }).resultHash ?? '')]));
  const period = await compPeriodRepo.find(db, actor.orgId, batch.periodKey);
  return { batch, csv: await batchCsv(db, batch, entries, hashes, { from: period?.startDate ?? '', to: period?.endDate ?? '' }) };
}
