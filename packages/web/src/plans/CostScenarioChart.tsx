import type { CostScenarios } from '@attain/contract';
import { formatMoney } from '../ui/format.js';
import { COST_BARS, costBars } from './what-if-chart.js';

/** The plan's cost at each attainment scenario as horizontal bars, with the exact totals in a hidden table. */
export function CostScenarioChart({ cost }: { cost: CostScenarios }) {
  const bars = costBars(cost.scenarios);
  const money = (m: string) => formatMoney(m, cost.currency);
  const summary = `Plan cost in ${cost.periodKey}: ${cost.scenarios.map((s) => `${s.label} ${money(s.totalMinor)}`).join(', ')}`;
  return (
    <figure className="what-if-chart" data-testid="cost-scenarios">
      <figcaption className="pay-section-title">Cost at attainment scenarios ({cost.periodKey}, {cost.payees.length} payees)</figcaption>
      <svg viewBox={`0 0 ${COST_BARS.width} ${Math.max(bars.length * COST_BARS.rowHeight, 1)}`} role="img" aria-label={summary}>
        {bars.map((bar) => (
          <g key={bar.key} data-testid="cost-bar">
            <text x={COST_BARS.labelWidth - 8} y={bar.y + COST_BARS.rowHeight / 2} textAnchor="end" dominantBaseline="middle">{bar.label}</text>
            <rect className="what-if-bar" x={COST_BARS.labelWidth} y={bar.y + 4} width={Math.max(bar.length, 1)} height={COST_BARS.rowHeight - 8} />
            <text x={COST_BARS.labelWidth + bar.length + 6} y={bar.y + COST_BARS.rowHeight / 2} dominantBaseline="middle">{money(bar.totalMinor)}</text>
          </g>
        ))}
      </svg>
      <table className="home-sr-only">
        <caption>Plan cost by scenario</caption>
        <thead><tr><th scope="col">Scenario</th><th scope="col">Cost</th><th scope="col">Payees</th></tr></thead>
        <tbody>{cost.scenarios.map((s) => <tr key={s.key}><td>{s.label}</td><td>{money(s.totalMinor)}</td><td>{s.payeeCount}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}
