import { DomainError, invalid, lineItemTotal, type Actor, type LineItem } from '@attain/core';
import { inOrgTransaction } from '../org-transaction.js';
import { recordAudit } from '../audit.js';
import { loadOrgForActor } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { opportunities } from './entities.js';
import { getRecord, updateInTx } from './records.js';
import { repos } from './repos.js';

async function activeItems(ctx: AppContext, tx: Parameters<typeof repos.lineItem.list>[0], orgId: string, opportunityId: string): Promise<LineItem[]> {
  const page = await repos.lineItem.list(tx, { orgId, scope: { kind: 'all' }, filters: [{ field: 'opportunityId', op: 'eq', values: [opportunityId] }], limit: 500 });
  return page.items;
}

/** The line items of an opportunity the actor may see. */
export async function listLineItems(ctx: AppContext, actor: Actor, opportunityId: string): Promise<LineItem[]> {
  await getRecord(ctx, actor, opportunities, opportunityId);
  return activeItems(ctx, ctx.database.db, actor.orgId, opportunityId);
}

/**
 * Adds a product to an opportunity. As in Salesforce, an opportunity with line items has the
 * sum of their totals as its amount; the change goes through the opportunity's history.
 */
export async function addLineItem(
  ctx: AppContext,
  actor: Actor,
  input: { opportunityId: string; productId: string; quantity: number; unitPriceMinor?: string; discountBps?: number; externalId?: string | null },
): Promise<LineItem> {
  const org = await loadOrgForActor(ctx, actor);
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const opportunity = await getRecord(ctx, actor, opportunities, input.opportunityId, tx);
    if (!opportunity.abilities.update) throw new DomainError('forbidden', 'You may not change this opportunity.');
    if (input.externalId && (await repos.lineItem.getByExternalId(tx, actor.orgId, input.externalId))) throw invalid('externalId', 'is already used by another line item');
    const product = await repos.product.get(tx, actor.orgId, input.productId);
    if (!product || !product.active) throw invalid('productId', 'no such active product');
    if (input.unitPriceMinor === undefined && product.currency !== opportunity.currency) {
      throw invalid('unitPriceMinor', `the product is priced in ${product.currency}; give a price in ${opportunity.currency}`);
    }
    const unitPriceMinor = input.unitPriceMinor === undefined ? product.listPriceMinor : BigInt(input.unitPriceMinor);
    const discountBps = input.discountBps ?? 0;
    const now = ctx.now();
    const item: LineItem = {
      id: ctx.newId('li'), orgId: actor.orgId, externalId: input.externalId ?? null, createdAt: now, updatedAt: now, archivedAt: null, version: 1,
      opportunityId: opportunity.id, productId: product.id, quantity: input.quantity, unitPriceMinor, discountBps,
      totalMinor: lineItemTotal({ quantity: input.quantity, unitPriceMinor, discountBps }),
    };
    await repos.lineItem.insert(tx, item);
    await recordAudit(ctx, tx, { actor, action: 'line_item.create', entity: 'line_item', entityId: item.id, before: null, after: item });
    const items = await activeItems(ctx, tx, actor.orgId, opportunity.id);
    const amount = items.reduce((sum, i) => sum + i.totalMinor, 0n);
    await updateInTx(ctx, tx, actor, org, opportunities, opportunity.id, { amountMinor: amount.toString() });
    return item;
  });
}
