import { OWNED_RESOURCES, ownerInScope, type Actor, type RecordMeta } from '@attain/core';
import type { EntityRepo } from '@attain/store';
import type { AppContext } from '../context.js';
import type { EntityDefinition } from './definition.js';
import { asRef, repos } from './repos.js';

/*
 * Display names of the records a page of records points to (its owner, account, stage...),
 * so a screen shows "Acme Corp" rather than an id without one request per row. Names of
 * owned records outside the actor's read scope are left out, as the records themselves are.
 */

/** References that are not checked as `references` (stage and pipeline are checked by the opportunity's own rules). */
const EXTRA_REFERENCES: Readonly<Record<string, EntityRepo<RecordMeta>>> = {
  pipelineId: asRef(repos.pipeline),
  stageId: asRef(repos.stage),
};

/** The name a person reads for a record of any CRM entity. */
export function labelOf(record: RecordMeta): string {
  const r = record as unknown as Record<string, unknown>;
  if (typeof r.name === 'string') return r.name;
  if (typeof r.lastName === 'string') return [r.firstName, r.lastName].filter((p) => typeof p === 'string' && p !== '').join(' ');
  if (typeof r.subject === 'string') return r.subject;
  return record.id;
}

/** id -> display name of every record referenced by these records that the actor may see. */
export async function labelsFor<T extends RecordMeta>(ctx: AppContext, actor: Actor, def: EntityDefinition<T>, records: readonly T[]): Promise<Record<string, string>> {
  const fields = { ...def.references, ...EXTRA_REFERENCES };
  const idsByRepo = new Map<EntityRepo<RecordMeta>, Set<string>>();
  for (const [field, repo] of Object.entries(fields)) {
    for (const record of records) {
      const id = (record as unknown as Record<string, unknown>)[field];
      if (typeof id !== 'string' || id === '') continue;
      const ids = idsByRepo.get(repo) ?? new Set<string>();
      ids.add(id);
      idsByRepo.set(repo, ids);
    }
  }
  const labels: Record<string, string> = {};
  for (const [repo, ids] of idsByRepo) {
    const owned = (OWNED_RESOURCES as readonly string[]).includes(repo.spec.name);
    for (const [id, target] of await repo.getMany(ctx.database.db, actor.orgId, [...ids])) {
      if (owned && !ownerInScope(actor, (target as { ownerId?: string | null }).ownerId ?? null)) continue;
      labels[id] = labelOf(target);
    }
  }
  return labels;
}
