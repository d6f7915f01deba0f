import { ACTIVITY_TYPES, FORECAST_CATEGORIES } from '@attain/core';
import { z } from 'zod';
import { Bps, CalendarDate, CurrencyCode, Id, MinorUnits } from './primitives.schema.js';

/*
 * The read-only summaries of the pipeline board and the home page. Every money figure is in
 * the org's default currency (`currency`), a string of minor units, converted exactly at the
 * rate in force on each deal's close date and rounded once; cards and list rows keep their
 * own amount and currency. docs/crm.md ("Board and home figures") defines each figure.
 */

export const BoardQuery = z
  .object({
    ownerId: Id.optional(),
    teamId: Id.optional().describe('people whose team is this one or any of its sub-teams'),
    closeFrom: CalendarDate.optional().describe('inclusive'),
    closeTo: CalendarDate.optional().describe('inclusive'),
    cardsPerStage: z.coerce.number().int().min(1).max(200).optional().describe('default 50'),
  })
  .strict();

export const BoardCardSchema = z.object({
  id: Id,
  name: z.string(),
  accountId: Id.nullable(),
  accountName: z.string().nullable().describe('null when the account is outside the caller\'s read scope'),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  amountMinor: MinorUnits,
  currency: CurrencyCode,
  closeDate: CalendarDate,
  probabilityBps: Bps,
  forecastCategory: z.enum(FORECAST_CATEGORIES),
  version: z.number().int(),
});

export const BoardStageSchema = z.object({
  stageId: Id,
  name: z.string(),
  probabilityBps: Bps,
  isClosed: z.boolean(),
  isWon: z.boolean(),
  count: z.number().int().describe('every matching opportunity of the stage, not only the cards'),
  amountMinor: MinorUnits,
  weightedAmountMinor: MinorUnits.describe('sum of amount x the opportunity\'s probability'),
  cards: z.array(BoardCardSchema).describe('largest first by value in the org currency, then id'),
  hasMore: z.boolean(),
});

export const PipelineBoardSchema = z.object({ pipelineId: Id, currency: CurrencyCode, stages: z.array(BoardStageSchema) });

export const HomeQuery = z.object({ ownerId: Id.optional().describe('one person in the caller\'s scope; default the whole scope') }).strict();

const Period = z.object({ start: CalendarDate, end: CalendarDate });

export const HomeFiguresSchema = z.object({
  currency: CurrencyCode,
  today: CalendarDate,
  quarter: Period.extend({ key: z.string() }),
  month: Period,
  bookings: z.object({ amountMinor: MinorUnits, count: z.number().int() }),
  target: MinorUnits.nullable().describe("the quarter's quota of the people in scope, from their plan assignments (a manager's roll-up left out when her team is in scope); null when none carries one"),
  winRate: z.object({
    won: z.number().int(),
    lost: z.number().int(),
    wonAmountMinor: MinorUnits,
    lostAmountMinor: MinorUnits,
    periodStart: CalendarDate,
    periodEnd: CalendarDate,
  }),
  openPipeline: z.object({ amountMinor: MinorUnits, weightedAmountMinor: MinorUnits, count: z.number().int() }),
  pipelineThisQuarter: z.object({ amountMinor: MinorUnits, count: z.number().int() }),
  coverage: z.string().nullable().describe('pipelineThisQuarter / (target - bookings), 2 decimals; null without a target'),
  closingThisMonth: z.array(
    z.object({
      id: Id,
      name: z.string(),
      accountId: Id.nullable(),
      accountName: z.string().nullable(),
      ownerId: Id.nullable(),
      ownerName: z.string().nullable(),
      amountMinor: MinorUnits,
      currency: CurrencyCode,
      closeDate: CalendarDate,
      stageId: Id,
      stageName: z.string().nullable(),
    }),
  ),
  overdueActivities: z.array(
    z.object({
      id: Id,
      subject: z.string(),
      type: z.enum(ACTIVITY_TYPES),
      dueDate: CalendarDate,
      accountId: Id.nullable(),
      accountName: z.string().nullable(),
      opportunityId: Id.nullable(),
      ownerId: Id.nullable(),
      ownerName: z.string().nullable(),
    }),
  ),
  overdueActivityCount: z.number().int(),
  activitiesDoneThisQuarter: z.number().int(),
  byRepAndStage: z.object({
    stages: z.array(z.object({ stageId: Id, name: z.string() })),
    reps: z.array(
      z.object({
        ownerId: Id.nullable(),
        ownerName: z.string().nullable(),
        totalMinor: MinorUnits,
        stages: z.array(z.object({ stageId: Id, amountMinor: MinorUnits, count: z.number().int() })),
      }),
    ),
  }),
});

/** The board and home page as the client receives them. */
export type PipelineBoardBody = z.infer<typeof PipelineBoardSchema>;
export type HomeFiguresBody = z.infer<typeof HomeFiguresSchema>;
