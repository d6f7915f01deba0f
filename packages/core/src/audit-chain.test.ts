import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditHashInput, GENESIS_HASH, verifyAuditChain, type AuditEntry } from './audit-chain.js';
import { canonicalJson } from './canonical-json.js';

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

function chain(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const base = { orgId: 'o', seq, at: `2026-01-0${seq}T00:00:00.000Z`, actorUserId: 'u', action: 'account.update', entity: 'account', entityId: 'a', before: { n: seq - 1 }, after: { n: seq }, prevHash };
    const hash = digest(auditHashInput(base));
    entries.push({ ...base, hash });
    prevHash = hash;
  }
  return entries;
}

describe('audit hash chain', () => {
  it('accepts an intact chain', () => {
    expect(verifyAuditChain({ entries: chain(5), digest })).toBeNull();
  });

  it('finds an edited, removed or reordered entry', () => {
    const edited = chain(5).map((e) => (e.seq === 3 ? { ...e, after: { n: 99 } } : e));
    expect(verifyAuditChain({ entries: edited, digest })).toEqual({ seq: 3, reason: 'hash_mismatch' });
    const removed = chain(5).filter((e) => e.seq !== 2);
    expect(verifyAuditChain({ entries: removed, digest })).toEqual({ seq: 3, reason: 'sequence_gap' });
    const c = chain(3);
    const swapped = [c[0], { ...(c[2] as AuditEntry), seq: 2 }, { ...(c[1] as AuditEntry), seq: 3 }] as AuditEntry[];
    expect(verifyAuditChain({ entries: swapped, digest })).toEqual({ seq: 2, reason: 'prev_hash_mismatch' });
  });

  it('serialises canonically: key order and bigints never change the bytes', () => {
    expect(canonicalJson({ b: 1n, a: [true, null, 'x'] })).toBe('{"a":[true,null,"x"],"b":"1"}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});
