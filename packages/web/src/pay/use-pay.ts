import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalcRunItem, CalcRunVerification, StatementSummaryItem, StatementWire } from '@attain/contract';
import { api } from '../api/client.js';

/** How often a running calc run is asked for its progress: live enough to watch, light on the server. */
export const POLL_MS = 300;

/** The period's calc runs, latest first. */
export function useCalcRuns(period: string, enabled = true) {
  return useQuery({
    queryKey: ['calc-runs', 'list', period],
    queryFn: ({ signal }) => api<{ items: CalcRunItem[] }>('/calc-runs', { query: { period }, signal }),
    enabled,
  });
}

/** One run, polled every POLL_MS while it is running; polling stops once it published, failed or was interrupted. */
export function useCalcRun(id: string | null) {
  return useQuery({
    queryKey: ['calc-runs', 'one', id],
    queryFn: ({ signal }) => api<CalcRunItem>(`/calc-runs/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
    refetchIntervalInBackground: true,
  });
}

/** Starts a run of the period; the run as started is cached so polling begins from it. */
export function useStartCalcRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => api<CalcRunItem>('/calc-runs', { method: 'POST', body: { period } }),
    onSuccess: (run) => {
      queryClient.setQueryData(['calc-runs', 'one', run.id], run);
      void queryClient.invalidateQueries({ queryKey: ['calc-runs', 'list'] });
    },
  });
}

/** Recomputes a published run from its frozen inputs and compares the hashes. */
export function useVerifyRun() {
  return useMutation({ mutationFn: (id: string) => api<CalcRunVerification>(`/calc-runs/${encodeURIComponent(id)}/verify`, { method: 'POST' }) });
}

/** After a run finished: the lists of runs and the statements show what it published. */
export function useRefreshAfterRun(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['calc-runs', 'list'] }),
      queryClient.invalidateQueries({ queryKey: ['statements'] }),
    ]);
  };
}

/** The period's statements the caller may read (a rep her own, a manager her team's). */
export function useStatements(period: string) {
  return useQuery({
    queryKey: ['statements', 'list', period],
    queryFn: ({ signal }) => api<{ items: StatementSummaryItem[] }>('/statements', { query: { period }, signal }),
  });
}

/** One statement; a 404 (none yet, or not the caller's to see) is an answer, not retried. */
export function useStatement(personId: string | null, period: string) {
  return useQuery({
    queryKey: ['statements', 'one', personId, period],
    queryFn: ({ signal }) => api<StatementWire>(`/statements/${encodeURIComponent(personId ?? '')}/${encodeURIComponent(period)}`, { signal }),
    enabled: personId !== null,
  });
}
