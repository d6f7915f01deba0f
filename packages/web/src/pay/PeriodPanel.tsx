import { useId, useState, type FormEvent } from 'react';
import { useSession } from '../session/SessionProvider.js';
import { formatDate, formatInstant } from '../ui/format.js';
import { approverLabel } from './approval-status.js';
import { PayrollExportPanel } from './PayrollExportPanel.js';
import { useApproveReopen, useClosePeriod, usePeriods, useRequestReopen, useUserNames } from './use-approvals.js';

/**
 * The period itself: open or closed, "Close period" (refused by the server while a statement
 * is not approved as it stands: its message is shown), for a closed period "Request reopening"
 * with a reason and, for a request someone else made, "Approve reopening" (two people reopen a
 * period); then the payroll export. Keyed by period by its parent.
 */
export function PeriodPanel({ period }: { period: string }) {
  const { me, can } = useSession();
  const periods = usePeriods();
  const names = useUserNames(can('user:list'));
  const close = useClosePeriod(period);
  const request = useRequestReopen(period);
  const approveReopen = useApproveReopen();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const item = periods.data?.items.find((p) => p.key === period);
  const pending = item?.reopenings.find((r) => r.approvedBy === null);
  const manage = can('comp_period:manage');
  const onRequest = (e: FormEvent) => {
    e.preventDefault();
    request.mutate(reason, { onSuccess: () => setReason('') });
  };
  return (
    <section className="card pay-period-panel" aria-labelledby="pay-period-title" data-testid="period-panel">
      <div className="pay-run-head">
        <h2 id="pay-period-title" className="pay-section-title">
          Period {period}{' '}
          {item && <span className={`badge ${item.status === 'open' ? 'ok' : ''}`} data-testid="period-status" data-status={item.status}>{item.status}</span>}
        </h2>
        {manage && item?.status === 'open' && (
          <button type="button" onClick={() => close.mutate()} disabled={close.isPending} data-testid="close-period">
            {close.isPending ? 'Closing…' : 'Close period'}
          </button>
        )}
      </div>
      {periods.isError && <p className="error" role="alert">The periods could not be loaded: {periods.error.message}</p>}
      {periods.data && !item && <p className="muted small" data-testid="period-status" data-status="none">No calculation of {period} yet: the period opens with its first run.</p>}
      {item && (
        <p className="muted small">
          {formatDate(item.startDate)} – {formatDate(item.endDate)}
          {item.status === 'closed' && item.closedAt && ` · closed ${formatInstant(item.closedAt)}${item.closedBy ? ` by ${approverLabel(item.closedBy, me.user.id, names)}` : ''}`}
          {item.status === 'open' && ' · closes once every statement is approved as it stands'}
        </p>
      )}
      <div aria-live="polite">
        {close.isError && <p className="error" role="alert" data-testid="close-error">{close.error.message}</p>}
        {approveReopen.isError && <p className="error" role="alert">{approveReopen.error.message}</p>}
      </div>
      {manage && item?.status === 'closed' && pending && (
        <div className="pay-reopen" data-testid="reopen-pending">
          <p>
            Reopening asked by {approverLabel(pending.requestedBy, me.user.id, names)} on {formatInstant(pending.requestedAt)}: “{pending.reason}”.
            {pending.requestedBy === me.user.id && ' Someone else approves it.'}
          </p>
          {pending.requestedBy !== me.user.id && (
            <button type="button" onClick={() => approveReopen.mutate(pending.id)} disabled={approveReopen.isPending} data-testid="approve-reopen">
              {approveReopen.isPending ? 'Reopening…' : 'Approve reopening'}
            </button>
          )}
        </div>
      )}
      {manage && item?.status === 'closed' && !pending && (
        <form className="pay-reopen" onSubmit={onRequest}>
          <div className="field">
            <label htmlFor={reasonId}>Reason for reopening</label>
            <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required />
          </div>
          <button type="submit" disabled={request.isPending || reason.trim() === ''}>{request.isPending ? 'Requesting…' : 'Request reopening'}</button>
          {request.isError && <p className="error" role="alert">{request.error.message}</p>}
        </form>
      )}
      {can('payroll:export') && item && <PayrollExportPanel period={period} />}
    </section>
  );
}
