import type { PlanPreview } from '@attain/contract';
import { formatMoney } from '../ui/format.js';

/** The curve's figures as a table: the chart's accessible fallback and the place for exact amounts. */
export function CurveTable({ preview }: { readonly preview: Pick<PlanPreview, 'curve' | 'components' | 'currency'> }) {
  const money = (minor: string) => formatMoney(minor, preview.currency);
  return (
    <details className="plan-curve-table">
      <summary>Show the curve as a table</summary>
      <div className="table-wrap">
        <table data-testid="curve-table">
          <thead>
            <tr>
              <th scope="col" className="num">Attainment</th>
              {preview.components.map((c) => <th key={c.id} scope="col" className="num">{c.name}</th>)}
              <th scope="col" className="num">Total</th>
            </tr>
          </thead>
          <tbody>
            {preview.curve.map((p) => (
              <tr key={p.attainmentPercent}>
                <th scope="row" className="num">{p.attainmentPercent}%</th>
                {preview.components.map((c) => <td key={c.id} className="num">{money(p.components[c.id] ?? '0')}</td>)}
                <td className="num">{money(p.totalMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
