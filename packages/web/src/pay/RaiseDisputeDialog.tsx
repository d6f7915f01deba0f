import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { RaiseDisputeBody } from '@attain/contract';
import { useRaiseDispute } from './use-disputes.js';

/** What the dialog raises: a statement line (plan, component, step) or a missing credit. */
export type DisputeTarget =
  | { readonly kind: 'line'; readonly planId: string; readonly componentId: string; readonly step: string; readonly label: string }
  | { readonly kind: 'missing-credit' };

interface Props {
  readonly personId: string;
  readonly periodKey: string;
  readonly target: DisputeTarget;
  readonly onClose: () => void;
}

/** A small dialog: what is wrong (a comment), and for a missing credit which deal or credit. The server's refusal shows as it says it. */
export function RaiseDisputeDialog({ personId, periodKey, target, onClose }: Props) {
  const titleId = useId();
  const commentId = useId();
  const describeId = useId();
  const [comment, setComment] = useState('');
  const [description, setDescription] = useState('');
  const raise = useRaiseDispute();
  const first = useRef<HTMLTextAreaElement & HTMLInputElement>(null);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    first.current?.focus();
    return () => before?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: RaiseDisputeBody = target.kind === 'line'
      ? { kind: 'line', personId, period: periodKey, subject: { planId: target.planId, componentId: target.componentId, step: target.step }, comment }
      : { kind: 'missing-credit', personId, period: periodKey, subject: { description }, comment };
    raise.mutate(body, { onSuccess: onClose });
  };
  const keyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose();
  };

  return (
    <div className="overlay" onKeyDown={keyDown}>
      <section role="dialog" aria-modal="true" aria-labelledby={titleId} className="dialog" data-testid="dispute-dialog">
        <h2 id={titleId}>{target.kind === 'line' ? 'Dispute a line' : 'Report a missing credit'}</h2>
        <p className="muted">{target.kind === 'line' ? target.label : `Statement of ${periodKey}`}. Finance answers here and on the Disputes page.</p>
        <form onSubmit={submit}>
          {target.kind === 'missing-credit' && (
            <div className="field">
              <label htmlFor={describeId}>Which deal or credit</label>
              <input id={describeId} ref={first} value={description} maxLength={500} required onChange={(e) => setDescription(e.target.value)} />
            </div>
          )}
          <div className="field">
            <label htmlFor={commentId}>What is wrong</label>
            <textarea id={commentId} ref={target.kind === 'line' ? first : undefined} value={comment} maxLength={4000} rows={4} required onChange={(e) => setComment(e.target.value)} />
          </div>
          <div aria-live="polite">{raise.isError && <p className="error" role="alert">{raise.error.message}</p>}</div>
          <div className="actions">
            <button type="submit" className="primary" disabled={raise.isPending || comment.trim() === ''}>{raise.isPending ? 'Sending…' : 'Send'}</button>
            <button type="button" onClick={onClose}>Cancel</button>
          </div>
        </form>
      </section>
    </div>
  );
}
