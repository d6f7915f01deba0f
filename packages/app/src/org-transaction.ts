import { auditRepo, inTransaction, type Tx } from '@attain/store';
import type { AppContext } from './context.js';

/**
 * Runs one write of an organisation in a transaction that first takes the org's audit-chain
 * lock. Every write appends to that chain anyway; taking the lock first puts all writers in
 * one order (chain head, then rows), so concurrent writes queue instead of deadlocking.
 */
export function inOrgTransaction<T>(ctx: AppContext, orgId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(ctx.database.db, async (tx) => {
    await auditRepo.lockHead(tx, orgId);
    return work(tx);
  });
}
