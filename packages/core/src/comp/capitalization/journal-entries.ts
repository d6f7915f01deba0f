import { formatMinorAsMajor } from '../../money.js';
import { costMovementsOf, type CapitalizationLedgerInput, type CostMovement } from './movements.js';
import { monthEndDateOf, monthLabelOf, monthRangeOf } from './months.js';
import type { CapitalizationAccounts } from './policy.js';

/** One side of a journal entry; amountMinor > 0 in the entry's currency. */
export interface CommissionJournalLine {
  readonly account: string;
  readonly side: 'debit' | 'credit';
  readonly amountMinor: bigint;
}

export type CommissionJournalEntryKind = 'capitalization' | 'expense' | 'amortization' | 'impairment';

/** A balanced journal entry for one cost in one month. */
export interface CommissionJournalEntry {
  /** Stable id: kind, cost id and month; unique in an export. */
  readonly id: string;
  /** 'YYYY-MM-DD', the last day of the month. */
  readonly date: string;
  readonly kind: CommissionJournalEntryKind;
  readonly costId: string;
  readonly contractId: string;
  readonly payeeId: string;
  readonly currency: string;
  readonly memo: string;
  /** Exactly one debit and one credit of the same amount. */
  readonly lines: readonly [CommissionJournalLine, CommissionJournalLine];
}

const KIND_OF = { capitalized: 'capitalization', expensed: 'expense', amortized: 'amortization', impaired: 'impairment' } as const;
const KIND_ORDER: Record<CommissionJournalEntryKind, number> = { capitalization: 0, expense: 1, amortization: 2, impairment: 3 };

/** Debit and credit account of a positive movement; a negative one (a clawback) swaps them. */
function accountsOf(kind: CommissionJournalEntryKind, a: CapitalizationAccounts): [debit: string, credit: string] {
  switch (kind) {
    case 'capitalization':
      return [a.deferredCommissionAsset, a.commissionsPayable];
    case 'expense':
      return [a.commissionExpense, a.commissionsPayable];
    case 'amortization':
      return [a.commissionExpense, a.deferredCommissionAsset];
    case 'impairment':
      return [a.impairmentExpense, a.deferredCommissionAsset];
  }
}

const WHAT: Record<CommissionJournalEntryKind, string> = {
  capitalization: 'Capitalized commission',
  expense: 'Commission expensed as incurred',
  amortization: 'Amortization of deferred commission',
  impairment: 'Impairment of deferred commission',
};

function entryOf(m: CostMovement, accounts: CapitalizationAccounts): CommissionJournalEntry {
  const kind = KIND_OF[m.kind];
  const [debit, credit] = accountsOf(kind, accounts);
  const reversed = m.amountMinor < 0n;
  const amountMinor = reversed ? -m.amountMinor : m.amountMinor;
  const month = monthLabelOf(m.month);
  const c = m.cost;
  return {
    id: `${kind}:${c.id}:${month}`,
    date: monthEndDateOf(m.month),
    kind,
    costId: c.id,
    contractId: c.contractId,
    payeeId: c.payeeId,
    currency: c.currency,
    memo:
      `${WHAT[kind]}${reversed ? ' (clawback reversal)' : ''}, ${month}: contract ${c.contractId}, payee ${c.payeeId}, ` +
      `cost ${c.id} (component ${c.componentId}), ${formatMinorAsMajor(amountMinor, c.currency)} ${c.currency}`,
    lines: [
      { account: reversed ? credit : debit, side: 'debit', amountMinor },
      { account: reversed ? debit : credit, side: 'credit', amountMinor },
    ],
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Journal entries for the months from..to, one per cost and movement with a non-zero amount:
 * capitalization (Dr deferred commission asset / Cr commissions payable), cost expensed as
 * incurred (Dr commission expense / Cr commissions payable), amortization (Dr commission
 * expense / Cr asset), impairment (Dr impairment expense / Cr asset). A negative movement (a
 * clawback) posts the same entry with the sides swapped, so every amount is positive.
 * Contract events are applied first (see applyContractEvents).
 *
 * Invariants: each entry balances exactly (one debit, one credit, equal amounts); the asset
 * account's net movement in a month equals the roll-forward's capitalized - amortized -
 * impaired; the order is date, kind (capitalization, expense, amortization, impairment),
 * contract, payee, cost id, whatever the input order.
 */
export function journalEntriesForMonths(input: CapitalizationLedgerInput): CommissionJournalEntry[] {
  const range = monthRangeOf(input);
  return costMovementsOf(input)
    .filter((m) => m.month >= range.from && m.month <= range.to && m.amountMinor !== 0n)
    .map((m) => entryOf(m, input.policy.accounts))
    .sort(
      (a, b) =>
        compare(a.date, b.date) ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        compare(a.contractId, b.contractId) ||
        compare(a.payeeId, b.payeeId) ||
        compare(a.costId, b.costId),
    );
}

/** True when the entry's debits equal its credits exactly. */
export function isJournalEntryBalanced(entry: Pick<CommissionJournalEntry, 'lines'>): boolean {
  const total = (side: CommissionJournalLine['side']): bigint => entry.lines.filter((l) => l.side === side).reduce((t, l) => t + l.amountMinor, 0n);
  return total('debit') === total('credit');
}
