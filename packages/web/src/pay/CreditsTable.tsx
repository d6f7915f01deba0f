import type { StatementCredit } from '@attain/contract';
import { formatDate, formatMoney } from '../ui/format.js';
import { words } from './pay-format.js';

/** The credits the period's calculation counted for the payee, by date: what, how much, from which transaction, by which rule, via whom. */
export function CreditsTable({ credits, currency }: { credits: readonly StatementCredit[]; currency: string }) {
  return (
    <section className="pay-section" aria-labelledby="pay-credits-title">
      <h2 id="pay-credits-title" className="pay-section-title">Credits <span className="muted small">({credits.length})</span></h2>
      {credits.length === 0 ? (
        <p className="muted">No credits in this period.</p>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="credits-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Type</th>
                <th scope="col" className="num">Amount</th>
                <th scope="col">Transaction</th>
                <th scope="col">Rule</th>
                <th scope="col">Via</th>
              </tr>
            </thead>
            <tbody>
              {credits.map((c) => (
                <tr key={c.id} data-testid="credit-row">
                  <td>{formatDate(c.date)}</td>
                  <td>{words(c.creditType)}</td>
                  <td className="num" title={c.share ? `share ${c.share} of ${formatMoney(c.basisMinor, currency)}` : undefined}>
                    {formatMoney(c.amountMinor, currency)}
                    {c.termMonths !== null && <div className="muted small" data-testid="credit-term">a year of a {c.termMonths}-month contract</div>}
                  </td>
                  <td><code>{c.transactionId}</code></td>
                  <td>{words(c.rule)}{c.splitKind ? <span className="muted small"> · {c.splitKind} split</span> : null}</td>
                  <td>{c.via ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
