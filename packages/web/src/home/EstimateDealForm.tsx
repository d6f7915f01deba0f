import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import { formatMoney } from '../ui/format.js';
import { amountToMinor } from './earnings-figures.js';
import { useEstimateDeal } from './use-my-pay.js';

/** "Estimate a deal": an amount in major units (parsed exactly) and a close date; shows what it would pay and why. */
export function EstimateDealForm({ currency }: { currency: string }) {
  const [amount, setAmount] = useState('');
  const [closeDate, setCloseDate] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const estimate = useEstimateDeal();
  const money = (m: string) => formatMoney(m, currency);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = amountToMinor(amount, currency);
    if ('error' in parsed) return setError(parsed.error);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(closeDate)) return setError('Pick a close date');
    setError(undefined);
    estimate.mutate({ amountMinor: parsed.minor, closeDate });
  };
  const r = estimate.data;
  return (
    <section className="card estimate-deal" aria-labelledby="estimate-title" data-testid="estimate-deal">
      <h2 id="estimate-title">Estimate a deal</h2>
      <form className="what-if-form" onSubmit={onSubmit} noValidate>
        <label>Amount ({currency}) <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={error !== undefined} /></label>
        <label>Close date <input type="date" value={closeDate} onChange={(e) => setCloseDate(e.target.value)} /></label>
        <button type="submit" className="primary" disabled={estimate.isPending}>{estimate.isPending ? 'Estimating…' : 'Estimate'}</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {estimate.isError && <p className="error" role="alert">{estimate.error instanceof ApiError ? estimate.error.message : 'The estimate could not be computed.'}</p>}
      {r && (
        <div aria-live="polite" data-testid="estimate-result">
          <p>This deal would pay <strong>{money(r.differenceMinor)}</strong> more: {money(r.baselineMinor)} → {money(r.scenarioMinor)} ({r.periods.map((p) => p.periodKey).join(', ')}).</p>
          {r.plans.map((p) => (
            <table key={`${p.periodKey}/${p.planId}`} className="data-table">
              <caption>{p.planName} v{p.planVersion} · {p.periodKey}</caption>
              <thead><tr><th scope="col">Component</th><th scope="col">Step</th><th scope="col">Tier</th><th scope="col">Rate</th><th scope="col">Detail</th><th scope="col" className="num">Amount</th></tr></thead>
              <tbody>
                {p.explanation.map((row, i) => (
                  <tr key={i}>
                    <td>{row.componentName}</td><td>{row.step}</td><td>{row.tier === undefined ? '' : row.tier + 1}</td><td>{row.rate ?? ''}</td>
                    <td>{row.attainment ? `attainment ${row.attainment}` : ''}{row.acted ?? ''}</td>
                    <td className="num">{row.amountMinor === undefined ? '' : money(row.amountMinor)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      )}
    </section>
  );
}
