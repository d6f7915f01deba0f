import { addDays, canonicalJson, DomainError, fiscalPeriodOf, ledgerDeltas, CALCULATED_ENTRY_TYPES, type Actor, type LedgerDelta } from '@attain/core';
import { calcRunRepo, compPeriodRepo, ledgerRepo, type CalcRun, type CompPeriod, type Tx } from '@attain/store';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { inOrgTransaction } from '../org-transaction.js';
import type { CalcInputs } from './calc-inputs.js';
import { outputsHash, type PayeeResult } from './calculate-payees.js';

/**
 * The period a delta about `period` posts to: the period itself while open; once closed, the
 * first open period after it of the same length (created when needed). Closed periods never change.
 */
export async function postingPeriod(tx: Tx, ctx: AppContext, period: CompPeriod, fiscalYearStartMonth: number): Promise<CompPeriod> {
  let current = period;
  const kind = period.key.includes('-M') ? 'month' : 'quarter';
  while (current.status === 'closed') {
    const next = fiscalPeriodOf(addDays(current.endDate, 1), fiscalYearStartMonth, kind);
    current = await compPeriodRepo.ensure(tx, { orgId: period.orgId, key: next.key, startDate: next.start, endDate: next.end, updatedAt: ctx.now() });
  }
  return current;
}

/** Why a delta exists, kept on its ledger entry. */
const explanationOf = (run: CalcRun, d: LedgerDelta, posted: string): string => canonicalJson({
  runId: run.id, kind: run.kind, forPeriod: d.forPeriod, beforeMinor: d.beforeMinor.toString(), targetMinor: d.targetMinor.toString(),
  ...(posted === d.forPeriod ? {} : { correctionOfClosedPeriod: d.forPeriod }),
});

/**
 * Publishes a computed run in one transaction under the organisation's write lock: the results
 * become the payees' statements, and the ledger gets the deltas that bring each calculated line
 * to what the run says (posted to the next open period if the period closed meanwhile). All of
 * it or none: a run interrupted or published by another process is refused.
 */
export async function publishCalcRun(
  ctx: AppContext, actor: Actor, args: { run: CalcRun; inputs: CalcInputs; results: readonly PayeeResult[]; inputsHash: string },
): Promise<void> {
  const { run, inputs } = args;
  await inOrgTransaction(ctx, run.orgId, async (tx) => {
    const current = await calcRunRepo.findSummary(tx, run.orgId, run.id);
    if (current?.status !== 'running') throw new DomainError('conflict', `run ${run.id} is ${current?.status ?? 'gone'}; it cannot publish`);
    // A payee recalculated meanwhile from later transactions (a deal changed during a long run) keeps that newer result.
    const newer = await calcRunRepo.peopleWithNewerResults(tx, run.orgId, run.periodKey, run.seqThrough);
    const results = args.results.filter((r) => !newer.has(r.personId));
    const period = await compPeriodRepo.find(tx, run.orgId, run.periodKey);
    if (!period) throw new DomainError('not_found', `period ${run.periodKey} not found`);
    const posted = await postingPeriod(tx, ctx, period, inputs.fiscalYearStartMonth);
    const publication = (await calcRunRepo.lastPublication(tx, run.orgId)) + 1n;
    await calcRunRepo.insertResults(tx, results.map((r) => ({
      orgId: run.orgId, runId: run.id, personId: r.personId, periodKey: run.periodKey, publication, earnedMinor: r.earnedMinor, payoutMinor: r.payoutMinor,
      currency: run.currency, body: r.body, hash: r.hash,
    })));
    // A full run also answers for payees no longer on a plan in the period: their calculated lines go to zero.
    const existingAll = await ledgerRepo.listForPeriods(tx, run.orgId, {
      forPeriods: [run.periodKey], types: CALCULATED_ENTRY_TYPES, ...(inputs.personIds === null ? {} : { personIds: inputs.personIds }),
    });
    const existing = existingAll.filter((e) => !newer.has(e.personId));
    const people = new Set([...results.map((r) => r.personId), ...(inputs.personIds ?? existing.map((e) => e.personId))].filter((id) => !newer.has(id)));
    const deltas = ledgerDeltas({ targets: results.flatMap((r) => r.targets), existing, scope: { personIds: people, periods: new Set([run.periodKey]) } });
    const at = ctx.now();
    await ledgerRepo.append(tx, deltas.map((d) => ({
      orgId: run.orgId, id: ctx.newId('led'), personId: d.personId, postedPeriod: posted.key, forPeriod: d.forPeriod, type: d.type, componentId: d.componentId,
      planId: d.planId, amountMinor: d.amountMinor, currency: run.currency, runId: run.id, relatedEntryId: null,
      reason: posted.key === d.forPeriod ? `calculated by run ${run.id}` : `correction of closed ${d.forPeriod}, calculated by run ${run.id}`,
      explanation: explanationOf(run, d, posted.key), createdBy: null, createdAt: at, payrollBatchId: null,
    })));
    const payoutMinor = results.reduce((s, r) => s + r.payoutMinor, 0n);
    await calcRunRepo.finish(tx, run.orgId, run.id, {
      status: 'published', at, inputsHash: args.inputsHash, outputsHash: outputsHash(results), payeeCount: results.length, payoutMinor, publication,
    });
    await recordAudit(ctx, tx, {
      actor, action: 'calc_run.publish', entity: 'calc_run', entityId: run.id, before: null,
      after: { periodKey: run.periodKey, payees: results.length, payoutMinor: payoutMinor.toString(), ledgerEntries: deltas.length, postedTo: posted.key },
    });
  });
}
