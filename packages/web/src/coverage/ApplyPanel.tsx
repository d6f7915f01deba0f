import { useState } from 'react';
import { formatCount } from '../ui/format.js';
import { useApplyCoverage } from './use-coverage.js';

interface Props {
  /** The saved version; null before the first save (nothing to apply). */
  readonly version: number | null;
  /** The draft differs from the saved model: applying would not apply what is shown. */
  readonly dirty: boolean;
  /** Accounts whose segment the saved model changes; undefined while that is being counted. */
  readonly changes: number | undefined;
  readonly segmentNames: ReadonlyMap<string, string>;
}

const accounts = (n: number) => `${formatCount(n)} account${n === 1 ? '' : 's'}`;

/** "Apply to accounts": sets every account's segment from the saved model, after saying how many change. */
export function ApplyPanel({ version, dirty, changes, segmentNames }: Props) {
  const [confirming, setConfirming] = useState(false);
  const apply = useApplyCoverage();
  const why = version === null ? 'Save the model first.' : dirty ? 'Save or discard the changes first.' : changes === undefined ? 'Counting the accounts that change…' : null;
  const result = apply.data;
  return (
    <section className="coverage-apply card" aria-labelledby="coverage-apply-title" data-testid="apply-panel">
      <h3 id="coverage-apply-title">Apply to accounts</h3>
      <p className="muted small">Sets the segment of every account from the saved model.</p>
      {!confirming && (
        <button type="button" disabled={why !== null || apply.isPending} onClick={() => { apply.reset(); setConfirming(true); }}>Apply to accounts</button>
      )}
      {why && !confirming && <p className="muted small">{why}</p>}
      {confirming && changes !== undefined && (
        <div role="alertdialog" aria-labelledby="coverage-apply-question" className="coverage-confirm">
          <p id="coverage-apply-question">Set segments from version {version}? {accounts(changes)} change segment.</p>
          <button type="button" className="primary" disabled={apply.isPending} onClick={() => apply.mutate(undefined, { onSettled: () => setConfirming(false) })}>Apply</button>
          <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
        </div>
      )}
      <div aria-live="polite">
        {result && (
          <p className="notice" data-testid="apply-result">
            Applied version {result.version}: {accounts(result.changed)} changed segment
            {result.changed > 0 && ` (${Object.entries(result.bySegment).filter(([, n]) => n > 0).map(([key, n]) => `${segmentNames.get(key) ?? key} ${formatCount(n)}`).join(', ')})`}.
          </p>
        )}
        {apply.isError && <p className="error" role="alert">The segments could not be set: {apply.error.message}</p>}
      </div>
    </section>
  );
}
