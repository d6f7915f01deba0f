import { convertMinor, allocateLargestRemainder, DomainError, type Opportunity } from '@attain/core';
import type { ClawbackEvent, CompTransaction, OpportunitySplit } from '@attain/store';

/*
 * Which transaction rows a write of an opportunity produces: a pure function of the rows the
 * deal has already produced and the booking it should have now. Rows are appended, never
 * changed: a correction is a reversal of the booking in force plus a new booking, so the
 * history stays and the difference is a delta; a won deal that leaves closed-won gets a
 * reversal of kind 'cancellation' and a clawback event. The same inputs give the same rows.
 */

/** What a won deal books, in the organisation's currency (see bookingOf): the fields of a transaction the deal decides. */
export type DealBooking = Pick<CompTransaction, 'kind' | 'date' | 'amountMinor' | 'currency' | 'dealAmountMinor' | 'dealCurrency' | 'ownerId' | 'accountId' | 'pipelineId' | 'territoryId' | 'lineItems' | 'splits' | 'termMonths'> & {
  readonly opportunityId: string;
};

const KIND_OF_TYPE: Record<Opportunity['type'], string> = { new: 'new-business', expansion: 'expansion', renewal: 'renewal' };

/** A line item of the deal, in the deal's currency. */
export interface DealLine {
  readonly productId: string;
  readonly productFamily: string | null;
  readonly totalMinor: bigint;
}

/**
 * The booking a deal should have: null unless it is closed-won. The amount is converted into
 * the org currency at `rateE9` (the rate in force on the close date, absent when the deal is in
 * the org currency), rounded once half-even; line items share that amount by their totals
 * (largest remainder), so they always total it exactly even if the deal's amount was edited
 * away from the sum of its lines.
 */
export function bookingOf(input: {
  opportunity: Opportunity;
  lines: readonly DealLine[];
  splits: readonly OpportunitySplit[];
  orgCurrency: string;
  rateE9?: bigint;
}): DealBooking | null {
  const o = input.opportunity;
  if (!o.isWon) return null;
  let amountMinor = o.amountMinor;
  if (o.currency !== input.orgCurrency) {
    if (input.rateE9 === undefined) {
      const message = `Booking this deal in ${input.orgCurrency} needs an exchange rate for ${o.currency} on ${o.closeDate}: set one under exchange rates.`;
      throw new DomainError('conflict', message, [{ field: `exchangeRates.${o.currency}`, message }]);
    }
    amountMinor = convertMinor({ amountMinor: o.amountMinor, from: o.currency, to: input.orgCurrency, rateE9: input.rateE9 });
  }
  const weights = input.lines.map((l) => (l.totalMinor > 0n ? l.totalMinor : 0n));
  const parts = weights.some((w) => w > 0n) ? allocateLargestRemainder(amountMinor, weights) : [];
  const lineItems = parts.length === 0 ? [] : input.lines.map((l, i) => ({ productId: l.productId, productFamily: l.productFamily, amountMinor: parts[i] as bigint }));
  const splits = [...input.splits].sort((a, b) => (a.kind === b.kind ? (a.personId < b.personId ? -1 : 1) : a.kind < b.kind ? -1 : 1));
  return {
    opportunityId: o.id, kind: KIND_OF_TYPE[o.type] ?? o.type, date: o.closeDate, amountMinor, currency: input.orgCurrency,
    dealAmountMinor: o.amountMinor, dealCurrency: o.currency, ownerId: o.ownerId, accountId: o.accountId, pipelineId: o.pipelineId || null,
    territoryId: o.territoryId, lineItems, splits, termMonths: o.contractTermMonths,
  };
}

/** The fields a booking row holds, as one comparable string. */
function signature(b: Omit<DealBooking, 'opportunityId'>): string {
  return JSON.stringify([
    b.kind, b.date, String(b.amountMinor), b.currency, String(b.dealAmountMinor), b.dealCurrency, b.ownerId, b.accountId, b.pipelineId, b.territoryId,
    b.lineItems.map((l) => [l.productId, l.productFamily, String(l.amountMinor)]), b.splits.map((s) => [s.personId, s.kind, s.share]),
    // Only when set: rows booked before terms existed keep their signature (and are not rebooked).
    ...(b.termMonths === null ? [] : [b.termMonths]),
  ]);
}

/** The booking in force: the one booking (not a reversal) that no row reverses. */
export function bookingInForce(rows: readonly CompTransaction[]): CompTransaction | null {
  const reversed = new Set(rows.map((r) => r.reverses).filter((id): id is string => id !== null));
  return rows.find((r) => r.reverses === null && !reversed.has(r.id)) ?? null;
}

export interface SyncPlan {
  readonly transactions: CompTransaction[];
  readonly clawbacks: ClawbackEvent[];
}

/**
 * The rows to append for one deal. Source keys: `${opportunityId}` for the first booking,
 * `${opportunityId}:reversal:${n}` for the n-th reversal and `${opportunityId}:rebooking:${n}`
 * for the booking that follows it. A reversal keeps the date (and, for a correction, the kind)
 * of what it reverses, so a period's sum is the deal as it stands; `newId` names each new row
 * from its source key (deterministic ids give deterministic rows).
 */
export function planOpportunitySync(input: {
  orgId: string;
  opportunityId: string;
  existing: readonly CompTransaction[];
  desired: DealBooking | null;
  /** Instant of the write (created_at). */
  at: string;
  /** Calendar date of the write (a clawback's occurred_on). */
  today: string;
  /** Why a won deal left closed-won, for the clawback event. */
  reason: string;
  newId: (sourceKey: string) => string;
}): SyncPlan {
  const { orgId, opportunityId, desired, at } = input;
  const current = bookingInForce(input.existing);
  if (current === null && desired === null) return { transactions: [], clawbacks: [] };
  if (current !== null && desired !== null && signature(current) === signature(desired)) return { transactions: [], clawbacks: [] };
  const transactions: CompTransaction[] = [];
  const clawbacks: ClawbackEvent[] = [];
  let reversals = input.existing.filter((r) => r.reverses !== null).length;
  if (current !== null) {
    reversals += 1;
    const sourceKey = `${opportunityId}:reversal:${reversals}`;
    const reversal: CompTransaction = {
      ...current, id: input.newId(sourceKey), sourceKey, kind: desired === null ? 'cancellation' : current.kind,
      amountMinor: -current.amountMinor, dealAmountMinor: -current.dealAmountMinor,
      lineItems: current.lineItems.map((l) => ({ ...l, amountMinor: -l.amountMinor })), reverses: current.id, createdAt: at,
    };
    transactions.push(reversal);
    if (desired === null) {
      const key = `${opportunityId}:clawback:${reversals}`;
      clawbacks.push({ orgId, id: input.newId(key), transactionId: reversal.id, opportunityId, occurredOn: input.today, reason: input.reason, createdAt: at });
    }
  }
  if (desired !== null) {
    const sourceKey = reversals === 0 ? opportunityId : `${opportunityId}:rebooking:${reversals}`;
    const { opportunityId: _id, ...booking } = desired;
    transactions.push({ ...booking, orgId, id: input.newId(sourceKey), source: 'opportunity', sourceKey, opportunityId, reverses: null, createdAt: at });
  }
  return { transactions, clawbacks };
}
