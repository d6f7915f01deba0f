/*
 * Sorting of the pay area's tables: one column at a time, clicking a column again flips it.
 * Values are compared by type: bigint for money (never a float), numbers, text by locale.
 */

export interface Sort<K extends string> {
  readonly key: K;
  readonly descending: boolean;
}

/** A cell's value for sorting; null sorts before every value (after them when descending). */
export type SortValue = string | number | bigint | null;

/** Clicking a column: the same column flips its direction, another starts ascending. */
export function nextSort<K extends string>(current: Sort<K>, key: K): Sort<K> {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: false };
}

function compare(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rows in the chosen order; equal values keep the order of `tie` (then the input order), so sorting is stable. */
export function sortRows<T, K extends string>(rows: readonly T[], sort: Sort<K>, valueOf: (row: T, key: K) => SortValue, tie: (a: T, b: T) => number = () => 0): T[] {
  const dir = sort.descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => compare(valueOf(a.row, sort.key), valueOf(b.row, sort.key)) * dir || tie(a.row, b.row) || a.index - b.index)
    .map((x) => x.row);
}

/** The aria-sort of a column header. */
export function ariaSort<K extends string>(sort: Sort<K>, key: K): 'ascending' | 'descending' | 'none' {
  return sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none';
}

/** Case- and accent-insensitive "contains", for the name filter. */
export function matchesText(value: string, filter: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
  const wanted = fold(filter.trim());
  return wanted === '' || fold(value).includes(wanted);
}
