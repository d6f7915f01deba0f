import type { StatementSummaryItem } from '@attain/contract';
import { ApprovalBadge } from './ApprovalBadge.js';
import { APPROVAL_STATUSES, countByStatus } from './approval-status.js';

/** How many of the period's statements are in each approval status, above the table. */
export function ApprovalCounts({ items }: { items: readonly StatementSummaryItem[] }) {
  const counts = countByStatus(items);
  return (
    <ul className="pay-approval-counts" aria-label="Statements per approval status" data-testid="approval-counts">
      {APPROVAL_STATUSES.map((status) => (
        <li key={status} data-status={status} data-count={counts[status]}>
          <ApprovalBadge status={status} /> <span className="pay-count">{counts[status]}</span>
        </li>
      ))}
    </ul>
  );
}
