import type { PipelineBoardBody } from '@attain/contract';

/*
 * Moving a card between columns, as pure functions over the board the server sent: what a
 * move asks of the server, and the board as it looks optimistically until the server's own
 * answer (a refetch) replaces it. Column sums stay as they were until then: they are in the
 * org currency, converted at rates the browser does not have.
 */

export type Board = PipelineBoardBody;
export type BoardStage = Board['stages'][number];
export type BoardCard = BoardStage['cards'][number];

/** The drag-and-drop data type of a dragged card (its id). */
export const CARD_DRAG_TYPE = 'application/x-attain-card';

export interface CardPlace {
  readonly card: BoardCard;
  readonly stage: BoardStage;
}

export function findCard(board: Board, cardId: string): CardPlace | null {
  for (const stage of board.stages) {
    const card = stage.cards.find((c) => c.id === cardId);
    if (card) return { card, stage };
  }
  return null;
}

/** The body of PATCH /opportunities/{id} that moves a card. */
export interface MoveBody {
  readonly stageId: string;
  readonly version: number;
  readonly lostReason?: string;
}

export type MovePlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'move'; readonly card: BoardCard; readonly from: BoardStage; readonly to: BoardStage; readonly body: MoveBody }
  /** A closed-lost stage: ask why before moving (the reason goes with the move). */
  | { readonly kind: 'ask-reason'; readonly card: BoardCard; readonly from: BoardStage; readonly to: BoardStage };

/**
 * What moving `cardId` to `toStageId` takes. Nothing when the card is already there or
 * either end is unknown (a stale drag after a refetch).
 */
export function planMove(board: Board, cardId: string, toStageId: string, lostReason?: string): MovePlan {
  const place = findCard(board, cardId);
  const to = board.stages.find((s) => s.stageId === toStageId);
  if (!place || !to || place.stage.stageId === to.stageId) return { kind: 'none' };
  const reason = lostReason?.trim();
  if (isLostStage(to) && reason === undefined) return { kind: 'ask-reason', card: place.card, from: place.stage, to };
  return {
    kind: 'move', card: place.card, from: place.stage, to,
    body: { stageId: to.stageId, version: place.card.version, ...(reason ? { lostReason: reason } : {}) },
  };
}

export function isLostStage(stage: Pick<BoardStage, 'isClosed' | 'isWon'>): boolean {
  return stage.isClosed && !stage.isWon;
}

/**
 * The board with the card moved to the top of its new column and both counts adjusted.
 * The card takes the stage's probability, as the server will give it.
 */
export function moveCardOnBoard(board: Board, cardId: string, toStageId: string): Board {
  const place = findCard(board, cardId);
  const target = board.stages.find((s) => s.stageId === toStageId);
  if (!place || !target || place.stage.stageId === toStageId) return board;
  const moved: BoardCard = { ...place.card, probabilityBps: target.probabilityBps };
  return {
    ...board,
    stages: board.stages.map((stage) => {
      if (stage.stageId === place.stage.stageId) return { ...stage, count: Math.max(0, stage.count - 1), cards: stage.cards.filter((c) => c.id !== cardId) };
      if (stage.stageId === toStageId) return { ...stage, count: stage.count + 1, cards: [moved, ...stage.cards] };
      return stage;
    }),
  };
}

/** The board with one card's version replaced (after the server accepted a move). */
export function withCardVersion(board: Board, cardId: string, version: number): Board {
  return {
    ...board,
    stages: board.stages.map((stage) =>
      stage.cards.some((c) => c.id === cardId) ? { ...stage, cards: stage.cards.map((c) => (c.id === cardId ? { ...c, version } : c)) } : stage,
    ),
  };
}

/**
 * Undoes an optimistic move: the card leaves whichever column it is in now and goes back to
 * `stageId` at `index`, counts adjusted. Works on the current board rather than a snapshot,
 * so another move made meanwhile is not undone with it.
 */
export function returnCard(board: Board, card: BoardCard, stageId: string, index: number): Board {
  const now = findCard(board, card.id);
  // Not on the board any more, or back already: a refetch has replaced the optimistic state.
  if (!now || now.stage.stageId === stageId) return board;
  return {
    ...board,
    stages: board.stages.map((stage) => {
      if (stage.stageId === now.stage.stageId) return { ...stage, count: Math.max(0, stage.count - 1), cards: stage.cards.filter((c) => c.id !== card.id) };
      if (stage.stageId === stageId) {
        const cards = [...stage.cards];
        cards.splice(Math.min(index, cards.length), 0, card);
        return { ...stage, count: stage.count + 1, cards };
      }
      return stage;
    }),
  };
}
