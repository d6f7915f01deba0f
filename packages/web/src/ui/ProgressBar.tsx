import { useId } from 'react';

/**
 * A progress bar for a long server task. `percent` null means not known yet (the request is
 * on its way): the bar is then indeterminate, without `aria-valuenow`.
 */
export function ProgressBar({ label, percent, detail }: { label: string; percent: number | null; detail?: string | undefined }) {
  const labelId = useId();
  return (
    <div className="import-progress">
      <div className="import-progress-head">
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
        className={`import-progress-track${percent === null ? ' indeterminate' : ''}`}
      >
        <div className="import-progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      <p className="muted small import-progress-detail">{detail ?? '\u00a0'}</p>
    </div>
  );
}
