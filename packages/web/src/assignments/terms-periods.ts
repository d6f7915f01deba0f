import { fiscalPeriodOf, parseFiscalPeriod } from '@attain/core';
import type { PlanAssignmentItem } from '@attain/contract';
import { periodSpan } from '../pay/period-options.js';

/*
 * The periods an assignment's terms can be read for: the fiscal years around today and
 * their quarters. Future ones are included (unlike pay periods): a comp admin sets a
 * quota before the quarter starts. Pure: today is an argument.
 */

export interface TermsPeriod {
  readonly key: string;
  readonly label: string;
}

/** Each fiscal year from `yearsBack` before today's to the next, with its quarters, latest year first. */
export function termsPeriods(today: string, fiscalYearStartMonth: number, yearsBack = 1): { year: TermsPeriod; quarters: TermsPeriod[] }[] {
  const current = fiscalPeriodOf(today, fiscalYearStartMonth, 'year').fiscalYear;
  const years = [];
  for (let fy = current + 1; fy >= current - yearsBack; fy -= 1) {
    const year = parseFiscalPeriod(`FY${fy}`, fiscalYearStartMonth);
    const quarters = [1, 2, 3, 4].map((q) => parseFiscalPeriod(`FY${fy}-Q${q}`, fiscalYearStartMonth)).map((p) => ({ key: p.key, label: `${p.key} · ${periodSpan(p)}` }));
    years.push({ year: { key: year.key, label: `${year.key} (whole year)` }, quarters });
  }
  return years;
}

/** The quarter of today when the assignment covers today, else the quarter it starts in (so its terms are never empty at first). */
export function defaultTermsPeriod(item: Pick<PlanAssignmentItem, 'validFrom' | 'validTo'>, today: string, fiscalYearStartMonth: number): string {
  const covers = item.validFrom <= today && (item.validTo === null || today <= item.validTo);
  return fiscalPeriodOf(covers ? today : item.validFrom, fiscalYearStartMonth, 'quarter').key;
}
