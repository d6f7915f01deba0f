import { z } from 'zod';
import { CalendarDate, Instant, MinorUnits } from './primitives.schema.js';

/*
 * Commission capitalization on the wire (docs/capitalization.md): the organisation's policy,
 * the deferred commission roll-forward and the journal entries. Money is minor units as
 * strings; months are 'YYYY-MM'.
 */

const AccountName = z.string().trim().min(1).max(100);

export const CapitalizationAccountsWire = z.strictObject({
  /** Balance-sheet asset holding capitalized, not yet amortized costs. */
  deferredCommissionAsset: AccountName,
  /** Amortization and costs expensed as incurred. */
  commissionExpense: AccountName,
  /** Credited when a cost is incurred. */
  commissionsPayable: AccountName,
  /** The balance written off on churn. */
  impairmentExpense: AccountName,
});

/** A policy as written (PUT body) and as read. Core and the app check the rest (unique ids, distinct accounts). */
export const CapitalizationPolicyBody = z.strictObject({
  /** Component ids ("commission": that component in any plan) or "planKey/componentId" (one plan's). */
  incrementalComponentIds: z.array(z.string().trim().min(1).max(200)).max(500),
  benefitPeriod: z.discriminatedUnion('basis', [
    z.strictObject({ basis: z.literal('contract-term') }),
    z.strictObject({ basis: z.literal('customer-life'), months: z.number().int() }),
  ]),
  /** Expense costs whose benefit period is 12 months or less (ASC 340-40-25-4, IFRS 15.94). */
  practicalExpedient: z.boolean(),
  /** The contract term assumed from a transaction's date, whole months (transactions carry no term). */
  defaultContractTermMonths: z.number().int(),
  accounts: CapitalizationAccountsWire,
});
export type CapitalizationPolicyBody = z.infer<typeof CapitalizationPolicyBody>;

export const CapitalizationPolicyWire = z.object({
  version: z.number().int(),
  policy: CapitalizationPolicyBody,
  createdBy: z.string().nullable(),
  createdAt: Instant,
});
export type CapitalizationPolicyWire = z.infer<typeof CapitalizationPolicyWire>;

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

/** An inclusive range of months, e.g. from=2026-02&to=2026-12. */
export const MonthRangeQuery = z.strictObject({ from: Month, to: Month });
export type MonthRangeQuery = z.infer<typeof MonthRangeQuery>;

/** Invariant: openingMinor + capitalizedMinor - amortizedMinor - impairedMinor = closingMinor, exactly. */
export const RollForwardLineWire = z.object({
  openingMinor: MinorUnits,
  capitalizedMinor: MinorUnits,
  amortizedMinor: MinorUnits,
  impairedMinor: MinorUnits,
  closingMinor: MinorUnits,
});
export type RollForwardLineWire = z.infer<typeof RollForwardLineWire>;

export const RollForwardTableWire = z.object({
  months: z.array(RollForwardLineWire.extend({ month: Month })),
  total: RollForwardLineWire,
});

export const RollForwardWire = RollForwardTableWire.extend({
  currency: z.string(),
  from: Month,
  to: Month,
  policyVersion: z.number().int(),
  /** Costs expensed as incurred in the range (practical expedient, benefit period ended); not in the asset. */
  expensedMinor: MinorUnits,
  byContract: z.array(RollForwardTableWire.extend({ contractId: z.string() })),
  byPayee: z.array(RollForwardTableWire.extend({ payeeId: z.string() })),
});
export type RollForwardWire = z.infer<typeof RollForwardWire>;

export const CommissionJournalEntryWire = z.object({
  id: z.string(),
  /** The last day of the month. */
  date: CalendarDate,
  kind: z.enum(['capitalization', 'expense', 'amortization', 'impairment']),
  costId: z.string(),
  contractId: z.string(),
  payeeId: z.string(),
  currency: z.string(),
  memo: z.string(),
  /** One debit and one credit of the same positive amount. */
  lines: z.array(z.object({ account: z.string(), side: z.enum(['debit', 'credit']), amountMinor: MinorUnits })),
});
export type CommissionJournalEntryWire = z.infer<typeof CommissionJournalEntryWire>;

export const JournalEntriesWire = z.object({
  currency: z.string(),
  from: Month,
  to: Month,
  policyVersion: z.number().int(),
  items: z.array(CommissionJournalEntryWire),
});
export type JournalEntriesWire = z.infer<typeof JournalEntriesWire>;
