import { fiscalPeriodOf, parseFiscalPeriod } from '@attain/core';
import type { PlanAssignmentItem } from '@attain/contract';
import { periodSpan } from '../pay/period-options.js';

/*
 * The periods an assignment's terms can be read for: the fiscal years around today, their
 * quarters and months (a monthly plan pays by month; a ramp acts month by month). Future ones are included (unlike pay periods): a comp admin sets a
 * quota before the quarter starts. Pure: today is an argument.
 */

export interface TermsPeriod {
  readonly key: string;
  readonly label: string;
}

const optionOf = (key: string, fiscalYearStartMonth: number): TermsPeriod => {
  const p = parseFiscalPeriod(key, fiscalYearStartMonth);
  return { key: p.key, label: `${p.key} · ${periodSpan(p)}` };
};

/**
 * Each fiscal year from `yearsBack` before today's to the next, latest first: the year, then
 * each quarter followed by its three months.
 */
export function termsPeriods(today: string, fiscalYearStartMonth: number, yearsBack = 1): { year: TermsPeriod; periods: TermsPeriod[] }[] {
  const current = fiscalPeriodOf(today, fiscalYearStartMonth, 'year').fiscalYear;
  const years = [];
  for (let fy = current + 1; fy >= current - yearsBack; fy -= 1) {
    const year = parseFiscalPeriod(`FY${fy}`, fiscalYearStartMonth);
    const periods = [1, 2, 3, 4].flatMap((q) => [
      optionOf(`FY${fy}-Q${q}`, fiscalYearStartMonth),
      ...[1, 2, 3].map((m) => optionOf(`FY${fy}-M${String((q - 1) * 3 + m).padStart(2, '0')}`, fiscalYearStartMonth)),
    ]);
    years.push({ year: { key: year.key, label: `${year.key} (whole year)` }, periods });
  }
  return years;
}

/** The quarter of today when the assignment covers today, else the quarter it starts in (so its terms are never empty at first). */
export function defaultTermsPeriod(item: Pick<PlanAssignmentItem, 'validFrom' | 'validTo'>, today: string, fiscalYearStartMonth: number): string {
  const covers = item.validFrom <= today && (item.validTo === null || today <= item.validTo);
  return fiscalPeriodOf(covers ? today : item.validFrom, fiscalYearStartMonth, 'quarter').key;
}
