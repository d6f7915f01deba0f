import { changedTrackedFields, invalid, stageDerivedFields, type ForecastCategory, type Opportunity, type Stage } from '@attain/core';
import { accountTerritoryRepo, opportunityHistoryRepo, type Tx } from '@attain/store';
import type { WriteArgs } from './definition.js';
import { repos, stagesOf } from './repos.js';

/** The org's default pipeline (or its first one). */
export async function defaultPipelineId(tx: Tx, orgId: string): Promise<string> {
  const marked = await repos.pipeline.list(tx, { orgId, scope: { kind: 'all' }, filters: [{ field: 'isDefault', op: 'eq', values: [true] }], limit: 1 });
  const chosen = marked.items[0] ?? (await repos.pipeline.list(tx, { orgId, scope: { kind: 'all' }, sort: 'name', limit: 1 })).items[0];
  if (!chosen) throw invalid('pipelineId', 'the organisation has no pipeline yet');
  return chosen.id;
}

/**
 * Pipeline and stage consistency, then the fields that follow from the stage. A new
 * opportunity without a stage starts at the first stage of its pipeline; moving to another
 * pipeline without naming a stage also lands on its first stage.
 */
export async function deriveOpportunity({ tx, actor, before, next, input }: WriteArgs<Opportunity>): Promise<Opportunity> {
  if (before && next.currency !== before.currency) {
    const items = await repos.lineItem.list(tx, { orgId: actor.orgId, scope: { kind: 'all' }, filters: [{ field: 'opportunityId', op: 'eq', values: [before.id] }], limit: 1 });
    if (items.items.length > 0) throw invalid('currency', 'cannot change while the opportunity has line items priced in its currency');
  }
  const pipelineId = next.pipelineId || (await defaultPipelineId(tx, actor.orgId));
  const stages = await stagesOf(tx, actor.orgId, pipelineId);
  if (stages.length === 0) throw invalid('pipelineId', 'no such pipeline');
  const pipelineMoved = before !== null && before.pipelineId !== pipelineId && !('stageId' in input);
  const stageId = !next.stageId || pipelineMoved ? (stages[0] as Stage).id : next.stageId;
  const stage = stages.find((s) => s.id === stageId);
  if (!stage) throw invalid('stageId', 'is not a stage of this pipeline');
  const derived = stageDerivedFields({
    stage,
    previous: before,
    requestedCategory: input.forecastCategory as ForecastCategory | undefined,
    now: next.updatedAt,
  });
  const probabilityBps = !stage.isClosed && typeof input.probabilityBps === 'number' ? input.probabilityBps : derived.probabilityBps;
  // An opportunity belongs to its account's territory on its close date (once a territory model placed the account then).
  const placed = next.accountId === null ? undefined : await accountTerritoryRepo.territoryOn(tx, actor.orgId, next.accountId, next.closeDate);
  return { ...next, pipelineId, stageId, ...derived, probabilityBps, territoryId: placed === undefined ? next.territoryId : placed };
}

/** Appends the tracked state to the history when a tracked field changed (every create). */
export async function writeOpportunityHistory({ tx, actor, before, after }: WriteArgs<Opportunity> & { after: Opportunity }): Promise<void> {
  const changed = changedTrackedFields(before, after);
  if (changed.length === 0) return;
  const seq = before ? (await opportunityHistoryRepo.lastSeq(tx, actor.orgId, after.id)) + 1 : 1;
  await opportunityHistoryRepo.append(tx, [
    {
      orgId: actor.orgId,
      opportunityId: after.id,
      seq,
      changedAt: after.updatedAt,
      actorUserId: actor.userId,
      changedFields: changed,
      stageId: after.stageId,
      amountMinor: after.amountMinor,
      currency: after.currency,
      closeDate: after.closeDate,
      forecastCategory: after.forecastCategory,
      ownerId: after.ownerId,
      territoryId: after.territoryId,
    },
  ]);
}
