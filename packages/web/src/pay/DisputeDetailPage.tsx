import { useId, useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../api/client.js';
import { useSession } from '../session/SessionProvider.js';
import { formatInstant, formatMoney } from '../ui/format.js';
import { NotFound } from '../ui/NotFound.js';
import { adjustmentMinor, ageText, DISPUTE_STATUS_LABEL, disputeBadgeClass, disputeSubjectText } from './dispute-format.js';
import { useDispute, useMoveDispute, type DisputeMove } from './use-disputes.js';
import './disputes.css';

/**
 * /disputes/:id: the dispute, its thread and what the reader may do now (the server's `can`):
 * the payee or her manager comments or reopens; finance assigns to herself, answers, and
 * resolves with an optional adjustment typed in major units (converted exactly to minor units).
 */
export function DisputeDetailPage({ id }: { id: string }) {
  const { me } = useSession();
  const dispute = useDispute(id);
  const move = useMoveDispute(id);
  const [message, setMessage] = useState('');
  const [resolution, setResolution] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const messageId = useId();
  const resolutionId = useId();
  const amountId = useId();
  const reasonId = useId();
  if (dispute.isError && dispute.error instanceof ApiError && dispute.error.status === 404) return <NotFound what="dispute" />;
  const d = dispute.data;
  if (!d) return <div className="pay">{dispute.isError ? <p className="error" role="alert">{dispute.error.message}</p> : <div className="skeleton" style={{ height: '12rem' }} aria-busy="true" />}</div>;
  const currency = me.org.defaultCurrency;
  const send = (m: DisputeMove, after: () => void) => move.mutate(m, { onSuccess: after });
  const say = (action: 'comments' | 'answer' | 'reopen') => (event: { preventDefault(): void }) => {
    event.preventDefault();
    send({ action, body: { body: message } }, () => setMessage(''));
  };
  const resolve = (event: { preventDefault(): void }) => {
    event.preventDefault();
    let adjustment: { amountMinor: string; reason?: string } | undefined;
    if (amount.trim() !== '') {
      const parsed = adjustmentMinor(amount, currency);
      if ('error' in parsed) return setAmountError(parsed.error);
      adjustment = { amountMinor: parsed.minor, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    }
    setAmountError(null);
    send({ action: 'resolve', body: { resolution, ...(adjustment ? { adjustment } : {}) } }, () => setResolution(''));
  };
  return (
    <div className="pay" data-testid="dispute-detail">
      <nav className="pay-back" aria-label="Back">
        {d.can.manage || me.user.role === 'admin' || me.user.role === 'finance' ? <Link href="/disputes">← Disputes</Link> : null}{' '}
        <Link href={`/statements/${d.personId}/${d.periodKey}`}>Statement of {d.personName}, {d.periodKey}</Link>
      </nav>
      <h1>{disputeSubjectText(d)} <span className={disputeBadgeClass(d.status)} data-testid="dispute-status">{DISPUTE_STATUS_LABEL[d.status]}</span></h1>
      <p className="muted">
        {d.personName} · {d.periodKey} · raised by {d.raisedByName} on {formatInstant(d.raisedAt)} · age <span data-testid="dispute-age">{ageText(d.ageDays)}</span>
        {' '}· assigned to {d.assigneeName ?? 'nobody'}
      </p>
      {d.resolution && <p data-testid="dispute-resolution"><strong>Resolution:</strong> {d.resolution}</p>}
      {d.adjustment && (
        <p data-testid="dispute-adjustment">Adjustment of {formatMoney(d.adjustment.amountMinor, d.adjustment.currency)} posted to {d.adjustment.postedPeriod}: {d.adjustment.reason}</p>
      )}
      <ol className="pay-dispute-thread" aria-label="Thread">
        {d.messages.map((m) => (
          <li key={m.id} data-testid="dispute-message" data-kind={m.kind}>
            <strong>{m.authorName}</strong> <span className="muted small">{m.kind} · {formatInstant(m.at)}</span>
            <p>{m.body}</p>
          </li>
        ))}
      </ol>
      {(d.can.comment || d.can.reopen || d.can.manage) && (
        <form className="card" onSubmit={say(d.can.reopen ? 'reopen' : 'comments')}>
          <div className="field">
            <label htmlFor={messageId}>{d.can.reopen ? 'Reopen, saying why' : d.can.manage ? 'Reply or answer' : 'Comment'}</label>
            <textarea id={messageId} value={message} rows={3} maxLength={4000} onChange={(e) => setMessage(e.target.value)} />
          </div>
          <div className="actions">
            {(d.can.comment || d.can.reopen) && <button type="submit" disabled={move.isPending || message.trim() === ''}>{d.can.reopen ? 'Reopen' : 'Comment'}</button>}
            {d.can.manage && <button type="button" className="primary" disabled={move.isPending || message.trim() === ''} onClick={say('answer')} data-testid="dispute-answer">Answer</button>}
            {d.can.manage && d.assigneeUserId !== me.user.id && (
              <button type="button" disabled={move.isPending} onClick={() => send({ action: 'assign', body: {} }, () => undefined)} data-testid="dispute-assign-me">Assign to me</button>
            )}
          </div>
        </form>
      )}
      {d.can.manage && (
        <form className="card" onSubmit={resolve} aria-label="Resolve" data-testid="dispute-resolve-form">
          <h2 className="pay-section-title">Resolve</h2>
          <div className="field">
            <label htmlFor={resolutionId}>Resolution</label>
            <textarea id={resolutionId} value={resolution} rows={2} maxLength={4000} required onChange={(e) => setResolution(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={amountId}>Adjustment ({currency}, optional; negative to take back)</label>
            <input id={amountId} value={amount} inputMode="decimal" placeholder="100.00" onChange={(e) => setAmount(e.target.value)} aria-invalid={amountError ? true : undefined} />
            {amountError && <p className="field-error" role="alert">{amountError}</p>}
          </div>
          <div className="field">
            <label htmlFor={reasonId}>Adjustment reason (default: the resolution)</label>
            <input id={reasonId} value={reason} maxLength={400} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={move.isPending || resolution.trim() === ''} data-testid="dispute-resolve">Resolve</button>
          </div>
        </form>
      )}
      <div aria-live="polite">{move.isError && <p className="error" role="alert" data-testid="dispute-error">{move.error.message}</p>}</div>
    </div>
  );
}
