import type { Pipeline, Stage } from '@attain/core';
import type { Tx } from '@attain/store';
import { defaultPipelineId } from '../crm/opportunity-rules.js';
import { repos } from '../crm/repos.js';
import type { LookupKind } from './csv-entities.js';
import type { Resolution } from './references.js';

const fold = (s: string): string => s.trim().toLowerCase();

async function all<T>(list: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/**
 * The organisation's pipelines and stages, held in memory for an opportunity import (there
 * are few). Names match case-insensitively; a stage is looked up within its pipeline.
 */
export class PipelineLookup {
  private constructor(
    private readonly pipelines: readonly Pipeline[],
    private readonly stages: readonly Stage[],
    readonly defaultId: string | null,
  ) {}

  static async load(tx: Tx, orgId: string): Promise<PipelineLookup> {
    const scope = { kind: 'all' } as const;
    const pipelines = await all((cursor) => repos.pipeline.list(tx, { orgId, scope, limit: 500, includeArchived: true, ...(cursor ? { cursor } : {}) }));
    const stages = await all((cursor) => repos.stage.list(tx, { orgId, scope, limit: 500, includeArchived: true, ...(cursor ? { cursor } : {}) }));
    const defaultId = pipelines.length ? await defaultPipelineId(tx, orgId) : null;
    return new PipelineLookup(pipelines, stages, defaultId);
  }

  pipeline(kinds: readonly LookupKind[], value: string): Resolution {
    for (const kind of kinds) {
      const found = this.pipelines.filter((p) => (kind === 'id' ? p.id === value : kind === 'externalId' ? p.externalId === value : kind === 'name' ? fold(p.name) === fold(value) : false));
      const active = found.length > 1 ? found.filter((p) => p.archivedAt === null) : found;
      if (active.length === 1) return { id: (active[0] as Pipeline).id };
      if (active.length > 1) return { ambiguous: active.length };
    }
    return { missing: true };
  }

  stage(pipelineId: string, kinds: readonly LookupKind[], value: string): Resolution {
    const own = this.stages.filter((s) => s.pipelineId === pipelineId);
    for (const kind of kinds) {
      const found = own.filter((s) => (kind === 'id' ? s.id === value : kind === 'externalId' ? s.externalId === value : kind === 'name' ? fold(s.name) === fold(value) : false));
      if (found.length === 1) return { id: (found[0] as Stage).id };
      if (found.length > 1) return { ambiguous: found.length };
    }
    return { missing: true };
  }

  nameOf(pipelineId: string): string {
    return this.pipelines.find((p) => p.id === pipelineId)?.name ?? pipelineId;
  }
}
