import { PayoutBarChart } from './PayoutBarChart.js';
import { StatementsTable } from './StatementsTable.js';
import { useStatements } from './use-pay.js';

/** The period's published statements: the table (filter, sort, links) and the payout chart. */
export function StatementsSection({ period }: { period: string }) {
  const statements = useStatements(period);
  const items = statements.data?.items ?? [];
  return (
    <section className="pay-section" aria-labelledby="pay-statements-title">
      <h2 id="pay-statements-title" className="pay-section-title">Statements of {period}</h2>
      {statements.isPending && <div className="skeleton" style={{ height: '10rem' }} aria-busy="true" />}
      {statements.isError && <p className="error" role="alert">The statements could not be loaded: {statements.error.message}</p>}
      {statements.data && items.length === 0 && <p className="empty-state">No statements for {period} yet: run the calculation to publish them.</p>}
      {items.length > 0 && (
        <div className="pay-statements-layout">
          <StatementsTable items={items} />
          <PayoutBarChart items={items} currency={items[0]?.currency ?? 'USD'} periodKey={period} />
        </div>
      )}
    </section>
  );
}
