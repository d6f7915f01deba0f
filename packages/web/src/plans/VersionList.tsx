import type { PlanVersionSummary } from '@attain/contract';
import { formatDate, formatInstant } from '../ui/format.js';

/** The plan's versions, newest first: number, status, effective dates and when it was saved. */
export function VersionList({ versions }: { readonly versions: readonly PlanVersionSummary[] }) {
  return (
    <section aria-labelledby="plan-versions-title" className="plan-versions">
      <h2 id="plan-versions-title" className="plan-panel-title">Versions</h2>
      <ul data-testid="plan-versions">
        {versions.map((v) => (
          <li key={v.version}>
            <strong>v{v.version}</strong> <span className={`badge plan-status-${v.status}`}>{v.status}</span>{' '}
            <span className="muted small">effective {formatDate(v.effectiveFrom)}{v.effectiveTo ? ` – ${formatDate(v.effectiveTo)}` : ' onwards'} · saved {formatInstant(v.createdAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
