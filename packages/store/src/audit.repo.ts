import { createHash } from 'node:crypto';
import { auditHashInput, canonicalJson, GENESIS_HASH, verifyAuditChain, type AuditEntry, type ChainBreak } from '@attain/core';
import { isPostgres, type Db, type Tx } from './database.js';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** An entry to append: the chain fields (seq, prevHash, hash) are computed here. */
export type AuditInput = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

const toEntry = (r: Record<string, unknown>): AuditEntry => ({
  orgId: String(r.org_id),
  seq: Number(r.seq),
  at: String(r.at),
  actorUserId: r.actor_user_id == null ? null : String(r.actor_user_id),
  action: String(r.action),
  entity: String(r.entity),
  entityId: String(r.entity_id),
  before: r.before_json == null ? null : JSON.parse(String(r.before_json)),
  after: r.after_json == null ? null : JSON.parse(String(r.after_json)),
  prevHash: String(r.prev_hash),
  hash: String(r.hash),
});

/** Before/after values are stored as canonical JSON, so bigints survive as strings and hashes are stable. */
const toJson = (value: unknown): string | null => (value == null ? null : canonicalJson(value));

export const auditRepo = {
  /**
   * Locks the org's chain head (FOR UPDATE on PostgreSQL; SQLite has one writer) and returns
   * it. Writers take it first, so all writes of an org queue in one order and never deadlock.
   */
  async lockHead(tx: Tx, orgId: string): Promise<{ seq: bigint; hash: string }> {
    await tx.insertInto('audit_heads').values({ org_id: orgId, seq: 0n, hash: GENESIS_HASH }).onConflict((oc) => oc.column('org_id').doNothing()).execute();
    const head = await tx
      .selectFrom('audit_heads')
      .selectAll()
      .where('org_id', '=', orgId)
      .$call((q) => (isPostgres(tx) ? q.forUpdate() : q))
      .executeTakeFirstOrThrow();
    return { seq: BigInt(head.seq as bigint), hash: String(head.hash) };
  },

  /** Appends entries to the org's chain inside the caller's transaction, under the head lock. */
  async append(tx: Tx, inputs: readonly AuditInput[]): Promise<void> {
    const byOrg = new Map<string, AuditInput[]>();
    for (const input of inputs) byOrg.set(input.orgId, [...(byOrg.get(input.orgId) ?? []), input]);
    for (const [orgId, list] of byOrg) {
      const head = await auditRepo.lockHead(tx, orgId);
      let seq = Number(head.seq);
      let prevHash = String(head.hash);
      const rows = [];
      for (const input of list) {
        seq += 1;
        const before = input.before == null ? null : JSON.parse(canonicalJson(input.before));
        const after = input.after == null ? null : JSON.parse(canonicalJson(input.after));
        const entry = { ...input, before, after, seq, prevHash };
        const hash = sha256(auditHashInput(entry));
        rows.push({
          org_id: orgId, seq: BigInt(seq), at: input.at, actor_user_id: input.actorUserId, action: input.action, entity: input.entity,
          entity_id: input.entityId, before_json: toJson(input.before), after_json: toJson(input.after), prev_hash: prevHash, hash,
        });
        prevHash = hash;
      }
      for (let i = 0; i < rows.length; i += 200) await tx.insertInto('audit_log').values(rows.slice(i, i + 200)).execute();
      await tx.updateTable('audit_heads').set({ seq: BigInt(seq), hash: prevHash }).where('org_id', '=', orgId).execute();
    }
  },

  async list(db: Db | Tx, input: { orgId: string; entity?: string; entityId?: string; afterSeq?: number; limit: number }): Promise<AuditEntry[]> {
    let q = db.selectFrom('audit_log').selectAll().where('org_id', '=', input.orgId);
    if (input.entity) q = q.where('entity', '=', input.entity);
    if (input.entityId) q = q.where('entity_id', '=', input.entityId);
    if (input.afterSeq !== undefined) q = q.where('seq', '>', BigInt(input.afterSeq));
    const rows = await q.orderBy('seq').limit(input.limit).execute();
    return rows.map(toEntry);
  },

  /**
   * Walks the org's chain in pages up to the head as it stood when the check began (writes
   * that land meanwhile are left for the next check) and returns the first break, if any.
   * The head row also catches a deleted tail, which would leave a valid but shorter chain.
   */
  async verify(db: Db, orgId: string): Promise<{ checked: number; break: ChainBreak | null }> {
    const head = await db.selectFrom('audit_heads').selectAll().where('org_id', '=', orgId).executeTakeFirst();
    const headSeq = head ? Number(head.seq) : 0;
    let previousHash = GENESIS_HASH;
    let previousSeq = 0;
    let checked = 0;
    while (previousSeq < headSeq) {
      const page = await auditRepo.list(db, { orgId, afterSeq: previousSeq, limit: 5000 });
      const entries = page.filter((e) => e.seq <= headSeq);
      if (entries.length === 0) break;
      const found = verifyAuditChain({ entries, digest: sha256, previousHash, previousSeq });
      if (found) return { checked: checked + entries.findIndex((e) => e.seq === found.seq), break: found };
      checked += entries.length;
      const last = entries[entries.length - 1] as AuditEntry;
      previousHash = last.hash;
      previousSeq = last.seq;
    }
    if (previousSeq !== headSeq || (head && String(head.hash) !== previousHash)) return { checked, break: { seq: previousSeq + 1, reason: 'sequence_gap' } };
    return { checked, break: null };
  },
};
