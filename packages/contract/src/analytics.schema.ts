import { z } from 'zod';
import { CalendarDate, Id, MinorUnits } from './primitives.schema.js';

/*
 * Output analytics (docs/analytics.md): money as minor units of the organisation's currency in
 * strings; ratios as numbers to 4 decimals (1 = 100%); null where a figure has nothing to stand on.
 */

export const OutputAnalyticsQuery = z.strictObject({
  /** A fiscal quarter (FY2027-Q3) or year (FY2027); this quarter by default. */
  period: z.string().trim().min(4).max(20).optional(),
  /** Whose figures (in the caller's reach); default: the caller's own, or the organisation's top for org-wide roles. */
  personId: Id.optional(),
});

export const OutputFiguresWire = z.object({
  bookingsMinor: MinorUnits, bookingsCount: z.number().int(),
  winRateByCount: z.number().nullable(), winRateByValue: z.number().nullable(), won: z.number().int(), lost: z.number().int(),
  averageDealMinor: MinorUnits.nullable(), cycleMedianDays: z.number().int().nullable(), cycleP75Days: z.number().int().nullable(),
  openPipelineMinor: MinorUnits, openPipelineCount: z.number().int(),
  quotaMinor: MinorUnits.nullable(), attainment: z.number().nullable(), coverage: z.number().nullable(), neededCoverage: z.number().nullable(),
  velocityPerDayMinor: MinorUnits.nullable(), potentialMinor: MinorUnits, productivityIndex: z.number().nullable(),
});
export type OutputFiguresWire = z.infer<typeof OutputFiguresWire>;

export const OutputAnalyticsWire = z.object({
  periodKey: z.string(), period: z.object({ start: CalendarDate, end: CalendarDate }), asOf: CalendarDate, currency: z.string(),
  /** personId null: the whole organisation (it has several tops). */
  root: z.object({ personId: Id.nullable(), name: z.string(), title: z.string().nullable(), figures: OutputFiguresWire }),
  /** The level below, to drill into: each direct report with her team's figures. */
  children: z.array(z.object({ personId: Id, name: z.string(), title: z.string().nullable(), reports: z.number().int(), figures: OutputFiguresWire })),
  /** Attainment of the sellers with a quota below the root. */
  distribution: z.object({ sellers: z.number().int(), atOrAbove: z.number().nullable(), p25: z.number().nullable(), p50: z.number().nullable(), p75: z.number().nullable() }),
  /** Average bookings by month since hire, per hire quarter, of the sellers hired since the history began. */
  cohorts: z.array(z.object({ cohort: z.string(), sellers: z.number().int(), byMonth: z.array(MinorUnits.nullable()) })),
  /** A seller's deals closed or expected in the period (null above a seller). */
  deals: z.array(z.object({ id: Id, name: z.string(), status: z.enum(['open', 'won', 'lost']), amountMinor: MinorUnits, createdOn: CalendarDate, closeDate: CalendarDate })).nullable(),
});
export type OutputAnalyticsWire = z.infer<typeof OutputAnalyticsWire>;

/* CRM adoption and data quality (docs/analytics.md#data-quality). */
export const QualityCheckName = z.enum(['missing-fields', 'past-due', 'no-activity', 'pushed', 'lost-without-reason', 'duplicate']);

export const DataQualityQuery = z.strictObject({
  personId: Id.optional(),
  /** An open deal with no activity done in this many days is stale (default 30). */
  staleDays: z.coerce.number().int().min(1).max(365).optional(),
  /** A deal pushed this many times or more is flagged (default 2). */
  pushLimit: z.coerce.number().int().min(1).max(20).optional(),
});

const QualityTallyWire = z.object({
  openDeals: z.number().int(), clean: z.number().int(), pushes: z.number().int(),
  counts: z.object(Object.fromEntries(QualityCheckName.options.map((c) => [c, z.number().int()])) as Record<z.infer<typeof QualityCheckName>, z.ZodNumber>),
});

export const DataQualityWire = z.object({
  asOf: CalendarDate, staleDays: z.number().int(), pushLimit: z.number().int(), lostSince: CalendarDate,
  root: z.object({ personId: Id.nullable(), name: z.string(), tally: QualityTallyWire }),
  children: z.array(z.object({ personId: Id, name: z.string(), title: z.string().nullable(), reports: z.number().int(), tally: QualityTallyWire })),
  /** How many deals below the root fail a check; `issues` lists the first 200 (by owner, then close date). */
  issuesTotal: z.number().int(),
  issues: z.array(z.object({
    id: Id, name: z.string(), ownerId: Id.nullable(), ownerName: z.string().nullable(), status: z.enum(['open', 'won', 'lost']), closeDate: CalendarDate,
    amountMinor: MinorUnits, currency: z.string(), checks: z.array(QualityCheckName), missingFields: z.array(z.string()), pushes: z.number().int(), lastActivityOn: CalendarDate.nullable(),
  })),
});
export type DataQualityWire = z.infer<typeof DataQualityWire>;
