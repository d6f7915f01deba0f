import { ariaSort, nextSort, type Sort } from './table-sort.js';

interface Props<K extends string> {
  readonly label: string;
  readonly column: K;
  readonly sort: Sort<K>;
  readonly onSort: (next: Sort<K>) => void;
  readonly numeric?: boolean;
}

/** A column header that sorts its table: a button (keyboard and screen reader friendly) and aria-sort. */
export function SortableHeader<K extends string>({ label, column, sort, onSort, numeric = false }: Props<K>) {
  const direction = ariaSort(sort, column);
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={direction}>
      <button type="button" onClick={() => onSort(nextSort(sort, column))}>
        {label}
        <span aria-hidden="true">{direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ''}</span>
      </button>
    </th>
  );
}
