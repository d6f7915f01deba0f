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
  /** Rows per page, by date then id (default and most 1,000). */
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  /** The previous page's nextCursor. */
  cursor: z.string().max(200).optional(),
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

/**
 * The columns of a transactions CSV file (POST /transactions/import, `attain transaction
 * import`), matched by header name ignoring case. `amount` is in major units of `currency`
 * ("1234.50"), an exact decimal with at most the currency's decimals; a row gives `ownerId` or
 * `ownerEmail` (or both, naming the same person). See docs/pay-cycle.md, "Importing transactions".
 */
export const TRANSACTION_IMPORT_COLUMNS = [
  'sourceKey', 'kind', 'date', 'amount', 'currency', 'ownerId', 'ownerEmail', 'accountId', 'opportunityId', 'territoryId', 'pipelineId', 'termMonths',
] as const;
export type TransactionImportColumn = (typeof TRANSACTION_IMPORT_COLUMNS)[number];

/** Columns every file needs (besides one of ownerId / ownerEmail). */
export const TRANSACTION_IMPORT_REQUIRED = ['sourceKey', 'kind', 'date', 'amount', 'currency'] as const;

/** The query of POST /transactions/import; the body is the CSV file (text/csv, at most 10 MB). */
export const TransactionImportQuery = z.strictObject({
  /** "true": check every row against the database and write nothing. */
  dryRun: z.enum(['true', 'false']).optional(),
});
export type TransactionImportQuery = z.infer<typeof TransactionImportQuery>;

/**
 * What an import did (or, for a dry run, would do). `rows` = data rows of the file (blank lines
 * not counted) = `created` + `unchanged`; a bad file writes nothing and is a 422 `import_failed`
 * whose details name line and column of every bad row instead.
 */
export const TransactionImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.number().int().nonnegative(),
  /** Rows appended as new transactions (source `import`). */
  created: z.number().int().nonnegative(),
  /** Rows whose source key was already imported with the same content: skipped. */
  unchanged: z.number().int().nonnegative(),
});
export type TransactionImportResult = z.infer<typeof TransactionImportResult>;
