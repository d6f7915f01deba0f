import { useId } from 'react';
import type { CalcRunItem } from '@attain/contract';
import { runProgress } from './run-progress.js';

/** The live progress of a calc run: a bar (indeterminate until the run knows its payees) and a line saying where it is. */
export function RunProgress({ run }: { run: CalcRunItem }) {
  const labelId = useId();
  const view = runProgress(run);
  return (
    <div className={`pay-progress pay-progress-${view.tone}`} data-testid="run-progress" data-status={run.status}>
      <div className="pay-progress-head">
        <span id={labelId}>Calculation of {run.periodKey}</span>
        <span className="muted small num">{view.percent === null ? '' : `${view.percent}%`}</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(view.percent === null ? {} : { 'aria-valuenow': view.percent })}
        aria-valuetext={view.detail}
        className={`pay-progress-track${view.percent === null ? ' indeterminate' : ''}`}
      >
        <div className="pay-progress-fill" style={view.percent === null ? undefined : { width: `${view.percent}%` }} />
      </div>
      <p className={view.tone === 'error' ? 'error small' : 'muted small'} role={view.tone === 'error' ? 'alert' : 'status'} data-testid="run-progress-detail">
        {view.detail}
      </p>
    </div>
  );
}
