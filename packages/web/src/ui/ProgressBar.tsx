import { useId } from 'react';

interface Props {
  readonly label: string;
  /** Null: not known yet (the request is on its way): the bar is indeterminate, without `aria-valuenow`. */
  readonly percent: number | null;
  readonly detail?: string | undefined;
  /** How it is going, when the task reports it: the fill's colour, and the detail spoken as a status or an alert. */
  readonly tone?: 'running' | 'ok' | 'error';
  /** Test hooks: the bar's and its detail's test ids, and the task's status as `data-status`. */
  readonly testId?: string;
  readonly detailTestId?: string;
  readonly status?: string;
}

/** A progress bar for a long server task: imports, the territory optimizer, calc runs. */
export function ProgressBar({ label, percent, detail, tone, testId, detailTestId, status }: Props) {
  const labelId = useId();
  return (
    <div className={`progress${tone ? ` progress-${tone}` : ''}`} data-testid={testId} data-status={status}>
      <div className="progress-head">
        <span id={labelId}>{label}</span>
        <span className="muted small num">{percent === null ? '' : `${percent}%`}</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent === null ? {} : { 'aria-valuenow': percent })}
        {...(detail ? { 'aria-valuetext': percent === null ? detail : `${percent}%, ${detail}` } : {})}
        className={`progress-track${percent === null ? ' indeterminate' : ''}`}
      >
        <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      <p
        className={`${tone === 'error' ? 'error' : 'muted'} small progress-detail`}
        {...(tone ? { role: tone === 'error' ? 'alert' : 'status' } : {})}
        data-testid={detailTestId}
      >
        {detail ?? '\u00a0'}
      </p>
    </div>
  );
}
