import { useId, useState } from 'react';
import { Link } from 'wouter';
import type { StatementSummaryItem } from '@attain/contract';
import { formatMoney } from '../ui/format.js';
import { ApprovalBadge } from './ApprovalBadge.js';
import { APPROVAL_STATUSES, approvalLabel, parseApprovalFilter, withApproval, type ApprovalFilter } from './approval-status.js';
import { sumMinor } from './pay-format.js';
import { statementHref, visibleStatements, type StatementSortKey } from './pay-rows.js';
import { SortableHeader } from './SortableHeader.js';
import type { Sort } from './table-sort.js';

/** A period's statements: filter by payee name and approval status, sort by any column, each payee links to her statement; the total of what is shown below. */
export function StatementsTable({ items }: { items: readonly StatementSummaryItem[] }) {
  const filterId = useId();
  const statusId = useId();
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState<ApprovalFilter>('all');
  const [sort, setSort] = useState<Sort<StatementSortKey>>({ key: 'name', descending: false });
  const rows = visibleStatements(withApproval(items, status), sort, filter);
  const currency = items[0]?.currency ?? 'USD';
  const header = (label: string, column: StatementSortKey, numeric = false) => <SortableHeader label={label} column={column} sort={sort} onSort={setSort} numeric={numeric} />;
  return (
    <div className="pay-statements-table">
      <div className="pay-filters">
        <div className="field pay-filter">
          <label htmlFor={filterId}>Filter by name</label>
          <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Payee name" />
        </div>
        <div className="field pay-filter">
          <label htmlFor={statusId}>Approval</label>
          <select id={statusId} value={status} onChange={(e) => setStatus(parseApprovalFilter(e.target.value))}>
            <option value="all">All statuses</option>
            {APPROVAL_STATUSES.map((s) => <option key={s} value={s}>{approvalLabel(s)}</option>)}
          </select>
        </div>
      </div>
      <div className="table-wrap">
        <table className="data" data-testid="statements-table">
          <thead>
            <tr>
              {header('Payee', 'name')}
              {header('Earned', 'earned', true)}
              {header('Payout', 'payout', true)}
              <th scope="col">Approval</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.personId} data-testid="statement-row">
                <td><Link href={statementHref(s.personId, s.periodKey)}>{s.personName}</Link></td>
                <td className="num">{formatMoney(s.earnedMinor, s.currency)}</td>
                <td className="num">{formatMoney(s.payoutMinor, s.currency)}</td>
                <td><ApprovalBadge status={s.approval} /></td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr><td colSpan={4} className="muted">No payee matches{filter.trim() ? ` “${filter}”` : ''}{status === 'all' ? '' : ` in ${approvalLabel(status).toLowerCase()}`}.</td></tr>
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{rows.length === items.length ? `All ${items.length} payees` : `${rows.length} of ${items.length} payees`}</th>
              <td className="num">{formatMoney(sumMinor(rows.map((r) => r.earnedMinor)), currency)}</td>
              <td className="num">{formatMoney(sumMinor(rows.map((r) => r.payoutMinor)), currency)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
