import { addDays, dateOfInstant, divideRounded, fiscalPeriodOf, ownerInScope, type Actor, type ActivityType } from '@attain/core';
import { insightsRepo, type OpportunityCriteria } from '@attain/store';
import { requireAbility } from '../authorize.js';
import { loadOrgForActor } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { visibleCard } from './board.js';
import { repStageGrid, type RepStageGrid } from './by-rep-and-stage.js';
import { OrgCurrency } from './org-currency.js';
import { ownerScopeOf } from './owner-scope.js';
import { quarterTarget } from './quarter-target.js';

export const HOME_LIST_LIMIT = 20;

export interface ClosingOpportunity {
  readonly id: string;
  readonly name: string;
  readonly accountId: string | null;
  readonly accountName: string | null;
  readonly ownerId: string | null;
  readonly ownerName: string | null;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly closeDate: string;
  readonly stageId: string;
  readonly stageName: string | null;
}

export interface OverdueActivity {
  readonly id: string;
  readonly subject: string;
  readonly type: ActivityType;
  readonly dueDate: string;
  readonly accountId: string | null;
  readonly accountName: string | null;
  readonly opportunityId: string | null;
  readonly ownerId: string | null;
  readonly ownerName: string | null;
}

/** The figures of the home page; money in the org currency's minor units (see docs/crm.md). */
export interface HomeFigures {
  readonly currency: string;
  readonly today: string;
  readonly quarter: { key: string; start: string; end: string };
  readonly month: { start: string; end: string };
  readonly bookings: { amountMinor: bigint; count: number };
  /** The quarter's quota of the people in scope, from their plan assignments; null when none carries one. */
  readonly target: bigint | null;
  readonly winRate: { won: number; lost: number; wonAmountMinor: bigint; lostAmountMinor: bigint; periodStart: string; periodEnd: string };
  readonly openPipeline: { amountMinor: bigint; weightedAmountMinor: bigint; count: number };
  readonly pipelineThisQuarter: { amountMinor: bigint; count: number };
  readonly coverage: string | null;
  readonly closingThisMonth: ClosingOpportunity[];
  readonly overdueActivities: OverdueActivity[];
  readonly overdueActivityCount: number;
  readonly activitiesDoneThisQuarter: number;
  readonly byRepAndStage: Omit<RepStageGrid, 'pipelineId'>;
}

/**
 * Pipeline coverage = open pipeline closing in the period / (target - bookings), as an exact
 * decimal with 2 places (half-even). Null without a target, or when the target is already met
 * (nothing remains to cover).
 */
export function coverageOf(pipelineMinor: bigint, targetMinor: bigint | null, bookingsMinor: bigint): string | null {
  if (targetMinor === null) return null;
  const remaining = targetMinor - bookingsMinor;
  if (remaining <= 0n) return null;
  const hundredths = divideRounded(pipelineMinor * 100n, remaining);
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

/**
 * The home page of one person or of the actor's whole scope: what was booked this quarter,
 * the win rate of the last four quarters, the open pipeline, what closes this month and
 * which activities are overdue. Every money figure is summed by the database per currency
 * and converted exactly (OrgCurrency), rounded once.
 */
export async function getHome(ctx: AppContext, actor: Actor, input: { ownerId?: string } = {}): Promise<HomeFigures> {
  requireAbility(actor, 'opportunity:list');
  const db = ctx.database.db;
  const org = await loadOrgForActor(ctx, actor);
  const money = await OrgCurrency.load(db, org);
  const ownerIds = await ownerScopeOf(ctx, actor, input.ownerId !== undefined ? { ownerId: input.ownerId } : {});
  const today = dateOfInstant(ctx.now());
  const fy = org.fiscalYearStartMonth;
  const quarter = fiscalPeriodOf(today, fy, 'quarter');
  const month = fiscalPeriodOf(today, fy, 'month');
  let first = quarter;
  for (let i = 0; i < 3; i++) first = fiscalPeriodOf(addDays(first.start, -1), fy, 'quarter');
  const scope: OpportunityCriteria = { orgId: actor.orgId, ownerIds };
  const breaks = money.rateBreaks;
  const sum = (criteria: Omit<OpportunityCriteria, 'orgId' | 'ownerIds'>, byProbability = false) =>
    insightsRepo.sumOpportunities(db, { ...scope, ...criteria }, { groupBy: [], rateBreaks: breaks, byProbability });
  const count = (groups: readonly { count: number }[]) => groups.reduce((n, g) => n + g.count, 0);

  // Bookings count a won deal in the quarter of its close date, not of closedAt: the close
  // date is the business date a rep (or an import of old deals) records, and what quota
  // credit and win rate go by; closedAt is only when someone moved it to a won stage in
  // Attain, which for imported or back-entered deals is the day of data entry.
  const booked = await sum({ isClosed: true, isWon: true, closeFrom: quarter.start, closeTo: quarter.end });
  const closed = await insightsRepo.sumOpportunities(
    db,
    { ...scope, isClosed: true, closeFrom: first.start, closeTo: today },
    { groupBy: ['isWon'], rateBreaks: breaks },
  );
  const won = closed.filter((g) => g.isWon === true);
  const lost = closed.filter((g) => g.isWon === false);
  const open = await sum({ isClosed: false }, true);
  const openThisQuarter = await sum({ isClosed: false, closeFrom: quarter.start, closeTo: quarter.end });
  const closing = await insightsRepo.opportunityCards(db, { ...scope, isClosed: false, closeFrom: month.start, closeTo: month.end }, {
    order: 'closeDate', valueOf: money.valueMultipliers(today), limit: HOME_LIST_LIMIT,
  });
  const overdue = await insightsRepo.overdueActivities(db, { orgId: actor.orgId, ownerIds, today, limit: HOME_LIST_LIMIT });
  const doneThisQuarter = await insightsRepo.countActivitiesDone(db, { orgId: actor.orgId, ownerIds, fromInstant: quarter.start, toInstant: addDays(quarter.end, 1) });
  const { pipelineId: _pipelineId, ...grid } = await repStageGrid(db, actor, ownerIds, money);

  const bookings = { amountMinor: money.sum(booked), count: count(booked) };
  const pipelineThisQuarter = { amountMinor: money.sum(openThisQuarter), count: count(openThisQuarter) };
  const target = await quarterTarget(db, actor.orgId, ownerIds, quarter, money.currency);
  return {
    currency: money.currency,
    today,
    quarter: { key: quarter.key, start: quarter.start, end: quarter.end },
    month: { start: month.start, end: month.end },
    bookings,
    target,
    winRate: { won: count(won), lost: count(lost), wonAmountMinor: money.sum(won), lostAmountMinor: money.sum(lost), periodStart: first.start, periodEnd: today },
    openPipeline: { amountMinor: money.sum(open), weightedAmountMinor: money.weightedSum(open), count: count(open) },
    pipelineThisQuarter,
    coverage: coverageOf(pipelineThisQuarter.amountMinor, target, bookings.amountMinor),
    closingThisMonth: closing.map((row) => {
      const card = visibleCard(actor, row);
      return {
        id: card.id, name: card.name, accountId: card.accountId, accountName: card.accountName, ownerId: card.ownerId, ownerName: card.ownerName,
        amountMinor: card.amountMinor, currency: card.currency, closeDate: card.closeDate, stageId: row.stageId, stageName: row.stageName,
      };
    }),
    overdueActivities: overdue.items.map((a) => ({
      id: a.id, subject: a.subject, type: a.type as ActivityType, dueDate: a.dueDate ?? '', accountId: a.accountId,
      accountName: a.accountId !== null && ownerInScope(actor, a.accountOwnerId) ? a.accountName : null,
      opportunityId: a.opportunityId, ownerId: a.ownerId, ownerName: a.ownerName,
    })),
    overdueActivityCount: overdue.total,
    activitiesDoneThisQuarter: doneThisQuarter,
    byRepAndStage: grid,
  };
}
