import { dateOfInstant, invalid, isCalendarDate, ownerInScope, type Actor, type ForecastCategory } from '@attain/core';
import { insightsRepo, type OpportunityCardRow, type OpportunityCriteria } from '@attain/store';
import { requireAbility } from '../authorize.js';
import { loadOrgForActor } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { getPipeline } from '../crm/pipelines.js';
import { OrgCurrency } from './org-currency.js';
import { ownerScopeOf } from './owner-scope.js';

export const DEFAULT_CARDS_PER_STAGE = 50;
export const MAX_CARDS_PER_STAGE = 200;

export interface BoardInput {
  readonly pipelineId: string;
  readonly ownerId?: string;
  /** People whose team is this one or one of its sub-teams. */
  readonly teamId?: string;
  /** Inclusive close-date range, YYYY-MM-DD. */
  readonly closeFrom?: string;
  readonly closeTo?: string;
  readonly cardsPerStage?: number;
}

export interface BoardCard {
  readonly id: string;
  readonly name: string;
  readonly accountId: string | null;
  /** Null when the account is outside the actor's read scope (as list labels are). */
  readonly accountName: string | null;
  readonly ownerId: string | null;
  readonly ownerName: string | null;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly closeDate: string;
  readonly probabilityBps: number;
  readonly forecastCategory: ForecastCategory;
  readonly version: number;
}

export interface BoardStage {
  readonly stageId: string;
  readonly name: string;
  readonly probabilityBps: number;
  readonly isClosed: boolean;
  readonly isWon: boolean;
  /** Over every matching opportunity of the stage, not only the cards. */
  readonly count: number;
  /** In the org currency, converted and rounded once. */
  readonly amountMinor: bigint;
  readonly weightedAmountMinor: bigint;
  readonly cards: BoardCard[];
  readonly hasMore: boolean;
}

export interface PipelineBoard {
  readonly pipelineId: string;
  readonly currency: string;
  readonly stages: BoardStage[];
}

export function checkCloseRange(closeFrom: string | undefined, closeTo: string | undefined): void {
  if (closeFrom !== undefined && !isCalendarDate(closeFrom)) throw invalid('closeFrom', 'must be a date as YYYY-MM-DD');
  if (closeTo !== undefined && !isCalendarDate(closeTo)) throw invalid('closeTo', 'must be a date as YYYY-MM-DD');
  if (closeFrom !== undefined && closeTo !== undefined && closeFrom > closeTo) throw invalid('closeTo', 'is before closeFrom');
}

/** A card or list row as the actor may see it: the account's name only if the account is in scope. */
export function visibleCard(actor: Actor, row: OpportunityCardRow): BoardCard {
  return {
    id: row.id, name: row.name, accountId: row.accountId,
    accountName: row.accountId !== null && ownerInScope(actor, row.accountOwnerId) ? row.accountName : null,
    ownerId: row.ownerId, ownerName: row.ownerName, amountMinor: row.amountMinor, currency: row.currency, closeDate: row.closeDate,
    probabilityBps: row.probabilityBps, forecastCategory: row.forecastCategory as ForecastCategory, version: row.version,
  };
}

/**
 * The kanban board of one pipeline: every stage in order (empty ones too) with the count and
 * sums of ALL matching opportunities in the actor's read scope, plus the largest ones as cards.
 * Sums come from one GROUP BY query; cards from one bounded query per non-empty stage.
 */
export async function getPipelineBoard(ctx: AppContext, actor: Actor, input: BoardInput): Promise<PipelineBoard> {
  requireAbility(actor, 'opportunity:list');
  const cardsPerStage = input.cardsPerStage ?? DEFAULT_CARDS_PER_STAGE;
  if (!Number.isInteger(cardsPerStage) || cardsPerStage < 1 || cardsPerStage > MAX_CARDS_PER_STAGE) {
    throw invalid('cardsPerStage', `must be a whole number from 1 to ${MAX_CARDS_PER_STAGE}`);
  }
  checkCloseRange(input.closeFrom, input.closeTo);
  const db = ctx.database.db;
  const pipeline = await getPipeline(ctx, actor, input.pipelineId);
  const org = await loadOrgForActor(ctx, actor);
  const money = await OrgCurrency.load(db, org);
  const ownerIds = await ownerScopeOf(ctx, actor, {
    ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
    ...(input.teamId !== undefined ? { teamId: input.teamId } : {}),
  });
  // The stages are named so that the store can seek each one's close dates; a deal on a stage
  // not listed (none should be) had no column anyway.
  const criteria: OpportunityCriteria = {
    orgId: actor.orgId, ownerIds, pipelineId: pipeline.id, stageIds: pipeline.stages.map((s) => s.id),
    ...(input.closeFrom !== undefined ? { closeFrom: input.closeFrom } : {}),
    ...(input.closeTo !== undefined ? { closeTo: input.closeTo } : {}),
  };
  const groups = await insightsRepo.sumOpportunities(db, criteria, { groupBy: ['stageId'], rateBreaks: money.rateBreaks, byProbability: true });
  const valueOf = money.valueMultipliers(dateOfInstant(ctx.now()));
  const stages: BoardStage[] = [];
  for (const stage of pipeline.stages) {
    const own = groups.filter((g) => g.stageId === stage.id);
    const count = own.reduce((n, g) => n + g.count, 0);
    const rows = count === 0 ? [] : await insightsRepo.opportunityCards(db, criteria, { stageId: stage.id, order: 'value', valueOf, limit: cardsPerStage });
    stages.push({
      stageId: stage.id, name: stage.name, probabilityBps: stage.probabilityBps, isClosed: stage.isClosed, isWon: stage.isWon,
      count, amountMinor: money.sum(own), weightedAmountMinor: money.weightedSum(own),
      cards: rows.map((row) => visibleCard(actor, row)), hasMore: count > rows.length,
    });
  }
  return { pipelineId: pipeline.id, currency: money.currency, stages };
}
