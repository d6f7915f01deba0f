import { DomainError, readScope, transactionInScope, type Actor } from '@attain/core';
import type { ClawbackEventItem, TransactionItem, TransactionListQuery } from '@attain/contract';
import { compTransactionRepo, type CompTransaction } from '@attain/store';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';

/*
 * Reading transactions. Rows are scoped in the query (owner or split member within the
 * actor's reach) and checked again here with the policy, so the store's coarse split match
 * can never widen what a person sees. One outside the reach answers not_found.
 */

/** The wire shape: money as strings. */
export function presentTransaction(t: CompTransaction): TransactionItem {
  return {
    id: t.id, source: t.source, sourceKey: t.sourceKey, kind: t.kind, date: t.date, amountMinor: t.amountMinor.toString(), currency: t.currency,
    dealAmountMinor: t.dealAmountMinor.toString(), dealCurrency: t.dealCurrency, ownerId: t.ownerId, accountId: t.accountId,
    opportunityId: t.opportunityId, pipelineId: t.pipelineId, territoryId: t.territoryId,
    lineItems: t.lineItems.map((l) => ({ productId: l.productId, productFamily: l.productFamily, amountMinor: l.amountMinor.toString() })),
    splits: t.splits.map((s) => ({ ...s })), reverses: t.reverses, createdAt: t.createdAt,
  };
}

const visible = (actor: Actor, t: CompTransaction): boolean => transactionInScope(actor, t.ownerId, t.splits.map((s) => s.personId));

/** The transactions the actor may see, by date then id (at most 1,000; narrow with from/to). */
export async function listTransactions(ctx: AppContext, actor: Actor, query: TransactionListQuery = {}): Promise<TransactionItem[]> {
  requireAbility(actor, 'comp_transaction:read');
  const scope = readScope(actor);
  const rows = await compTransactionRepo.list(ctx.database.db, actor.orgId, {
    personIds: scope.kind === 'all' ? null : scope.ownerIds,
    ...(query.ownerId === undefined ? {} : { ownerId: query.ownerId }),
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
    ...(query.kind === undefined ? {} : { kind: query.kind }),
  });
  return rows.filter((t) => visible(actor, t)).map(presentTransaction);
}

export async function getTransaction(ctx: AppContext, actor: Actor, id: string): Promise<TransactionItem> {
  requireAbility(actor, 'comp_transaction:read');
  const found = await compTransactionRepo.find(ctx.database.db, actor.orgId, id);
  if (!found || !visible(actor, found)) throw new DomainError('not_found', 'transaction not found');
  return presentTransaction(found);
}

/** The organisation's clawback events, latest first (comp admins only). */
export async function listClawbackEvents(ctx: AppContext, actor: Actor): Promise<ClawbackEventItem[]> {
  requireAbility(actor, 'clawback_event:read');
  const events = await compTransactionRepo.listClawbacks(ctx.database.db, actor.orgId);
  return events.map(({ orgId: _org, ...e }) => e);
}
