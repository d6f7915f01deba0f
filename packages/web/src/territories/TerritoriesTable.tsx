import { useId, useState } from 'react';
import { SortableHeader } from '../pay/SortableHeader.js';
import type { Sort } from '../pay/table-sort.js';
import { formatCount, formatMoney } from '../ui/format.js';
import { filterTerritories, sortTerritories, type TerritoryRow, type TerritorySortKey } from './table-rows.js';

interface Props {
  readonly rows: readonly TerritoryRow[];
  readonly currency: string;
  readonly colours: ReadonlyMap<string, string>;
  /** The draft has moves: accounts and potential are the draft's, pipeline and book as saved. */
  readonly dirty: boolean;
}

const COLUMNS: readonly { key: TerritorySortKey; label: string; numeric?: boolean }[] = [
  { key: 'key', label: 'Key' }, { key: 'name', label: 'Name' }, { key: 'parent', label: 'Parent' }, { key: 'level', label: 'Level' },
  { key: 'owner', label: 'Owner' }, { key: 'accounts', label: 'Accounts', numeric: true }, { key: 'potential', label: 'Potential', numeric: true },
  { key: 'pipeline', label: 'Pipeline', numeric: true }, { key: 'book', label: 'Book', numeric: true },
];

/** The territories of the draft: sortable by every column, filtered by text. */
export function TerritoriesTable({ rows, currency, colours, dirty }: Props) {
  const [sort, setSort] = useState<Sort<TerritorySortKey>>({ key: 'key', descending: false });
  const [filter, setFilter] = useState('');
  const ids = useId();
  const shown = sortTerritories(filterTerritories(rows, filter), sort);
  const money = (m: bigint) => formatMoney(m.toString(), currency);
  return (
    <div className="tm-table">
      <div className="list-tools">
        <div className="field compact search">
          <label htmlFor={`${ids}-filter`}>Filter territories</label>
          <input id={`${ids}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Key, name, parent, owner" />
        </div>
        <p className="muted small" aria-live="polite">
          {shown.length === rows.length ? `${formatCount(rows.length)} territories` : `${formatCount(shown.length)} of ${formatCount(rows.length)} territories`}
          {dirty && ' · accounts and potential with your unsaved moves; pipeline and book as saved'}
        </p>
      </div>
      <div className="table-wrap">
        <table className="data" data-testid="territories-table">
          <thead>
            <tr>{COLUMNS.map((c) => <SortableHeader key={c.key} label={c.label} column={c.key} sort={sort} onSort={setSort} numeric={c.numeric} />)}</tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.key} data-testid="territory-row" data-territory={r.key}>
                <td><span className="tm-swatch" style={{ background: colours.get(r.key) }} aria-hidden="true" />{r.key}</td>
                <th scope="row">{r.name}</th>
                <td>{r.parentName ?? '—'}</td>
                <td>{r.level}</td>
                <td data-testid="territory-owner">{r.owner === null ? <span className="muted">no owner</span> : r.vacant ? <>{r.owner} <span className="badge warn">to hire</span></> : r.owner}</td>
                <td className="num" data-testid="territory-accounts">{formatCount(r.accounts)}</td>
                <td className="num" data-testid="territory-potential">{money(r.potentialMinor)}</td>
                <td className="num">{money(r.pipelineMinor)}</td>
                <td className="num">{money(r.bookMinor)}</td>
              </tr>
            ))}
            {shown.length === 0 && <tr><td colSpan={COLUMNS.length} className="muted">{rows.length === 0 ? 'No territories yet: optimize to build them from the counties.' : 'No territory matches the filter.'}</td></tr>}
          </tbody>
        </table>
      </div>
    </div>
  );
}
