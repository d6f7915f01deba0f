import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { SortableHeader } from '../pay/SortableHeader.js';
import type { Sort } from '../pay/table-sort.js';
import { useSession } from '../session/SessionProvider.js';
import { formatCount, formatDate, formatInstant } from '../ui/format.js';
import { StatusBadge } from './ModelHeader.js';
import { NewModelForm } from './NewModelForm.js';
import { sortModels, type ModelSortKey } from './table-rows.js';
import { useTerritoryModels } from './use-territories.js';

const COLUMNS: readonly { key: ModelSortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Model' }, { key: 'status', label: 'Status' }, { key: 'territories', label: 'Territories', numeric: true },
  { key: 'effectiveFrom', label: 'Effective from' }, { key: 'updatedAt', label: 'Updated' },
];

/** /territories: the territory models, sortable; writers start a new one; any two open side by side. */
export function ModelsListPage() {
  const { can } = useSession();
  const [, navigate] = useLocation();
  const models = useTerritoryModels();
  const [sort, setSort] = useState<Sort<ModelSortKey>>({ key: 'updatedAt', descending: true });
  const [chosen, setChosen] = useState<string[]>([]);
  const items = models.data?.items ?? [];
  const rows = sortModels(items, sort);
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id].slice(-2)));
  const [a, b] = chosen;
  return (
    <div className="territories">
      <header className="page-header">
        <div>
          <h1>Territories</h1>
          <p className="muted">Territory models: plan territories on the map, balance them, see what activating one changes, then activate it.</p>
        </div>
      </header>
      {can('coverage:write') && models.data && <NewModelForm models={items} onCreated={(m) => navigate(`/${encodeURIComponent(m.id)}`)} />}
      {models.isPending && <div className="skeleton" style={{ height: '12rem' }} aria-busy="true" aria-label="Loading the models" />}
      {models.isError && <p className="error" role="alert">The territory models could not be loaded: {models.error.message}</p>}
      {models.data && items.length === 0 && <p className="empty-state" data-testid="models-empty">No territory models yet.</p>}
      {items.length > 0 && (
        <section aria-labelledby="tm-models-title" className="tm-section">
          <div className="row-between">
            <h2 id="tm-models-title">Models</h2>
            <div className="actions">
              <span className="muted small" aria-live="polite">{chosen.length === 2 ? 'Two models chosen.' : `Choose two models to compare (${chosen.length} of 2).`}</span>
              {a && b ? <Link className="button" href={`/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`} data-testid="compare-link">Compare side by side</Link>
                : <button type="button" disabled>Compare side by side</button>}
            </div>
          </div>
          <div className="table-wrap">
            <table className="data" data-testid="models-table">
              <thead>
                <tr>
                  <th scope="col"><span className="visually-hidden">Compare</span></th>
                  {COLUMNS.map((c) => <SortableHeader key={c.key} label={c.label} column={c.key} sort={sort} onSort={setSort} numeric={c.numeric} />)}
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <tr key={m.id} data-testid="model-row" data-model={m.id}>
                    <td><input type="checkbox" checked={chosen.includes(m.id)} onChange={() => toggle(m.id)} aria-label={`Compare ${m.name}`} /></td>
                    <th scope="row"><Link href={`/${encodeURIComponent(m.id)}`}>{m.name}</Link></th>
                    <td><StatusBadge status={m.status} /></td>
                    <td className="num">{formatCount(m.territories)}</td>
                    <td>{m.effectiveFrom ? formatDate(m.effectiveFrom) : '—'}</td>
                    <td>{formatInstant(m.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
