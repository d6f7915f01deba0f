import { useEffect, useState } from 'react';
import type { CalcRunItem } from '@attain/contract';
import { RunProgress } from './RunProgress.js';
import { useCalcRun, useRefreshAfterRun, useStartCalcRun } from './use-pay.js';

interface Props {
  readonly period: string;
  /** The period's runs as listed: a run already computing (started elsewhere) is followed too. */
  readonly runs: readonly CalcRunItem[] | undefined;
}

/**
 * "Run calculation" for the period, then the run's live progress until it is published (or
 * failed); the runs and statements below are refreshed when it ends. Keyed by period by its parent.
 */
export function RunCalcPanel({ period, runs }: Props) {
  const start = useStartCalcRun();
  const [trackedId, setTrackedId] = useState<string | null>(null);
  const runningId = runs?.find((r) => r.status === 'running')?.id ?? null;
  useEffect(() => {
    if (trackedId === null && runningId !== null) setTrackedId(runningId);
  }, [trackedId, runningId]);
  const run = useCalcRun(trackedId);
  const refresh = useRefreshAfterRun();
  const finishedId = run.data && run.data.status !== 'running' ? run.data.id : null;
  useEffect(() => {
    if (finishedId !== null) void refresh();
    // Once per finished run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [finishedId]);
  const busy = start.isPending || run.data?.status === 'running';
  const onRun = () => start.mutate(period, { onSuccess: (started) => setTrackedId(started.id) });
  return (
    <section className="card pay-run-panel" aria-labelledby="pay-run-title">
      <div className="pay-run-head">
        <h2 id="pay-run-title" className="pay-section-title">Calculation</h2>
        <button type="button" className="primary" onClick={onRun} disabled={busy} data-testid="run-calc">
          {busy ? 'Calculating…' : 'Run calculation'}
        </button>
      </div>
      <p className="muted small">Freezes the inputs now, calculates every payee of {period}, and publishes all the statements at once when done.</p>
      {start.isError && <p className="error" role="alert">The run could not start: {start.error.message}</p>}
      {run.isError && <p className="error" role="alert">The run's progress could not be read: {run.error.message}</p>}
      {run.data && <RunProgress run={run.data} />}
    </section>
  );
}
