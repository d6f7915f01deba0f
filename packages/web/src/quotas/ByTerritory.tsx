import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { QuotaByTerritory, QuotaPlanDetail } from '@attain/contract';
import { api } from '../api/client.js';
import { SortableHeader } from '../pay/SortableHeader.js';
import { sortRows, type Sort, type SortValue } from '../pay/table-sort.js';
import { formatCount, formatDate, formatMoney } from '../ui/format.js';
import { formatQuota } from './quota-units.js';

type Row = QuotaByTerritory['territories'][number];
type Key = 'name' | 'owner' | 'accounts' | 'potential' | 'quota' | 'ratio';

const COLUMNS: readonly { key: Key; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Territory' }, { key: 'owner', label: 'Owner' }, { key: 'accounts', label: 'Accounts', numeric: true },
  { key: 'potential', label: 'Potential', numeric: true }, { key: 'quota', label: 'Quota', numeric: true }, { key: 'ratio', label: 'Quota per potential', numeric: true },
];

const valueOf = (r: Row, key: Key): SortValue => {
  switch (key) {
    case 'name': return r.name;
    case 'owner': return r.ownerName;
    case 'accounts': return r.accounts;
    case 'potential': return BigInt(r.potentialMinor);
    case 'quota': return r.quotaMinor === null ? null : BigInt(r.quotaMinor);
    case 'ratio': return r.quotaPerPotential;
  }
};

/** The plan's quotas over the active territory model's territories: does each territory's quota follow the potential it holds? */
export function ByTerritory({ plan: p }: { plan: QuotaPlanDetail }) {
  const lens = useQuery({ queryKey: ['quota-plan', p.id, 'territories', p.version], queryFn: () => api<QuotaByTerritory>(`/quota-plans/${encodeURIComponent(p.id)}/territories`) });
  const [sort, setSort] = useState<Sort<Key>>({ key: 'ratio', descending: true });
  const data = lens.data;
  if (!data || data.modelId === null) return null;
  const money = (m: string | null) => (m === null ? '—' : formatMoney(m, data.currency));
  const rows = sortRows(data.territories, sort, valueOf, (a, b) => a.name.localeCompare(b.name));
  return (
    <section data-testid="quota-by-territory">
      <h2>By territory</h2>
      <p className="muted">
        {data.modelName}, owners on {formatDate(data.asOf)}; each owner&apos;s quota apportioned over her territories by their potential.
        {data.fairness && <> Quota per unit of potential: Gini {data.fairness.gini.toFixed(3)} ({data.fairness.min.toFixed(2)}–{data.fairness.max.toFixed(2)}, {formatCount(data.fairness.sellers)} territories).</>}
      </p>
      <div className="table-wrap">
        <table className="data">
          <thead><tr>{COLUMNS.map((c) => <SortableHeader key={c.key} label={c.label} column={c.key} sort={sort} onSort={setSort} numeric={c.numeric} />)}</tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.name}</th><td>{r.ownerName ?? 'vacant'}</td><td className="num">{formatCount(r.accounts)}</td>
                <td className="num">{money(r.potentialMinor)}</td><td className="num">{r.quotaMinor === null ? '—' : formatQuota(r.quotaMinor, p)}</td><td className="num">{r.quotaPerPotential === null ? '—' : r.quotaPerPotential.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
