import { useState } from 'react';
import type { QuotaAllocation } from '@attain/contract';
import { SortableHeader } from '../pay/SortableHeader.js';
import type { Sort } from '../pay/table-sort.js';
import { formatCount, formatMoney } from '../ui/format.js';
import { sortTerritories, type TerritorySortKey } from './quota-rows.js';
import { formatQuota, lastYearLabel } from './quota-units.js';

const COLUMNS: readonly { key: TerritorySortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Territory' }, { key: 'owner', label: 'Owner' }, { key: 'accounts', label: 'Accounts', numeric: true },
  { key: 'history', label: 'Booked last year', numeric: true }, { key: 'potential', label: 'Potential', numeric: true },
  { key: 'share', label: 'Share', numeric: true }, { key: 'quota', label: 'Quota', numeric: true },
];

/** An allocation over territories: each leaf territory's blend and quota, who carries it, and what no seller owns. */
export function TerritoryShares({ allocation: a }: { allocation: QuotaAllocation }) {
  const [sort, setSort] = useState<Sort<TerritorySortKey>>({ key: 'quota', descending: true });
  if (a.basis !== 'territories') return null;
  const money = (m: string) => formatQuota(m, a);
  const vacant = BigInt(a.vacantMinor) > 0n;
  return (
    <section data-testid="quota-territories">
      <h2>By the territories of {a.territoryModel?.name}</h2>
      <p className="muted small">
        Each territory&apos;s share blends what was booked on its accounts last year with their potential; each seller carries the territories she owns.
        {vacant && <> <strong data-testid="quota-vacant">{money(a.vacantMinor)}</strong> sits in territories no seller owns: kept as a plan, each becomes a seller to be hired.</>}
      </p>
      <div className="table-wrap">
        <table className="data">
          <thead><tr>{COLUMNS.map((c) => <SortableHeader key={c.key} label={c.key === 'history' ? lastYearLabel(a) : c.label} column={c.key} sort={sort} onSort={setSort} numeric={c.numeric} />)}</tr></thead>
          <tbody>
            {sortTerritories(a.territories, sort).map((t) => (
              <tr key={t.key} data-testid="quota-territory">
                <th scope="row">{t.name}</th>
                <td>{t.ownerId === null ? <span className="badge warn">{t.ownerName ? `to hire: ${t.ownerName}` : 'no seller'}</span> : t.ownerName}</td>
                <td className="num">{formatCount(t.accounts)}</td><td className="num">{money(t.historyMinor)}</td><td className="num">{formatMoney(t.potentialMinor, a.currency)}</td>
                <td className="num">{(100 * t.share).toFixed(1)}%</td><td className="num">{money(t.quotaMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
