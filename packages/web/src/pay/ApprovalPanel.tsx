import type { StatementWire } from '@attain/contract';
import { useSession } from '../session/SessionProvider.js';
import { formatInstant, formatMoney } from '../ui/format.js';
import { ApprovalBadge } from './ApprovalBadge.js';
import { approvalDiscrepancies, approverLabel, stepLabel } from './approval-status.js';
import { useApproveStatement, useUserNames } from './use-approvals.js';

/**
 * Where a statement stands on its approval route: the status, each step with who approved it
 * when, for a change since approval the total approved beside the one posted now, and
 * "Approve" when the session may approve and a step waits. The server decides the rest
 * (separation of duties): its refusal is shown as it says it.
 */
export function ApprovalPanel({ statement }: { statement: StatementWire }) {
  const { me, can } = useSession();
  const names = useUserNames(can('user:list'));
  const approve = useApproveStatement(statement.personId, statement.periodKey);
  const { approval, currency } = statement;
  const stale = approvalDiscrepancies(approval);
  const mayTry = can('statement:approve') && approval.next !== null && statement.period.status === 'open' && statement.personId !== me.user.personId;
  return (
    <section className="card pay-approval" aria-labelledby="pay-approval-title" data-testid="approval-panel">
      <div className="pay-run-head">
        <h2 id="pay-approval-title" className="pay-section-title">Approval <ApprovalBadge status={approval.status} /></h2>
        {mayTry && (
          <button type="button" className="primary pay-no-print" onClick={() => approve.mutate()} disabled={approve.isPending} data-testid="approve-statement">
            {approve.isPending ? 'Approving…' : `Approve (${stepLabel(approval.next ?? 'finance').toLowerCase()} step)`}
          </button>
        )}
      </div>
      <ol className="pay-approval-steps" aria-label="Approval route">
        {approval.steps.map((s) => (
          <li key={s.step} data-testid="approval-step" data-step={s.step} data-current={s.current}>
            <strong>{stepLabel(s.step)}</strong>{' '}
            {s.latest === null && <span className="muted">not approved yet</span>}
            {s.latest !== null && (
              <span className={s.current ? undefined : 'muted'}>
                approved by {approverLabel(s.latest.approvedBy, me.user.id, names)} on {formatInstant(s.latest.approvedAt)}
                {!s.current && ' (for an earlier version)'}
              </span>
            )}
            {approval.next === s.step && <span className="muted"> · waiting</span>}
          </li>
        ))}
      </ol>
      {stale.length > 0 && (
        <p className="pay-approval-change" data-testid="approval-change">
          Changed since approval: {stale.map((s) => `${stepLabel(s.step).toLowerCase()} approved ${formatMoney(s.approvedMinor, currency)}`).join(', ')}; posted now {formatMoney(statement.postedMinor, currency)}.
        </p>
      )}
      <div aria-live="polite">
        {approve.isError && <p className="error" role="alert" data-testid="approve-error">{approve.error.message}</p>}
      </div>
    </section>
  );
}
