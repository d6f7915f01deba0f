import { useCallback, useMemo, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ApiError } from '../api/client.js';
import { useSession } from '../session/SessionProvider.js';
import { formatDate } from '../ui/format.js';
import { maxMinor } from './bar-scale.js';
import { BoardColumn, type DragState } from './BoardColumn.js';
import { BoardErrorNote } from './BoardErrorNote.js';
import { BoardFilters } from './BoardFilters.js';
import { planMove, type BoardCard } from './board-moves.js';
import { BoardSkeleton } from './BoardSkeleton.js';
import { boardViewSearch, changeBoardView, parseBoardView, type BoardView } from './board-view.js';
import { closeRangeOf, customRangeProblem, localDateOf, type CloseRange } from './close-periods.js';
import { orderOwners, orderPipelines, teamTree } from './filter-options.js';
import { LostReasonDialog } from './LostReasonDialog.js';
import { moveErrorMessage } from './move-error.js';
import { useBoard, useMoveCard, usePeople, usePipelines, useTeams, type BoardFilter, type MoveRequest } from './use-board.js';

interface AskReason {
  readonly card: BoardCard;
  readonly fromStageId: string;
  readonly toStageId: string;
  readonly toStageName: string;
  readonly error?: string | undefined;
}

/**
 * The pipeline board: one column per stage of the chosen pipeline, the largest deals as cards,
 * moved between stages by dragging or with each card's stage picker. What it shows lives in
 * the URL, so a view can be shared.
 */
export function BoardPage() {
  const { me, can } = useSession();
  const search = useSearch();
  const [, navigate] = useLocation();
  const view = useMemo(() => parseBoardView(search), [search]);
  const setView = useCallback(
    (change: Partial<Record<keyof BoardView, string | undefined>>) => {
      const next = boardViewSearch(changeBoardView(view, change));
      navigate(next ? `/board?${next}` : '/board', { replace: true });
    },
    [view, navigate],
  );

  // A rep sees only her own deals: filtering by owner or team would tell her nothing.
  const byPeople = me.user.role !== 'rep';
  const pipelinesQuery = usePipelines();
  const peopleQuery = usePeople(byPeople && can('person:list'));
  const teamsQuery = useTeams(byPeople && can('team:list'));
  const pipelines = useMemo(() => orderPipelines(pipelinesQuery.data?.items ?? []), [pipelinesQuery.data]);
  const owners = useMemo(() => (peopleQuery.data ? orderOwners(peopleQuery.data.items, me.user.personId) : undefined), [peopleQuery.data, me.user.personId]);
  const teams = useMemo(() => (teamsQuery.data ? teamTree(teamsQuery.data.items) : undefined), [teamsQuery.data]);
  const pipelineId = view.pipelineId ?? pipelines[0]?.id;

  const today = localDateOf(new Date());
  const range = useMemo(
    () => closeRangeOf(view.period, { today, fiscalYearStartMonth: me.org.fiscalYearStartMonth, from: view.from, to: view.to }),
    [view.period, view.from, view.to, today, me.org.fiscalYearStartMonth],
  );
  const rangeProblem = view.period === 'custom' ? customRangeProblem(view.from, view.to) : null;
  const filter = useMemo<BoardFilter>(
    () => ({ ...range, ...(view.ownerId ? { ownerId: view.ownerId } : {}), ...(view.teamId ? { teamId: view.teamId } : {}) }),
    [range, view.ownerId, view.teamId],
  );
  const board = useBoard(pipelineId, filter, rangeProblem === null);

  const [dragging, setDragging] = useState<DragState | null>(null);
  const [askReason, setAskReason] = useState<AskReason | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusCardId, setFocusCardId] = useState<string | null>(null);

  const { move, pendingIds } = useMoveCard(pipelineId, filter, {
    onMoved: (request) => setAnnouncement(`Moved “${request.card.name}” to ${request.toStageName}.`),
    onFailed: (request, error) => {
      const reasonProblem = error instanceof ApiError && error.status === 422 ? error.issueOf('lostReason') : undefined;
      if (reasonProblem) {
        setAskReason({ card: request.card, fromStageId: request.fromStageId, toStageId: request.body.stageId, toStageName: request.toStageName, error: reasonProblem });
        return;
      }
      setFailure(moveErrorMessage(error, request.card.name, request.toStageName));
      setAnnouncement('');
    },
  });

  const requestMove = (card: BoardCard, toStageId: string, lostReason?: string) => {
    if (!board.data) return;
    const plan = planMove(board.data, card.id, toStageId, lostReason);
    if (plan.kind === 'none') return;
    if (plan.kind === 'ask-reason') {
      setAskReason({ card, fromStageId: plan.from.stageId, toStageId, toStageName: plan.to.name });
      return;
    }
    setAskReason(null);
    setFailure(null);
    setFocusCardId(card.id);
    const request: MoveRequest = { card: plan.card, fromStageId: plan.from.stageId, toStageName: plan.to.name, body: plan.body };
    move(request);
  };

  // The server decides per record; the org-level answer only hides controls no one could use.
  // Scope is checked by the server on each move; this only hides the controls from roles that change nothing (finance).
  const mayMove = can('opportunity:update');
  const data = board.data;
  const largest = useMemo(() => maxMinor(data?.stages.map((s) => s.amountMinor) ?? []), [data]);
  const empty = data !== undefined && data.stages.every((s) => s.count === 0);

  return (
    <div className="board-page">
      <div className="page-header">
        <div>
          <h1>Pipeline board</h1>
          <p className="muted small board-range">{describeRange(range)}</p>
        </div>
        <p className="board-legend small muted">
          <span className="board-swatch amount" aria-hidden="true" /> Amount
          <span className="board-swatch weighted" aria-hidden="true" /> Weighted
          <span> · bars compare each stage with the largest</span>
        </p>
      </div>
      <BoardFilters
        view={view} pipelineId={pipelineId} pipelines={pipelines} owners={owners} teams={teams} myPersonId={me.user.personId}
        range={range} rangeProblem={rangeProblem} onChange={setView}
      />
      {failure && (
        <div role="alert" className="board-alert">
          <span>{failure}</span>
          <button type="button" className="ghost" onClick={() => setFailure(null)}>Dismiss</button>
        </div>
      )}
      <p role="status" className="board-sr-only">{announcement}</p>
      {pipelinesQuery.isError ? (
        <BoardErrorNote message={pipelinesQuery.error.message} onRetry={() => void pipelinesQuery.refetch()} />
      ) : pipelinesQuery.isSuccess && pipelines.length === 0 ? (
        <div className="empty-state card">No pipeline has been set up yet.</div>
      ) : rangeProblem ? (
        <div className="empty-state card">Choose a valid close-date range to see the board.</div>
      ) : board.isError && !data ? (
        <BoardErrorNote message={board.error.message} onRetry={() => void board.refetch()} />
      ) : !data ? (
        <BoardSkeleton />
      ) : (
        <>
          {board.isError && <BoardErrorNote message={board.error.message} onRetry={() => void board.refetch()} />}
          {empty && <p className="muted board-none">No opportunities match these filters.</p>}
          <div className={`board-columns${board.isPlaceholderData ? ' refreshing' : ''}`} aria-busy={board.isFetching || undefined}>
            {data.stages.map((stage) => (
              <BoardColumn
                key={stage.stageId}
                stage={stage}
                stages={data.stages}
                currency={data.currency}
                maxMinor={largest}
                mayMove={mayMove}
                stale={pendingIds.size > 0 || board.isFetching}
                pendingCardIds={pendingIds}
                focusCardId={focusCardId}
                dragging={dragging}
                onMove={(card, _from, to) => requestMove(card, to)}
                onDragStart={setDragging}
                onDragEnd={() => setDragging(null)}
              />
            ))}
          </div>
        </>
      )}
      {askReason && (
        <LostReasonDialog
          cardName={askReason.card.name}
          stageName={askReason.toStageName}
          error={askReason.error}
          onConfirm={(reason) => requestMove(askReason.card, askReason.toStageId, reason)}
          onCancel={() => setAskReason(null)}
        />
      )}
    </div>
  );
}


function describeRange(range: CloseRange): string {
  if (range.closeFrom && range.closeTo) return `Closing ${formatDate(range.closeFrom)} – ${formatDate(range.closeTo)}`;
  if (range.closeFrom) return `Closing from ${formatDate(range.closeFrom)}`;
  if (range.closeTo) return `Closing until ${formatDate(range.closeTo)}`;
  return 'All close dates';
}
