import type { LedgerEntryItem } from '@attain/contract';
import { formatMoney } from '../ui/format.js';
import { words } from './pay-format.js';

/** The entries posted to the period (earnings, adjustments, holds, corrections of earlier periods) and their sum. */
export function LedgerTable({ entries, currency, postedMinor }: { entries: readonly LedgerEntryItem[]; currency: string; postedMinor: string }) {
  return (
    <section className="pay-section" aria-labelledby="pay-ledger-title">
      <h2 id="pay-ledger-title" className="pay-section-title">Ledger</h2>
      {entries.length === 0 ? (
        <p className="muted">Nothing posted to this period.</p>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="ledger-table">
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Component</th>
                <th scope="col" className="num">Amount</th>
                <th scope="col">Reason</th>
                <th scope="col">For period</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid="ledger-row">
                  <td>{words(e.type)}</td>
                  <td>{e.componentId ?? ''}</td>
                  <td className="num">{formatMoney(e.amountMinor, e.currency)}</td>
                  <td className="pay-note">{e.reason}</td>
                  <td>{e.forPeriod}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>Posted to the period</th>
                <td className="num">{formatMoney(postedMinor, currency)}</td>
                <td colSpan={2} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
