import type { PlanVersionSummary } from '@attain/contract';
import { formatDate, formatInstant } from '../ui/format.js';

/**
 * The plan's versions, newest first: number, status, effective dates and when it was saved. A
 * draft has "Publish" for a comp admin other than its author (the server refuses its author).
 */
export function VersionList({ versions, userId, onPublish, publishing }: {
  readonly versions: readonly PlanVersionSummary[];
  readonly userId: string;
  /** Absent when the user may not publish. */
  readonly onPublish?: (version: number) => void;
  readonly publishing?: number;
}) {
  return (
    <section aria-labelledby="plan-versions-title" className="plan-versions">
      <h2 id="plan-versions-title" className="plan-panel-title">Versions</h2>
      <ul data-testid="plan-versions">
        {versions.map((v) => (
          <li key={v.version} data-testid="plan-version">
            <strong>v{v.version}</strong> <span className={`badge plan-status-${v.status}`}>{v.status}</span>{' '}
            <span className="muted small">effective {formatDate(v.effectiveFrom)}{v.effectiveTo ? ` – ${formatDate(v.effectiveTo)}` : ' onwards'} · saved {formatInstant(v.createdAt)}</span>
            {v.status === 'draft' && onPublish && (v.createdBy === userId
              ? <span className="muted small"> · you wrote it: another comp admin publishes it</span>
              : <button type="button" className="small" onClick={() => onPublish(v.version)} disabled={publishing !== undefined}>{publishing === v.version ? 'Publishing…' : `Publish v${v.version}`}</button>)}
          </li>
        ))}
      </ul>
    </section>
  );
}
