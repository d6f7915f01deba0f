import { useState } from 'react';
import { Link } from 'wouter';
import { formatInstant, humanize } from '../ui/format.js';
import { ByTerritory } from './ByTerritory.js';
import { CascadeChart } from './CascadeChart.js';
import { PlanActions } from './PlanActions.js';
import { PlaceholderForm } from './PlaceholderForm.js';
import { PlanFigures } from './PlanFigures.js';
import { Proposals } from './Proposals.js';
import { TerritoryCarry } from './TerritoryCarry.js';
import { QuotaGrid } from './QuotaGrid.js';
import { VersionCompare } from './VersionCompare.js';
import { useQuotaPlan } from './use-quota-plans.js';
import { formatQuota } from './quota-units.js';

/** /quotas/:id: one quota plan: its figures and diagnostics, the cascade as a chart, the grid over the hierarchy, versions and history. */
export function QuotaPlanPage({ id }: { id: string }) {
  const [version, setVersion] = useState<number | null>(null);
  const plan = useQuotaPlan(id, version);
  if (plan.isPending) return <main className="page"><div className="skeleton" style={{ height: '20rem' }} aria-busy="true" aria-label="Loading the quota plan" /></main>;
  if (plan.isError) return <main className="page"><p className="error" role="alert">The quota plan could not be loaded: {plan.error.message}</p></main>;
  const p = plan.data;
  const latest = p.shownVersion === p.version;
  return (
    <main className="page quotas-page" data-testid="quota-plan">
      <header className="page-header">
        <div>
          <p className="muted small"><Link href="/">Quotas</Link></p>
          <h1>FY{p.fiscalYear} {p.measure} quotas</h1>
          <p className="muted">{p.yearFrom} to {p.yearTo}, target {formatQuota(p.targetMinor, p)}</p>
        </div>
        <div className="quota-plan-status">
          <span className={`badge status-${p.status}`} data-testid="quota-plan-status">{humanize(p.status)}</span>
          <label className="field compact">
            <span>Version</span>
            <select value={p.shownVersion} onChange={(e) => setVersion(Number(e.target.value) === p.version ? null : Number(e.target.value))} data-testid="quota-version">
              {[...p.versions].reverse().map((v) => <option key={v.version} value={v.version}>v{v.version}{v.version === p.approvedVersion ? ' (approved)' : ''}: {v.reason}</option>)}
            </select>
          </label>
        </div>
      </header>
      {!latest && <p className="notice" role="status">You are looking at version {p.shownVersion}; the latest is {p.version}. <button type="button" className="link" onClick={() => setVersion(null)}>Show the latest</button></p>}
      {latest && <PlanActions plan={p} />}
      <PlanFigures plan={p} />
      <CascadeChart plan={p} />
      <QuotaGrid plan={p} editable={latest && p.abilities.update} />
      {latest && p.abilities.update && <PlaceholderForm plan={p} />}
      {latest && p.abilities.update && <TerritoryCarry plan={p} />}
      <Proposals plan={p} editable={latest && p.abilities.update} />
      {latest && <ByTerritory plan={p} />}
      <VersionCompare plan={p} />
      <section>
        <h2>History</h2>
        <ol className="quota-history" data-testid="quota-history">
          {p.events.map((e, k) => (
            <li key={k}><strong>{humanize(e.kind)}</strong> v{e.version} by {e.byName}, {formatInstant(e.at)}{e.comment ? `: ${e.comment}` : ''}</li>
          ))}
        </ol>
      </section>
    </main>
  );
}
