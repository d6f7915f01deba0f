import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { fiscalYearOf } from '@attain/core';
import type { QuotaAllocateBody, QuotaAllocation } from '@attain/contract';
import { api } from '../api/client.js';
import { useSession } from '../session/SessionProvider.js';
import { formatInstant, humanize } from '../ui/format.js';
import { AllocationForm } from './AllocationForm.js';
import { AllocationResult } from './AllocationResult.js';
import { NewPlanPanel } from './NewPlanPanel.js';
import { useQuotaPlans } from './use-quota-plans.js';
import { formatQuota } from './quota-units.js';

/**
 * /quotas: the quota plans by fiscal year, and a new year's allocation: the company number
 * cascaded to the sellers by a blend of last year's bookings and the potential they cover, previewed
 * with its diagnostics, then kept as a plan with seasonality, ramps and placeholders.
 */
export function QuotaPlansPage() {
  const { me } = useSession();
  const [, navigate] = useLocation();
  const plans = useQuotaPlans();
  const allocate = useMutation({ mutationFn: (body: QuotaAllocateBody) => api<QuotaAllocation>('/quotas/allocate', { method: 'POST', body }) });
  const [asked, setAsked] = useState<QuotaAllocateBody | null>(null);
  const nextYear = fiscalYearOf(new Date().toISOString().slice(0, 10), me.org.fiscalYearStartMonth) + 1;
  const items = plans.data?.items ?? [];
  return (
    <main className="page quotas-page">
      <header className="page-header">
        <h1>Quotas</h1>
        <p className="muted">Quota plans by fiscal year: allocate the company number, keep it as a plan, set quotas by hand with reasons, submit it, and once approved it is in the plan assignments.</p>
      </header>
      {plans.isError && <p className="error" role="alert">The quota plans could not be loaded: {plans.error.message}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="data" data-testid="quota-plans">
            <thead><tr><th scope="col">Plan</th><th scope="col">Status</th><th scope="col" className="num">Version</th><th scope="col" className="num">Target</th><th scope="col" className="num">Lines</th><th scope="col">Updated</th></tr></thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} data-testid="quota-plan-row">
                  <th scope="row"><Link href={`/${encodeURIComponent(p.id)}`}>FY{p.fiscalYear} {p.measure}</Link></th>
                  <td><span className={`badge status-${p.status}`}>{humanize(p.status)}</span></td>
                  <td className="num">{p.version}{p.approvedVersion !== null && p.approvedVersion !== p.version ? ` (v${p.approvedVersion} approved)` : ''}</td>
                  <td className="num">{formatQuota(p.targetMinor, p)}</td><td className="num">{p.lineCount}</td><td>{formatInstant(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {plans.data && items.length === 0 && <p className="empty-state">No quota plans yet: allocate a year below and keep it as a plan.</p>}
      <h2>Allocate a year</h2>
      <AllocationForm currency={me.org.defaultCurrency} defaultYear={nextYear} pending={allocate.isPending} onSubmit={(body) => { setAsked(body); allocate.mutate(body); }} />
      <div aria-live="polite">
        {allocate.error && <p className="error" role="alert">The allocation failed: {allocate.error.message}</p>}
        {allocate.data && asked && !allocate.isPending && (
          <>
            <NewPlanPanel allocation={asked} existing={items.some((p) => p.fiscalYear === asked.fiscalYear && p.measure === (asked.measure ?? 'bookings'))} onCreated={(id) => navigate(`/${encodeURIComponent(id)}`)} />
            <AllocationResult allocation={allocate.data} />
          </>
        )}
      </div>
    </main>
  );
}
