import type { CalcRunItem } from '@attain/contract';
import { useVerifyRun } from './use-pay.js';

/**
 * "Verify" a published run: the server recomputes it from its frozen inputs and compares every
 * hash. Shows "ok" or each mismatch, next to the button, announced politely.
 */
export function VerifyRunButton({ run }: { run: CalcRunItem }) {
  const verify = useVerifyRun();
  const result = verify.data;
  return (
    <div className="pay-verify">
      <button type="button" onClick={() => verify.mutate(run.id)} disabled={run.status !== 'published' || verify.isPending} aria-label={`Verify run ${run.id}`}>
        {verify.isPending ? 'Verifying…' : 'Verify'}
      </button>
      <div aria-live="polite" data-testid="verify-result">
        {verify.isError && <span className="error small">{verify.error.message}</span>}
        {result?.ok === true && <span className="badge ok" title={`${result.payees} payees recomputed; inputs and outputs hashes match`}>ok · {result.payees} payees match</span>}
        {result?.ok === false && (
          <div>
            <span className="badge danger">mismatch</span>
            <ul className="pay-mismatches small">
              {result.mismatches.length === 0 && <li>the hashes differ</li>}
              {result.mismatches.map((m) => <li key={m}>{m}</li>)}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
