import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TerritoryActivateBody,
  TerritoryActivateResult, TerritoryDiffWire, TerritoryMapWire, TerritoryModelCreateBody, TerritoryModelDetail, TerritoryModelSaveBody,
  TerritoryModelSummary, TerritoryOptimizeBody, TerritoryOptimizeProgressLine, TerritoryOptimizeResult, TerritoriesSupportedWire,
} from '@attain/contract';
import { useState } from 'react';
import { api } from '../api/client.js';
import { postWithProgress } from '../api/ndjson.js';

/*
 * The territory models API. A model's detail, map and dry runs are cached by id (the map and a
 * dry run also by version: a save or an optimization makes a new one). Writes put the model they
 * answer with into the cache and have the list asked again.
 */

const ROOT = ['territory-models'] as const;
const path = (id: string, rest = '') => `/territory-models/${encodeURIComponent(id)}${rest}`;
export const modelKey = (id: string) => [...ROOT, 'detail', id] as const;

export function useTerritoryModels() {
  return useQuery({ queryKey: [...ROOT, 'list'], queryFn: ({ signal }) => api<{ items: TerritoryModelSummary[] }>('/territory-models', { signal }) });
}

export function useTerritoryModel(id: string) {
  return useQuery({ queryKey: modelKey(id), queryFn: ({ signal }) => api<TerritoryModelDetail>(path(id), { signal }) });
}

/** What the map draws for a saved version (status too: activation changes owners, not the version). */
export function useTerritoryMap(id: string, version: number | undefined, status: string | undefined) {
  return useQuery({
    queryKey: [...ROOT, 'map', id, version, status],
    queryFn: ({ signal }) => api<TerritoryMapWire>(path(id, '/map'), { signal }),
    enabled: version !== undefined,
  });
}

/** The dry run of activating a version on a date; asked only once `effectiveDate` is set (the "Dry run" button). */
export function useTerritoryDiff(id: string, version: number, effectiveDate: string | null) {
  return useQuery({
    queryKey: [...ROOT, 'diff', id, version, effectiveDate],
    queryFn: ({ signal }) => api<TerritoryDiffWire>(path(id, '/diff'), { query: { effectiveDate }, signal }),
    enabled: effectiveDate !== null,
    staleTime: 0,
    retry: false,
  });
}

/** How many territories the market supports with at least `minimumMinor` of potential each (asked once a minimum is given). */
export function useTerritoriesSupported(minimumMinor: string | null) {
  return useQuery({
    queryKey: ['territories-supported', minimumMinor],
    queryFn: ({ signal }) => api<TerritoriesSupportedWire>('/territories/supported', { query: { minimumMinor }, signal }),
    enabled: minimumMinor !== null,
    retry: false,
  });
}

function useModelWrite<B, R>(request: (body: B) => Promise<R>, modelOf: (result: R) => TerritoryModelDetail | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    // Not awaited: the caller's own callbacks come first, before the refetched model remounts the screen that made the call.
    onSuccess: (result) => {
      const model = modelOf(result);
      if (model) {
        queryClient.setQueryData(modelKey(model.id), model);
        void queryClient.invalidateQueries({ queryKey: [...ROOT, 'list'] });
      } else {
        // One model is active at a time: activating or archiving one may change another, so all are asked again.
        void queryClient.invalidateQueries({ queryKey: ROOT });
      }
    },
  });
}

export function useCreateTerritoryModel() {
  return useModelWrite((body: TerritoryModelCreateBody) => api<TerritoryModelDetail>('/territory-models', { method: 'POST', body }), (m) => m);
}

/** Saves the draft as the next version; 409 when saved since `baseVersion`, 422 naming the bad fields. */
export function useSaveTerritoryModel(id: string) {
  return useModelWrite((body: TerritoryModelSaveBody) => api<TerritoryModelDetail>(path(id), { method: 'PUT', body }), (m) => m);
}

/** Optimizing with its progress (the route's NDJSON variant): `progress` is the last line heard while it runs. */
export function useOptimizeTerritoryModel(id: string) {
  const [progress, setProgress] = useState<TerritoryOptimizeProgressLine | null>(null);
  const mutation = useModelWrite((body: TerritoryOptimizeBody) => {
    setProgress(null);
    return postWithProgress<TerritoryOptimizeResult, TerritoryOptimizeProgressLine>(`/api/v1${path(id, '/optimize')}`, {
      body: JSON.stringify(body), contentType: 'application/json', final: 'result', onProgress: setProgress,
      cutMessage: 'The connection ended before the optimizer finished: reload the model to see whether it saved a new version.',
    });
  }, (r) => r.model);
  return { mutation, progress };
}

export function useActivateTerritoryModel(id: string) {
  return useModelWrite((body: TerritoryActivateBody) => api<TerritoryActivateResult>(path(id, '/activate'), { method: 'POST', body }), () => null);
}

export function useArchiveTerritoryModel(id: string) {
  return useModelWrite(() => api<TerritoryModelSummary>(path(id, '/archive'), { method: 'POST', body: {} }), () => null);
}
