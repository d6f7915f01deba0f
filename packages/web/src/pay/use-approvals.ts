import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApprovalStateWire, BulkApprovalResult, PayrollBatchItem, PayrollExportResult, PeriodItem } from '@attain/contract';
import { api } from '../api/client.js';

/*
 * Approving statements, closing and reopening periods, and payroll exports. Every write
 * refreshes the statements and periods it may have changed; the server decides who may do what
 * and its refusal is the mutation's error.
 */

const seg = encodeURIComponent;

function useRefreshPayCycle(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['statements'] }),
      queryClient.invalidateQueries({ queryKey: ['periods'] }),
      queryClient.invalidateQueries({ queryKey: ['payroll-batches'] }),
    ]);
  };
}

/** Approves the next step of one statement as it stands. */
export function useApproveStatement(personId: string, period: string) {
  const refresh = useRefreshPayCycle();
  return useMutation({
    mutationFn: () => api<ApprovalStateWire>(`/statements/${seg(personId)}/${seg(period)}/approve`, { method: 'POST', body: {} }),
    onSuccess: refresh,
  });
}

/** Approves every statement of the period whose next step is the caller's; the rest come back with the reason. */
export function useApproveAll(period: string) {
  const refresh = useRefreshPayCycle();
  return useMutation({
    mutationFn: () => api<BulkApprovalResult>(`/periods/${seg(period)}/approve-statements`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

/** The pay periods with their status and reopening requests (a period appears once it has a run). */
export function usePeriods(enabled = true) {
  return useQuery({
    queryKey: ['periods', 'list'],
    queryFn: ({ signal }) => api<{ items: PeriodItem[] }>('/periods', { signal }),
    enabled,
  });
}

/** Closes the period (refused while a statement is not approved as it stands, or a run computes). */
export function useClosePeriod(period: string) {
  const refresh = useRefreshPayCycle();
  return useMutation({
    mutationFn: () => api<PeriodItem>(`/periods/${seg(period)}/close`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

/** Asks to reopen a closed period, with the reason; someone else approves. */
export function useRequestReopen(period: string) {
  const refresh = useRefreshPayCycle();
  return useMutation({
    mutationFn: (reason: string) => api(`/periods/${seg(period)}/reopen-requests`, { method: 'POST', body: { reason } }),
    onSuccess: refresh,
  });
}

/** Approves someone else's reopening request: the period opens again. */
export function useApproveReopen() {
  const refresh = useRefreshPayCycle();
  return useMutation({
    mutationFn: (requestId: string) => api<PeriodItem>(`/reopen-requests/${seg(requestId)}/approve`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

/** Exports what the period's approved statements still owe as a payroll batch. */
export function useExportPayroll(period: string) {
  const refresh = useRefreshPayCycle();
  return useMutation({
    mutationFn: () => api<PayrollExportResult>(`/periods/${seg(period)}/payroll-export`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

/** User names by id, to say who approved; only for those who may list users (others see ids). */
export function useUserNames(enabled: boolean): ReadonlyMap<string, string> {
  const users = useQuery({
    queryKey: ['users', 'names'],
    queryFn: ({ signal }) => api<{ items: { id: string; name: string }[] }>('/users', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
  return new Map((users.data?.items ?? []).map((u) => [u.id, u.name]));
}

/** The address of a payroll batch's file (a plain link: the browser downloads it with the session cookie). */
/** The period's payroll batches, latest first (finance). */
export function usePayrollBatches(period: string) {
  return useQuery({
    queryKey: ['payroll-batches', period],
    queryFn: ({ signal }) => api<{ items: PayrollBatchItem[] }>(`/payroll-batches?period=${encodeURIComponent(period)}`, { signal }),
  });
}

export function payrollCsvHref(batchId: string): string {
  return `/api/v1/payroll-batches/${seg(batchId)}/csv`;
}
