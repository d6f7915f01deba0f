import { dateParts, fiscalPeriodOf, formatDate as isoDate, parseFiscalPeriod, type FiscalPeriod } from '@attain/core';

/*
 * The pay periods a user can pick: the fiscal quarters and months of the organisation's
 * current fiscal year and the year before, by its fiscal start month. Pure (today is an
 * argument), so the choices are tested without a clock.
 */

/** One choice of the period picker. `key` is the canonical fiscal key ("FY2027-Q1", "FY2027-M02"). */
export interface PeriodOption {
  readonly key: string;
  readonly kind: 'quarter' | 'month';
  readonly label: string;
  /** Inclusive calendar dates. */
  readonly from: string;
  readonly to: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const monthName = (date: string): string => {
  const { year, month } = dateParts(date);
  return `${MONTHS[month - 1] ?? ''} ${year}`;
};

/** "Feb 2026 – Apr 2026" for a quarter, "Mar 2026" for a month. */
export function periodSpan(period: Pick<FiscalPeriod, 'kind' | 'start' | 'end'>): string {
  return period.kind === 'month' ? monthName(period.start) : `${monthName(period.start)} – ${monthName(period.end)}`;
}

const optionOf = (p: FiscalPeriod): PeriodOption => ({
  key: p.key, kind: p.kind === 'month' ? 'month' : 'quarter', label: `${p.key} · ${periodSpan(p)}`, from: p.start, to: p.end,
});

/** Today in the browser's time zone as YYYY-MM-DD (the only clock of this area). */
export function localToday(now: Date = new Date()): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The fiscal quarter containing `today`: the default pay period. */
export function currentQuarterKey(today: string, fiscalYearStartMonth: number): string {
  return fiscalPeriodOf(today, fiscalYearStartMonth, 'quarter').key;
}

/**
 * The quarters and the months of the fiscal year containing `today` and of the `yearsBack`
 * years before, latest first; periods that have not started yet are left out.
 */
export function periodOptions(today: string, fiscalYearStartMonth: number, yearsBack = 1): { quarters: PeriodOption[]; months: PeriodOption[] } {
  const quarters: PeriodOption[] = [];
  const months: PeriodOption[] = [];
  const first = fiscalPeriodOf(today, fiscalYearStartMonth, 'year');
  for (let fy = first.fiscalYear; fy >= first.fiscalYear - yearsBack; fy -= 1) {
    for (let q = 4; q >= 1; q -= 1) {
      const p = parseFiscalPeriod(`FY${fy}-Q${q}`, fiscalYearStartMonth);
      if (p.start <= today) quarters.push(optionOf(p));
    }
    for (let m = 12; m >= 1; m -= 1) {
      const p = parseFiscalPeriod(`FY${fy}-M${String(m).padStart(2, '0')}`, fiscalYearStartMonth);
      if (p.start <= today) months.push(optionOf(p));
    }
  }
  return { quarters, months };
}

/**
 * The canonical key of a pay period typed or linked ("2027-q1" -> "FY2027-Q1"), or null when
 * it is not a quarter or a month (a year is not a pay period).
 */
export function canonicalPeriodKey(text: string, fiscalYearStartMonth: number): string | null {
  try {
    const p = parseFiscalPeriod(text, fiscalYearStartMonth);
    return p.kind === 'year' ? null : p.key;
  } catch {
    return null;
  }
}
