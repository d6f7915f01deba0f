import { useId, useState, type FormEvent } from 'react';
import { amountMinor } from '../ui/amount.js';
import { formatCount, formatMoney } from '../ui/format.js';
import { useTerritoriesSupported } from './use-territories.js';

/**
 * "How many territories?": the most territories the market supports with at least a minimum of
 * potential each (the same cutting as Optimize), and a button to take that count.
 */
export function SupportedTerritories({ currency, onUse }: { readonly currency: string; readonly onUse: (territories: number) => void }) {
  const ids = useId();
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const supported = useTerritoriesSupported(asked);
  const minor = amountMinor(text, currency, 1n);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (minor !== null) setAsked(minor);
  };
  const r = supported.data;
  return (
    <form className="tm-supported" onSubmit={submit} noValidate data-testid="supported-territories">
      <p className="muted small">How many territories does the market support?</p>
      <div className="field compact">
        <label htmlFor={`${ids}-min`}>Least potential per territory ({currency})</label>
        <input id={`${ids}-min`} inputMode="decimal" placeholder="e.g. 2500000" value={text} onChange={(e) => setText(e.target.value)}
          aria-invalid={text !== '' && minor === null} aria-describedby={text !== '' && minor === null ? `${ids}-min-error` : undefined} />
        {text !== '' && minor === null && <p className="field-error" id={`${ids}-min-error`}>an amount above 0</p>}
      </div>
      <button type="submit" disabled={minor === null || supported.isFetching} aria-busy={supported.isFetching}>{supported.isFetching ? 'Counting…' : 'Count'}</button>
      <div aria-live="polite">
        {supported.error && <p className="error" role="alert">The count failed: {supported.error.message}</p>}
        {r && !supported.isFetching && (
          r.territories === 0
            ? <p data-testid="supported-result">The market ({formatMoney(r.totalMinor, r.currency)} of potential) does not support one territory of {formatMoney(r.minimumMinor, r.currency)}.</p>
            : (
              <p data-testid="supported-result">
                {formatCount(r.territories)} territories of at least {formatMoney(r.minimumMinor, r.currency)} (smallest {formatMoney(r.smallestMinor, r.currency)}, largest {formatMoney(r.largestMinor, r.currency)}).{' '}
                <button type="button" className="link" onClick={() => onUse(Math.min(500, Math.max(2, r.territories)))}>Use {formatCount(Math.min(500, Math.max(2, r.territories)))}</button>
              </p>
            )
        )}
      </div>
    </form>
  );
}
