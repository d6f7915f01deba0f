import { DomainError, invalid, isCalendarDate, readScope, transactionInScope, type Actor } from '@attain/core';
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
/**
 * A page of the transactions the actor may see, by date then id (at most 1,000 a page), and the
 * cursor of the next page (null after the last). A rep sees rows she owns or shares in a split.
 */
export async function listTransactionsPage(ctx: AppContext, actor: Actor, query: TransactionListQuery = {}): Promise<{ items: TransactionItem[]; nextCursor: string | null }> {
  requireAbility(actor, 'comp_transaction:read');
  const scope = readScope(actor);
  const limit = query.limit ?? 1000;
  const rows = await compTransactionRepo.list(ctx.database.db, actor.orgId, {
    personIds: scope.kind === 'all' ? null : scope.ownerIds, limit,
    ...(query.ownerId === undefined ? {} : { ownerId: query.ownerId }),
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
    ...(query.kind === undefined ? {} : { kind: query.kind }),
    ...(query.cursor === undefined ? {} : { after: readCursor(query.cursor) }),
  });
  const last = rows.length === limit ? rows[rows.length - 1] : undefined;
  return { items: rows.filter((t) => visible(actor, t)).map(presentTransaction), nextCursor: last ? `${last.date}~${last.id}` : null };
}

/** The first page's rows (tests, the CLI's listing). */
export async function listTransactions(ctx: AppContext, actor: Actor, query: TransactionListQuery = {}): Promise<TransactionItem[]> {
  return (await listTransactionsPage(ctx, actor, query)).items;
}

/** A cursor is the last row's date and id: `2026-03-31~txn_...`. */
function readCursor(cursor: string): { date: string; id: string } {
  const at = cursor.indexOf('~');
  const date = cursor.slice(0, at);
  if (at < 0 || !isCalendarDate(date) || at === cursor.length - 1) throw invalid('cursor', 'is not a cursor this listing gave');
  return { date, id: cursor.slice(at + 1) };
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
