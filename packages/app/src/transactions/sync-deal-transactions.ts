import { dateOfInstant, rateOn, type Opportunity, type Organisation } from '@attain/core';
import { compTransactionRepo, opportunitySplitRepo, orgRepo, type Tx } from '@attain/store';
import type { AppContext } from '../context.js';
import type { WriteArgs } from '../crm/definition.js';
import { recalculateInBackground } from '../calc/recalculate-payees.js';
import { repos } from '../crm/repos.js';
import { onCommit } from '../org-transaction.js';
import { bookingOf, planOpportunitySync, type DealLine } from './transaction-sync.js';

/** The deal's line items (by id, for a stable order) with their product families. */
async function dealLines(tx: Tx, orgId: string, opportunityId: string): Promise<DealLine[]> {
  const page = await repos.lineItem.list(tx, { orgId, scope: { kind: 'all' }, filters: [{ field: 'opportunityId', op: 'eq', values: [opportunityId] }], limit: 500 });
  const items = [...page.items].sort((a, b) => (a.id < b.id ? -1 : 1));
  const families = new Map<string, string | null>();
  for (const productId of new Set(items.map((i) => i.productId))) families.set(productId, (await repos.product.get(tx, orgId, productId))?.family ?? null);
  return items.map((i) => ({ productId: i.productId, productFamily: families.get(i.productId) ?? null, totalMinor: i.totalMinor }));
}

/** A deal is on the books (and pays) while it is won and not archived. */
const booked = (o: Opportunity | null): boolean => o !== null && o.isWon && o.archivedAt === null;

/**
 * Brings the deal's transactions in line with the deal, inside the write's transaction: runs
 * after every write of an opportunity (archiving included) and after its splits change. A deal
 * is on the books while it is won and not archived: archiving a won deal takes its booking back,
 * as losing it does. A deal that is not won and was not won before costs no query; otherwise the
 * rows planOpportunitySync decides are appended.
 * A won deal in a currency with no rate on its close date is left as it is (not booked yet). Once
 * the write commits, the payees the new rows credit are recalculated in every calculated period
 * they touch (recalculatePayees).
 */
export async function syncDealTransactions(ctx: AppContext, tx: Tx, org: Organisation, before: Opportunity | null, after: Opportunity): Promise<void> {
  if (!after.isWon && !before?.isWon) return;
  const onBooks = booked(after);
  const orgId = org.id;
  const existing = await compTransactionRepo.listForOpportunity(tx, orgId, after.id);
  if (!onBooks && existing.length === 0) return;
  let rateE9: bigint | undefined;
  if (onBooks && after.currency !== org.defaultCurrency) {
    rateE9 = rateOn(await orgRepo.rates(tx, orgId), after.currency, after.closeDate)?.rateE9;
    // Closing a deal is the sales team's act and must not fail for want of a rate finance has
    // not entered yet: the deal is booked when the rate is entered (setExchangeRate), or on its next write.
    if (rateE9 === undefined) return;
  }
  const desired = onBooks
    ? bookingOf({
        opportunity: after, lines: await dealLines(tx, orgId, after.id), splits: await opportunitySplitRepo.list(tx, orgId, after.id),
        orgCurrency: org.defaultCurrency, ...(rateE9 === undefined ? {} : { rateE9 }),
      })
    : null;
  const at = ctx.now();
  const reason = after.archivedAt !== null ? 'archived' : after.isClosed ? `lost${after.lostReason ? `: ${after.lostReason}` : ''}` : 'reopened';
  const plan = planOpportunitySync({
    orgId, opportunityId: after.id, existing, desired, at, today: dateOfInstant(at), reason,
    newId: (key) => ctx.newId(key.includes(':clawback:') ? 'clb' : 'txn'),
  });
  await compTransactionRepo.insertMany(tx, plan.transactions);
  await compTransactionRepo.insertClawbacks(tx, plan.clawbacks);
  // Statements already calculated follow the deal: the payees it credits are recalculated once this write commits.
  if (plan.transactions.length > 0) onCommit(tx, () => recalculateInBackground(ctx, orgId, plan.transactions));
}

/** The opportunity entity's afterWrite hook (crm/entities.ts). */
export const syncDealTransactionsAfterWrite = (args: WriteArgs<Opportunity> & { after: Opportunity }): Promise<void> =>
  syncDealTransactions(args.ctx, args.tx, args.org, args.before, args.after);
