import { useState } from 'react';
import { Link } from 'wouter';
import { formatDate } from '../ui/format.js';
import { nextSort, sortPlans, type PlanSort, type PlanSortKey } from './plan-list.js';
import { usePlans } from './use-plans.js';

const COLUMNS: readonly { key: PlanSortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Plan' },
  { key: 'version', label: 'Latest version', numeric: true },
  { key: 'status', label: 'Status' },
  { key: 'effectiveFrom', label: 'Effective from' },
  { key: 'effectiveTo', label: 'Effective to' },
];

/** The organisation's compensation plans with their latest version; each column sorts. */
export function PlansListPage() {
  const plans = usePlans();
  const [sort, setSort] = useState<PlanSort>({ key: 'name', descending: false });
  const rows = sortPlans(plans.data?.items ?? [], sort);
  return (
    <div className="plans">
      <header className="page-header">
        <h1>Plans</h1>
      </header>
      {plans.isPending && <div className="skeleton" style={{ height: '12rem' }} aria-busy="true" />}
      {plans.isError && <p className="error" role="alert">The plans could not be loaded: {plans.error.message}</p>}
      {plans.data && rows.length === 0 && <p className="empty-state">No plans yet.</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="plans-table" data-testid="plans-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                    <button type="button" className="plans-sort" onClick={() => setSort(nextSort(sort, c.key))}>
                      {c.label}
                      <span aria-hidden="true">{sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id} data-testid="plan-row" data-key={p.key}>
                  <td>
                    <Link href={`/${encodeURIComponent(p.id)}`}>{p.name}</Link>
                    <div className="muted small">{p.key}</div>
                  </td>
                  <td className="num" data-testid="plan-latest-version">{p.latest.version}</td>
                  <td><span className={`badge plan-status-${p.latest.status}`}>{p.latest.status}</span></td>
                  <td>{formatDate(p.latest.effectiveFrom)}</td>
                  <td>{p.latest.effectiveTo ? formatDate(p.latest.effectiveTo) : 'open-ended'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
