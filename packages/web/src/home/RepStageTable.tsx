import { formatCount, formatMoney } from '../ui/format.js';
import { repName, type RepStageGrid } from './home-figures.js';

/** The numbers behind the stacked bars, as a table: for screen readers, keyboards and exact figures. */
export function RepStageTable({ grid, currency }: { grid: RepStageGrid; currency: string }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="home-sr-only">Open pipeline by rep and stage, in {currency}</caption>
        <thead>
          <tr>
            <th scope="col">Rep</th>
            {grid.stages.map((stage) => <th key={stage.stageId} scope="col" className="num">{stage.name}</th>)}
            <th scope="col" className="num">Total</th>
          </tr>
        </thead>
        <tbody>
          {grid.reps.map((rep) => (
            <tr key={rep.ownerId ?? 'unassigned'}>
              <th scope="row">{repName(rep)}</th>
              {rep.stages.map((cell) => (
                <td key={cell.stageId} className="num">
                  {formatMoney(cell.amountMinor, currency)}
                  <span className="muted small home-cell-count"> {formatCount(cell.count)} {cell.count === 1 ? 'deal' : 'deals'}</span>
                </td>
              ))}
              <td className="num">{formatMoney(rep.totalMinor, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
