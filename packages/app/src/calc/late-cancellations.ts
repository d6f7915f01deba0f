import { allocateLargestRemainder, type Credit } from '@attain/core';
import { contractEndOf } from '../capitalization/contract-costs.js';
import { calculatePlan, type PlanCalculation, type PlanCalculationInput } from '../comp/plan-calculate.js';
import type { PlanClawbackEvent } from '../comp/plan-schema.js';

/** The contract term a prorated clawback assumes when the plan names none. */
export const DEFAULT_CLAWBACK_TERM_MONTHS = 12;

const byId = <T>([a]: [string, T], [b]: [string, T]): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A plan calculated for a payee some of whose deals were lost after their pay period closed
 * (`late`: cancellation transaction id -> the day the deal was lost).
 *
 * Without a clawback policy in the plan, a late cancellation is recalculated like any change:
 * the closed period is worked out without the deal and the difference posts to the next open
 * period (100% of what the deal earned, tiers included).
 *
 * With one, the closed period was paid with the deal, so the deal keeps counting (its earnings
 * lines stand, and later to-date measures still see it), and the run of the period the deal is
 * dated in takes back what the policy says: of what the deal earned, that is the period's
 * earnings with the deal less without it, shared over its lost deals by amount (largest
 * remainder, so the shares sum exactly), `of-earned` or `of-paid` (a closed period counts as
 * paid) a percentage, `prorated-unserved` the share of the deal's term not served, the term
 * running `termMonths` from its date to the day it was lost.
 */
export function calculateWithLateCancellations(input: Omit<PlanCalculationInput, 'credits'> & { readonly credits: readonly Credit[] }, late: Readonly<Record<string, string>> | undefined): PlanCalculation {
  const policy = input.plan.clawback;
  const lost = late && policy ? input.credits.filter((c) => late[c.sourceId] !== undefined) : [];
  if (!late || !policy || lost.length === 0) return calculatePlan(input);
  const kept = input.credits.filter((c) => late[c.sourceId] === undefined);
  const standing = calculatePlan({ ...input, credits: kept });
  const due = lost.filter((c) => c.date >= input.period.from && c.date <= input.period.to);
  const earnedMinor = due.length === 0 ? 0n : standing.totalMinor - calculatePlan({ ...input, credits: [...kept, ...due] }).totalMinor;
  if (earnedMinor <= 0n) return standing;
  const deals = new Map<string, { date: string; amountMinor: bigint }>();
  for (const c of due) {
    const amount = c.amountMinor < 0n ? -c.amountMinor : c.amountMinor;
    const deal = deals.get(c.sourceId);
    if (deal) deal.amountMinor += amount;
    else deals.set(c.sourceId, { date: c.date, amountMinor: amount });
  }
  const sorted = [...deals].sort(byId);
  // Deals of no amount (a count measure) share equally.
  const weights = sorted.every(([, d]) => d.amountMinor === 0n) ? sorted.map(() => 1n) : sorted.map(([, d]) => d.amountMinor);
  const shares = allocateLargestRemainder(earnedMinor, weights);
  const term = policy.termMonths ?? DEFAULT_CLAWBACK_TERM_MONTHS;
  const clawbacks: PlanClawbackEvent[] = sorted.map(([id, d], i) => ({
    id, earnedMinor: shares[i] as bigint, paidMinor: shares[i] as bigint, contractStart: d.date, contractEnd: contractEndOf(d.date, term), cancelledOn: late[id] as string,
  }));
  return calculatePlan({ ...input, credits: kept, clawbacks });
}
