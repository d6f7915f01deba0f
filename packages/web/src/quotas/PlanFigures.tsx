import type { QuotaPlanDetail } from '@attain/contract';
import { formatCount } from '../ui/format.js';
import { formatQuota, historyName } from './quota-units.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The plan's headline figures: the cascade against the target, quota-to-capacity and the fairness diagnostics. */
export function PlanFigures({ plan: p }: { plan: QuotaPlanDetail }) {
  const money = (m: string) => formatQuota(m, p);
  const company = p.cascade.find((n) => n.key === null);
  const d = p.diagnostics;
  const c = p.capacity;
  return (
    <dl className="quota-figures card" data-testid="quota-plan-figures">
      {company && <div><dt>Under the target</dt><dd>{money(company.childrenMinor)} <span className="muted small">of {money(company.quotaMinor)}</span></dd></div>}
      <div>
        <dt>Quota-to-capacity</dt>
        <dd data-testid="quota-capacity">
          {c.coverage === null ? '—' : pct(c.coverage)} <span className={`badge ${c.coverage !== null && c.coverage >= 1 ? 'ok' : 'warn'}`}>{c.coverage !== null && c.coverage >= 1 ? 'covered' : 'short'}</span>
          <span className="muted small"> {money(c.inYearMinor)} in the year x {pct(Number(p.expectedAttainment))} expected; {c.sellersNeeded === null ? '' : `${formatCount(c.sellersNeeded)} sellers needed, ${formatCount(c.sellers)} planned`}</span>
        </dd>
      </div>
      <div>
        <dt>Predicted at or above quota</dt>
        <dd>{d.shareAtQuota === null ? <span className="muted">not enough history: {d.notEnoughHistory}</span>
          : <>{pct(d.shareAtQuota.mean)} (P10–P90 {pct(d.shareAtQuota.p10)}–{pct(d.shareAtQuota.p90)})</>}</dd>
      </div>
      {d.quotaPerPotential && <div><dt>Quota per unit of potential, Gini</dt><dd>{d.quotaPerPotential.gini.toFixed(3)}</dd></div>}
      {d.attainmentVsPotential && (
        <div>
          <dt>Last year&apos;s attainment vs potential</dt>
          <dd>r = {d.attainmentVsPotential.correlation.toFixed(2)} <span className={`badge ${Math.abs(d.attainmentVsPotential.correlation) < 0.3 ? 'ok' : 'warn'}`}>{Math.abs(d.attainmentVsPotential.correlation) < 0.3 ? 'weak: fair' : 'strong'}</span></dd>
        </div>
      )}
      {d.totalOverBookings !== null && <div><dt>Over last year&apos;s {historyName(p)}</dt><dd>{pct(d.totalOverBookings - 1)}</dd></div>}
      {d.quotaToOte && <div><dt>Quota to OTE, median</dt><dd>{d.quotaToOte.median.toFixed(1)}×</dd></div>}
      <div><dt>Seasonality</dt><dd>{p.phasing ? `${p.phasing.by}: ${p.phasing.weights.map((w) => pct(Number(w))).join(' / ')}` : 'by days'}</dd></div>
      <div><dt>Ramps</dt><dd>{Object.keys(p.ramps).length === 0 ? 'none' : Object.entries(p.ramps).map(([role, r]) => `${role.toUpperCase()} ${r.map((f) => pct(Number(f))).join('/')}`).join('; ')}</dd></div>
    </dl>
  );
}
