import { Fragment, useMemo, useState } from 'react';
import { formatCount } from '../ui/format.js';
import type { ImportIssue } from './import-api.js';
import { RowCells } from './RowCells.js';

type SortKey = 'line' | 'field';

interface Props {
  readonly issues: readonly ImportIssue[];
  /** All problems counted by the server, listed or not. */
  readonly errorCount: number;
  readonly header: readonly string[];
  /** The cells of each bad row, by the line it starts on. */
  readonly rowsByLine: ReadonlyMap<number, readonly string[]>;
}

/** Rows shown before "Show all": thousands of rows with their context would make the page sluggish. */
const FIRST_ROWS = 100;
/** Reports with at most this many problems show every bad row's cells without a click. */
const OPEN_UP_TO = 5;

function compare(a: ImportIssue, b: ImportIssue, key: SortKey): number {
  if (key === 'field') return a.field.localeCompare(b.field) || a.line - b.line;
  return a.line - b.line || a.field.localeCompare(b.field);
}

/** The bad rows of a dry run or a failed import: line, column, reason, and the row's cells for context. */
export function IssuesTable({ issues, errorCount, header, rowsByLine }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'line', ascending: true });
  const [showAll, setShowAll] = useState(false);
  // A handful of problems shows its rows at once; more would bury the list.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(issues.length <= OPEN_UP_TO ? issues.map((_, at) => String(at)) : []));
  const toggle = (key: string) =>
    setExpanded((keys) => {
      const next = new Set(keys);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const sorted = useMemo(() => {
    // Keyed by their place in the report, so an open row stays open when the order changes.
    const list = issues.map((issue, at) => ({ issue, key: String(at) })).sort((a, b) => compare(a.issue, b.issue, sort.key));
    return sort.ascending ? list : list.reverse();
  }, [issues, sort]);
  const shown = showAll ? sorted : sorted.slice(0, FIRST_ROWS);

  const sortButton = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'} className={key === 'line' ? 'num' : undefined}>
        <button type="button" onClick={() => setSort({ key, ascending: active ? !sort.ascending : true })}>
          {label} <span aria-hidden="true">{active ? (sort.ascending ? '▲' : '▼') : '↕'}</span>
        </button>
      </th>
    );
  };

  return (
    <div className="import-issues">
      <h3>
        {formatCount(errorCount)} {errorCount === 1 ? 'problem' : 'problems'}
        {errorCount > issues.length && <span className="muted small"> (the first {formatCount(issues.length)} are listed)</span>}
      </h3>
      <div className="table-wrap">
        <table className="data" aria-label="Problems in the file">
          <thead>
            <tr>
              {sortButton('line', 'Line')}
              {sortButton('field', 'Column')}
              <th scope="col">Problem</th>
              <th scope="col">Value in the file</th>
              <th scope="col">Row</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ issue, key }) => {
              const cells = rowsByLine.get(issue.line);
              const column = header.indexOf(issue.field.trim());
              const value = cells && column >= 0 ? cells[column] : undefined;
              const open = expanded.has(key);
              return (
                <Fragment key={key}>
                  <tr>
                    <td className="num">{issue.line}</td>
                    <td>{issue.field}</td>
                    <td className="import-reason">{issue.message}</td>
                    <td>{value === undefined ? '' : value === '' ? <span className="muted">(empty)</span> : <mark>{value}</mark>}</td>
                    <td>
                      {cells ? (
                        <button type="button" className="link" aria-expanded={open} aria-label={`${open ? 'Hide' : 'Show'} row of line ${issue.line}`} onClick={() => toggle(key)}>
                          {open ? 'Hide row' : 'Show row'}
                        </button>
                      ) : <span className="muted">—</span>}
                    </td>
                  </tr>
                  {open && cells && (
                    <tr className="import-row-detail">
                      <td colSpan={5}><RowCells header={header} cells={cells} column={column} line={issue.line} /></td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {!showAll && sorted.length > FIRST_ROWS && (
        <button type="button" className="link" onClick={() => setShowAll(true)}>Show all {formatCount(sorted.length)} listed problems</button>
      )}
    </div>
  );
}
