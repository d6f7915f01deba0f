import { createContext, useContext, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { PlanExplanationRow, StatementWire } from '@attain/contract';
import { useSession } from '../session/SessionProvider.js';
import { formatInstant } from '../ui/format.js';
import { DISPUTE_STATUS_LABEL, disputeBadgeClass, disputeSubjectText } from './dispute-format.js';
import { words } from './pay-format.js';
import { RaiseDisputeDialog, type DisputeTarget } from './RaiseDisputeDialog.js';
import { useDisputes } from './use-disputes.js';
import './disputes.css';

/** Set while a statement may be disputed by the reader: the explanation rows then offer "Dispute". */
const DisputeLine = createContext<((target: DisputeTarget) => void) | null>(null);

/** The header cell of the explanation table's dispute column (nothing when rows cannot be disputed). */
export function DisputeHeaderCell() {
  return useContext(DisputeLine) ? <th scope="col" className="pay-no-print"><span className="visually-hidden">Dispute</span></th> : null;
}

/** The "Dispute" action of one explanation row (nothing when the reader may not dispute). */
export function DisputeRowCell({ planId, row }: { planId: string; row: PlanExplanationRow }) {
  const open = useContext(DisputeLine);
  if (!open) return null;
  const label = `${row.componentName}: ${words(row.step)}`;
  return (
    <td className="pay-no-print">
      <button type="button" className="link" aria-label={`Dispute ${label}`} data-testid="dispute-line"
        onClick={() => open({ kind: 'line', planId, componentId: row.componentId, step: row.step, label })}>Dispute</button>
    </td>
  );
}

/**
 * A statement's disputes: their status at the top, "Report a missing credit", and (through
 * context) a "Dispute" action on each explanation row of `children`. Offered to the payee and,
 * on her behalf, to a manager reading her team's statement; the server decides in the end.
 */
export function StatementDisputes({ statement, children }: { statement: StatementWire; children: ReactNode }) {
  const { me, can } = useSession();
  const [target, setTarget] = useState<DisputeTarget | null>(null);
  const mayRaise = can('dispute:raise') && (me.user.personId === statement.personId || me.user.role === 'manager');
  const disputes = useDisputes({ personId: statement.personId, period: statement.periodKey }, can('dispute:raise'));
  const items = disputes.data?.items ?? [];
  return (
    <DisputeLine.Provider value={mayRaise ? setTarget : null}>
      {(mayRaise || items.length > 0) && (
        <section className="card pay-disputes" aria-labelledby="pay-disputes-title" data-testid="statement-disputes">
          <div className="pay-run-head">
            <h2 id="pay-disputes-title" className="pay-section-title">Disputes</h2>
            {mayRaise && <button type="button" className="pay-no-print" onClick={() => setTarget({ kind: 'missing-credit' })} data-testid="report-missing-credit">Report a missing credit</button>}
          </div>
          {items.length === 0 && <p className="muted">No disputes on this statement.</p>}
          {items.length > 0 && (
            <ul className="pay-dispute-list">
              {items.map((d) => (
                <li key={d.id} data-testid="statement-dispute" data-status={d.status}>
                  <Link href={`/disputes/${d.id}`}>{disputeSubjectText(d)}</Link>{' '}
                  <span className={disputeBadgeClass(d.status)}>{DISPUTE_STATUS_LABEL[d.status]}</span>{' '}
                  <span className="muted small">raised {formatInstant(d.raisedAt)}{d.resolution ? ` · ${d.resolution}` : ''}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {children}
      {target && <RaiseDisputeDialog personId={statement.personId} periodKey={statement.periodKey} target={target} onClose={() => setTarget(null)} />}
    </DisputeLine.Provider>
  );
}
