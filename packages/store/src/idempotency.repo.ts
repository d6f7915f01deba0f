import type { Db, Tx } from './database.js';

export interface StoredResponse {
  readonly requestHash: string;
  /** 0 while the first request with the key is still being handled. */
  readonly statusCode: number;
  readonly body: string;
}

type Key = { orgId: string; userId: string; key: string };

/**
 * Responses to POSTs sent with an Idempotency-Key. A key is reserved before its request runs
 * (status 0), so a concurrent duplicate is told to wait instead of running twice; the
 * response then completes the row, and is replayed for a retry of the same request.
 */
export const idempotencyRepo = {
  async find(db: Db | Tx, k: Key): Promise<StoredResponse | undefined> {
    const row = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('org_id', '=', k.orgId)
      .where('user_id', '=', k.userId)
      .where('key', '=', k.key)
      .executeTakeFirst();
    return row ? { requestHash: String(row.request_hash), statusCode: Number(row.status_code), body: String(row.response_body) } : undefined;
  },
  /** Claims the key for a request; false when another request holds it already. */
  async reserve(db: Db | Tx, k: Key & { requestHash: string; at: string }): Promise<boolean> {
    const result = await db
      .insertInto('idempotency_keys')
      .values({ org_id: k.orgId, user_id: k.userId, key: k.key, request_hash: k.requestHash, status_code: 0, response_body: '', created_at: k.at })
      .onConflict((oc) => oc.columns(['org_id', 'user_id', 'key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  },
  async complete(db: Db | Tx, k: Key & { statusCode: number; body: string }): Promise<void> {
    await db
      .updateTable('idempotency_keys')
      .set({ status_code: k.statusCode, response_body: k.body })
      .where('org_id', '=', k.orgId)
      .where('user_id', '=', k.userId)
      .where('key', '=', k.key)
      .execute();
  },
  /** Frees a key whose request failed on our side, so that a retry can run. */
  async release(db: Db | Tx, k: Key): Promise<void> {
    await db.deleteFrom('idempotency_keys').where('org_id', '=', k.orgId).where('user_id', '=', k.userId).where('key', '=', k.key).execute();
  },
};
