import type { CalcRunItem, StatementSummaryItem } from '@attain/contract';
import { matchesText, sortRows, type Sort, type SortValue } from './table-sort.js';

/*
 * The orders and filter of the pay cycle's two tables (runs, statements): which value each
 * column sorts by. Money sorts as bigint.
 */

export type RunSortKey = 'status' | 'kind' | 'startedAt' | 'payees' | 'payout';

const runValue = (r: CalcRunItem, key: RunSortKey): SortValue => {
  switch (key) {
    case 'status': return r.status;
    case 'kind': return r.kind;
    case 'startedAt': return r.startedAt;
    case 'payees': return r.payeeCount;
    case 'payout': return r.payoutMinor === null ? null : BigInt(r.payoutMinor);
  }
};

/** The runs in the chosen order; ties latest first. */
export function sortRuns(runs: readonly CalcRunItem[], sort: Sort<RunSortKey>): CalcRunItem[] {
  return sortRows(runs, sort, runValue, (a, b) => b.startedAt.localeCompare(a.startedAt));
}

export type StatementSortKey = 'name' | 'earned' | 'payout';

const statementValue = (s: StatementSummaryItem, key: StatementSortKey): SortValue =>
  key === 'name' ? s.personName : BigInt(key === 'earned' ? s.earnedMinor : s.payoutMinor);

/** The statements whose payee name contains `nameFilter`, in the chosen order; ties by name then id. */
export function visibleStatements(items: readonly StatementSummaryItem[], sort: Sort<StatementSortKey>, nameFilter: string): StatementSummaryItem[] {
  return sortRows(
    items.filter((s) => matchesText(s.personName, nameFilter)),
    sort,
    statementValue,
    (a, b) => a.personName.localeCompare(b.personName) || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
  );
}

/** The address of a statement page. */
export function statementHref(personId: string, periodKey: string): string {
  return `/statements/${encodeURIComponent(personId)}/${encodeURIComponent(periodKey)}`;
}

/** The address of a statement's CSV file (a plain link: the browser downloads it with the session cookie). */
export function statementCsvHref(personId: string, periodKey: string): string {
  return `/api/v1${statementHref(personId, periodKey)}/csv`;
}
