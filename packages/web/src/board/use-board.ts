import { keepPreviousData, useMutation, useMutationState, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { OpportunityRecord, Page, PersonRecord, PipelineRecord, TeamRecord } from '../api/types.js';
import { moveCardOnBoard, returnCard, withCardVersion, type Board, type BoardCard, type MoveBody } from './board-moves.js';
import type { CloseRange } from './close-periods.js';

/** Cards per column: the server's default, named here so the "n more" note is explicable. */
export const CARDS_PER_STAGE = 50;

export interface BoardFilter extends CloseRange {
  readonly ownerId?: string;
  readonly teamId?: string;
}

const boardKey = (pipelineId: string, filter: BoardFilter) => ['board', pipelineId, filter] as const;
const MOVE_KEY = ['board-move'] as const;

export function useBoard(pipelineId: string | undefined, filter: BoardFilter, enabled: boolean) {
  return useQuery({
    queryKey: boardKey(pipelineId ?? '', filter),
    queryFn: ({ signal }) =>
      api<Board>(`/pipelines/${encodeURIComponent(pipelineId ?? '')}/board`, { query: { ...filter, cardsPerStage: CARDS_PER_STAGE }, signal }),
    enabled: enabled && pipelineId !== undefined,
    // A new filter keeps the last board on screen (dimmed) instead of collapsing the columns.
    placeholderData: keepPreviousData,
  });
}

// The pickers' lists change rarely; their keys stay outside 'board' so a move does not refetch them.
export function usePipelines() {
  return useQuery({ queryKey: ['board-options', 'pipelines'], queryFn: ({ signal }) => api<Page<PipelineRecord>>('/pipelines', { signal }), staleTime: 300_000 });
}

export function usePeople(enabled: boolean) {
  return useQuery({
    queryKey: ['board-options', 'people'],
    queryFn: ({ signal }) => api<Page<PersonRecord>>('/people', { query: { limit: 500, sort: 'name' }, signal }),
    enabled, staleTime: 300_000,
  });
}

export function useTeams(enabled: boolean) {
  return useQuery({
    queryKey: ['board-options', 'teams'],
    queryFn: ({ signal }) => api<Page<TeamRecord>>('/teams', { query: { limit: 500 }, signal }),
    enabled, staleTime: 300_000,
  });
}

export interface MoveRequest {
  readonly card: BoardCard;
  readonly fromStageId: string;
  readonly toStageName: string;
  readonly body: MoveBody;
}

export interface MoveEvents {
  readonly onMoved: (request: MoveRequest) => void;
  readonly onFailed: (request: MoveRequest, error: Error) => void;
}

/**
 * Moves cards: the board changes at once, goes back if the server refuses, and is fetched
 * again either way so counts and sums are the server's. Several moves may be in flight.
 */
export function useMoveCard(pipelineId: string | undefined, filter: BoardFilter, events: MoveEvents) {
  const queryClient = useQueryClient();
  const key = boardKey(pipelineId ?? '', filter);
  const mutation = useMutation({
    mutationKey: MOVE_KEY,
    mutationFn: ({ card, body }: MoveRequest) => api<OpportunityRecord>(`/opportunities/${encodeURIComponent(card.id)}`, { method: 'PATCH', body }),
    onMutate: async ({ card, fromStageId, body }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const board = queryClient.getQueryData<Board>(key);
      const index = board?.stages.find((s) => s.stageId === fromStageId)?.cards.findIndex((c) => c.id === card.id) ?? 0;
      if (board) queryClient.setQueryData<Board>(key, moveCardOnBoard(board, card.id, body.stageId));
      return { index: Math.max(0, index) };
    },
    // Callbacks here rather than on mutate(): those fire only for the latest of concurrent moves.
    onError: (error, request, context) => {
      queryClient.setQueryData<Board>(key, (board) => board && returnCard(board, request.card, request.fromStageId, context?.index ?? 0));
      events.onFailed(request, error);
    },
    onSuccess: (record, request) => {
      // A second move of the same card before the refetch lands must carry the new version.
      queryClient.setQueryData<Board>(key, (board) => board && withCardVersion(board, request.card.id, record.version));
      events.onMoved(request);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['board'] }),
  });
  const pendingIds = useMutationState({
    filters: { mutationKey: MOVE_KEY, status: 'pending' },
    select: (m) => (m.state.variables as MoveRequest | undefined)?.card.id ?? '',
  });
  return { move: mutation.mutate, pendingIds: new Set(pendingIds) };
}
