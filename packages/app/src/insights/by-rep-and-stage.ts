import type { Actor } from '@attain/core';
import { insightsRepo, type Db } from '@attain/store';
import { repos, stagesOf } from '../crm/repos.js';
import type { OrgCurrency } from './org-currency.js';

export interface RepStageCell {
  readonly stageId: string;
  readonly amountMinor: bigint;
  readonly count: number;
}

export interface RepPipelineRow {
  readonly ownerId: string | null;
  readonly ownerName: string | null;
  /** The rep's whole open pipeline, converted and rounded once (so it may differ from the sum of the rounded cells by a minor unit or so). */
  readonly totalMinor: bigint;
  /** One cell per open stage, in stage order, zeros included. */
  readonly stages: RepStageCell[];
}

export interface RepStageGrid {
  readonly pipelineId: string | null;
  readonly stages: { stageId: string; name: string }[];
  readonly reps: RepPipelineRow[];
}

/** The org's default pipeline, or its first by name when none is marked; null when it has none. */
async function defaultPipelineOf(db: Db, orgId: string): Promise<string | null> {
  const marked = await repos.pipeline.list(db, { orgId, scope: { kind: 'all' }, filters: [{ field: 'isDefault', op: 'eq', values: [true] }], limit: 1 });
  const chosen = marked.items[0] ?? (await repos.pipeline.list(db, { orgId, scope: { kind: 'all' }, sort: 'name', limit: 1 })).items[0];
  return chosen?.id ?? null;
}

/**
 * Open opportunities of the default pipeline in scope, by owner and open stage: the grid of
 * the home page. Reps with no open deal there are left out; largest total first.
 */
export async function repStageGrid(db: Db, actor: Actor, ownerIds: readonly string[] | null, money: OrgCurrency): Promise<RepStageGrid> {
  const pipelineId = await defaultPipelineOf(db, actor.orgId);
  if (pipelineId === null) return { pipelineId, stages: [], reps: [] };
  const stages = (await stagesOf(db, actor.orgId, pipelineId)).filter((s) => !s.isClosed);
  const groups = await insightsRepo.sumOpportunities(
    db,
    { orgId: actor.orgId, ownerIds, pipelineId, isClosed: false },
    { groupBy: ['ownerId', 'stageId'], rateBreaks: money.rateBreaks },
  );
  // Deals on an archived stage have no column, so they stay out of the total too.
  const open = new Set(stages.map((s) => s.id));
  const byOwner = new Map<string | null, typeof groups>();
  for (const g of groups) if (g.stageId !== null && open.has(g.stageId)) byOwner.set(g.ownerId, [...(byOwner.get(g.ownerId) ?? []), g]);
  const people = await repos.person.getMany(db, actor.orgId, [...byOwner.keys()].filter((id): id is string => id !== null));
  const reps: RepPipelineRow[] = [...byOwner].map(([ownerId, own]) => ({
    ownerId,
    ownerName: ownerId === null ? null : (people.get(ownerId)?.name ?? null),
    totalMinor: money.sum(own),
    stages: stages.map((s) => {
      const cell = own.filter((g) => g.stageId === s.id);
      return { stageId: s.id, amountMinor: money.sum(cell), count: cell.reduce((n, g) => n + g.count, 0) };
    }),
  }));
  reps.sort((a, b) => (a.totalMinor !== b.totalMinor ? (a.totalMinor > b.totalMinor ? -1 : 1) : (a.ownerName ?? '').localeCompare(b.ownerName ?? '') || (a.ownerId ?? '').localeCompare(b.ownerId ?? '')));
  return { pipelineId, stages: stages.map((s) => ({ stageId: s.id, name: s.name })), reps };
}
