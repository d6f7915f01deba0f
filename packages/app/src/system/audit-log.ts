import type { Actor, AuditEntry } from '@attain/core';
import { requireAbility } from '../authorize.js';
import { auditRepo } from '@attain/store';
import type { AppContext } from '../context.js';

/** Walks the org's audit chain; a tampered, removed or reordered row breaks it. */
export async function verifyAuditLog(ctx: AppContext, orgId: string): Promise<{ ok: boolean; checked: number; brokenAt: number | null; reason: string | null }> {
  const result = await auditRepo.verify(ctx.database.db, orgId);
  return { ok: result.break === null, checked: result.checked, brokenAt: result.break?.seq ?? null, reason: result.break?.reason ?? null };
}

export async function verifyAuditLogAs(ctx: AppContext, actor: Actor) {
  requireAbility(actor, 'audit:verify');
  return verifyAuditLog(ctx, actor.orgId);
}

/** The audit entries of the org, optionally of one record, oldest first from `afterSeq`. */
export async function listAuditEntries(
  ctx: AppContext,
  actor: Actor,
  input: { entity?: string; entityId?: string; afterSeq?: number; limit?: number },
): Promise<AuditEntry[]> {
  requireAbility(actor, 'audit:read');
  return auditRepo.list(ctx.database.db, { orgId: actor.orgId, ...input, limit: input.limit ?? 100 });
}
