import { describe, expect, it } from 'vitest';
import { findCard, moveCardOnBoard, planMove, returnCard, withCardVersion, type Board, type BoardCard, type BoardStage } from './board-moves.js';

const card = (id: string, amountMinor: string, version = 1): BoardCard => ({
  id, name: `Deal ${id}`, accountId: null, accountName: null, ownerId: 'per_1', ownerName: 'Ray Rep', amountMinor, currency: 'USD',
  closeDate: '2027-01-15', probabilityBps: 1000, forecastCategory: 'pipeline', version,
});

const stage = (stageId: string, cards: BoardCard[], extra: Partial<BoardStage> = {}): BoardStage => ({
  stageId, name: stageId, probabilityBps: 1000, isClosed: false, isWon: false, count: cards.length,
  amountMinor: '0', weightedAmountMinor: '0', cards, hasMore: false, ...extra,
});

const board: Board = {
  pipelineId: 'pip_1', currency: 'USD',
  stages: [
    stage('qualify', [card('a', '500'), card('b', '300', 4)], { count: 9, hasMore: true }),
    stage('propose', [card('c', '900')], { probabilityBps: 6000 }),
    stage('won', [], { isClosed: true, isWon: true, probabilityBps: 10000 }),
    stage('lost', [], { isClosed: true, isWon: false, probabilityBps: 0 }),
  ],
};

const ids = (b: Board) => Object.fromEntries(b.stages.map((s) => [s.stageId, `${s.count}:${s.cards.map((c) => c.id).join(',')}`]));

describe('planMove', () => {
  it('sends the stage and the version the card was read at', () => {
    const plan = planMove(board, 'b', 'propose');
    expect(plan.kind).toBe('move');
    if (plan.kind === 'move') expect(plan.body).toEqual({ stageId: 'propose', version: 4 });
  });

  it('does nothing for the same stage, an unknown card or an unknown stage', () => {
    expect(planMove(board, 'a', 'qualify').kind).toBe('none');
    expect(planMove(board, 'zzz', 'propose').kind).toBe('none');
    expect(planMove(board, 'a', 'gone').kind).toBe('none');
  });

  it('asks why before a lost stage, and sends the reason once given', () => {
    expect(planMove(board, 'a', 'lost').kind).toBe('ask-reason');
    const withReason = planMove(board, 'a', 'lost', '  Went with a competitor ');
    expect(withReason.kind === 'move' && withReason.body).toEqual({ stageId: 'lost', version: 1, lostReason: 'Went with a competitor' });
    const without = planMove(board, 'a', 'lost', '  ');
    expect(without.kind === 'move' && without.body).toEqual({ stageId: 'lost', version: 1 });
  });

  it('moves to a won stage without asking', () => {
    expect(planMove(board, 'a', 'won').kind).toBe('move');
  });
});

describe('optimistic moves', () => {
  it('moves a card to the top of its new column and adjusts both counts', () => {
    const moved = moveCardOnBoard(board, 'b', 'propose');
    expect(ids(moved)).toEqual({ qualify: '8:a', propose: '2:b,c', won: '0:', lost: '0:' });
    expect(findCard(moved, 'b')?.card.probabilityBps).toBe(6000);
    expect(ids(board)).toEqual({ qualify: '9:a,b', propose: '1:c', won: '0:', lost: '0:' });
  });

  it('puts a refused card back where it was', () => {
    const moved = moveCardOnBoard(board, 'a', 'won');
    const back = returnCard(moved, card('a', '500'), 'qualify', 0);
    expect(ids(back)).toEqual(ids(board));
  });

  it('undoes one move without undoing another made meanwhile', () => {
    const both = moveCardOnBoard(moveCardOnBoard(board, 'a', 'won'), 'c', 'qualify');
    const back = returnCard(both, card('a', '500'), 'qualify', 0);
    expect(ids(back)).toEqual({ qualify: '10:a,c,b', propose: '0:', won: '0:', lost: '0:' });
  });

  it('leaves a board the server has already replaced alone', () => {
    expect(returnCard(board, card('a', '500'), 'qualify', 0)).toBe(board);
    const without = { ...board, stages: board.stages.map((s) => ({ ...s, cards: s.cards.filter((c) => c.id !== 'a') })) };
    expect(returnCard(without, card('a', '500'), 'propose', 0)).toBe(without);
  });

  it('takes the version the server answered', () => {
    expect(findCard(withCardVersion(board, 'b', 5), 'b')?.card.version).toBe(5);
  });
});
