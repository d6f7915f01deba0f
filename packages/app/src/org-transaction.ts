import { auditRepo, inTransaction, type Tx } from '@attain/store';
import type { AppContext } from './context.js';

/** Work to do once a transaction has committed, by transaction (a retried attempt's list dies with it). */
const afterCommit = new WeakMap<Tx, (() => void)[]>();

/**
 * Asks for `work` to run once the write this transaction belongs to has committed (and never if it
 * rolls back): follow-ups that must see the committed rows, such as recalculating pay after a deal
 * changed. `work` runs detached; it reports its own failures.
 */
export function onCommit(tx: Tx, work: () => void): void {
  const list = afterCommit.get(tx);
  if (list) list.push(work);
  else afterCommit.set(tx, [work]);
}

/**
 * Runs one write of an organisation in a transaction that first takes the org's audit-chain
 * lock. Every write appends to that chain anyway; taking the lock first puts all writers in
 * one order (chain head, then rows), so concurrent writes queue instead of deadlocking.
 */
export async function inOrgTransaction<T>(ctx: AppContext, orgId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  let committed: Tx | undefined;
  const result = await inTransaction(ctx.database.db, async (tx) => {
    await auditRepo.lockHead(tx, orgId);
    const value = await work(tx);
    committed = tx;
    return value;
  });
  const followUps = committed ? afterCommit.get(committed) : undefined;
  for (const followUp of followUps ?? []) followUp();
  return result;
}
