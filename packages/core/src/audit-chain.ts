import { canonicalJson } from './canonical-json.js';

/**
 * The audit log is an append-only, hash-chained list per organisation: each entry's hash
 * covers its content and the previous entry's hash, so editing or deleting an old entry
 * breaks every hash after it. Hashing itself is IO-free but needs a digest function, which
 * the caller passes in (core has no crypto).
 */
export interface AuditEntry {
  readonly orgId: string;
  readonly seq: number;
  readonly at: string;
  readonly actorUserId: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

export type Digest = (text: string) => string;

/** The hash of the chain before its first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The text an entry's hash is computed over. */
export function auditHashInput(entry: Omit<AuditEntry, 'hash'>): string {
  return canonicalJson({
    orgId: entry.orgId,
    seq: entry.seq,
    at: entry.at,
    actorUserId: entry.actorUserId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
    prevHash: entry.prevHash,
  });
}

export interface ChainBreak {
  readonly seq: number;
  readonly reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
}

/**
 * Checks a run of consecutive entries; `previousHash` is the hash of the entry before the
 * first one given (GENESIS_HASH at the start). Returns the first break, or null.
 */
export function verifyAuditChain(input: {
  entries: readonly AuditEntry[];
  digest: Digest;
  previousHash?: string;
  previousSeq?: number;
}): ChainBreak | null {
  let prevHash = input.previousHash ?? GENESIS_HASH;
  let prevSeq = input.previousSeq ?? 0;
  for (const entry of input.entries) {
    if (entry.seq !== prevSeq + 1) return { seq: entry.seq, reason: 'sequence_gap' };
    if (entry.prevHash !== prevHash) return { seq: entry.seq, reason: 'prev_hash_mismatch' };
    if (input.digest(auditHashInput(entry)) !== entry.hash) return { seq: entry.seq, reason: 'hash_mismatch' };
    prevHash = entry.hash;
    prevSeq = entry.seq;
  }
  return null;
}
