import type { LineItem, Opportunity, Product } from '@attain/core';
import type { CompTransaction } from '@attain/store';
import { bookingOf, planOpportunitySync } from '../transactions/transaction-sync.js';
import type { DemoIds } from './demo-context.js';

/**
 * The booking transactions of a batch's closed-won deals, as the live sync would have written
 * them when each deal was won (same pure functions, created at the deal's close), so the demo
 * starts with its history booked. Demo deals are in the org currency and have no splits.
 * Deterministic: ids come from the demo's counters in batch order.
 */
export function demoBookings(
  batch: { readonly opportunities: readonly Opportunity[]; readonly lineItems: readonly LineItem[] },
  setup: { readonly currency: string; readonly products: readonly Product[]; readonly ids: DemoIds },
): CompTransaction[] {
  const family = new Map(setup.products.map((p) => [p.id, p.family]));
  const linesOf = new Map<string, LineItem[]>();
  for (const item of batch.lineItems) {
    const list = linesOf.get(item.opportunityId);
    if (list) list.push(item);
    else linesOf.set(item.opportunityId, [item]);
  }
  const out: CompTransaction[] = [];
  for (const opportunity of batch.opportunities) {
    if (!opportunity.isWon) continue;
    const lines = (linesOf.get(opportunity.id) ?? []).sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((l) => ({ productId: l.productId, productFamily: family.get(l.productId) ?? null, totalMinor: l.totalMinor }));
    const at = opportunity.closedAt ?? opportunity.updatedAt;
    const plan = planOpportunitySync({
      orgId: opportunity.orgId, opportunityId: opportunity.id, existing: [], at, today: at.slice(0, 10), reason: '',
      desired: bookingOf({ opportunity, lines, splits: [], orgCurrency: setup.currency }), newId: () => setup.ids.next('txn'),
    });
    out.push(...plan.transactions);
  }
  return out;
}
