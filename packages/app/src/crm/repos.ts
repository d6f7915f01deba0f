import type { RecordMeta } from '@attain/core';
import {
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
