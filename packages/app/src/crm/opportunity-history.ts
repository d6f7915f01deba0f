import type { Actor, OpportunityHistoryEntry } from '@attain/core';
import { opportunityHistoryRepo } from '@attain/store';
import type { AppContext } from '../context.js';
import { opportunities } from './entities.js';
import { getRecord } from './records.js';

/** The history of an opportunity the actor may see, oldest first. */
export async function listOpportunityHistory(ctx: AppContext, actor: Actor, opportunityId: string): Promise<OpportunityHistoryEntry[]> {
  const opportunity = await getRecord(ctx, actor, opportunities, opportunityId);
  return opportunityHistoryRepo.list(ctx.database.db, actor.orgId, opportunity.id);
}
