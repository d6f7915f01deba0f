import { useState, type FormEvent } from 'react';
import type { PlanVersionSummary } from '@attain/contract';
import { ApiError } from '../api/client.js';
import { formatMoney } from '../ui/format.js';
import { ChangeHistogram } from './ChangeHistogram.js';
import { CostScenarioChart } from './CostScenarioChart.js';
import { useCostScenarios, useWhatIf } from './use-what-if.js';
import { WhatIfPayeeTable } from './WhatIfPayeeTable.js';
import './what-if.css';

interface Props {
  readonly planId: string;
  readonly versions: readonly PlanVersionSummary[];
}

/**
 * What-if: re-run a past period (or a fiscal year) under one of the plan's versions, drafts
 * included, and compare the total and each payee's pay with today's, with the distribution of
 * changes; then the version's cost at 50/100/150% and historical attainment. Nothing is published.
 */
export function WhatIfPanel({ planId, versions }: Props) {
  const [version, setVersion] = useState<number | undefined>(versions[0]?.version);
  const [period, setPeriod] = useState('');
  const [asked, setAsked] = useState<{ version: number; period: string } | undefined>(undefined);
  const whatIf = useWhatIf(planId);
  const cost = useCostScenarios(planId, asked?.version, asked?.period);
  const result = whatIf.data;
  const money = (m: string) => formatMoney(m, result?.currency ?? 'USD');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = version ?? versions[0]?.version;
    if (chosen === undefined || period.trim() === '') return;
    setAsked({ version: chosen, period: period.trim() });
    whatIf.mutate({ version: chosen, period: period.trim() });
  };

  return (
    <section className="card what-if-panel" aria-labelledby="what-if-title" data-testid="what-if-panel">
      <h2 id="what-if-title">What-if</h2>
      <form className="what-if-form" onSubmit={onSubmit}>
        <label>
          Version
          <select value={version ?? ''} onChange={(e) => setVersion(Number(e.target.value))}>
            {versions.map((v) => <option key={v.version} value={v.version}>v{v.version} ({v.status})</option>)}
          </select>
        </label>
        <label>
          Period
          <input value={period} onChange={(e) => setPeriod(e.target.value)} placeholder="FY2027-Q1 or FY2027" aria-describedby="what-if-hint" />
        </label>
        <button type="submit" className="primary" disabled={whatIf.isPending || period.trim() === ''}>{whatIf.isPending ? 'Computing…' : 'Run what-if'}</button>
      </form>
      <p id="what-if-hint" className="muted small">A pay period or a fiscal year. Computed from the same inputs a run would use; nothing is published.</p>
      {whatIf.isError && <p className="error" role="alert">{whatIf.error instanceof ApiError ? whatIf.error.message : 'The what-if could not be computed.'}</p>}
      {result && (
        <div aria-live="polite">
          <dl className="what-if-totals" data-testid="what-if-totals">
            <div><dt>Today</dt><dd>{money(result.totals.baselineMinor)}</dd></div>
            <div><dt>Under v{result.version}</dt><dd>{money(result.totals.scenarioMinor)}</dd></div>
            <div><dt>Change</dt><dd>{BigInt(result.totals.differenceMinor) > 0n ? '+' : ''}{money(result.totals.differenceMinor)}</dd></div>
          </dl>
          <p className="muted small">{result.periodKeys.join(', ')} · {result.payees.length} payees</p>
          <ChangeHistogram buckets={result.distribution.change} currency={result.currency} title="Change in pay per payee" />
          <WhatIfPayeeTable payees={result.payees} currency={result.currency} />
        </div>
      )}
      {cost.data && <CostScenarioChart cost={cost.data} />}
      {cost.isError && <p className="muted small">{cost.error instanceof ApiError ? cost.error.message : 'The cost scenarios could not be computed.'}</p>}
    </section>
  );
}
