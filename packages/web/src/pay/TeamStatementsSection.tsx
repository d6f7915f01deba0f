import { ApprovalCounts } from './ApprovalCounts.js';
import { BulkApproveButton } from './BulkApproveButton.js';
import { StatementsTable } from './StatementsTable.js';
import { useStatements } from './use-pay.js';

/**
 * A manager's team statements of the period (the API answers her team's, her own included):
 * counts per approval status, the table with its approval column, and "Approve all I can".
 */
export function TeamStatementsSection({ period }: { period: string }) {
  const statements = useStatements(period);
  const items = statements.data?.items ?? [];
  return (
    <section className="pay-section pay-no-print" aria-labelledby="pay-team-title" data-testid="team-statements">
      <h2 id="pay-team-title" className="pay-section-title">Team statements of {period}</h2>
      {statements.isPending && <div className="skeleton" style={{ height: '6rem' }} aria-busy="true" />}
      {statements.isError && <p className="error" role="alert">The team's statements could not be loaded: {statements.error.message}</p>}
      {statements.data && items.length === 0 && <p className="empty-state">No team statements for {period} yet.</p>}
      {items.length > 0 && (
        <>
          <div className="pay-approval-bar">
            <ApprovalCounts items={items} />
            <BulkApproveButton key={period} period={period} items={items} />
          </div>
          <StatementsTable items={items} />
        </>
      )}
    </section>
  );
}
