import type { PlanIssue } from '@attain/contract';

interface Props {
  readonly issues: readonly PlanIssue[];
  /** Moves the editor's cursor to the problem. */
  readonly onSelect: (issue: PlanIssue) => void;
  /** True while the latest text is still being checked. */
  readonly checking?: boolean;
}

/** The plan's problems, each a button that takes the cursor to its line and column. */
export function IssueList({ issues, onSelect, checking = false }: Props) {
  return (
    <section className="plan-issues" aria-labelledby="plan-issues-title" aria-live="polite" data-testid="plan-issues">
      <h2 id="plan-issues-title" className="plan-panel-title">
        {issues.length === 0 ? 'No problems' : `${issues.length} problem${issues.length === 1 ? '' : 's'}`}
        {checking && <span className="muted small"> · checking…</span>}
      </h2>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue, i) => (
            <li key={`${issue.line}:${issue.column}:${issue.field}:${i}`}>
              <button type="button" className="plan-issue" onClick={() => onSelect(issue)} data-testid="plan-issue">
                <span className="plan-issue-where">Line {issue.line}, column {issue.column}</span>
                <span className="plan-issue-field">{issue.field}</span>
                <span>{issue.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
