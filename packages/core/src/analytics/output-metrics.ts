import { daysBetween } from '../calendar.js';
import { divideRounded } from '../money.js';

/*
 * Output metrics (docs/analytics.md): what a seller, a team or the organisation produced in a
 * period, each with one definition. Money is bigint minor units of one currency; ratios are plain
 * numbers (they are never paid). Pure.
 */

/** A deal as the metrics read it: amount in the organisation's currency, dates as YYYY-MM-DD. */
export interface DealFact {
  readonly id: string;
  readonly ownerId: string | null;
  readonly amountMinor: bigint;
  readonly createdOn: string;
  readonly closeDate: string;
  readonly status: 'open' | 'won' | 'lost';
}

export interface Period {
  readonly start: string;
  readonly end: string;
}

export interface OutputFigures {
  /** Deals won with a close date in the period. */
  readonly bookings: { readonly amountMinor: bigint; readonly count: number };
  /** won / (won + lost) over the deals closed in the period, by count and by value; null when none closed. */
  readonly winRate: { readonly byCount: number | null; readonly byValue: number | null; readonly won: number; readonly lost: number };
  /** Bookings / deals won (half-even); null when none won. */
  readonly averageDealMinor: bigint | null;
  /** Days from created to closed of the deals won in the period: median and 75th percentile (nearest rank). */
  readonly cycleDays: { readonly median: number | null; readonly p75: number | null };
  /** Open deals expected from `asOf` to the period's end. */
  readonly openPipeline: { readonly amountMinor: bigint; readonly count: number };
  readonly quotaMinor: bigint | null;
  /** Bookings / quota; null without a quota. */
  readonly attainment: number | null;
  /** Open pipeline / (quota - bookings) while the period runs; null without a quota, when the quota is met or the period has ended. */
  readonly coverage: number | null;
  /** 1 / win rate by value: the coverage the win rate needs; null without a win rate. */
  readonly neededCoverage: number | null;
  /** Open deals (any close date) x win rate by count x average deal / median cycle, per day (half-even); null when a factor is missing. */
  readonly velocityPerDayMinor: bigint | null;
  /** What the accounts owned are worth (potential), and bookings per unit of it against the organisation's (1 = its rate). */
  readonly potentialMinor: bigint;
  readonly productivityIndex: number | null;
}

const inPeriod = (date: string, p: Period) => date >= p.start && date <= p.end;

/** The nearest-rank percentile of sorted values (q in (0, 1]); null when empty. */
export function nearestRank(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number;
}

const ratio = (a: bigint, b: bigint): number | null => (b === 0n ? null : Number((a * 1_000_000n) / b) / 1_000_000);

/**
 * The figures of a set of deals for a period, as of a day. `orgRate` is the organisation's
 * bookings per unit of potential in the same period (bookings, potential), for the fair index.
 */
export function outputFigures(
  deals: readonly DealFact[], period: Period, asOf: string,
  context: { quotaMinor: bigint | null; potentialMinor: bigint; orgRate: { bookingsMinor: bigint; potentialMinor: bigint } | null },
): OutputFigures {
  let wonAmount = 0n, lostAmount = 0n, won = 0, lost = 0, openAmount = 0n, openCount = 0, openAll = 0;
  const cycles: number[] = [];
  for (const d of deals) {
    if (d.status === 'open') {
      openAll += 1;
      if (d.closeDate >= asOf && d.closeDate <= period.end) [openAmount, openCount] = [openAmount + d.amountMinor, openCount + 1];
      continue;
    }
    if (!inPeriod(d.closeDate, period)) continue;
    if (d.status === 'won') {
      [wonAmount, won] = [wonAmount + d.amountMinor, won + 1];
      cycles.push(Math.max(0, daysBetween(d.createdOn, d.closeDate)));
    } else [lostAmount, lost] = [lostAmount + d.amountMinor, lost + 1];
  }
  cycles.sort((a, b) => a - b);
  const byCount = won + lost === 0 ? null : won / (won + lost);
  const byValue = ratio(wonAmount, wonAmount + lostAmount);
  const averageDealMinor = won === 0 ? null : divideRounded(wonAmount, BigInt(won));
  const median = nearestRank(cycles, 0.5);
  const remaining = context.quotaMinor === null ? null : context.quotaMinor - wonAmount;
  // Velocity in exact arithmetic: open x won/(won+lost) x average / cycle, rounded once.
  const velocityPerDayMinor = averageDealMinor === null || median === null || median === 0 || won + lost === 0 ? null
    : divideRounded(BigInt(openAll) * BigInt(won) * averageDealMinor, BigInt(won + lost) * BigInt(median));
  const own = ratio(wonAmount, context.potentialMinor);
  const org = context.orgRate && ratio(context.orgRate.bookingsMinor, context.orgRate.potentialMinor);
  return {
    bookings: { amountMinor: wonAmount, count: won },
    winRate: { byCount, byValue, won, lost },
    averageDealMinor,
    cycleDays: { median, p75: nearestRank(cycles, 0.75) },
    openPipeline: { amountMinor: openAmount, count: openCount },
    quotaMinor: context.quotaMinor,
    attainment: context.quotaMinor === null ? null : ratio(wonAmount, context.quotaMinor),
    coverage: remaining === null || remaining <= 0n || asOf > period.end ? null : ratio(openAmount, remaining),
    neededCoverage: byValue === null || byValue === 0 ? null : 1 / byValue,
    velocityPerDayMinor,
    potentialMinor: context.potentialMinor,
    productivityIndex: own === null || !org ? null : own / org,
  };
}

/** How attainment spreads over sellers with a quota: the share at or above 100% and the quartiles (nearest rank). */
export function attainmentDistribution(attainments: readonly number[]): { sellers: number; atOrAbove: number | null; p25: number | null; p50: number | null; p75: number | null } {
  const sorted = [...attainments].sort((a, b) => a - b);
  return {
    sellers: sorted.length,
    atOrAbove: sorted.length === 0 ? null : sorted.filter((a) => a >= 1).length / sorted.length,
    p25: nearestRank(sorted, 0.25), p50: nearestRank(sorted, 0.5), p75: nearestRank(sorted, 0.75),
  };
}

/**
 * Ramp cohorts: sellers grouped by the calendar quarter they were hired in (2026-Q1), and for each
 * month since hire (month 1 = days 0-29 after the hire date, month 2 = days 30-59, ...) the average
 * bookings of the cohort's sellers who had completed that month by `asOf`; null when none had.
 */
export function rampCohorts(
  sellers: readonly { id: string; hireDate: string }[], deals: readonly DealFact[], asOf: string, months = 12,
): { cohort: string; sellers: number; byMonth: (bigint | null)[] }[] {
  const hired = new Map(sellers.map((s) => [s.id, s.hireDate]));
  const sums = new Map<string, bigint[]>();
  for (const d of deals) {
    const hire = d.ownerId === null ? undefined : hired.get(d.ownerId);
    if (d.status !== 'won' || hire === undefined || d.closeDate < hire || d.closeDate > asOf) continue;
    const month = Math.floor(daysBetween(hire, d.closeDate) / 30);
    if (month >= months) continue;
    const row = sums.get(d.ownerId as string) ?? Array.from({ length: months }, () => 0n);
    row[month] = (row[month] as bigint) + d.amountMinor;
    sums.set(d.ownerId as string, row);
  }
  const cohorts = new Map<string, { id: string; hireDate: string }[]>();
  for (const s of sellers) {
    const key = `${s.hireDate.slice(0, 4)}-Q${Math.floor((Number(s.hireDate.slice(5, 7)) - 1) / 3) + 1}`;
    cohorts.set(key, [...(cohorts.get(key) ?? []), s]);
  }
  return [...cohorts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([cohort, members]) => ({
    cohort, sellers: members.length,
    byMonth: Array.from({ length: months }, (_, m) => {
      const reached = members.filter((s) => daysBetween(s.hireDate, asOf) >= (m + 1) * 30);
      if (reached.length === 0) return null;
      const total = reached.reduce((sum, s) => sum + ((sums.get(s.id) ?? [])[m] ?? 0n), 0n);
      return divideRounded(total, BigInt(reached.length));
    }),
  }));
}
