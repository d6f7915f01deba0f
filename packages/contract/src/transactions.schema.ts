import { z } from 'zod';
import { CalendarDate, Id, Instant, MinorUnits } from './primitives.schema.js';

/*
 * Opportunity splits and compensation transactions (docs/pay-cycle.md, "Transactions").
 * Shares are exact decimal strings ("0.6"), money minor units as strings, never a float.
 */

export const SplitKindWire = z.enum(['credit', 'payout', 'overlay']);

export const OpportunitySplitWire = z.strictObject({
  personId: Id,
  kind: SplitKindWire,
  /** Exact decimal in (0, 1], "0.6" = 60%. */
  share: z.string().trim().min(1).max(20),
});
export type OpportunitySplitWire = z.infer<typeof OpportunitySplitWire>;

/** PUT /opportunities/{id}/splits: the whole set; [] removes every split. */
export const OpportunitySplitsBody = z.strictObject({ splits: z.array(OpportunitySplitWire).max(50) });
export type OpportunitySplitsBody = z.infer<typeof OpportunitySplitsBody>;

export const OpportunitySplits = z.object({ opportunityId: Id, splits: z.array(OpportunitySplitWire) });
export type OpportunitySplits = z.infer<typeof OpportunitySplits>;

export const TransactionItem = z.object({
  id: Id,
  source: z.enum(['opportunity', 'import']),
  /** Unique per organisation and source: `${opportunityId}`, `${opportunityId}:reversal:${n}`, `${opportunityId}:rebooking:${n}`. */
  sourceKey: z.string(),
  /** new-business, renewal, expansion, cancellation (a deal that left closed-won) or an imported kind. */
  kind: z.string(),
  date: CalendarDate,
  /** Organisation currency, minor units; negative on a reversal. */
  amountMinor: MinorUnits,
  currency: z.string(),
  /** The deal's own amount and currency. */
  dealAmountMinor: MinorUnits,
  dealCurrency: z.string(),
  ownerId: Id.nullable(),
  accountId: Id.nullable(),
  opportunityId: Id.nullable(),
  pipelineId: Id.nullable(),
  territoryId: Id.nullable(),
  lineItems: z.array(z.object({ productId: Id, productFamily: z.string().nullable(), amountMinor: MinorUnits })),
  splits: z.array(OpportunitySplitWire),
  /** The transaction this one reverses, or null. */
  reverses: Id.nullable(),
  createdAt: Instant,
});
export type TransactionItem = z.infer<typeof TransactionItem>;

export const TransactionListQuery = z.strictObject({
  ownerId: Id.optional(),
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
  kind: z.string().trim().min(1).max(40).optional(),
});
export type TransactionListQuery = z.infer<typeof TransactionListQuery>;

export const ClawbackEventItem = z.object({
  id: Id,
  transactionId: Id,
  opportunityId: Id.nullable(),
  occurredOn: CalendarDate,
  reason: z.string(),
  createdAt: Instant,
});
export type ClawbackEventItem = z.infer<typeof ClawbackEventItem>;
