import { useId, useState, type FormEvent, type JSX } from 'react';
import type { TerritoryOptimizeResult } from '@attain/contract';
import { ApiError } from '../api/client.js';
import { formatCount } from '../ui/format.js';
import type { Measure } from './draft-figures.js';
import { ProgressBar } from '../ui/ProgressBar.js';
import { OptimizeResult } from './OptimizeResult.js';
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

type From = 'scratch' | 'current';
type Secondary = '' | 'potential' | 'accounts' | 'pipeline';

export interface LastOptimize {
  readonly result: TerritoryOptimizeResult;
  readonly from: From;
  readonly territories: string;
  readonly measure: Measure;
  /** Percents, as typed. */
  readonly tolerance: string;
  readonly seed: string;
  readonly maxDisruption: string;
  readonly secondary: Secondary;
  readonly secondaryBand: string;
}

const STAGES = { reading: 'Reading the accounts…', optimizing: 'Optimizing…', saving: 'Saving the new version…' } as const;

/**
 * "Optimize": the model's territories rebuilt from the US counties the accounts are in, or its own
 * territories rebalanced from where the accounts are today; balanced on a measure within a band,
 * another measure within its own; saved as the next version. The server's progress shows as it runs.
 */
export function OptimizePanel({ id, version, dirty, defaultTerritories, last, onOptimized, currency }: Props) {
  const { mutation: optimize, progress } = useOptimizeTerritoryModel(id);
  const [from, setFrom] = useState<From>(last?.from ?? 'scratch');
  const [territories, setTerritories] = useState(last?.territories ?? String(defaultTerritories));
  const [measure, setMeasure] = useState<Measure>(last?.measure ?? 'potential');
  const [tolerance, setTolerance] = useState(last?.tolerance ?? '5');
  const [seed, setSeed] = useState(last?.seed ?? '');
  const [maxDisruption, setMaxDisruption] = useState(last?.maxDisruption ?? '');
  const [secondary, setSecondary] = useState<Secondary>(last?.secondary ?? '');
  const [secondaryBand, setSecondaryBand] = useState(last?.secondaryBand ?? '20');
  const ids = useId();
  const count = Number(territories);
  const percent = Number(tolerance);
  const problems = {
    territories: from === 'current' || (Number.isInteger(count) && count >= 2 && count <= 500) ? null : 'from 2 to 500',
    tolerance: tolerance.trim() !== '' && percent >= 0.1 && percent <= 50 ? null : 'from 0.1% to 50%',
    seed: seed === '' || (/^\d+$/.test(seed) && Number(seed) <= 1_000_000) ? null : 'a whole number up to 1,000,000, or empty',
    maxDisruption: from === 'scratch' || maxDisruption === '' || (Number(maxDisruption) >= 0 && Number(maxDisruption) <= 100) ? null : 'from 0% to 100%, or empty for no cap',
    secondaryBand: secondary === '' || (Number(secondaryBand) >= 0.1 && Number(secondaryBand) <= 100) ? null : 'from 0.1% to 100%',
  };
  const valid = Object.values(problems).every((p) => p === null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid || dirty) return;
    optimize.mutate(
      {
        from, measure, tolerance: percent / 100, baseVersion: version,
        ...(from === 'scratch' ? { territories: count } : {}),
        ...(from === 'current' && maxDisruption !== '' ? { maxDisruption: Number(maxDisruption) / 100 } : {}),
        ...(secondary === '' ? {} : { secondary: [{ measure: secondary, tolerance: Number(secondaryBand) / 100 }] }),
        ...(seed === '' ? {} : { seed: Number(seed) }),
      },
      { onSuccess: (result) => onOptimized({ result, from, territories, measure, tolerance, seed, maxDisruption, secondary, secondaryBand }) },
    );
  };
  const error = optimize.error;
  const field = (key: keyof typeof problems, label: string, input: JSX.Element) => (
    <div className="field compact">
      <label htmlFor={`${ids}-${key}`}>{label}</label>
      {input}
      {problems[key] && <p className="field-error" id={`${ids}-${key}-error`}>{problems[key]}</p>}
    </div>
  );
  const numberProps = (key: keyof typeof problems) => ({ id: `${ids}-${key}`, type: 'number', 'aria-invalid': problems[key] !== null, 'aria-describedby': problems[key] ? `${ids}-${key}-error` : undefined });
  return (
    <section className="card tm-optimize" aria-labelledby={`${ids}-title`} data-testid="optimize-panel">
      <h2 id={`${ids}-title`}>Optimize</h2>
      <p className="muted small">
        {from === 'scratch'
          ? 'Rebuilds the territories from the US counties the accounts are in, each one piece, balanced within the band; owners are the reps who hold most of each territory\'s potential today.'
          : 'Keeps the territories and their owners and moves counties between them, starting from where the accounts are today, until they are within the band; accounts placed by hand or locked stay.'}
        {' '}Saved as the next version.
      </p>
      <form className="tm-optimize-form" onSubmit={submit} noValidate>
        <div className="field compact">
          <label htmlFor={`${ids}-from`}>Start from</label>
          <select id={`${ids}-from`} value={from} onChange={(e) => setFrom(e.target.value as From)}>
            <option value="scratch">New territories</option>
            <option value="current">Today&apos;s territories</option>
          </select>
        </div>
        {from === 'scratch' && field('territories', 'Territories', <input {...numberProps('territories')} min={2} max={500} value={territories} onChange={(e) => setTerritories(e.target.value)} />)}
        <div className="field compact">
          <label htmlFor={`${ids}-m`}>Measure</label>
          <select id={`${ids}-m`} value={measure} onChange={(e) => setMeasure(e.target.value as Measure)}>
            <option value="potential">Potential</option>
            <option value="accounts">Accounts</option>
          </select>
        </div>
        {field('tolerance', 'Tolerance %', <input {...numberProps('tolerance')} min={0.1} max={50} step={0.1} value={tolerance} onChange={(e) => setTolerance(e.target.value)} />)}
        {from === 'current' && field('maxDisruption', 'Max moved %', <input {...numberProps('maxDisruption')} min={0} max={100} step={0.5} placeholder="no cap" value={maxDisruption} onChange={(e) => setMaxDisruption(e.target.value)} />)}
        <div className="field compact">
          <label htmlFor={`${ids}-sec`}>Also balance</label>
          <select id={`${ids}-sec`} value={secondary} onChange={(e) => setSecondary(e.target.value as Secondary)}>
            <option value="">Nothing else</option>
            {(['accounts', 'pipeline', 'potential'] as const).filter((m) => m !== measure).map((m) => <option key={m} value={m}>{m[0]?.toUpperCase()}{m.slice(1)}</option>)}
          </select>
        </div>
        {secondary !== '' && field('secondaryBand', 'Its band %', <input {...numberProps('secondaryBand')} min={0.1} max={100} step={1} value={secondaryBand} onChange={(e) => setSecondaryBand(e.target.value)} />)}
        {field('seed', 'Seed', <input {...numberProps('seed')} min={0} max={1_000_000} placeholder="any" value={seed} onChange={(e) => setSeed(e.target.value)} />)}
        <button type="submit" className="primary" disabled={!valid || dirty || optimize.isPending} aria-busy={optimize.isPending}>
          {optimize.isPending ? 'Optimizing…' : 'Optimize'}
        </button>
      </form>
      {optimize.isPending && (
        <ProgressBar
          label={progress ? STAGES[progress.stage] : 'Starting…'}
          percent={progress?.stage === 'optimizing' && progress.total > 0 ? Math.floor((100 * progress.done) / progress.total) : null}
          detail={progress?.stage === 'optimizing' && progress.total > 1 ? `start ${formatCount(progress.done)} of at most ${formatCount(progress.total)}` : undefined}
        />
      )}
      {from === 'scratch' && <SupportedTerritories currency={currency} onUse={(n) => setTerritories(String(n))} />}
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
