import { invalid, parseDecimal, type CreditingTransaction } from '@attain/core';
import type { CalcTransaction } from '@attain/store';

/**
 * A stored transaction as crediting takes it (core creditTransactions). The transaction id is
 * the crediting id, so every credit's sourceId points back to the row. A row without an owner
 * cannot be credited and is refused naming ownerId.
 */
export function toCreditingTransaction(row: CalcTransaction): CreditingTransaction {
  if (row.ownerId === null) throw invalid('ownerId', `transaction ${row.id} has no owner to credit`);
  // Built field by field, not with spreads: a calc run converts over a million rows a quarter.
  const tx: Mutable<CreditingTransaction> = { id: row.id, date: row.date, amountMinor: row.amountMinor, currency: row.currency, kind: row.kind, ownerId: row.ownerId };
  if (row.territoryId !== null) tx.territoryId = row.territoryId;
  if (row.pipelineId !== null) tx.pipelineId = row.pipelineId;
  if (row.lineItems.length > 0) tx.lineItems = row.lineItems.map((l) => (l.productFamily === null ? { productId: l.productId, amountMinor: l.amountMinor } : { productId: l.productId, amountMinor: l.amountMinor, productFamily: l.productFamily }));
  if (row.termMonths !== null) tx.termMonths = row.termMonths;
  if (row.splits.length > 0) tx.splits = row.splits.map((s) => ({ personId: s.personId, kind: s.kind, share: parseDecimal(s.share) }));
  return tx;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
