import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { Page, PersonRecord, PipelineRecord, TeamRecord } from '../api/types.js';

/*
 * Small reference lists the screens choose from (owners, teams, pipelines). They are short in
 * any org (hundreds of people at most), so each is loaded once and cached for the session.
 */

export interface Choice {
  readonly id: string;
  readonly name: string;
}

async function all<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await api<Page<T>>(path, { query: { limit: 500, ...(cursor ? { cursor } : {}) } });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < 5000);
  return items;
}

export function usePeople(enabled = true) {
  return useQuery({ queryKey: ['choices', 'people'], enabled, staleTime: 300_000, queryFn: () => all<PersonRecord>('/people') });
}

export function useTeams(enabled = true) {
  return useQuery({ queryKey: ['choices', 'teams'], enabled, staleTime: 300_000, queryFn: () => all<TeamRecord>('/teams') });
}

export function usePipelines(enabled = true) {
  return useQuery({ queryKey: ['choices', 'pipelines'], enabled, staleTime: 300_000, queryFn: () => api<{ items: PipelineRecord[] }>('/pipelines').then((p) => p.items) });
}

/**
 * The choices for a reference field, or null when the target list is too long to offer
 * (accounts...). Stages are those of `pipelineId` (the default pipeline's when it is empty),
 * or of every pipeline when it is not given (a filter).
 */
export function useRefChoices(entity: string, pipelineId?: string): Choice[] | null {
  const people = usePeople(entity === 'people');
  const teams = useTeams(entity === 'teams');
  const pipelines = usePipelines(entity === 'pipelines' || entity === 'stages');
  if (entity === 'people') return people.data ?? [];
  if (entity === 'teams') return teams.data ?? [];
  if (entity === 'pipelines') return pipelines.data ?? [];
  if (entity === 'stages') {
    const all = pipelines.data ?? [];
    if (pipelineId !== undefined) {
      const pipeline = all.find((p) => (pipelineId ? p.id === pipelineId : p.isDefault));
      return (pipeline?.stages ?? []).map((s) => ({ id: s.id, name: s.name }));
    }
    return all.flatMap((p) => p.stages.map((s) => ({ id: s.id, name: all.length > 1 ? `${p.name}: ${s.name}` : s.name })));
  }
  return null;
}
