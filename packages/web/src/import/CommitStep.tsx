import { useMemo } from 'react';
import { Link } from 'wouter';
import { ENTITIES } from '../entities/entity-meta.js';
import { formatCount } from '../ui/format.js';
import { recordsAtLines } from './csv-preview.js';
import { percentOf, STREAM_CUT } from './import-api.js';
import type { ImportEntity } from './import-columns.js';
import { IssuesTable } from './IssuesTable.js';
import { ProgressBar } from '../ui/ProgressBar.js';
import { ReportCounts } from './ReportCounts.js';
import { progressDetail, type RunState } from './run-state.js';
import { StepHeading } from './StepHeading.js';
import { Warnings } from './Warnings.js';

interface Props {
  readonly run: RunState;
  readonly entity: ImportEntity;
  readonly header: readonly string[];
  readonly text: string;
  readonly focus: boolean;
  readonly canList: boolean;
  readonly onBack: () => void;
  readonly onChooseFile: () => void;
  readonly onStartOver: () => void;
}

/** Step 4: the import itself, its progress, and what it did. */
export function CommitStep({ run, entity, header, text, focus, canList, onBack, onChooseFile, onStartOver }: Props) {
  const meta = ENTITIES[entity];
  const failure = run.status === 'failed' ? run.error : null;
  const issues = useMemo(
    () => (failure?.code === 'import_failed' ? failure.issues.map((i) => ({ line: i.line ?? 0, field: i.field, message: i.message })) : null),
    [failure],
  );
  const rowsByLine = useMemo(() => (issues ? recordsAtLines(text, issues.map((i) => i.line)) : new Map<number, readonly string[]>()), [issues, text]);
  const percent = run.status === 'done' ? 100 : run.status === 'running' && run.progress ? percentOf(run.progress) : null;

  return (
    <section className="card import-step" aria-labelledby="import-step-title" aria-busy={run.status === 'running'}>
      <StepHeading id="import-step-title" focus={focus}>4. Import</StepHeading>
      <div className="import-run-area">
        {(run.status === 'running' || run.status === 'done') && (
          <ProgressBar
            label={run.status === 'done' ? 'Import complete' : `Importing ${meta.plural.toLowerCase()}…`}
            percent={percent}
            detail={run.status === 'running' ? progressDetail(run.progress, 'imported') : undefined}
          />
        )}
        {run.status === 'running' && <p className="muted small">Leaving this page does not stop the import; it is all or nothing either way.</p>}
        {run.status === 'done' && (
          <>
            <p role="status" className="import-result">
              {`${meta.plural} imported: ${formatCount(run.report.created)} created, ${formatCount(run.report.updated)} updated, ${formatCount(run.report.unchanged)} unchanged.`}
            </p>
            <ReportCounts report={run.report} />
            <Warnings warnings={run.report.warnings} />
          </>
        )}
        {failure && (
          <div role="alert" className="import-failure">
            <p className="error">
              {failure.code === STREAM_CUT
                ? 'The connection ended before the server said how the import went. It is all or nothing: look at the list to see whether the records are there; importing the same file again is safe when its rows have external ids.'
                : `Nothing was imported. ${failure.message}`}
            </p>
          </div>
        )}
        {issues && <IssuesTable issues={issues} errorCount={issues.length} header={header} rowsByLine={rowsByLine} />}
      </div>
      <div className="actions import-nav">
        {run.status === 'done' && (
          <>
            {canList && <Link href={`/${entity}`} className="button primary">Open {meta.plural.toLowerCase()}</Link>}
            <button type="button" onClick={onStartOver}>Import another file</button>
          </>
        )}
        {failure && (
          <>
            <button type="button" onClick={onBack}>Back to mapping</button>
            <button type="button" onClick={onChooseFile}>Choose another file</button>
            {failure.code === STREAM_CUT && canList && <Link href={`/${entity}`} className="button">Open {meta.plural.toLowerCase()}</Link>}
          </>
        )}
      </div>
    </section>
  );
}
