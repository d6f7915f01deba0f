import { useMutation, useQuery } from '@tanstack/react-query';
import type { CostScenarios, WhatIfResult } from '@attain/contract';
import { api } from '../api/client.js';

const versionPath = (planId: string, version: number) => `/plans/${encodeURIComponent(planId)}/versions/${version}`;

/** Re-runs a period (or fiscal year) under a plan version; nothing is published. */
export function useWhatIf(planId: string) {
  return useMutation({
    mutationFn: (input: { version: number; period: string }) => api<WhatIfResult>(`${versionPath(planId, input.version)}/what-if`, { method: 'POST', body: { period: input.period } }),
  });
}

/** The version's cost at 50/100/150% and historical attainment in a pay period (asked once a what-if ran). */
export function useCostScenarios(planId: string, version: number | undefined, period: string | undefined) {
  return useQuery({
    queryKey: ['plans', planId, 'cost', version, period],
    queryFn: ({ signal }) => api<CostScenarios>(`${versionPath(planId, version ?? 0)}/cost-scenarios`, { query: { period: period ?? '' }, signal }),
    enabled: version !== undefined && period !== undefined && !/^\s*(FY)?\d{4}\s*$/i.test(period),
  });
}
