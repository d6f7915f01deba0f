import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { Link } from 'wouter';
import { formatDate, formatMoney } from '../ui/format.js';
import { CARD_DRAG_TYPE, type BoardCard } from './board-moves.js';

interface Props {
  readonly card: BoardCard;
  readonly stageId: string;
  readonly stages: readonly { readonly stageId: string; readonly name: string }[];
  /** Show the drag handle and the "Move to stage" control. */
  readonly mayMove: boolean;
  /** A move of this card is waiting for the server. */
  readonly pending: boolean;
  /** Take the focus when shown (after a move, so keyboard users keep their place). */
  readonly autoFocus: boolean;
  readonly onMove: (toStageId: string) => void;
  readonly onDragStart: () => void;
  readonly onDragEnd: () => void;
}

/**
 * One opportunity on the board. Dragging is one way to move it; the labelled stage picker
 * below is the other, for keyboards and screen readers.
 */
export function BoardCardView({ card, stageId, stages, mayMove, pending, autoFocus, onMove, onDragStart, onDragEnd }: Props) {
  const titleId = useId();
  const selectId = useId();
  const [target, setTarget] = useState(stageId);
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  const startDrag = (event: DragEvent) => {
    event.dataTransfer.setData(CARD_DRAG_TYPE, card.id);
    // Some browsers start a drag only when plain text is set too.
    event.dataTransfer.setData('text/plain', card.name);
    event.dataTransfer.effectAllowed = 'move';
    onDragStart();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target !== stageId) onMove(target);
  };

  return (
    <article
      ref={ref}
      className={`board-card${pending ? ' pending' : ''}`}
      aria-labelledby={titleId}
      aria-busy={pending || undefined}
      tabIndex={-1}
      draggable={mayMove}
      onDragStart={mayMove ? startDrag : undefined}
      onDragEnd={mayMove ? onDragEnd : undefined}
    >
      <div className="board-card-top">
        <Link href={`/opportunities/${card.id}`} id={titleId} className="board-card-name" draggable={false}>{card.name}</Link>
        {mayMove && <span className="board-card-grip" aria-hidden="true" title="Drag to another stage">⠿</span>}
      </div>
      <p className="board-card-meta small">
        {card.accountId && card.accountName
          ? <Link href={`/accounts/${card.accountId}`} draggable={false}>{card.accountName}</Link>
          : <span className="muted">{card.accountId ? 'Account not visible' : 'No account'}</span>}
      </p>
      <p className="board-card-figures">
        <span className="board-card-amount">{formatMoney(card.amountMinor, card.currency)}</span>
        <span className="small muted">Closes {formatDate(card.closeDate)}</span>
      </p>
      <p className="board-card-meta small muted">{card.ownerName ?? 'No owner'}</p>
      {mayMove && (
        <form className="board-card-move" onSubmit={submit}>
          {/* Visually the picker shows the card's stage; its name tells what choosing does. */}
          <label htmlFor={selectId} className="board-sr-only">Move to stage</label>
          <select id={selectId} value={target} onChange={(e) => setTarget(e.target.value)} aria-describedby={titleId} disabled={pending} title="Move to stage">
            {stages.map((s) => <option key={s.stageId} value={s.stageId}>{s.name}</option>)}
          </select>
          <button type="submit" disabled={pending || target === stageId}>Move</button>
        </form>
      )}
    </article>
  );
}
