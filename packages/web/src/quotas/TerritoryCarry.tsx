import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { QuotaPlanDetail, QuotaTerritoryChangeBody, TerritoryModelSummary } from '@attain/contract';
import { api } from '../api/client.js';

/**
 * A territory model's moves carry quota with them: from the model's day, each seller whose
 * potential changes gets her quota scaled by it (the quota before held until then); saved as the
 * next version, approved like any other.
 */
export function TerritoryCarry({ plan: p }: { plan: QuotaPlanDetail }) {
  const ids = useId();
  const client = useQueryClient();
  const models = useQuery({ queryKey: ['territory-models', 'for-quotas'], queryFn: () => api<{ items: TerritoryModelSummary[] }>('/territory-models') });
  const [modelId, setModelId] = useState('');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10) > p.yearFrom ? new Date().toISOString().slice(0, 10) : p.yearFrom);
  const carry = useMutation({
    mutationFn: (body: QuotaTerritoryChangeBody) => api<QuotaPlanDetail>(`/quota-plans/${encodeURIComponent(p.id)}/territory-change`, { method: 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['quota-plan', p.id] });
      setModelId('');
    },
  });
  const choices = (models.data?.items ?? []).filter((m) => m.status !== 'archived');
  if (choices.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (modelId !== '') carry.mutate({ baseVersion: p.version, modelId, effectiveDate: date });
  };
  return (
    <section>
    <h2>Territory moves</h2>
    <form className="card quota-form" onSubmit={submit} data-testid="territory-carry">
      <div className="field compact">
        <label htmlFor={`${ids}-model`}>Territory model</label>
        <select id={`${ids}-model`} value={modelId} onChange={(e) => setModelId(e.target.value)}>
          <option value="">Choose…</option>
          {choices.map((m) => <option key={m.id} value={m.id}>{m.name} ({m.status})</option>)}
        </select>
      </div>
      <div className="field compact">
        <label htmlFor={`${ids}-date`}>From</label>
        <input id={`${ids}-date`} type="date" value={date} min={p.yearFrom} max={p.yearTo} onChange={(e) => setDate(e.target.value)} />
      </div>
      <button type="submit" disabled={modelId === '' || carry.isPending}>Carry its quota moves</button>
      <p className="muted small">Each seller whose potential the model changes gets her quota scaled by it from that day, pro-rated for the year.</p>
      {carry.error && <p className="error" role="alert">{carry.error.message}</p>}
    </form>
    </section>
  );
}
