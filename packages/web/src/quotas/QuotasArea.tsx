import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { fiscalYearOf } from '@attain/core';
import type { QuotaAllocateBody, QuotaAllocation } from '@attain/contract';
import { api } from '../api/client.js';
import { useSession } from '../session/SessionProvider.js';
import { NotFound } from '../ui/NotFound.js';
import { AllocationForm } from './AllocationForm.js';
import { AllocationResult } from './AllocationResult.js';
import './quotas.css';

/**
 * Quotas (sales ops, finance, admins): a fiscal year's company number cascaded to the sellers by
 * last year's bookings and their potential, with the diagnostics that say whether it is fair and
 * reachable. A preview: nothing is written.
 */
export function QuotasArea() {
  const { can, me } = useSession();
  const allocate = useMutation({ mutationFn: (body: QuotaAllocateBody) => api<QuotaAllocation>('/quotas/allocate', { method: 'POST', body }) });
  const [asked, setAsked] = useState<QuotaAllocateBody | null>(null);
  if (!can('quota:plan')) return <NotFound />;
  const nextYear = fiscalYearOf(new Date().toISOString().slice(0, 10), me.org.fiscalYearStartMonth) + 1;
  return (
    <main className="page quotas-page">
      <header className="page-header">
        <h1>Quotas</h1>
        <p className="muted">The company number cascaded to the sellers: a blend of what each booked last year and the potential she covers, with overrides, floors and caps. A preview: nothing is saved.</p>
      </header>
      <AllocationForm currency={me.org.defaultCurrency} defaultYear={nextYear} pending={allocate.isPending} onSubmit={(body) => { setAsked(body); allocate.mutate(body); }} />
      <div aria-live="polite">
        {allocate.error && <p className="error" role="alert">The allocation failed: {allocate.error.message}</p>}
        {allocate.data && asked && !allocate.isPending && <AllocationResult allocation={allocate.data} />}
      </div>
    </main>
  );
}
