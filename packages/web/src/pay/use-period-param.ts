import { useLocation, useSearch } from 'wouter';
import { canonicalPeriodKey, currentQuarterKey, localToday } from './period-options.js';

/**
 * The pay period of a screen, kept in the address (`?period=FY2027-Q1`) so a link, a reload
 * or the way back from a statement keeps it; without one, the current fiscal quarter.
 */
export function usePeriodParam(fiscalYearStartMonth: number): [string, (key: string) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const asked = new URLSearchParams(search).get('period');
  const period = (asked ? canonicalPeriodKey(asked, fiscalYearStartMonth) : null) ?? currentQuarterKey(localToday(), fiscalYearStartMonth);
  const setPeriod = (key: string) => navigate(`${location}?period=${encodeURIComponent(key)}`, { replace: true });
  return [period, setPeriod];
}
