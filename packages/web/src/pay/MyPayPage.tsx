import { ApiError } from '../api/client.js';
import { useSession } from '../session/SessionProvider.js';
import { NotFound } from '../ui/NotFound.js';
import { PeriodPicker } from './PeriodPicker.js';
import { ApprovalPanel } from './ApprovalPanel.js';
import { StatementView } from './StatementView.js';
import { TeamStatementsSection } from './TeamStatementsSection.js';
import { useStatement } from './use-pay.js';
import { usePeriodParam } from './use-period-param.js';

/**
 * The signed-in payee's own statement of a period (default the current quarter), shown inline with
 * its approval; for a manager (approves, without the pay cycle) her team's statements first.
 */
export function MyPayPage() {
  const { me, can } = useSession();
  const [period, setPeriod] = usePeriodParam(me.org.fiscalYearStartMonth);
  const personId = me.user.personId;
  const statement = useStatement(personId, period);
  if (!can('statement:read')) return <NotFound />;
  const none = statement.isError && statement.error instanceof ApiError && statement.error.status === 404;
  return (
    <div className="pay">
      <header className="page-header pay-no-print">
        <h1>My pay</h1>
        <PeriodPicker value={period} fiscalYearStartMonth={me.org.fiscalYearStartMonth} onChange={setPeriod} />
      </header>
      {personId === null && <p className="empty-state">Your sign-in is not linked to a person of the organisation, so there is no pay to show.</p>}
      {personId !== null && statement.isPending && <div className="skeleton" style={{ height: '20rem' }} aria-busy="true" />}
      {none && <p className="empty-state" data-testid="no-statement">No statement for {period} yet.</p>}
      {statement.isError && !none && <p className="error" role="alert">Your statement could not be loaded: {statement.error.message}</p>}
      {can('statement:approve') && !can('calc_run:read') && <TeamStatementsSection period={period} />}
      {statement.data && <ApprovalPanel statement={statement.data} />}
      {statement.data && <StatementView statement={statement.data} />}
    </div>
  );
}
