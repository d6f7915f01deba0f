import { invalid, parseDecimal, type CreditingTransaction } from '@attain/core';
import type { CalcTransaction } from '@attain/store';

/**
 * A stored transaction as crediting takes it (core creditTransactions). The transaction id is
 * the crediting id, so every credit's sourceId points back to the row. A row without an owner
 * cannot be credited and is refused naming ownerId.
 */
export function toCreditingTransaction(row: CalcTransaction): CreditingTransaction {
  if (row.ownerId === null) throw invalid('ownerId', `transaction ${row.id} has no owner to credit`);
  return {
    id: row.id, date: row.date, amountMinor: row.amountMinor, currency: row.currency, kind: row.kind, ownerId: row.ownerId,
    ...(row.territoryId === null ? {} : { territoryId: row.territoryId }),
    ...(row.pipelineId === null ? {} : { pipelineId: row.pipelineId }),
    ...(row.lineItems.length === 0 ? {} : {
      lineItems: row.lineItems.map((l) => ({ productId: l.productId, amountMinor: l.amountMinor, ...(l.productFamily === null ? {} : { productFamily: l.productFamily }) })),
    }),
    ...(row.splits.length === 0 ? {} : { splits: row.splits.map((s) => ({ personId: s.personId, kind: s.kind, share: parseDecimal(s.share) })) }),
  };
}
