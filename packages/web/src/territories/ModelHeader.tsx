import { useState } from 'react';
import { Link } from 'wouter';
import type { TerritoryModelDetail } from '@attain/contract';
import { formatDate, formatInstant } from '../ui/format.js';
import { useArchiveTerritoryModel } from './use-territories.js';

const STATUS_BADGE = { planning: 'warn', active: 'ok', archived: '' } as const;

export function StatusBadge({ status }: { status: TerritoryModelDetail['status'] }) {
  return <span className={`badge tm-status ${STATUS_BADGE[status]}`} data-testid="model-status" data-status={status}>{status}</span>;
}

/** The model's name, status, version and dates; writers archive it here (after a confirmation). */
export function ModelHeader({ detail, writer }: { detail: TerritoryModelDetail; writer: boolean }) {
  const archive = useArchiveTerritoryModel(detail.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <header className="page-header tm-header">
      <div>
        <p className="small"><Link href="/">← Territory models</Link></p>
        <h1>{detail.name}</h1>
        <p className="muted" data-testid="model-summary">
          <StatusBadge status={detail.status} />{' '}
          <span data-testid="model-version">Version {detail.version}</span>, saved {formatInstant(detail.updatedAt)}
          {detail.effectiveFrom && <> · effective from <span data-testid="model-effective-from">{formatDate(detail.effectiveFrom)}</span></>}
          {detail.archivedAt && <> · archived {formatInstant(detail.archivedAt)}</>}
        </p>
      </div>
      {writer && detail.status !== 'archived' && (
        <div className="actions">
          {!confirming && <button type="button" className="danger" onClick={() => { archive.reset(); setConfirming(true); }}>Archive</button>}
          {confirming && (
            <div role="alertdialog" aria-labelledby="tm-archive-question" className="tm-confirm">
              <p id="tm-archive-question">
                Archive {detail.name}?{detail.status === 'active' ? ' Accounts keep their territories and owners, but no model places them from then on.' : ' It can no longer be edited or activated.'}
              </p>
              <button type="button" className="danger" autoFocus disabled={archive.isPending} onClick={() => archive.mutate(undefined, { onSettled: () => setConfirming(false) })}>Archive</button>
              <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
            </div>
          )}
          {archive.isError && <p className="error" role="alert">The model could not be archived: {archive.error.message}</p>}
        </div>
      )}
    </header>
  );
}
