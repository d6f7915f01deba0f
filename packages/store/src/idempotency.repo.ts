import type { Db, Tx } from './database.js';

export interface StoredResponse {
  readonly requestHash: string;
  readonly statusCode: number;
  readonly body: string;
}

/** Responses to POSTs sent with an Idempotency-Key, replayed when the same key comes again. */
export const idempotencyRepo = {
  async find(db: Db | Tx, orgId: string, userId: string, key: string): Promise<StoredResponse | undefined> {
    const row = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? { requestHash: String(row.request_hash), statusCode: Number(row.status_code), body: String(row.response_body) } : undefined;
  },
  /** Stores a response; a concurrent duplicate loses quietly (the first stored answer stands). */
  async save(db: Db | Tx, input: { orgId: string; userId: string; key: string; response: StoredResponse; at: string }): Promise<void> {
    await db
      .insertInto('idempotency_keys')
      .values({
        org_id: input.orgId, user_id: input.userId, key: input.key, request_hash: input.response.requestHash,
        status_code: input.response.statusCode, response_body: input.response.body, created_at: input.at,
      })
      .onConflict((oc) => oc.columns(['org_id', 'user_id', 'key']).doNothing())
      .execute();
  },
};
