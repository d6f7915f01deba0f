import { useId, useState, type DragEvent } from 'react';
import { Link } from 'wouter';
import { formatBps, formatCount, formatMoney } from '../ui/format.js';
import { CARD_DRAG_TYPE, type BoardCard, type BoardStage } from './board-moves.js';
import { BoardCardView } from './BoardCardView.js';
import { StageBar } from './StageBar.js';

export interface DragState {
  readonly cardId: string;
  readonly fromStageId: string;
}

interface Props {
  readonly stage: BoardStage;
  readonly stages: readonly BoardStage[];
  /** The org currency all column sums are in. */
  readonly currency: string;
  /** The largest column total, the bars' full length. */
  readonly maxMinor: string;
  readonly mayMove: boolean;
  /** Sums are the server's from before a pending move: shown dimmed until the refetch. */
  readonly stale: boolean;
  readonly pendingCardIds: ReadonlySet<string>;
  readonly focusCardId: string | null;
  readonly dragging: DragState | null;
  readonly onMove: (card: BoardCard, fromStageId: string, toStageId: string) => void;
  readonly onDragStart: (drag: DragState) => void;
  readonly onDragEnd: () => void;
}

/** One stage of the board: its figures, its largest deals, and a drop target for cards. */
export function BoardColumn({ stage, stages, currency, maxMinor, mayMove, stale, pendingCardIds, focusCardId, dragging, onMove, onDragStart, onDragEnd }: Props) {
  const headingId = useId();
  const [over, setOver] = useState(false);
  const accepts = dragging !== null && dragging.fromStageId !== stage.stageId;
  const more = stage.count - stage.cards.length;
  const tone = stage.isClosed ? (stage.isWon ? ' ok' : ' danger') : '';

  const dragOver = (event: DragEvent) => {
    if (!accepts) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (!over) setOver(true);
  };
  const dragLeave = (event: DragEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const cardId = event.dataTransfer.getData(CARD_DRAG_TYPE) || dragging?.cardId;
    const from = stages.find((s) => s.cards.some((c) => c.id === cardId));
    const card = from?.cards.find((c) => c.id === cardId);
    if (from && card) onMove(card, from.stageId, stage.stageId);
  };

  return (
    <section
      className={`board-column${over && accepts ? ' drop-target' : ''}${stage.isClosed ? ' closed' : ''}`}
      aria-labelledby={headingId}
      onDragOver={dragOver}
      onDragLeave={dragLeave}
      onDrop={drop}
    >
      <header className="board-column-head">
        <div className="board-column-title">
          <h2 id={headingId}>{stage.name}</h2>
          <span className={`badge${tone}`} title="Probability">{formatBps(stage.probabilityBps)}</span>
        </div>
        <dl className={`board-column-figures${stale ? ' stale' : ''}`} aria-busy={stale || undefined}>
          <div><dt>Deals</dt><dd className="num">{formatCount(stage.count)}</dd></div>
          <div><dt>Amount</dt><dd className="num" title={formatMoney(stage.amountMinor, currency)}>{formatMoney(stage.amountMinor, currency, { compact: true })}</dd></div>
          <div><dt>Weighted</dt><dd className="num" title={formatMoney(stage.weightedAmountMinor, currency)}>{formatMoney(stage.weightedAmountMinor, currency, { compact: true })}</dd></div>
        </dl>
        <StageBar amountMinor={stage.amountMinor} weightedAmountMinor={stage.weightedAmountMinor} maxMinor={maxMinor} />
      </header>
      {stage.cards.length === 0 ? (
        <p className="board-empty small muted">{accepts ? 'Drop here' : 'No deals'}</p>
      ) : (
        <ol className="board-cards">
          {stage.cards.map((card) => (
            <li key={card.id}>
              <BoardCardView
                card={card}
                stageId={stage.stageId}
                stages={stages}
                mayMove={mayMove}
                pending={pendingCardIds.has(card.id)}
                autoFocus={focusCardId === card.id}
                onMove={(to) => onMove(card, stage.stageId, to)}
                onDragStart={() => onDragStart({ cardId: card.id, fromStageId: stage.stageId })}
                onDragEnd={onDragEnd}
              />
            </li>
          ))}
        </ol>
      )}
      {stage.hasMore && more > 0 && (
        <Link href={`/opportunities?stageId=${encodeURIComponent(stage.stageId)}`} className="board-more small">
          {formatCount(more)} more in {stage.name}
        </Link>
      )}
    </section>
  );
}
