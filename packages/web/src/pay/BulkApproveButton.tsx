import type { StatementSummaryItem } from '@attain/contract';
import { namedReasons, reasonsTally } from './approval-status.js';
import { useApproveAll } from './use-approvals.js';

/**
 * "Approve all I can": every statement of the period whose next step is the caller's, in one go;
 * then how many it approved and, grouped by reason, why it left the others.
 */
export function BulkApproveButton({ period, items }: { period: string; items: readonly StatementSummaryItem[] }) {
  const approveAll = useApproveAll(period);
  const result = approveAll.data;
  const skipped = result ? namedReasons(result.skipped, items) : [];
  return (
    <div className="pay-bulk-approve">
      <button type="button" className="primary" onClick={() => approveAll.mutate()} disabled={approveAll.isPending} data-testid="approve-all">
        {approveAll.isPending ? 'Approving…' : 'Approve all I can'}
      </button>
      <div aria-live="polite" data-testid="approve-all-result">
        {approveAll.isError && <p className="error" role="alert">{approveAll.error.message}</p>}
        {result && (
          <div>
            <p data-testid="approved-count" data-count={result.approved}>
              Approved {result.approved} statement{result.approved === 1 ? '' : 's'}{skipped.length > 0 ? `; ${skipped.length} left:` : '.'}
            </p>
            {skipped.length > 0 && (
              <details>
                <summary>
                  {reasonsTally(skipped).map((r) => `${r.reason} (${r.count})`).join('; ')}
                </summary>
                <ul className="pay-skipped small">
                  {skipped.map((s) => <li key={s.personId}>{s.name}: {s.reason}</li>)}
                </ul>
              </details>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
