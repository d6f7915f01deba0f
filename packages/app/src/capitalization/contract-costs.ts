import { addDays, allocateLargestRemainder, dateParts, daysInMonth, formatDate, type CommissionCost } from '@attain/core';

/** What one contract contributed to a component's measure: the sum of its credits (minor units) and its first transaction's date. */
export interface ContractWeight {
  readonly contractId: string;
  readonly weightMinor: bigint;
  /** 'YYYY-MM-DD': the contract's start (transactions carry no term of their own). */
  readonly start: string;
}

/** One payee's earnings of one component for one period, as the ledger sums them. */
export interface ComponentEarning {
  readonly personId: string;
  readonly forPeriod: string;
  readonly planKey: string;
  readonly componentId: string;
  /** The policy entry that names the component (see incrementalEntryOf). */
  readonly policyEntry: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  /** 'YYYY-MM-DD', the last day of the period the earnings are for: when the cost is incurred. */
  readonly recognizedOn: string;
}

/**
 * The last day of a contract of `months` whole months starting on `start`: the day before the
 * same day `months` later (clamped to the month's end), so core's contractTermMonths counts it
 * as exactly `months` (2026-02-10 + 12 -> 2027-02-09; 2026-01-31 + 1 -> 2026-02-27).
 */
export function contractEndOf(start: string, months: number): string {
  const { year, month, day } = dateParts(start);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return addDays(formatDate(y, m, Math.min(day, daysInMonth(y, m))), -1);
}

/** Contract id of an earning no contract's credit explains (a manual bonus, a formula with no credits): one per payee and period. */
export const unallocatedContractId = (e: Pick<ComponentEarning, 'personId' | 'forPeriod'>): string => `unallocated:${e.personId}:${e.forPeriod}`;

/**
 * Splits one earning over the contracts that made its measure, pro rata by their credit
 * amounts with core's largest-remainder allocation, so the parts sum exactly to the earning.
 * Contracts whose credits net to zero or less take no part (a deal booked and reversed in the
 * period earned nothing). With no contract left, the whole earning is one cost of an
 * "unallocated" contract starting on the recognition day. Parts of zero are left out.
 *
 * Invariant: the returned amounts sum to earning.amountMinor; ids are unique per earning and contract.
 */
export function costsOfEarning(earning: ComponentEarning, weights: readonly ContractWeight[], termMonths: number): CommissionCost[] {
  const base = { payeeId: earning.personId, componentId: earning.policyEntry, currency: earning.currency, recognizedOn: earning.recognizedOn };
  const idOf = (contractId: string) => `${earning.personId}/${earning.forPeriod}/${earning.planKey}/${earning.componentId}/${contractId}`;
  const positive = weights.filter((w) => w.weightMinor > 0n);
  if (positive.length === 0) {
    const contractId = unallocatedContractId(earning);
    const start = earning.recognizedOn;
    return [{ ...base, id: idOf(contractId), contractId, amountMinor: earning.amountMinor, contractStart: start, contractEnd: contractEndOf(start, termMonths) }];
  }
  const parts = allocateLargestRemainder(earning.amountMinor, positive.map((w) => w.weightMinor));
  return positive
    .map((w, i): CommissionCost => ({
      ...base, id: idOf(w.contractId), contractId: w.contractId, amountMinor: parts[i] ?? 0n, contractStart: w.start, contractEnd: contractEndOf(w.start, termMonths),
    }))
    .filter((c) => c.amountMinor !== 0n);
}
