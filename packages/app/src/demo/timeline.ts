import { fiscalPeriodOf, fromEpochDay, toEpochDay } from '@attain/core';
import type { Rng } from './prng.js';

/*
 * Time in the generator is counted in epoch days (days since 1970-01-01) and minutes of the
 * day, all UTC; only records see ISO strings. Nothing here reads the clock.
 */

export const MINUTES_PER_DAY = 1440;
/** 08:00 to 17:59 US Eastern (standard time), as minutes of the UTC day. */
export const BUSINESS_START = 13 * 60;
export const BUSINESS_END = 22 * 60 + 59;

const dateCache = new Map<number, string>();

/** The calendar date of an epoch day (cached: the generator asks for the same days often). */
export function dateOf(day: number): string {
  let date = dateCache.get(day);
  if (date === undefined) {
    date = fromEpochDay(day);
    if (dateCache.size > 20_000) dateCache.clear();
    dateCache.set(day, date);
  }
  return date;
}

export const dayOf = (date: string): number => toEpochDay(date);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The ISO instant of minute `minute` (may exceed a day) and second `second` after midnight of `day`. */
export function instantAt(day: number, minute: number, second = 0): string {
  const totalSeconds = minute * 60 + second;
  const days = Math.floor(totalSeconds / 86_400);
  const rest = totalSeconds - days * 86_400;
  return `${dateOf(day + days)}T${pad(Math.floor(rest / 3600))}:${pad(Math.floor(rest / 60) % 60)}:${pad(rest % 60)}.000Z`;
}

/** The instant of an absolute epoch minute. */
export const instantOfMinute = (epochMinute: number): string =>
  instantAt(Math.floor(epochMinute / MINUTES_PER_DAY), epochMinute % MINUTES_PER_DAY);

/** A random minute within business hours. */
export const businessMinute = (rng: Rng): number => rng.int(BUSINESS_START, BUSINESS_END);

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** The day itself, or the Friday before when it falls on a weekend. */
export function workday(day: number): number {
  const w = weekday(day);
  return w === 6 ? day - 1 : w === 0 ? day - 2 : day;
}

/** Saturday moves to Friday, Sunday to Monday: people work on weekdays. */
export function weekdayNear(day: number): number {
  const w = weekday(day);
  return w === 6 ? day - 1 : w === 0 ? day + 1 : day;
}

/**
 * Fiscal quarters of the demo org. Answers are cached by month, since the generator asks
 * about the same few dozen months millions of times.
 */
export class FiscalCalendar {
  private readonly byMonth = new Map<string, { end: number; q4: boolean; fiscalYear: number }>();

  constructor(readonly startMonth: number) {}

  private info(day: number): { end: number; q4: boolean; fiscalYear: number } {
    const date = dateOf(day);
    const key = date.slice(0, 7);
    let found = this.byMonth.get(key);
    if (!found) {
      const quarter = fiscalPeriodOf(date, this.startMonth, 'quarter');
      found = { end: dayOf(quarter.end), q4: quarter.key.endsWith('Q4'), fiscalYear: quarter.fiscalYear };
      this.byMonth.set(key, found);
    }
    return found;
  }

  /** Last day of the fiscal quarter containing `day`. */
  quarterEnd(day: number): number {
    return this.info(day).end;
  }

  isFourthQuarter(day: number): boolean {
    return this.info(day).q4;
  }

  fiscalYear(day: number): number {
    return this.info(day).fiscalYear;
  }

  /**
   * A close date a rep would enter for a deal expected around `day`: often pulled to the last
   * days of its quarter (more so in fiscal Q4, when the year's targets fall due), on a workday.
   */
  closeDateNear(day: number, rng: Rng): number {
    const end = this.quarterEnd(day);
    const pull = this.isFourthQuarter(day) ? 0.55 : 0.38;
    if (end - day <= 45 && rng.chance(pull)) return workday(end - rng.int(0, 9));
    return workday(day);
  }
}

/**
 * A day in [from, to] drawn with a density growing linearly by `growth` over the span (a
 * company growing, so more deals recently). Inverse CDF of f(t) = 1 + growth * t on [0, 1].
 */
export function growingDay(rng: Rng, from: number, to: number, growth: number): number {
  const u = rng.next();
  const t = growth === 0 ? u : (-1 + Math.sqrt(1 + growth * (2 + growth) * u)) / growth;
  return from + Math.min(to - from, Math.floor(t * (to - from + 1)));
}
