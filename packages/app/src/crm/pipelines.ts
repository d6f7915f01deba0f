import { invalid, type Actor, type Organisation, type Pipeline, type Stage } from '@attain/core';
import { inOrgTransaction } from '../org-transaction.js';
import { type Tx } from '@attain/store';
import { recordAudit } from '../audit.js';
import { loadOrgForActor } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { abilitiesOf, createInTx, getRecord, listRecords, updateInTx } from './records.js';
import type { EntityDefinition } from './definition.js';
import { repos, stagesOf } from './repos.js';

export const pipelines: EntityDefinition<Pipeline> = {
  resource: 'pipeline',
  repo: repos.pipeline,
  idPrefix: 'pip',
  owned: false,
  references: {},
  defaults: () => ({ isDefault: false }),
};

export interface StageInput {
  readonly name: string;
  readonly probabilityBps: number;
  readonly forecastCategory: Stage['forecastCategory'];
  readonly isClosed: boolean;
  readonly isWon: boolean;
}

export type PipelineWithStages = Pipeline & { stages: Stage[] };

function checkStages(stages: readonly StageInput[]): void {
  stages.forEach((s, i) => {
    if (s.isWon && !s.isClosed) throw invalid(`stages.${i}.isWon`, 'a won stage must also be closed');
    if (s.isClosed && s.forecastCategory !== (s.isWon ? 'closed' : 'omitted')) {
      throw invalid(`stages.${i}.forecastCategory`, `a ${s.isWon ? 'won' : 'lost'} stage has forecast category "${s.isWon ? 'closed' : 'omitted'}"`);
    }
    if (!s.isClosed && s.forecastCategory === 'closed') {
      throw invalid(`stages.${i}.forecastCategory`, 'an open stage cannot be "closed"');
    }
  });
  if (!stages.some((s) => s.isClosed && s.isWon)) throw invalid('stages', 'needs a won stage');
  if (!stages.some((s) => s.isClosed && !s.isWon)) throw invalid('stages', 'needs a lost stage');
  if (!stages.some((s) => !s.isClosed)) throw invalid('stages', 'needs an open stage');
}

/** Creates a pipeline with its stages, in the given order, inside an open transaction. */
export async function createPipelineInTx(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  org: Organisation,
  input: { name: string; isDefault?: boolean; externalId?: string | null; stages: readonly StageInput[] },
): Promise<PipelineWithStages> {
  checkStages(input.stages);
  const { stages: stageInputs, ...fields } = input;
  const pipeline = await createInTx(ctx, tx, actor, org, pipelines, fields);
  if (fields.isDefault) {
    // One default per org: the previous one steps down, through the use case, so it is audited.
    const current = await repos.pipeline.list(tx, { orgId: actor.orgId, scope: { kind: 'all' }, filters: [{ field: 'isDefault', op: 'eq', values: [true] }], limit: 10 });
    for (const p of current.items) if (p.id !== pipeline.id) await updateInTx(ctx, tx, actor, org, pipelines, p.id, { isDefault: false });
  }
  const now = ctx.now();
  const stages: Stage[] = stageInputs.map((s, i) => ({
    ...s, id: ctx.newId('stg'), orgId: actor.orgId, pipelineId: pipeline.id, sortOrder: (i + 1) * 10, externalId: null,
    createdAt: now, updatedAt: now, archivedAt: null, version: 1,
  }));
  for (const stage of stages) await repos.stage.insert(tx, stage);
  await recordAudit(ctx, tx, { actor, action: 'pipeline.stages', entity: 'pipeline', entityId: pipeline.id, before: null, after: stages });
  return { ...pipeline, stages };
}

export async function createPipeline(ctx: AppContext, actor: Actor, input: Parameters<typeof createPipelineInTx>[4]) {
  const org = await loadOrgForActor(ctx, actor);
  const created = await inOrgTransaction(ctx, actor.orgId, (tx) => createPipelineInTx(ctx, tx, actor, org, input));
  return { ...created, abilities: abilitiesOf(pipelines, actor, created) };
}

export async function listPipelines(ctx: AppContext, actor: Actor) {
  const page = await listRecords(ctx, actor, pipelines, { limit: 500, sort: 'name' });
  const items = [];
  for (const p of page.items) items.push({ ...p, stages: await stagesOf(ctx.database.db, actor.orgId, p.id) });
  return { items, nextCursor: null };
}

export async function getPipeline(ctx: AppContext, actor: Actor, id: string) {
  const pipeline = await getRecord(ctx, actor, pipelines, id);
  return { ...pipeline, stages: await stagesOf(ctx.database.db, actor.orgId, id) };
}
