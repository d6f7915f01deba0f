import { useId, useState } from 'react';
import type { QuotaPlanApproved, QuotaPlanDetail } from '@attain/contract';
import { formatDate } from '../ui/format.js';
import { useQuotaPlanWrites } from './use-quota-plans.js';
import { formatQuota, type QuotaUnits } from './quota-units.js';

/** Submit for approval; approve (which writes the quotas into the plan assignments) or reject, each with a comment. */
export function PlanActions({ plan: p }: { plan: QuotaPlanDetail }) {
  const ids = useId();
  const { submit, approve, reject } = useQuotaPlanWrites(p.id);
  const [comment, setComment] = useState('');
  const padded = p.cascade.filter((n) => n.overBound).map((n) => n.name);
  const error = submit.error ?? approve.error ?? reject.error;
  const applied = approve.data && <Applied result={approve.data} units={p} yearTo={p.yearTo} />;
  const waiting = p.signOffsRequired && p.signOffsMissing.length > 0
    ? <p className="notice warn" data-testid="quota-waiting">Approval waits for the sign-off of {p.signOffsMissing.map((m) => m.name).join(', ')}{p.status === 'in_review' ? '' : ' once it is submitted'}.</p>
    : null;
  if (!p.abilities.submit && !p.abilities.approve) {
    return (
      <div>
        {waiting}
        {p.status === 'in_review' && !waiting && <p className="notice" role="status">In review: finance or an admin who did not submit it approves it.</p>}
        {applied}
      </div>
    );
  }
  return (
    <>
    {applied}
    <section className="card quota-actions" data-testid="quota-actions">
      {waiting}
      {padded.length > 0 && <p className="notice warn">Above the padding bound: {padded.join(', ')}. {p.abilities.approve ? 'Say in the comment why it is accepted.' : 'Approval will need a reason.'}</p>}
      <div className="field">
        <label htmlFor={`${ids}-comment`}>Comment</label>
        <textarea id={`${ids}-comment`} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <div className="actions">
        {p.abilities.submit && (
          <button type="button" className="primary" disabled={submit.isPending} onClick={() => submit.mutate(comment, { onSuccess: () => setComment('') })}>
            {p.status === 'approved' ? 'Submit again' : 'Submit for approval'}
          </button>
        )}
        {p.abilities.approve && (
          <>
            <button type="button" className="primary" disabled={approve.isPending} onClick={() => approve.mutate({ version: p.version, comment }, { onSuccess: () => setComment('') })}>Approve version {p.version}</button>
            <button type="button" disabled={reject.isPending || comment.trim() === ''} onClick={() => reject.mutate(comment, { onSuccess: () => setComment('') })}>Send back</button>
          </>
        )}
      </div>
      {error && <p className="error" role="alert">{error.message}</p>}
    </section>
    </>
  );
}

/** What approval wrote into the plan assignments, and what it could not, with why. */
function Applied({ result, units, yearTo }: { result: QuotaPlanApproved; units: QuotaUnits; yearTo: string }) {
  return (
    <section className="card" data-testid="quota-applied">
      <h2>In the plan assignments</h2>
      {result.applied.length === 0 ? <p className="muted">No assignment changed.</p> : (
        <ul>{result.applied.map((a) => (
          <li key={a.assignmentId}>
            {a.name}: {formatQuota(a.annualMinor, units)} a year from {formatDate(a.validFrom)} ({a.how.replace('-', ' ')}){a.validTo !== null && a.validTo < yearTo ? `, to ${formatDate(a.validTo)}: her plan version ends there` : ''}
          </li>
        ))}</ul>
      )}
      {result.skipped.length > 0 && (
        <>
          <h3>Not written</h3>
          <ul data-testid="quota-skipped">{result.skipped.map((s) => <li key={s.key}>{s.name}: {s.reason}</li>)}</ul>
        </>
      )}
    </section>
  );
}
