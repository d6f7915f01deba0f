import { approvalState, DomainError, managerOn, ownerInScope, readScope, type Actor, type ApprovalStatus, type CreditWithExplanation } from '@attain/core';
import type { CalcRunItem, StatementSummaryItem, StatementWire } from '@attain/contract';
import { approvalRepo, calcRunRepo, compPeriodRepo, ledgerRepo, reportingLineRepo, type CalcResult, type CalcRun, type Db } from '@attain/store';
import { orgCurrency } from '../assignments/assignment-rules.js';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { repos } from '../crm/repos.js';
import type { CalcInputs } from './calc-inputs.js';
import { owedAndPaid, statementStanding } from '../period-close/statement-standing.js';
import { presentApproval, presentCredit, presentLedgerEntry, presentRun } from './calc.presenter.js';
import { creditForRun } from './calculate-payees.js';
import { readRunTransactions } from './credit-partition.js';
import { runPlanLoader, statementPlans } from './statement-body.js';
import { parseRunPeriod } from './run-calc.js';

/*
 * Reading runs and statements. A statement is a payee's latest published result for a period
 * plus the ledger entries posted to that period. A rep reads her own, a manager her team's,
 * finance and sales ops everyone's; one outside that reach answers not_found.
 */

export async function listCalcRuns(ctx: AppContext, actor: Actor, query: { period?: string } = {}): Promise<CalcRunItem[]> {
  requireAbility(actor, 'calc_run:read');
  const periodKey = query.period === undefined ? undefined : parseRunPeriod(query.period, (await orgCurrency(ctx.database.db, actor.orgId)).fiscalYearStartMonth).key;
  return (await calcRunRepo.list(ctx.database.db, actor.orgId, periodKey === undefined ? {} : { periodKey })).map(presentRun);
}

export async function getCalcRun(ctx: AppContext, actor: Actor, id: string): Promise<CalcRunItem> {
  requireAbility(actor, 'calc_run:read');
  const run = await calcRunRepo.find(ctx.database.db, actor.orgId, id);
  if (!run) throw new DomainError('not_found', 'calc run not found');
  return presentRun(run);
}

/** The approval status of each result of a period, read in three queries rather than per payee. */
async function approvalStatuses(db: Db, orgId: string, periodKey: string, results: readonly CalcResult[]): Promise<Map<string, ApprovalStatus>> {
  const period = await compPeriodRepo.find(db, orgId, periodKey);
  if (!period || results.length === 0) return new Map();
  const ids = results.map((r) => r.personId);
  const byPerson = <T extends { personId: string }>(rows: readonly T[]): Map<string, T[]> => {
    const out = new Map<string, T[]>();
    for (const row of rows) {
      const list = out.get(row.personId);
      if (list) list.push(row);
      else out.set(row.personId, [row]);
    }
    return out;
  };
  const posted = byPerson(await ledgerRepo.listPosted(db, orgId, { postedPeriod: periodKey, personIds: ids }));
  const approvals = byPerson(await approvalRepo.listForPeriod(db, orgId, periodKey, ids));
  const lines = await reportingLineRepo.listForOrg(db, orgId);
  return new Map(results.map((r) => [r.personId, approvalState({
    current: { resultHash: r.hash, postedMinor: owedAndPaid(posted.get(r.personId) ?? []).postedMinor },
    approvals: approvals.get(r.personId) ?? [], hasManager: managerOn(lines, r.personId, period.endDate) !== null,
  }).status]));
}

async function personNames(ctx: AppContext, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const people = await repos.person.getMany(ctx.database.db, orgId, ids);
  return new Map([...people.values()].map((p) => [p.id, p.name]));
}

/** The period's statements the actor may read, by payee name. */
export async function listStatements(ctx: AppContext, actor: Actor, query: { period: string }): Promise<StatementSummaryItem[]> {
  requireAbility(actor, 'statement:read');
  const org = await orgCurrency(ctx.database.db, actor.orgId);
  const periodKey = parseRunPeriod(query.period, org.fiscalYearStartMonth).key;
  const scope = readScope(actor);
  const period = await compPeriodRepo.find(ctx.database.db, actor.orgId, periodKey);
  const results = await calcRunRepo.latestResultsOfPeriod(ctx.database.db, actor.orgId, periodKey, scope.kind === 'all' ? undefined : scope.ownerIds, period?.closedAt ?? undefined);
  const names = await personNames(ctx, actor.orgId, results.map((r) => r.personId));
  const approval = await approvalStatuses(ctx.database.db, actor.orgId, periodKey, results);
  return results
    .map((r) => ({
      personId: r.personId, personName: names.get(r.personId) ?? r.personId, periodKey, currency: r.currency, runId: r.runId,
      earnedMinor: r.earnedMinor.toString(), payoutMinor: r.payoutMinor.toString(), hash: r.hash, approval: approval.get(r.personId) ?? 'pending-finance',
    }))
    .sort((a, b) => a.personName.localeCompare(b.personName) || (a.personId < b.personId ? -1 : 1));
}

/** Her credits in the run: the frozen transactions crediting her (and, for a manager, her team), credited again as the run did. */
async function creditsOfPayee(ctx: AppContext, orgId: string, run: CalcRun, personId: string): Promise<CreditWithExplanation[]> {
  const inputs = JSON.parse(run.inputs) as CalcInputs;
  const mine: CalcInputs = { ...inputs, personIds: [personId], assignments: inputs.assignments.filter((a) => a.personId === personId) };
  const transactions = await readRunTransactions(ctx.database.db, orgId, mine);
  return (creditForRun(mine, transactions).creditsOf.get(personId) ?? []).filter((c) => c.date >= inputs.period.from);
}

/**
 * A payee's statement for a period: her latest published result (plans with terms, each
 * explanation row and the calculation), her credits, and the ledger entries posted to the period.
 */
export async function getStatement(ctx: AppContext, actor: Actor, query: { personId: string; period: string }): Promise<StatementWire> {
  requireAbility(actor, 'statement:read');
  if (!ownerInScope(actor, query.personId)) throw new DomainError('not_found', 'statement not found');
  const db = ctx.database.db;
  const org = await orgCurrency(db, actor.orgId);
  const periodKey = parseRunPeriod(query.period, org.fiscalYearStartMonth).key;
  const standing = await statementStanding(db, actor.orgId, query.personId, periodKey);
  const { result, period, entries: ledger } = standing;
  const run = (await calcRunRepo.find(db, actor.orgId, result.runId)) as CalcRun;
  const names = await personNames(ctx, actor.orgId, [query.personId]);
  const inputs = JSON.parse(run.inputs) as CalcInputs;
  const plans = statementPlans(result.body, inputs, await runPlanLoader(db, actor.orgId, inputs));
  return {
    personId: query.personId, personName: names.get(query.personId) ?? query.personId, periodKey,
    period: { from: period.startDate, to: period.endDate, status: period.status }, currency: result.currency,
    run: { id: run.id, kind: run.kind, finishedAt: run.finishedAt, publication: result.publication.toString() }, hash: result.hash,
    earnedMinor: result.earnedMinor.toString(), payoutMinor: result.payoutMinor.toString(),
    postedMinor: standing.postedMinor.toString(), paidMinor: standing.paidMinor.toString(), approval: presentApproval(standing.approval), plans,
    credits: (await creditsOfPayee(ctx, actor.orgId, run, query.personId)).map(presentCredit), ledger: ledger.map(presentLedgerEntry),
  };
}
