import { useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CoverageAnalysisBody, CoverageAnalysisWire, CoverageApplyResult, CoverageModelDetail, CoverageModelSaveBody } from '@attain/contract';
import { api } from '../api/client.js';
import { useDebounced } from '../ui/use-debounced.js';

/** How long the draft must rest before it is analysed: long enough not to ask per key, short enough to feel live. */
export const ANALYSE_DELAY_MS = 400;

const MODEL_KEY = ['coverage', 'model'] as const;

export function useCoverageModel() {
  return useQuery({ queryKey: MODEL_KEY, queryFn: ({ signal }) => api<CoverageModelDetail>('/coverage/model', { signal }) });
}

/**
 * The analysis of a body once it rests (undefined: nothing to ask yet). The last answer stays
 * shown while the next is asked and when a draft is refused, so the tables do not flicker away;
 * `current` says the answer is of this very body.
 */
export function useCoverageAnalysis(body: CoverageAnalysisBody | undefined) {
  const settled = useDebounced(body, ANALYSE_DELAY_MS);
  const query = useQuery({
    queryKey: ['coverage', 'analysis', settled],
    queryFn: ({ signal }) => api<CoverageAnalysisWire>('/coverage/analysis', { method: 'POST', body: settled, signal }),
    enabled: settled !== undefined,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const [lastGood, setLastGood] = useState<CoverageAnalysisWire | undefined>(undefined);
  useEffect(() => { if (query.data) setLastGood(query.data); }, [query.data]);
  return {
    analysis: query.data ?? lastGood,
    error: settled === body ? query.error : null,
    current: settled === body && query.isSuccess && !query.isPlaceholderData && !query.isFetching,
  };
}

/**
 * Saves the draft as the next version; 422 names each bad field, 409 means someone saved since.
 * `onSaved` is told before the cached model changes (which starts a fresh draft from it).
 */
export function useSaveCoverageModel(onSaved: (saved: CoverageModelDetail) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CoverageModelSaveBody) => api<CoverageModelDetail>('/coverage/model', { method: 'PUT', body }),
    onSuccess: (saved) => {
      onSaved(saved);
      queryClient.setQueryData(MODEL_KEY, saved);
    },
  });
}

/** Sets every account's segment from the saved model; what the analysis counts as changes is asked again. */
export function useApplyCoverage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<CoverageApplyResult>('/coverage/apply', { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['coverage', 'analysis'] }),
  });
}
