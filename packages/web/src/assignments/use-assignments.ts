import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangePlanAssignmentBody, CreatePlanAssignmentBody, PlanAssignmentChanged, PlanAssignmentDetail, PlanAssignmentItem, PlanDetail,
} from '@attain/contract';
import { api } from '../api/client.js';

/** The visible assignments, on a day when `asOf` is set; the last list stays while the next loads. */
export function useAssignments(asOf: string) {
  return useQuery({
    queryKey: ['assignments', 'list', asOf],
    queryFn: ({ signal }) => api<{ items: PlanAssignmentItem[] }>('/assignments', { query: { asOf }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One assignment with its target incentive and quota for `period`, explained. */
export function useAssignmentTerms(id: string, period: string) {
  return useQuery({
    queryKey: ['assignments', id, 'terms', period],
    queryFn: ({ signal }) => api<PlanAssignmentDetail>(`/assignments/${encodeURIComponent(id)}`, { query: { period }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAssignPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePlanAssignmentBody) => api<PlanAssignmentItem>('/assignments', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['assignments'] }),
  });
}

export function useChangeAssignment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePlanAssignmentBody) => api<PlanAssignmentChanged>(`/assignments/${encodeURIComponent(id)}/change`, { method: 'POST', body }),
    // The ended row and its terms changed too: every cached assignment is asked again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['assignments'] }),
  });
}

/** A plan's versions, once a plan is chosen (the plans area's cache key, so both share the answer). */
export function usePlanVersions(planId: string) {
  return useQuery({
    queryKey: ['plans', planId],
    queryFn: ({ signal }) => api<PlanDetail>(`/plans/${encodeURIComponent(planId)}`, { signal }),
    enabled: planId !== '',
  });
}
