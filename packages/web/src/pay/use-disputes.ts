import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DisputeDetail, DisputeItem, DisputeSummaryWire, RaiseDisputeBody, ResolveDisputeBody } from '@attain/contract';
import { api } from '../api/client.js';

/** Disputes within the caller's reach; filters as the API takes them (status: comma list). */
export function useDisputes(query: { status?: string; period?: string; personId?: string }, enabled = true) {
  return useQuery({
    queryKey: ['disputes', 'list', query],
    queryFn: ({ signal }) => api<{ items: DisputeItem[] }>('/disputes', { query, signal }),
    enabled,
  });
}

/** Counts by status and ages, for finance. */
export function useDisputeSummary(enabled: boolean) {
  return useQuery({
    queryKey: ['disputes', 'summary'],
    queryFn: ({ signal }) => api<DisputeSummaryWire>('/disputes/summary', { signal }),
    enabled,
  });
}

export function useDispute(id: string) {
  return useQuery({ queryKey: ['disputes', 'one', id], queryFn: ({ signal }) => api<DisputeDetail>(`/disputes/${encodeURIComponent(id)}`, { signal }) });
}

/** After any dispute write: lists, summary, the dispute, and statements (a resolution may post an adjustment). */
function useRefresh() {
  const queryClient = useQueryClient();
  return async (d: DisputeDetail) => {
    queryClient.setQueryData(['disputes', 'one', d.id], d);
    await Promise.all([queryClient.invalidateQueries({ queryKey: ['disputes'] }), queryClient.invalidateQueries({ queryKey: ['statements'] })]);
  };
}

export function useRaiseDispute() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: RaiseDisputeBody) => api<DisputeDetail>('/disputes', { method: 'POST', body }), onSuccess: refresh });
}

export type DisputeMove =
  | { action: 'comments' | 'answer' | 'reopen'; body: { body: string } }
  | { action: 'assign'; body: { assigneeUserId?: string } }
  | { action: 'resolve'; body: ResolveDisputeBody };

/** Comment, answer, reopen, assign or resolve a dispute. */
export function useMoveDispute(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (move: DisputeMove) => api<DisputeDetail>(`/disputes/${encodeURIComponent(id)}/${move.action}`, { method: 'POST', body: move.body }),
    onSuccess: refresh,
  });
}
