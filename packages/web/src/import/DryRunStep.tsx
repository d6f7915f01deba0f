import { useMemo } from 'react';
import { formatCount } from '../ui/format.js';
import { recordsAtLines } from './csv-preview.js';
import { percentOf } from './import-api.js';
import { IssuesTable } from './IssuesTable.js';
import { ProgressBar } from '../ui/ProgressBar.js';
import { ReportCounts } from './ReportCounts.js';
import { progressDetail, type RunState } from './run-state.js';
import { StepHeading } from './StepHeading.js';
import { Warnings } from './Warnings.js';

interface Props {
  readonly run: RunState;
  readonly header: readonly string[];
  /** The file's text, to show the cells of the bad rows. */
  readonly text: string;
  readonly focus: boolean;
  readonly onBack: () => void;
  readonly onChooseFile: () => void;
  readonly onRetry: () => void;
  readonly onCommit: () => void;
}

/** Step 3: the dry run's report; importing is possible only when it found no problem. */
export function DryRunStep({ run, header, text, focus, onBack, onChooseFile, onRetry, onCommit }: Props) {
  const report = run.status === 'done' ? run.report : null;
  const rowsByLine = useMemo(() => (report ? recordsAtLines(text, report.errors.map((e) => e.line)) : new Map<number, readonly string[]>()), [report, text]);
  const blocked = report ? (report.errorCount > 0 ? 'problems' : report.rows === 0 ? 'empty' : null) : 'waiting';

  return (
    <section className="card import-step" aria-labelledby="import-step-title" aria-busy={run.status === 'running'}>
      <StepHeading id="import-step-title" focus={focus}>3. Check the file (dry run)</StepHeading>
      <div className="import-run-area">
        {run.status === 'running' && (
          <ProgressBar label="Checking every row, nothing is written…" percent={run.progress ? percentOf(run.progress) : null} detail={progressDetail(run.progress, 'checked')} />
        )}
        {run.status === 'failed' && (
          <div role="alert" className="error">
            <p>The check did not run: {run.error.message}</p>
            <button type="button" onClick={onRetry}>Try again</button>
          </div>
        )}
        {report && (
          <>
            <ReportCounts report={report} />
            <Warnings warnings={report.warnings} />
            {report.errorCount > 0 ? (
              <IssuesTable issues={report.errors} errorCount={report.errorCount} header={header} rowsByLine={rowsByLine} />
            ) : (
              <p className="badge ok import-clean">No problems found</p>
            )}
          </>
        )}
      </div>
      {blocked === 'problems' && (
        <p id="import-blocked" className="import-blocked">
          Nothing can be imported while the file has problems: go back to fix the mapping, or correct the file and choose it again.
        </p>
      )}
      {blocked === 'empty' && <p id="import-blocked" className="import-blocked">The file has no data rows to import.</p>}
      <div className="actions import-nav">
        <button type="button" onClick={onBack}>Back to mapping</button>
        <button type="button" onClick={onChooseFile}>Choose another file</button>
        <button type="button" className="primary" onClick={onCommit} disabled={blocked !== null} {...(blocked === 'problems' || blocked === 'empty' ? { 'aria-describedby': 'import-blocked' } : {})}>
          {report && blocked === null ? `Import ${formatCount(report.rows)} ${report.rows === 1 ? 'row' : 'rows'}` : 'Import'}
        </button>
      </div>
    </section>
  );
}
