import { addDays, fiscalPeriodOf, formatDate, isCalendarDate } from '@attain/core';

/*
 * The close-date periods the board offers. A preset is kept in the URL rather than its dates,
 * so a bookmarked "this quarter" still means this quarter next quarter. Quarters and years are
 * fiscal (the org's fiscal year start month); months are calendar months, as fiscal months are.
 */

export const PERIOD_PRESETS = ['month', 'quarter', 'next-quarter', 'year', 'all', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_LABELS: Readonly<Record<PeriodPreset, string>> = {
  month: 'This month',
  quarter: 'This quarter',
  'next-quarter': 'Next quarter',
  year: 'This fiscal year',
  all: 'All dates',
  custom: 'Custom dates',
};

/** The board's period when the URL names none: the quarter a team works on. */
export const DEFAULT_PERIOD: PeriodPreset = 'quarter';

export function isPeriodPreset(value: string | null): value is PeriodPreset {
  return value !== null && (PERIOD_PRESETS as readonly string[]).includes(value);
}

/** An inclusive close-date range; an absent end is open. */
export interface CloseRange {
  readonly closeFrom?: string;
  readonly closeTo?: string;
}

export interface PeriodContext {
  /** Today as YYYY-MM-DD, in the user's time zone. */
  readonly today: string;
  readonly fiscalYearStartMonth: number;
  /** The custom dates (YYYY-MM-DD), used only by the `custom` preset. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** The close-date range of a preset. Invalid custom dates are left out rather than sent. */
export function closeRangeOf(preset: PeriodPreset, context: PeriodContext): CloseRange {
  const { today, fiscalYearStartMonth: start } = context;
  switch (preset) {
    case 'month': {
      const p = fiscalPeriodOf(today, start, 'month');
      return { closeFrom: p.start, closeTo: p.end };
    }
    case 'quarter': {
      const p = fiscalPeriodOf(today, start, 'quarter');
      return { closeFrom: p.start, closeTo: p.end };
    }
    case 'next-quarter': {
      const next = fiscalPeriodOf(addDays(fiscalPeriodOf(today, start, 'quarter').end, 1), start, 'quarter');
      return { closeFrom: next.start, closeTo: next.end };
    }
    case 'year': {
      const p = fiscalPeriodOf(today, start, 'year');
      return { closeFrom: p.start, closeTo: p.end };
    }
    case 'all':
      return {};
    case 'custom': {
      const from = context.from && isCalendarDate(context.from) ? context.from : undefined;
      const to = context.to && isCalendarDate(context.to) ? context.to : undefined;
      return { ...(from ? { closeFrom: from } : {}), ...(to ? { closeTo: to } : {}) };
    }
  }
}

/** What is wrong with a custom range, for showing beside the "To" date; null when it is usable. */
export function customRangeProblem(from: string | undefined, to: string | undefined): string | null {
  if (from && !isCalendarDate(from)) return 'The start is not a date.';
  if (to && !isCalendarDate(to)) return 'The end is not a date.';
  if (from && to && from > to) return 'The end is before the start.';
  return null;
}

/** The calendar date of an instant in the user's time zone (the board's "today"). */
export function localDateOf(instant: Date): string {
  return formatDate(instant.getFullYear(), instant.getMonth() + 1, instant.getDate());
}
