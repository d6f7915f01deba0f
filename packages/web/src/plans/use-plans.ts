import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanDetail, PlanListItem, PlanPreview, PlanPreviewBody, PlanSaved, PlanValidation, PlanVersionDetail } from '@attain/contract';
import { api } from '../api/client.js';
import { useDebounced } from '../ui/use-debounced.js';

/** How long the text must rest before it is checked: long enough not to ask per key, short enough to feel live. */
export const VALIDATE_DELAY_MS = 400;

export function usePlans() {
  return useQuery({ queryKey: ['plans'], queryFn: ({ signal }) => api<{ items: PlanListItem[] }>('/plans', { signal }) });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: ['plans', id], queryFn: ({ signal }) => api<PlanDetail>(`/plans/${encodeURIComponent(id)}`, { signal }) });
}

export function usePlanVersion(id: string, version: number | undefined) {
  return useQuery({
    queryKey: ['plans', id, 'versions', version],
    queryFn: ({ signal }) => api<PlanVersionDetail>(`/plans/${encodeURIComponent(id)}/versions/${version ?? 0}`, { signal }),
    enabled: version !== undefined,
    // A version never changes once saved.
    staleTime: Infinity,
  });
}

/** The source's problems, checked once typing pauses; the last answer stays while the next is asked. */
export function usePlanValidation(source: string | undefined) {
  const settled = useDebounced(source, VALIDATE_DELAY_MS);
  return useQuery({
    queryKey: ['plans', 'validate', settled],
    queryFn: ({ signal }) => api<PlanValidation>('/plans/validate', { method: 'POST', body: { source: settled }, signal }),
    enabled: settled !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** The payout curve and sample explanation of a valid source; not asked while the source has problems. */
export function usePlanPreview(body: PlanPreviewBody | undefined) {
  const settled = useDebounced(body, VALIDATE_DELAY_MS);
  return useQuery({
    queryKey: ['plans', 'preview', settled],
    queryFn: ({ signal }) => api<PlanPreview>('/plans/preview', { method: 'POST', body: settled, signal }),
    enabled: settled !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
}

export function useSavePlanVersion(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (source: string) => api<PlanSaved>(`/plans/${encodeURIComponent(id)}/versions`, { method: 'POST', body: { source } }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['plans', id], saved.plan);
      queryClient.setQueryData(['plans', id, 'versions', saved.version.version], saved.version);
      await queryClient.invalidateQueries({ queryKey: ['plans'], exact: true });
    },
  });
}

/** Publishes a draft version (someone other than its author); the plan and the list are asked again. */
export function usePublishPlanVersion(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api<PlanSaved>(`/plans/${encodeURIComponent(id)}/versions/${version}/publish`, { method: 'POST', body: {} }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['plans', id], saved.plan);
      await queryClient.invalidateQueries({ queryKey: ['plans'], exact: true });
    },
  });
}
