import type { RecordMeta, Stage } from '@attain/core';
import {
  type Db,
  type Tx,
  accountSpec, activitySpec, contactSpec, EntityRepo, leadSpec, lineItemSpec, opportunitySpec, personSpec, pipelineSpec,
  productSpec, stageSpec, teamSpec,
} from '@attain/store';

/** One repository per CRM table, shared by all use cases (they hold no state). */
export const repos = {
  account: new EntityRepo(accountSpec),
  contact: new EntityRepo(contactSpec),
  lead: new EntityRepo(leadSpec),
  opportunity: new EntityRepo(opportunitySpec),
  activity: new EntityRepo(activitySpec),
  person: new EntityRepo(personSpec),
  team: new EntityRepo(teamSpec),
  product: new EntityRepo(productSpec),
  pipeline: new EntityRepo(pipelineSpec),
  stage: new EntityRepo(stageSpec),
  lineItem: new EntityRepo(lineItemSpec),
};

export const asRef = <T extends RecordMeta>(repo: EntityRepo<T>): EntityRepo<RecordMeta> => repo as unknown as EntityRepo<RecordMeta>;

/** The stages of a pipeline in their order. */
export async function stagesOf(db: Db | Tx, orgId: string, pipelineId: string): Promise<Stage[]> {
  const page = await repos.stage.list(db, { orgId, scope: { kind: 'all' }, filters: [{ field: 'pipelineId', op: 'eq', values: [pipelineId] }], limit: 100 });
  return page.items;
}
