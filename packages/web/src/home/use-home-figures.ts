import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { PersonRecord } from '../api/types.js';
import type { HomeFigures } from './home-figures.js';

const homeKey = (ownerId: string | null) => ['home', ownerId ?? 'scope'] as const;

/**
 * The home figures of the caller's scope, or of one person in it. While another person's
 * figures load, the last ones stay on screen (dimmed by the page) instead of a blank flash.
 */
export function useHomeFigures(ownerId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: homeKey(ownerId),
    queryFn: ({ signal }) => api<HomeFigures>('/home', { query: { ownerId }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * The name of the person the page is narrowed to: from the team figures already loaded (her
 * bar), else from her own figures, else asked of /people (a rep with no open deal has no bar).
 */
export function usePersonName(ownerId: string | null, figures: HomeFigures | undefined, mayReadPeople: boolean): string | null {
  const queryClient = useQueryClient();
  const fromGrid = (f: HomeFigures | undefined) => f?.byRepAndStage.reps.find((r) => r.ownerId === ownerId)?.ownerName ?? null;
  const known = ownerId === null ? null : (fromGrid(queryClient.getQueryData<HomeFigures>(homeKey(null))) ?? fromGrid(figures));
  const person = useQuery({
    queryKey: ['people', ownerId],
    queryFn: ({ signal }) => api<PersonRecord>(`/people/${ownerId ?? ''}`, { signal }),
    enabled: ownerId !== null && known === null && mayReadPeople,
  });
  return known ?? (typeof person.data?.name === 'string' ? person.data.name : null);
}
