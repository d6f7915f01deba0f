import type { QuotaPlanDetail } from '@attain/contract';
import { formatInstant } from '../ui/format.js';
import { useQuotaPlanWrites } from './use-quota-plans.js';
import { formatQuota } from './quota-units.js';

/**
 * Bottom-up: the managers' proposals and who signed off which version. Before the first approval a
 * planner takes a proposal into the next version; after it, changes are mid-year ones made in the grid with their kind.
 */
export function Proposals({ plan: p, editable }: { plan: QuotaPlanDetail; editable: boolean }) {
  const { save } = useQuotaPlanWrites(p.id);
  if (p.proposals.length === 0 && p.signOffs.length === 0) return null;
  const money = (m: string | null) => (m === null ? '—' : formatQuota(m, p));
  const signed = p.signOffs.filter((s) => s.version === p.shownVersion);
  return (
    <section data-testid="quota-proposals">
      <h2>From the managers</h2>
      <p className="muted" data-testid="quota-sign-offs">
        {signed.length === 0 ? `No manager has signed off version ${p.shownVersion}.` : `Signed off version ${p.shownVersion}: ${signed.map((s) => `${s.byName}${s.comment ? ` ("${s.comment}")` : ''}`).join(', ')}.`}
      </p>
      {p.proposals.map((proposal, k) => (
        <div key={k} className="card" data-testid="quota-proposal">
          <p><strong>{proposal.byName}</strong> on v{proposal.version}, {formatInstant(proposal.at)}{proposal.comment ? `: ${proposal.comment}` : ''}</p>
          <table className="data">
            <thead><tr><th scope="col">Line</th><th scope="col" className="num">In v{p.shownVersion}</th><th scope="col" className="num">Proposed</th><th scope="col">Why</th></tr></thead>
            <tbody>{proposal.edits.map((e) => <tr key={e.key}><th scope="row">{e.name}</th><td className="num">{money(e.currentMinor)}</td><td className="num">{money(e.proposedMinor)}</td><td>{e.reason}</td></tr>)}</tbody>
          </table>
          {editable && p.approvedVersion === null && proposal.edits.some((e) => e.currentMinor !== e.proposedMinor) && (
            <button type="button" disabled={save.isPending} onClick={() => save.mutate({
              baseVersion: p.version, reason: `${proposal.byName}'s proposal${proposal.comment ? `: ${proposal.comment}` : ''}`,
              edits: proposal.edits.filter((e) => e.currentMinor !== null).map((e) => ({ key: e.key, annualMinor: e.proposedMinor, reason: `${proposal.byName}: ${e.reason}` })),
            })}>Take into the next version</button>
          )}
        </div>
      ))}
      {save.error && <p className="error" role="alert">{save.error.message}</p>}
    </section>
  );
}
