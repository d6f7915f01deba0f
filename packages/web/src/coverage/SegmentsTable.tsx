import type { CoverageAnalysisWire } from '@attain/contract';
import { formatCount, formatMoney } from '../ui/format.js';
import { formatHours, ruleInWords } from './rule-words.js';

interface Props {
  readonly analysis: CoverageAnalysisWire;
  /** The rule of each segment by key, from the model analysed. */
  readonly rules: ReadonlyMap<string, unknown>;
}

/** Each segment: its rule in words, its accounts and potential, and the hours a year it needs of each role. */
export function SegmentsTable({ analysis, rules }: Props) {
  const hoursOf = (segment: CoverageAnalysisWire['segments'][number], role: string) => segment.workload.find((w) => w.role === role)?.hours ?? '0';
  return (
    <div className="table-wrap">
      <table className="data" data-testid="segments-table">
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col">Rule</th>
            <th scope="col" className="num">Accounts</th>
            <th scope="col" className="num">Potential</th>
            {analysis.roles.map((r) => <th key={r.key} scope="col" className="num">{r.name} hours</th>)}
          </tr>
        </thead>
        <tbody>
          {analysis.segments.map((s) => (
            <tr key={s.key} data-testid="segment-row" data-segment={s.key}>
              <th scope="row">{s.name}</th>
              <td className="coverage-rule">{rules.has(s.key) ? ruleInWords(rules.get(s.key), analysis.currency) : ''}</td>
              <td className="num" data-testid="segment-accounts">{formatCount(s.accounts)}</td>
              <td className="num">{formatMoney(s.potentialMinor, analysis.currency)}</td>
              {analysis.roles.map((r) => <td key={r.key} className="num">{formatHours(hoursOf(s, r.key))}</td>)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All accounts</th>
            <td />
            <td className="num" data-testid="total-accounts">{formatCount(analysis.accounts)}</td>
            <td className="num">{formatMoney(analysis.potentialMinor, analysis.currency)}</td>
            {analysis.roles.map((r) => <td key={r.key} className="num">{formatHours(r.workloadHours)}</td>)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
