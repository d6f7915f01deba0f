import { DomainError, invalid, type Actor } from '@attain/core';
import { opportunitySplitRepo, type OpportunitySplit } from '@attain/store';
import { recordAudit } from '../audit.js';
import { loadOrgForActor } from '../auth/sessions.js';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { opportunities } from '../crm/entities.js';
import { getRecord } from '../crm/records.js';
import { repos } from '../crm/repos.js';
import { inOrgTransaction } from '../org-transaction.js';
import { checkedSplits } from './split-rules.js';
import { syncDealTransactions } from './sync-deal-transactions.js';

/** The deal's splits; needs the right to read the opportunity (outside it: not found). */
export async function getOpportunitySplits(ctx: AppContext, actor: Actor, opportunityId: string): Promise<OpportunitySplit[]> {
  await getRecord(ctx, actor, opportunities, opportunityId);
  return opportunitySplitRepo.list(ctx.database.db, actor.orgId, opportunityId);
}

/**
 * Replaces the deal's whole split set in one transaction (an empty list removes it), audited
 * with before and after. A won deal is rebooked in the same transaction (see syncDealTransactions).
 */
export async function replaceOpportunitySplits(
  ctx: AppContext,
  actor: Actor,
  opportunityId: string,
  input: { splits: readonly { personId: string; kind: string; share: string }[] },
): Promise<OpportunitySplit[]> {
  requireAbility(actor, 'opportunity:update');
  const org = await loadOrgForActor(ctx, actor);
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const { abilities, ...opportunity } = await getRecord(ctx, actor, opportunities, opportunityId, tx);
    if (!abilities.update) throw new DomainError('forbidden', 'You may not change this opportunity.');
    const splits = checkedSplits(input.splits, opportunity.ownerId);
    for (const [i, s] of input.splits.entries()) {
      const person = await repos.person.get(tx, actor.orgId, s.personId);
      if (!person || person.archivedAt) throw invalid(`splits.${i}.personId`, `no person with id "${s.personId}"`);
    }
    const before = await opportunitySplitRepo.list(tx, actor.orgId, opportunityId);
    await opportunitySplitRepo.replace(tx, actor.orgId, opportunityId, splits, { at: ctx.now(), userId: actor.userId });
    await recordAudit(ctx, tx, { actor, action: 'opportunity.splits', entity: 'opportunity', entityId: opportunityId, before: { splits: before }, after: { splits } });
    await syncDealTransactions(ctx, tx, org, opportunity, opportunity);
    return splits;
  });
}
