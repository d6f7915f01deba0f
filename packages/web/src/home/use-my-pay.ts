import { useMutation, useQuery } from '@tanstack/react-query';
import type { DealEstimate, EstimateDealBody, MyEarnings } from '@attain/contract';
import { api } from '../api/client.js';

/** The caller's own earnings of a fiscal year (default: the current one). */
export function useMyEarnings(enabled: boolean, year?: number) {
  return useQuery({
    queryKey: ['me', 'earnings', year ?? 'current'],
    queryFn: ({ signal }) => api<MyEarnings>('/me/earnings', { query: { year }, signal }),
    enabled,
  });
}

/** What a hypothetical deal of the caller would pay (nothing is stored). */
export function useEstimateDeal() {
  return useMutation({ mutationFn: (body: EstimateDealBody) => api<DealEstimate>('/me/estimate', { method: 'POST', body }) });
}
