import { useId, useState } from 'react';
import type { PlanAssignmentItem } from '@attain/contract';
import { useSession } from '../session/SessionProvider.js';
import { NotFound } from '../ui/NotFound.js';
import { AssignmentsTable } from './AssignmentsTable.js';
import { AssignmentTermsPanel } from './AssignmentTermsPanel.js';
import { AssignPlanDialog } from './AssignPlanDialog.js';
import { ChangeAssignmentDialog } from './ChangeAssignmentDialog.js';
import { useAssignments } from './use-assignments.js';
import '../pay/pay.css';
import './assignments.css';

type Dialog = { kind: 'assign' } | { kind: 'change'; item: PlanAssignmentItem } | null;

/**
 * Plan assignments (comp admins): who is on which plan version, when, for how much. A row
 * shows its terms for a period; writers assign plans and change them from a date.
 */
export function AssignmentsPage() {
  const { me, can } = useSession();
  const asOfId = useId();
  const [asOf, setAsOf] = useState('');
  const [selected, setSelected] = useState<PlanAssignmentItem | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const allowed = can('plan_assignment:read');
  const writer = can('plan_assignment:write');
  const list = useAssignments(asOf);
  if (!allowed) return <NotFound />;

  const items = list.data?.items ?? [];
  // The panel follows the row as the list reloads (after a change it shows the fresh values).
  const shown = selected ? items.find((i) => i.id === selected.id) ?? selected : null;

  return (
    <div className="assignments">
      <header className="page-header">
        <h1>Plan assignments</h1>
        <div className="assignments-toolbar">
          <div className="field">
            <label htmlFor={asOfId}>As of</label>
            <input id={asOfId} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
          </div>
          {asOf && <button type="button" onClick={() => setAsOf('')}>All dates</button>}
          {writer && <button type="button" className="primary" onClick={() => setDialog({ kind: 'assign' })}>Assign a plan</button>}
        </div>
      </header>
      <p className="muted small">{asOf ? 'Assignments in force on the chosen day.' : 'Every assignment, current and ended.'} Amounts are annual, in {me.org.defaultCurrency}.</p>
      <div aria-live="polite">{notice && <p className="notice" data-testid="assignments-notice">{notice}</p>}</div>
      {list.isPending && <div className="skeleton" style={{ height: '12rem' }} aria-busy="true" />}
      {list.isError && <p className="error" role="alert">The assignments could not be loaded: {list.error.message}</p>}
      {list.data && (
        <AssignmentsTable items={items} selectedId={shown?.id ?? null} onSelect={setSelected}
          onChange={writer ? (item) => setDialog({ kind: 'change', item }) : undefined} />
      )}
      {shown && <AssignmentTermsPanel key={shown.id} item={shown} fiscalYearStartMonth={me.org.fiscalYearStartMonth} onClose={() => setSelected(null)} />}
      {dialog?.kind === 'assign' && (
        <AssignPlanDialog currency={me.org.defaultCurrency} onClose={() => setDialog(null)}
          onAssigned={(item) => { setDialog(null); setSelected(item); setNotice(`${item.personName} is on ${item.planName} v${item.planVersion} from ${item.validFrom}.`); }} />
      )}
      {dialog?.kind === 'change' && (
        <ChangeAssignmentDialog item={dialog.item} onClose={() => setDialog(null)}
          onChanged={({ created }) => { setDialog(null); setSelected(created); setNotice(`${created.personName}'s ${created.planName} changes from ${created.validFrom}.`); }} />
      )}
    </div>
  );
}
