import type { PlanExplanationRow } from '@attain/contract';
import { formatMoney } from '../ui/format.js';
import { words } from './pay-format.js';
import { DisputeHeaderCell, DisputeRowCell } from './StatementDisputes.js';

/*
 * The plans area's ExplanationTable is built around a sample deal (its heading names the
 * sample), so a statement has its own: the same rows, for the payee's real period.
 */

/** A quantity of the measure: money for sum measures, a plain count for count measures. */
const quantity = (row: PlanExplanationRow, value: string | undefined, currency: string): string =>
  value === undefined ? '' : row.unit === 'count' ? value : formatMoney(value, currency);

/** Every step of a plan's calculation for the period: measure and attainment, each tier slice at its rate, rounding, caps and gates, what was paid. */
export function StatementExplanationTable({ rows, currency, caption, planId }: { rows: readonly PlanExplanationRow[]; currency: string; caption: string; planId?: string }) {
  return (
    <div className="table-wrap">
      <table className="data pay-explanation" data-testid="statement-explanation">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Component</th>
            <th scope="col">Step</th>
            <th scope="col" className="num">Tier</th>
            <th scope="col" className="num">Rate</th>
            <th scope="col" className="num">Measure</th>
            <th scope="col" className="num">Attainment</th>
            <th scope="col" className="num">Slice</th>
            <th scope="col">Acted / rounding</th>
            <th scope="col" className="num">Amount</th>
            {planId !== undefined && <DisputeHeaderCell />}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} data-testid="explanation-row" className={row.step === 'paid' ? 'pay-explanation-paid' : undefined}>
              <td>{row.componentName}</td>
              <td>{words(row.step)}</td>
              <td className="num">{row.tier ?? ''}</td>
              <td className="num">{row.rate === undefined ? '' : row.unit === 'count' && /^\d+$/.test(row.rate) ? `${formatMoney(row.rate, currency)} each` : row.rate}</td>
              <td className="num">{quantity(row, row.measureValue, currency)}</td>
              <td className="num">{row.attainment ?? ''}</td>
              <td className="num">{quantity(row, row.slice, currency)}</td>
              <td className="pay-note">{row.acted ?? row.rounding ?? ''}</td>
              <td className="num">{row.amountMinor === undefined ? '' : formatMoney(row.amountMinor, currency)}</td>
              {planId !== undefined && <DisputeRowCell planId={planId} row={row} />}
            </tr>
          ))}
          {rows.length === 0 && <tr><td colSpan={9} className="muted">Nothing to explain: no component paid in this period.</td></tr>}
        </tbody>
      </table>
    </div>
  );
}
