import { fiscalPeriodOf, invalid, parseFiscalPeriod, type FiscalPeriod } from '@attain/core';

/** The fiscal quarter a forecast is of: the one named (FY2027-Q4), else the one `today` is in; a bad key is 422 naming `period`. */
export function forecastQuarter(period: string | undefined, today: string, fiscalYearStartMonth: number): FiscalPeriod {
  let q: FiscalPeriod;
  try {
    q = period === undefined ? fiscalPeriodOf(today, fiscalYearStartMonth, 'quarter') : parseFiscalPeriod(period, fiscalYearStartMonth);
  } catch (error) {
    throw invalid('period', (error as Error).message);
  }
  if (q.kind !== 'quarter') throw invalid('period', `forecasts are of quarters, e.g. ${q.key.slice(0, 6)}-Q1`);
  return q;
}
