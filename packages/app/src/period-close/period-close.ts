import { DomainError, invalid, type Actor } from '@attain/core';
import { calcRunRepo, compPeriodRepo, compTransactionRepo, reopeningRepo, type CompPeriod, type Db, type PeriodReopening, type Tx } from '@attain/store';
import { orgCurrency } from '../assignments/assignment-rules.js';
import { recordAudit } from '../audit.js';
import { requireAbility } from '../authorize.js';
import { parseRunPeriod } from '../calc/run-calc.js';
import type { AppContext } from '../context.js';
import { inOrgTransaction } from '../org-transaction.js';
import { statementStanding } from './statement-standing.js';

/*
 * Closing a pay period locks it: no full run, no manual entry, and a later correction of it
 * posts to the next open period. Reopening needs two people: one asks (with a reason), another
 * approves.
 */

export interface PeriodItem {
  readonly key: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly status: CompPeriod['status'];
  readonly closedAt: string | null;
  readonly closedBy: string | null;
  readonly reopenings: readonly PeriodReopening[];
}

async function periodOf(tx: Tx, actor: Actor, text: string): Promise<CompPeriod> {
  const org = await orgCurrency(tx, actor.orgId);
  const key = parseRunPeriod(text, org.fiscalYearStartMonth).key;
  const period = await compPeriodRepo.find(tx, actor.orgId, key);
  if (!period) throw new DomainError('not_found', `${key} has no calculation yet`);
  return period;
}

const itemOf = async (db: Db | Tx, p: CompPeriod): Promise<PeriodItem> => ({
  key: p.key, startDate: p.startDate, endDate: p.endDate, status: p.status, closedAt: p.closedAt, closedBy: p.closedBy,
  reopenings: await reopeningRepo.listForPeriod(db, p.orgId, p.key),
});

export async function listPeriods(ctx: AppContext, actor: Actor): Promise<PeriodItem[]> {
  requireAbility(actor, 'calc_run:read');
  const db = ctx.database.db;
  return Promise.all((await compPeriodRepo.list(db, actor.orgId)).map((p) => itemOf(db, p)));
}

/** Closes a period once no run of it is computing and every statement of it is approved as it stands. */
export async function closePeriod(ctx: AppContext, actor: Actor, input: { period: string }): Promise<PeriodItem> {
  requireAbility(actor, 'comp_period:manage');
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const period = await periodOf(tx, actor, input.period);
    if (period.status === 'closed') throw new DomainError('conflict', `${period.key} is already closed`);
    if ((await calcRunRepo.list(tx, actor.orgId, { periodKey: period.key, status: 'running' })).length > 0) throw new DomainError('conflict', `a run of ${period.key} is still computing`);
    const results = await calcRunRepo.latestResultsOfPeriod(tx, actor.orgId, period.key);
    const unapproved: string[] = [];
    for (const r of results) if ((await statementStanding(tx, actor.orgId, r.personId, period.key)).approval.status !== 'approved') unapproved.push(r.personId);
    if (unapproved.length > 0) {
      throw new DomainError('conflict', `${unapproved.length} statement(s) of ${period.key} are not approved as they stand: ${unapproved.slice(0, 10).join(', ')}${unapproved.length > 10 ? ', ...' : ''}`, [{ field: 'period', message: 'unapproved statements' }]);
    }
    await compPeriodRepo.setStatus(tx, actor.orgId, period.key, { status: 'closed', at: ctx.now(), by: actor.userId, seq: await compTransactionRepo.lastSeq(tx, actor.orgId) });
    await recordAudit(ctx, tx, { actor, action: 'comp_period.close', entity: 'comp_period', entityId: period.key, before: { status: 'open' }, after: { status: 'closed', statements: results.length } });
    return itemOf(tx, (await compPeriodRepo.find(tx, actor.orgId, period.key)) as CompPeriod);
  });
}

/** Asks to reopen a closed period; someone else must approve it. */
export async function requestReopen(ctx: AppContext, actor: Actor, input: { period: string; reason: string }): Promise<PeriodReopening> {
  requireAbility(actor, 'comp_period:manage');
  if (input.reason.trim() === '') throw invalid('reason', 'must say why');
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const period = await periodOf(tx, actor, input.period);
    if (period.status !== 'closed') throw new DomainError('conflict', `${period.key} is open`);
    if ((await reopeningRepo.listForPeriod(tx, actor.orgId, period.key)).some((r) => r.approvedBy === null)) throw new DomainError('conflict', `a reopening of ${period.key} is already waiting for approval`);
    const request: PeriodReopening = { orgId: actor.orgId, id: ctx.newId('reo'), periodKey: period.key, reason: input.reason.trim(), requestedBy: actor.userId, requestedAt: ctx.now(), approvedBy: null, approvedAt: null };
    await reopeningRepo.insert(tx, request);
    await recordAudit(ctx, tx, { actor, action: 'comp_period.reopen.request', entity: 'comp_period', entityId: period.key, before: null, after: request });
    return request;
  });
}

/** Approves a reopening asked by someone else: the period opens again. */
export async function approveReopen(ctx: AppContext, actor: Actor, input: { requestId: string }): Promise<PeriodItem> {
  requireAbility(actor, 'comp_period:manage');
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const request = await reopeningRepo.find(tx, actor.orgId, input.requestId);
    if (!request) throw new DomainError('not_found', 'reopening request not found');
    if (request.requestedBy === actor.userId) throw new DomainError('forbidden', 'reopening a period needs a second person: someone else must approve your request');
    if (!(await reopeningRepo.approve(tx, actor.orgId, request.id, { approvedBy: actor.userId, approvedAt: ctx.now() }))) throw new DomainError('conflict', 'this request was already approved');
    await compPeriodRepo.setStatus(tx, actor.orgId, request.periodKey, { status: 'open', at: ctx.now() });
    await recordAudit(ctx, tx, { actor, action: 'comp_period.reopen.approve', entity: 'comp_period', entityId: request.periodKey, before: { status: 'closed' }, after: { status: 'open', requestId: request.id } });
    return itemOf(tx, (await compPeriodRepo.find(tx, actor.orgId, request.periodKey)) as CompPeriod);
  });
}
