import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ForecastCallItem, ForecastRollupRow } from '@attain/contract';
import { api, ApiError } from '../api/client.js';
import { amountMinor } from '../ui/amount.js';
import { formatMoney } from '../ui/format.js';

/*
 * The two writes of the roll-up: her own call (commit and best case, cumulative) and a manager's
 * adjustment of a direct report's, with the reason. Amounts are typed in major units and sent
 * exactly as minor units.
 */

function useForecastWrite<B>(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<ForecastCallItem>(path, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['forecast', 'rollup'] }),
  });
}

const errorOf = (e: Error | null) => (e instanceof ApiError && e.issues.length > 0 ? e.issues.map((i) => `${i.field}: ${i.message}`).join('; ') : e?.message);

/** Her own call for the quarter; either amount may be left empty (the last call of that category stays). */
export function CallForm({ periodKey, currency, mine }: { periodKey: string; currency: string; mine: ForecastRollupRow }) {
  const id = useId();
  const [commit, setCommit] = useState('');
  const [bestCase, setBestCase] = useState('');
  const [note, setNote] = useState('');
  const write = useForecastWrite<{ period: string; category: string; amountMinor: string; note: string }>('/forecast/calls');
  const [done, setDone] = useState(false);
  const amounts = [['commit', commit], ['best-case', bestCase]].filter(([, text]) => text?.trim() !== '') as [string, string][];
  const parsed = amounts.map(([category, text]) => ({ category, minor: amountMinor(text, currency) }));
  const bad = parsed.find((p) => p.minor === null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setDone(false);
    for (const p of parsed) await write.mutateAsync({ period: periodKey, category: p.category, amountMinor: p.minor as string, note });
    setCommit('');
    setBestCase('');
    setDone(true);
  };
  return (
    <form className="call-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Your call for {periodKey}</h3>
      <p className="muted small">
        Now: commit {mine.call.commit === null ? 'not called' : formatMoney(mine.call.commit, currency)}, best case {mine.call.bestCase === null ? 'not called' : formatMoney(mine.call.bestCase, currency)}.
        Your deals say {formatMoney(mine.rolledUp.commit, currency)} and {formatMoney(mine.rolledUp.bestCase, currency)}{mine.reports > 0 ? ' with your team\'s forecasts' : ''}.
      </p>
      <div className="form-row">
        <label>Commit <input inputMode="decimal" value={commit} onChange={(e) => setCommit(e.target.value)} placeholder={formatMoney(mine.rolledUp.commit, currency)} aria-invalid={parsed[0]?.minor === null} /></label>
        <label>Best case <input inputMode="decimal" value={bestCase} onChange={(e) => setBestCase(e.target.value)} placeholder={formatMoney(mine.rolledUp.bestCase, currency)} /></label>
        <label className="grow">Note <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder="what it rests on" /></label>
        <button type="submit" className="primary" disabled={amounts.length === 0 || bad !== undefined || write.isPending}>{write.isPending ? 'Submitting…' : 'Submit call'}</button>
      </div>
      {bad && <p className="error small" role="alert">Type the {bad.category === 'commit' ? 'commit' : 'best case'} as an amount, e.g. 1,400,000.</p>}
      {write.isError && <p className="error small" role="alert">{errorOf(write.error)}</p>}
      {done && <p className="notice small" role="status">Call submitted.</p>}
    </form>
  );
}

/** A manager's adjustment of one report's call, in a row under hers. */
export function AdjustForm({ periodKey, currency, row, onDone }: { periodKey: string; currency: string; row: ForecastRollupRow; onDone: () => void }) {
  const [category, setCategory] = useState<'commit' | 'best-case'>('commit');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const write = useForecastWrite<{ period: string; personId: string; category: string; amountMinor: string; reason: string }>('/forecast/adjustments');
  const minor = amount.trim() === '' ? null : amountMinor(amount, currency);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (minor === null) return;
    write.mutate({ period: periodKey, personId: row.personId, category, amountMinor: minor, reason }, { onSuccess: onDone });
  };
  return (
    <form className="adjust-form" onSubmit={submit} aria-label={`Adjust ${row.name}'s forecast`}>
      <select value={category} onChange={(e) => setCategory(e.target.value as 'commit' | 'best-case')} aria-label="Category">
        <option value="commit">Commit</option>
        <option value="best-case">Best case</option>
      </select>
      <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} aria-label="Adjusted amount"
        placeholder={formatMoney(category === 'commit' ? row.forecast.commit : row.forecast.bestCase, currency)} aria-invalid={amount.trim() !== '' && minor === null} />
      <input value={reason} onChange={(e) => setReason(e.target.value)} aria-label="Reason" placeholder="why (required)" maxLength={500} />
      <button type="submit" disabled={minor === null || reason.trim() === '' || write.isPending}>Save adjustment</button>
      <button type="button" className="link" onClick={onDone}>Cancel</button>
      {write.isError && <span className="error small" role="alert">{errorOf(write.error)}</span>}
    </form>
  );
}
