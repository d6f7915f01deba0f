import type { PlanExplanationRow, PlanSample } from '@attain/contract';
import { formatMoney } from '../ui/format.js';

interface Props {
  readonly sample: PlanSample;
  readonly currency: string;
}

/** A quantity of the measure: money for sum measures, a plain count for count measures. */
const quantity = (row: PlanExplanationRow, value: string | undefined, currency: string): string =>
  value === undefined ? '' : row.unit === 'count' ? value : formatMoney(value, currency);

/** On a count measure a rate is money per counted credit, in minor units. */
const rateText = (row: PlanExplanationRow, currency: string): string =>
  row.rate === undefined ? '' : row.unit === 'count' && /^\d+$/.test(row.rate) ? `${formatMoney(row.rate, currency)} each` : row.rate;

/**
 * Every step of the sample deal's calculation: per component its measure and attainment,
 * each tier slice with its rate and amount, the rounding, and each cap, gate or qualifier
 * with what it did; then what the component paid.
 */
export function ExplanationTable({ sample, currency }: Props) {
  const money = (v: string | undefined) => (v === undefined ? '' : formatMoney(v, currency));
  return (
    <section aria-labelledby="plan-explanation-title">
      <h2 id="plan-explanation-title" className="plan-panel-title">
        Sample deal: {money(sample.amountMinor)} of {sample.creditType} on {sample.date} · pays {money(sample.calculation.totalMinor)}
      </h2>
      <div className="table-wrap">
        <table className="plan-explanation" data-testid="explanation-table">
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col">Step</th>
              <th scope="col" className="num">Measure value</th>
              <th scope="col" className="num">Attainment</th>
              <th scope="col" className="num">Tier</th>
              <th scope="col" className="num">Rate</th>
              <th scope="col" className="num">Slice</th>
              <th scope="col" className="num">Amount</th>
              <th scope="col">Cap / gate</th>
              <th scope="col">Rounding</th>
            </tr>
          </thead>
          <tbody>
            {sample.explanation.map((row, i) => (
              <tr key={i} className={row.step === 'paid' ? 'plan-explanation-paid' : undefined}>
                <td>{row.componentName}</td>
                <td>{row.step.replace(/-/g, ' ')}</td>
                <td className="num">{quantity(row, row.measureValue, currency)}</td>
                <td className="num">{row.attainment === undefined ? '' : `${row.attainment}`}</td>
                <td className="num">{row.tier ?? ''}</td>
                <td className="num">{rateText(row, currency)}</td>
                <td className="num">{quantity(row, row.slice, currency)}</td>
                <td className="num">{money(row.amountMinor)}</td>
                <td className="plan-explanation-note">{row.acted ?? ''}</td>
                <td className="plan-explanation-note">{row.rounding ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
