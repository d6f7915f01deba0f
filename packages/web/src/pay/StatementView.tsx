import type { StatementWire } from '@attain/contract';
import { formatDate } from '../ui/format.js';
import { CreditsTable } from './CreditsTable.js';
import { LedgerTable } from './LedgerTable.js';
import { statementCsvHref } from './pay-rows.js';
import { PlanSection } from './PlanSection.js';
import { StatementHeader } from './StatementHeader.js';
import { SummaryCards } from './SummaryCards.js';

/**
 * A payee's statement, ready to print: header, summary, each plan's terms and calculation,
 * credits and ledger. Printing repeats a one-line running head on every page: it sits in the
 * head of a layout table, which browsers repeat when a table spans pages.
 */
export function StatementView({ statement }: { statement: StatementWire }) {
  const running = `${statement.personName} · ${statement.periodKey} (${formatDate(statement.period.from)} – ${formatDate(statement.period.to)}) · ${statement.hash}`;
  return (
    <article className="pay-statement" data-testid="statement" aria-label={`Statement of ${statement.personName}, ${statement.periodKey}`}>
      <div className="pay-actions">
        <button type="button" onClick={() => window.print()}>Print</button>
        <a className="button" href={statementCsvHref(statement.personId, statement.periodKey)} download data-testid="statement-csv">Download CSV</a>
      </div>
      <table className="pay-print-frame" role="presentation">
        <thead className="pay-running-head" aria-hidden="true">
          <tr><td>{running}</td></tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <StatementHeader statement={statement} />
              <SummaryCards statement={statement} />
              {statement.plans.map((plan) => <PlanSection key={plan.assignmentId} plan={plan} currency={statement.currency} />)}
              {statement.plans.length === 0 && <p className="muted">No plan paid in this period.</p>}
              <CreditsTable credits={statement.credits} currency={statement.currency} />
              <LedgerTable entries={statement.ledger} currency={statement.currency} postedMinor={statement.postedMinor} />
            </td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
