import type { CalcRunItem } from '@attain/contract';
import { ProgressBar } from '../ui/ProgressBar.js';
import { runProgress } from './run-progress.js';

/** The live progress of a calc run: a bar (indeterminate until the run knows its payees) and a line saying where it is. */
export function RunProgress({ run }: { run: CalcRunItem }) {
  const view = runProgress(run);
  return (
    <ProgressBar
      label={`Calculation of ${run.periodKey}`} percent={view.percent} detail={view.detail} tone={view.tone}
      testId="run-progress" detailTestId="run-progress-detail" status={run.status}
    />
  );
}
