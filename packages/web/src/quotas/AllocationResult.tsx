import { useId, useState } from 'react';
import type { QuotaAllocation } from '@attain/contract';
import { SortableHeader } from '../pay/SortableHeader.js';
import type { Sort } from '../pay/table-sort.js';
import { formatCount, formatMoney } from '../ui/format.js';
import { filterSellers, QUOTA_CHART, quotaBars, sortSellers, type SellerSortKey } from './quota-rows.js';
import { formatQuota, historyName, lastYearLabel } from './quota-units.js';
import { TerritoryShares } from './TerritoryShares.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const signed = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : ''}${pct(x)}`);

const COLUMNS: readonly { key: SellerSortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Seller' }, { key: 'role', label: 'Role' }, { key: 'manager', label: 'Manager' },
  { key: 'history', label: 'Booked last year', numeric: true }, { key: 'potential', label: 'Potential', numeric: true },
  { key: 'share', label: 'Share', numeric: true }, { key: 'quota', label: 'Quota', numeric: true }, { key: 'growth', label: 'vs last year', numeric: true },
];

/** The allocation: its diagnostics, each seller's quota beside last year's bookings, the sellers' table and the cascade. */
export function AllocationResult({ allocation: a }: { allocation: QuotaAllocation }) {
  const money = (m: string) => formatQuota(m, a);
  const d = a.diagnostics;
  return (
    <section className="quota-result" data-testid="quota-result">
      <dl className="quota-figures card" data-testid="quota-diagnostics">
        <div><dt>Allocated</dt><dd data-testid="quota-total">{money(a.totalMinor)} to {formatCount(a.sellers.length)} sellers</dd></div>
        <div>
          <dt>Predicted at or above quota</dt>
          <dd data-testid="quota-at-quota">
            {d.shareAtQuota === null ? <span className="muted">not enough history: {d.notEnoughHistory}</span>
              : <>{pct(d.shareAtQuota.mean)} (P10–P90 {pct(d.shareAtQuota.p10)}–{pct(d.shareAtQuota.p90)}) <span className={`badge ${d.shareAtQuota.mean >= 0.55 && d.shareAtQuota.mean <= 0.7 ? 'ok' : 'warn'}`}>healthy 55–70%</span></>}
          </dd>
        </div>
        {d.quotaPerPotential && <div><dt>Quota per unit of potential, Gini</dt><dd>{d.quotaPerPotential.gini.toFixed(3)}</dd></div>}
        {d.attainmentVsPotential && <div><dt>Last year&apos;s attainment vs potential</dt><dd>r = {d.attainmentVsPotential.correlation.toFixed(2)} <span className="muted small">(weak in a fair plan)</span></dd></div>}
        {d.totalOverBookings !== null && <div><dt>Over last year&apos;s bookings</dt><dd data-testid="quota-growth">{signed(d.totalOverBookings - 1)}</dd></div>}
        {d.quotaToOte && <div><dt>Quota to OTE, median</dt><dd data-testid="quota-to-ote">{d.quotaToOte.median.toFixed(1)}× <span className="muted small">({d.quotaToOte.min.toFixed(1)}–{d.quotaToOte.max.toFixed(1)}×, {formatCount(d.quotaToOte.sellers)} sellers)</span></dd></div>}
      </dl>
      <QuotaChart allocation={a} />
      <TerritoryShares allocation={a} />
      <SellersTable allocation={a} />
      <h2>The cascade</h2>
      <div className="table-wrap">
        <table className="data" data-testid="quota-cascade">
          <thead><tr><th scope="col">Manager</th><th scope="col" className="num">Sellers</th><th scope="col" className="num">{lastYearLabel(a)}</th><th scope="col" className="num">Quota</th></tr></thead>
          <tbody>
            {a.managers.map((m) => (
              <tr key={m.personId}><th scope="row">{m.name}</th><td className="num">{formatCount(m.sellers)}</td><td className="num">{money(m.historyMinor)}</td><td className="num">{money(m.quotaMinor)}</td></tr>
            ))}
            {a.managers.length === 0 && <tr><td colSpan={4} className="muted">No seller has a manager.</td></tr>}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Each seller's quota (filled) above what she booked last year (outlined), largest quota first. */
function QuotaChart({ allocation: a }: { allocation: QuotaAllocation }) {
  const { bars, height } = quotaBars(a.sellers);
  const { width, labelWidth, rowHeight, barHeight } = QUOTA_CHART;
  const byId = new Map(a.sellers.map((s) => [s.personId, s]));
  const compact = (m: string) => formatQuota(m, a, { compact: true });
  const summary = `Quota and last year's ${historyName(a)} per seller: ${bars.map((b) => `${b.name} ${compact(byId.get(b.personId)?.quotaMinor ?? '0')} against ${compact(byId.get(b.personId)?.historyMinor ?? '0')}`).join('; ')}`;
  return (
    <figure className="card quota-chart" data-testid="quota-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
        {bars.map((b) => (
          <g key={b.personId} data-testid="quota-bar">
            <text x={labelWidth - 8} y={b.y + rowHeight / 2} textAnchor="end" dominantBaseline="middle">{b.name}</text>
            <rect className="quota-bar" x={labelWidth} y={b.y + rowHeight / 2 - barHeight} width={Math.max(b.quota, 1)} height={barHeight} />
            <rect className="history-bar" x={labelWidth} y={b.y + rowHeight / 2 + 1} width={Math.max(b.history, 1)} height={barHeight - 2} />
            <text x={labelWidth + Math.max(b.quota, b.history) + 6} y={b.y + rowHeight / 2} dominantBaseline="middle">{compact(byId.get(b.personId)?.quotaMinor ?? '0')}</text>
          </g>
        ))}
      </svg>
      <figcaption className="muted small">Filled: the quota. Outlined: {lastYearLabel(a).toLowerCase()}.</figcaption>
    </figure>
  );
}

function SellersTable({ allocation: a }: { allocation: QuotaAllocation }) {
  const [sort, setSort] = useState<Sort<SellerSortKey>>({ key: 'quota', descending: true });
  const [filter, setFilter] = useState('');
  const ids = useId();
  const shown = sortSellers(filterSellers(a.sellers, filter), sort);
  const money = (m: string) => formatQuota(m, a);
  return (
    <div className="quota-table">
      <div className="list-tools">
        <div className="field compact search">
          <label htmlFor={`${ids}-filter`}>Filter sellers</label>
          <input id={`${ids}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Name, role, manager" />
        </div>
        <p className="muted small" aria-live="polite">{formatCount(shown.length)} of {formatCount(a.sellers.length)} sellers</p>
      </div>
      <div className="table-wrap">
        <table className="data" data-testid="quota-sellers">
          <thead><tr>{COLUMNS.map((c) => <SortableHeader key={c.key} label={c.key === 'history' ? lastYearLabel(a) : c.label} column={c.key} sort={sort} onSort={setSort} numeric={c.numeric} />)}<th scope="col">Set by</th></tr></thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.personId} data-testid="quota-seller">
                <th scope="row">{s.name}</th><td>{s.role}</td><td>{s.managerName ?? '—'}</td>
                <td className="num">{money(s.historyMinor)}</td><td className="num">{formatMoney(s.potentialMinor, a.currency)}</td>
                <td className="num">{pct(s.share)}</td><td className="num" data-testid="seller-quota">{money(s.quotaMinor)}</td><td className="num">{signed(s.growth)}</td>
                <td>{s.bound === null ? 'the blend' : s.bound === 'override' ? `hand: ${s.reason ?? ''}` : s.bound}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
