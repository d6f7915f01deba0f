import type { CoverageAnalysisWire } from '@attain/contract';
import { formatCount, formatMoney } from '../ui/format.js';
import { COVERAGE_BAR, coveredLength } from './coverage-chart.js';
import { formatHours, formatInteger } from './rule-words.js';

type Role = CoverageAnalysisWire['roles'][number];

/** Covered against uncovered potential of a role with a headcount, as one split bar. */
function CoverageBar({ role, currency }: { role: Role; currency: string }) {
  if (!role.covered || !role.uncovered) return <span className="muted">no headcount set</span>;
  const covered = coveredLength(role.covered, role.uncovered);
  const label = `${role.name}: ${formatMoney(role.covered.potentialMinor, currency)} of potential covered (${formatCount(role.covered.accounts)} accounts), ${formatMoney(role.uncovered.potentialMinor, currency)} uncovered (${formatCount(role.uncovered.accounts)} accounts)`;
  return (
    <svg className="coverage-split" viewBox={`0 0 ${COVERAGE_BAR.width} ${COVERAGE_BAR.height}`} role="img" aria-label={label} data-testid="coverage-split">
      <rect className="coverage-bar-covered" x={0} y={0} width={covered} height={COVERAGE_BAR.height} />
      <rect className="coverage-bar-uncovered" x={covered} y={0} width={COVERAGE_BAR.width - covered} height={COVERAGE_BAR.height} />
    </svg>
  );
}

/** Per role: the workload, the reps full coverage needs, and with a headcount what it covers and leaves. */
export function CapacityTable({ analysis }: { analysis: CoverageAnalysisWire }) {
  const money = (m: string) => formatMoney(m, analysis.currency);
  return (
    <div className="table-wrap">
      <table className="data" data-testid="capacity-table">
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col" className="num">Workload hours</th>
            <th scope="col" className="num">Hours per rep</th>
            <th scope="col" className="num">Reps needed</th>
            <th scope="col" className="num">Headcount</th>
            <th scope="col" className="num">Covered</th>
            <th scope="col" className="num">Uncovered</th>
            <th scope="col">Covered potential</th>
          </tr>
        </thead>
        <tbody>
          {analysis.roles.map((r) => (
            <tr key={r.key} data-testid="role-row" data-role={r.key}>
              <th scope="row">{r.name}</th>
              <td className="num">{formatHours(r.workloadHours)}</td>
              <td className="num">{formatHours(r.hoursPerRep)}</td>
              <td className="num" data-testid="reps-needed">{formatInteger(r.repsNeeded)}</td>
              <td className="num">{r.headcount === null ? '—' : formatCount(r.headcount)}</td>
              <td className="num coverage-wrap" data-testid="covered">{r.covered ? `${money(r.covered.potentialMinor)} · ${formatCount(r.covered.accounts)} accounts` : ''}</td>
              <td className="num coverage-wrap" data-testid="uncovered">{r.uncovered ? `${money(r.uncovered.potentialMinor)} · ${formatCount(r.uncovered.accounts)} accounts` : ''}</td>
              <td><CoverageBar role={r} currency={analysis.currency} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
