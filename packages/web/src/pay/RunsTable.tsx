import { useState } from 'react';
import type { CalcRunItem } from '@attain/contract';
import { formatInstant, formatMoney } from '../ui/format.js';
import { shortHash } from './pay-format.js';
import { sortRuns, type RunSortKey } from './pay-rows.js';
import { SortableHeader } from './SortableHeader.js';
import type { Sort } from './table-sort.js';
import { VerifyRunButton } from './VerifyRunButton.js';

const STATUS_TONE: Record<CalcRunItem['status'], string> = { running: 'warn', published: 'ok', failed: 'danger', interrupted: 'danger' };

/** The period's calc runs: status, kind, start, payees, payout, hashes (shortened; the full value in a title), Verify. */
export function RunsTable({ runs }: { runs: readonly CalcRunItem[] }) {
  const [sort, setSort] = useState<Sort<RunSortKey>>({ key: 'startedAt', descending: true });
  const rows = sortRuns(runs, sort);
  const header = (label: string, column: RunSortKey, numeric = false) => <SortableHeader label={label} column={column} sort={sort} onSort={setSort} numeric={numeric} />;
  return (
    <div className="table-wrap">
      <table className="data pay-runs" data-testid="runs-table">
        <thead>
          <tr>
            {header('Status', 'status')}
            {header('Kind', 'kind')}
            {header('Started', 'startedAt')}
            {header('Payees', 'payees', true)}
            {header('Payout', 'payout', true)}
            <th scope="col">Inputs hash</th>
            <th scope="col">Outputs hash</th>
            <th scope="col"><span className="visually-hidden">Verification</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="run-row" data-status={r.status}>
              <td><span className={`badge ${STATUS_TONE[r.status]}`} title={r.error ?? undefined}>{r.status}</span></td>
              <td>{r.kind}{r.trigger !== 'manual' && <span className="muted small"> · {r.trigger}</span>}</td>
              <td>{formatInstant(r.startedAt)}</td>
              <td className="num">{r.payeeCount ?? (r.status === 'running' ? `${r.progressDone}/${r.progressTotal}` : '')}</td>
              <td className="num">{r.payoutMinor === null ? '' : formatMoney(r.payoutMinor, r.currency)}</td>
              <td><code title={r.inputsHash ?? undefined}>{shortHash(r.inputsHash)}</code></td>
              <td><code title={r.outputsHash ?? undefined}>{shortHash(r.outputsHash)}</code></td>
              <td className="pay-verify-cell"><VerifyRunButton run={r} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
