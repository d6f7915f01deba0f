import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

/** A modal frame for the assignment forms: its title labels it, the first field takes focus, Escape cancels, focus goes back where it was. */
export function FormDialog({ title, testId, onClose, children }: { title: string; testId: string; onClose: () => void; children: ReactNode }) {
  const titleId = useId();
  const frame = useRef<HTMLElement>(null);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    frame.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    return () => before?.focus();
  }, []);

  const keyDown = (event: KeyboardEvent) => {
    // The person picker closes its own list on Escape first (it stops the event).
    if (event.key === 'Escape') onClose();
  };

  return (
    <div className="overlay" onKeyDown={keyDown}>
      <section ref={frame} role="dialog" aria-modal="true" aria-labelledby={titleId} className="dialog assignments-dialog" data-testid={testId}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </section>
    </div>
  );
}
