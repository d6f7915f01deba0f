import { useState } from 'react';
import type { TerritoryDiffWire } from '@attain/contract';
import { SortableHeader } from '../pay/SortableHeader.js';
import type { Sort } from '../pay/table-sort.js';
import { formatCount, formatMoney } from '../ui/format.js';
import { sortReps, type RepSortKey } from './table-rows.js';

const COLUMNS: readonly { key: RepSortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Rep' }, { key: 'accounts', label: 'Accounts', numeric: true }, { key: 'gained', label: 'Gained', numeric: true },
  { key: 'lost', label: 'Lost', numeric: true }, { key: 'potential', label: 'Potential', numeric: true }, { key: 'pipeline', label: 'Pipeline', numeric: true },
  { key: 'quota', label: 'Quota', numeric: true }, { key: 'quotaImpact', label: 'Quota impact', numeric: true },
];

/** Per rep, before and after the activation: accounts, what comes and goes, potential and pipeline, and the quota the moves carry. */
export function DiffRepsTable({ diff }: { diff: TerritoryDiffWire }) {
  const [sort, setSort] = useState<Sort<RepSortKey>>({ key: 'name', descending: false });
  const money = (m: string | null) => (m === null ? '—' : formatMoney(m, diff.currency));
  const change = (before: string, after: string) => (before === after ? money(after) : `${money(before)} → ${money(after)}`);
  return (
    <div className="table-wrap">
      <table className="data" data-testid="diff-reps">
        <thead>
          <tr>{COLUMNS.map((c) => <SortableHeader key={c.key} label={c.label} column={c.key} sort={sort} onSort={setSort} numeric={c.numeric} />)}</tr>
        </thead>
        <tbody>
          {sortReps(diff.reps, sort).map((r) => (
            <tr key={r.personId ?? 'none'} data-testid="diff-rep-row">
              <th scope="row">{r.personId === null ? <span className="muted">{r.name || 'No owner'}</span> : r.name}</th>
              <td className="num">{r.before.accounts === r.after.accounts ? formatCount(r.after.accounts) : `${formatCount(r.before.accounts)} → ${formatCount(r.after.accounts)}`}</td>
              <td className="num">{r.gained > 0 ? `+${formatCount(r.gained)}` : '0'}</td>
              <td className="num">{r.lost > 0 ? `−${formatCount(r.lost)}` : '0'}</td>
              <td className="num">{change(r.before.potentialMinor, r.after.potentialMinor)}</td>
              <td className="num">{change(r.before.pipelineMinor, r.after.pipelineMinor)}</td>
              <td className="num">{money(r.quotaMinor)}</td>
              <td className="num">{r.quotaImpactMinor === null ? '—' : `${BigInt(r.quotaImpactMinor) > 0n ? '+' : ''}${money(r.quotaImpactMinor)}`}</td>
            </tr>
          ))}
          {diff.reps.length === 0 && <tr><td colSpan={COLUMNS.length} className="muted">No rep's accounts change.</td></tr>}
        </tbody>
      </table>
    </div>
  );
}
