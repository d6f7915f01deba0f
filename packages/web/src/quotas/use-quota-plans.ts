import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QuotaPlanApproved, QuotaPlanComparison, QuotaPlanDetail, QuotaPlanSummary, SaveQuotaPlanBody } from '@attain/contract';
import { api } from '../api/client.js';

/** The quota plans' queries and writes; each write refreshes the plan and the list. */

const path = (id: string) => `/quota-plans/${encodeURIComponent(id)}`;

export const useQuotaPlans = () => useQuery({ queryKey: ['quota-plans'], queryFn: () => api<{ items: QuotaPlanSummary[] }>('/quota-plans') });

export const useQuotaPlan = (id: string, version: number | null) =>
  useQuery({ queryKey: ['quota-plan', id, version], queryFn: () => api<QuotaPlanDetail>(`${path(id)}${version === null ? '' : `?version=${version}`}`) });

export const useQuotaComparison = (id: string, from: number | null, to: number | null) =>
  useQuery({
    queryKey: ['quota-plan-compare', id, from, to], enabled: from !== null && to !== null && from !== to,
    queryFn: () => api<QuotaPlanComparison>(`${path(id)}/compare?from=${from ?? 1}&to=${to ?? 1}`),
  });

/** Save, submit, approve and reject, each answering the plan (approval also what it wrote into the plan assignments). */
export function useQuotaPlanWrites(id: string) {
  const client = useQueryClient();
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['quota-plan', id] });
    await client.invalidateQueries({ queryKey: ['quota-plans'] });
  };
  return {
    save: useMutation({ mutationFn: (body: SaveQuotaPlanBody) => api<QuotaPlanDetail>(path(id), { method: 'PUT', body }), onSuccess: refresh }),
    submit: useMutation({ mutationFn: (comment: string) => api<QuotaPlanDetail>(`${path(id)}/submit`, { method: 'POST', body: { comment } }), onSuccess: refresh }),
    approve: useMutation({ mutationFn: (b: { version: number; comment: string }) => api<QuotaPlanApproved>(`${path(id)}/approve`, { method: 'POST', body: b }), onSuccess: refresh }),
    reject: useMutation({ mutationFn: (comment: string) => api<QuotaPlanDetail>(`${path(id)}/reject`, { method: 'POST', body: { comment } }), onSuccess: refresh }),
  };
}
