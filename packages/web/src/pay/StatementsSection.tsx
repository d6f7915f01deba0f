import { useSession } from '../session/SessionProvider.js';
import { ApprovalCounts } from './ApprovalCounts.js';
import { BulkApproveButton } from './BulkApproveButton.js';
import { PayoutBarChart } from './PayoutBarChart.js';
import { StatementsTable } from './StatementsTable.js';
import { useStatements } from './use-pay.js';

/** The period's published statements: counts per approval status and "Approve all I can" (with statement:approve), the table (filter, sort, links) and the payout chart. */
export function StatementsSection({ period }: { period: string }) {
  const { can } = useSession();
  const statements = useStatements(period);
  const items = statements.data?.items ?? [];
  return (
    <section className="pay-section" aria-labelledby="pay-statements-title">
      <h2 id="pay-statements-title" className="pay-section-title">Statements of {period}</h2>
      {statements.isPending && <div className="skeleton" style={{ height: '10rem' }} aria-busy="true" />}
      {statements.isError && <p className="error" role="alert">The statements could not be loaded: {statements.error.message}</p>}
      {statements.data && items.length === 0 && <p className="empty-state">No statements for {period} yet: run the calculation to publish them.</p>}
      {items.length > 0 && (
        <div className="pay-approval-bar">
          <ApprovalCounts items={items} />
          {can('statement:approve') && <BulkApproveButton key={period} period={period} items={items} />}
        </div>
      )}
      {items.length > 0 && (
        <div className="pay-statements-layout">
          <StatementsTable items={items} />
          <PayoutBarChart items={items} currency={items[0]?.currency ?? 'USD'} periodKey={period} />
        </div>
      )}
    </section>
  );
}
