import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

interface Props {
  readonly cardName: string;
  readonly stageName: string;
  /** The server's complaint about the reason, when it refused the last try. */
  readonly error?: string | undefined;
  readonly onConfirm: (reason: string) => void;
  readonly onCancel: () => void;
}

/**
 * Asked before a deal moves to a closed-lost stage: why it was lost, which the loss reports
 * group by. Optional unless the server says otherwise (then its message shows here).
 */
export function LostReasonDialog({ cardName, stageName, error, onConfirm, onCancel }: Props) {
  const titleId = useId();
  const inputId = useId();
  const errorId = useId();
  const [reason, setReason] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Focus returns to where it was when the dialog closes.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    input.current?.focus();
    return () => before?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(reason.trim());
  };
  const keyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onCancel();
  };

  return (
    <div className="overlay" onKeyDown={keyDown}>
      <section role="dialog" aria-modal="true" aria-labelledby={titleId} className="dialog">
        <h2 id={titleId}>Move to {stageName}</h2>
        <p className="muted">“{cardName}” will be closed as lost.</p>
        <form onSubmit={submit} className="lost-reason-form">
          <div className="field">
            <label htmlFor={inputId}>Reason lost{error ? '' : ' (optional)'}</label>
            <input
              id={inputId}
              ref={input}
              value={reason}
              maxLength={255}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
            />
            {error && <p id={errorId} className="field-error">{error}</p>}
          </div>
          <div className="actions">
            <button type="submit" className="primary">Move to {stageName}</button>
            <button type="button" onClick={onCancel}>Cancel</button>
          </div>
        </form>
      </section>
    </div>
  );
}
