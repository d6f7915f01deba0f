import { DomainError, type Actor } from '@attain/core';
import type { CapitalizationPolicyWire } from '@attain/contract';
import { capitalizationPolicyRepo, type CapitalizationPolicyVersion, type Db, type Tx } from '@attain/store';
import { recordAudit } from '../audit.js';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { inOrgTransaction } from '../org-transaction.js';
import { validateOrgCapitalizationPolicy, type OrgCapitalizationPolicy } from './capitalization-policy.rules.js';

/*
 * Authorization: there is no capitalization ability of its own. Writing the policy is a
 * finance act on what the ledger means, so it takes `ledger:adjust` (admin, finance); reading
 * the policy and the reports takes `calc_run:read` (admin, finance, sales ops). Both are
 * organisation-wide comp-admin abilities: a rep or a manager is refused.
 */

const present = (v: CapitalizationPolicyVersion, policy: OrgCapitalizationPolicy): CapitalizationPolicyWire => ({
  version: v.version, policy: { ...policy, incrementalComponentIds: [...policy.incrementalComponentIds] }, createdBy: v.createdBy, createdAt: v.createdAt,
});

/** The policy in force and its version; not_found when the organisation has none yet. */
export async function policyInForce(db: Db | Tx, orgId: string): Promise<{ version: number; policy: OrgCapitalizationPolicy; row: CapitalizationPolicyVersion }> {
  const row = await capitalizationPolicyRepo.latest(db, orgId);
  if (!row) throw new DomainError('not_found', 'no capitalization policy yet: set one first (PUT /capitalization/policy or `attain capitalization policy set`)');
  return { version: row.version, policy: validateOrgCapitalizationPolicy(row.policy), row };
}

/** Writes a new version of the organisation's policy (validated by core and the app), audited with the one it replaces. */
export async function setCapitalizationPolicy(ctx: AppContext, actor: Actor, input: unknown): Promise<CapitalizationPolicyWire> {
  requireAbility(actor, 'ledger:adjust');
  const policy = validateOrgCapitalizationPolicy(input);
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const before = await capitalizationPolicyRepo.latest(tx, actor.orgId);
    const row = await capitalizationPolicyRepo.append(tx, { orgId: actor.orgId, policy, createdBy: actor.userId, createdAt: ctx.now() });
    await recordAudit(ctx, tx, {
      actor, action: 'capitalization_policy.set', entity: 'capitalization_policy', entityId: String(row.version),
      before: before ? { version: before.version, policy: before.policy } : null, after: { version: row.version, policy },
    });
    return present(row, policy);
  });
}

/** The policy in force. */
export async function getCapitalizationPolicy(ctx: AppContext, actor: Actor): Promise<CapitalizationPolicyWire> {
  requireAbility(actor, 'calc_run:read');
  const { row, policy } = await policyInForce(ctx.database.db, actor.orgId);
  return present(row, policy);
}
