import { useId, useState, type FormEvent } from 'react';
import type { TerritoryOptimizeResult } from '@attain/contract';
import { ApiError } from '../api/client.js';
import { formatCount } from '../ui/format.js';
import { formatCoefficient, formatRatio } from './balance-chart.js';
import type { Measure } from './draft-figures.js';
import { SupportedTerritories } from './SupportedTerritories.js';
import { useOptimizeTerritoryModel } from './use-territories.js';

interface Props {
  readonly id: string;
  readonly version: number;
  /** Unsaved edits would be lost: optimizing waits for them to be saved or discarded. */
  readonly dirty: boolean;
  readonly defaultTerritories: number;
  /** The last optimization and what it was asked (kept by the page: the workspace starts afresh on each version). */
  readonly last: LastOptimize | null;
  readonly onOptimized: (last: LastOptimize) => void;
  readonly currency: string;
}

export interface LastOptimize {
  readonly result: TerritoryOptimizeResult;
  readonly territories: string;
  readonly measure: Measure;
  /** Percent, as typed. */
  readonly tolerance: string;
  readonly seed: string;
}

/** "Optimize": the model's territories rebuilt from the US counties, balanced on a measure within a band; saved as the next version. */
export function OptimizePanel({ id, version, dirty, defaultTerritories, last, onOptimized, currency }: Props) {
  const optimize = useOptimizeTerritoryModel(id);
  const [territories, setTerritories] = useState(last?.territories ?? String(defaultTerritories));
  const [measure, setMeasure] = useState<Measure>(last?.measure ?? 'potential');
  const [tolerance, setTolerance] = useState(last?.tolerance ?? '5');
  const [seed, setSeed] = useState(last?.seed ?? '');
  const ids = useId();
  const count = Number(territories);
  const percent = Number(tolerance);
  const problems = {
    territories: Number.isInteger(count) && count >= 2 && count <= 500 ? null : 'from 2 to 500',
    tolerance: tolerance.trim() !== '' && percent >= 0.1 && percent <= 50 ? null : 'from 0.1% to 50%',
    seed: seed === '' || (/^\d+$/.test(seed) && Number(seed) <= 1_000_000) ? null : 'a whole number up to 1,000,000, or empty',
  };
  const valid = Object.values(problems).every((p) => p === null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid || dirty) return;
    optimize.mutate(
      { territories: count, measure, tolerance: percent / 100, baseVersion: version, ...(seed === '' ? {} : { seed: Number(seed) }) },
      { onSuccess: (result) => onOptimized({ result, territories, measure, tolerance, seed }) },
    );
  };
  const error = optimize.error;
  return (
    <section className="card tm-optimize" aria-labelledby={`${ids}-title`} data-testid="optimize-panel">
      <h2 id={`${ids}-title`}>Optimize</h2>
      <p className="muted small">Rebuilds the territories from the US counties the accounts are in, each one piece, balanced within the band; owners are the reps who hold most of each territory's potential today. Saved as the next version.</p>
      <form className="tm-optimize-form" onSubmit={submit} noValidate>
        <div className="field compact">
          <label htmlFor={`${ids}-n`}>Territories</label>
          <input id={`${ids}-n`} type="number" min={2} max={500} value={territories} onChange={(e) => setTerritories(e.target.value)} aria-invalid={problems.territories !== null} aria-describedby={problems.territories ? `${ids}-n-error` : undefined} />
          {problems.territories && <p className="field-error" id={`${ids}-n-error`}>{problems.territories}</p>}
        </div>
        <div className="field compact">
          <label htmlFor={`${ids}-m`}>Measure</label>
          <select id={`${ids}-m`} value={measure} onChange={(e) => setMeasure(e.target.value as Measure)}>
            <option value="potential">Potential</option>
            <option value="accounts">Accounts</option>
          </select>
        </div>
        <div className="field compact">
          <label htmlFor={`${ids}-t`}>Tolerance %</label>
          <input id={`${ids}-t`} type="number" min={0.1} max={50} step={0.1} value={tolerance} onChange={(e) => setTolerance(e.target.value)} aria-invalid={problems.tolerance !== null} aria-describedby={problems.tolerance ? `${ids}-t-error` : undefined} />
          {problems.tolerance && <p className="field-error" id={`${ids}-t-error`}>{problems.tolerance}</p>}
        </div>
        <div className="field compact">
          <label htmlFor={`${ids}-s`}>Seed</label>
          <input id={`${ids}-s`} type="number" min={0} max={1_000_000} placeholder="any" value={seed} onChange={(e) => setSeed(e.target.value)} aria-invalid={problems.seed !== null} aria-describedby={problems.seed ? `${ids}-s-error` : undefined} />
          {problems.seed && <p className="field-error" id={`${ids}-s-error`}>{problems.seed}</p>}
        </div>
        <button type="submit" className="primary" disabled={!valid || dirty || optimize.isPending} aria-busy={optimize.isPending}>
          {optimize.isPending ? 'Optimizing…' : 'Optimize'}
        </button>
      </form>
      <SupportedTerritories currency={currency} onUse={(n) => setTerritories(String(n))} />
      {dirty && <p className="muted small">Save or discard the changes first.</p>}
      <div aria-live="polite">
        {error && (
          <p className="error" role="alert">
            {error instanceof ApiError && error.status === 409 ? 'The model changed since it was opened: reload it to optimize the newest version.' : `The territories could not be optimized: ${error.message}`}
          </p>
        )}
        {last && !optimize.isPending && <OptimizeResult result={last.result} />}
      </div>
    </section>
  );
}

function OptimizeResult({ result }: { result: TerritoryOptimizeResult }) {
  const m = result.metrics;
  return (
    <div className="tm-optimize-result" data-testid="optimize-result">
      <p>
        <span className={`badge ${result.withinBand ? 'ok' : 'warn'}`} data-testid="optimize-within-band">{result.withinBand ? 'Within band: yes' : 'Within band: no'}</span>
        {' '}Version {result.model.version}: {formatCount(result.model.territories)} territories of {formatCount(result.counties)} counties on {result.measure}
        {result.method === 'bisection' ? `, ${formatCount(result.splitCounties)} counties split (their accounts placed by hand)` : ', whole counties'}
        {result.accountsOutside > 0 && `, ${formatCount(result.accountsOutside)} accounts outside the contiguous US given to the nearest territory`}.
      </p>
      <dl className="tm-figures">
        <div><dt>Max deviation</dt><dd>{formatRatio(m.maxDeviation)}</dd></div>
        <div><dt>CV</dt><dd>{formatCoefficient(m.cv)}</dd></div>
        <div><dt>Gini</dt><dd>{formatCoefficient(m.gini)}</dd></div>
        <div><dt>Compactness</dt><dd>{formatCoefficient(m.compactness)}</dd></div>
        {m.disconnected > 0 && <div><dt>Not in one piece</dt><dd>{formatCount(m.disconnected)}</dd></div>}
        {m.empty > 0 && <div><dt>Empty</dt><dd>{formatCount(m.empty)}</dd></div>}
      </dl>
    </div>
  );
}
