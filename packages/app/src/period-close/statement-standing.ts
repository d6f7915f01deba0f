import { approvalState, DomainError, managerOn, type ApprovalState } from '@attain/core';
import { approvalRepo, calcRunRepo, compPeriodRepo, ledgerRepo, reportingLineRepo, type CalcResult, type CalcRun, type CompPeriod, type Db, type LedgerEntry, type Tx } from '@attain/store';

/** Where one statement stands: its latest result, what is posted and paid, and its approval route. */
export interface StatementStanding {
  readonly period: CompPeriod;
  readonly result: CalcResult;
  /** Without its frozen inputs. */
  readonly run: CalcRun;
  readonly entries: readonly LedgerEntry[];
  /** The entries posted to the period except payouts: what the statement says the period owes her. */
  readonly postedMinor: bigint;
  /** What payroll exports have paid against the period (>= 0). */
  readonly paidMinor: bigint;
  readonly approval: ApprovalState;
}

/** Sums a payee's entries posted to a period: owed (all but payouts) and paid (payouts, as a positive amount). */
export function owedAndPaid(entries: readonly LedgerEntry[]): { postedMinor: bigint; paidMinor: bigint } {
  let postedMinor = 0n;
  let paidMinor = 0n;
  for (const e of entries) {
    if (e.type === 'payout') paidMinor -= e.amountMinor;
    else postedMinor += e.amountMinor;
  }
  return { postedMinor, paidMinor };
}

/** Reads a statement's standing; not_found when the payee has no published result for the period. */
export async function statementStanding(db: Db | Tx, orgId: string, personId: string, periodKey: string): Promise<StatementStanding> {
  const period = await compPeriodRepo.find(db, orgId, periodKey);
  // A closed period keeps the statement it was closed with; later corrections post to an open period.
  const result = period && (await calcRunRepo.latestResult(db, orgId, personId, periodKey, period.closedAt ?? undefined));
  if (!period || !result) throw new DomainError('not_found', 'statement not found');
  const run = (await calcRunRepo.findSummary(db, orgId, result.runId)) as CalcRun;
  const entries = await ledgerRepo.listPosted(db, orgId, { postedPeriod: periodKey, personIds: [personId] });
  const { postedMinor, paidMinor } = owedAndPaid(entries);
  const approvals = await approvalRepo.listForPeriod(db, orgId, periodKey, [personId]);
  const lines = await reportingLineRepo.listForPerson(db, orgId, personId);
  const approval = approvalState({ current: { resultHash: result.hash, postedMinor }, approvals, hasManager: managerOn(lines, personId, period.endDate) !== null });
  return { period, result, run, entries, postedMinor, paidMinor, approval };
}
