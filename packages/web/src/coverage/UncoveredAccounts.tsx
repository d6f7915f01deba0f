import { Link } from 'wouter';
import type { CoverageAnalysisWire } from '@attain/contract';
import { formatCount, formatMoney } from '../ui/format.js';

/** Per role with a headcount: the largest accounts its hours leave uncovered, each a link to the account. */
export function UncoveredAccounts({ analysis }: { analysis: CoverageAnalysisWire }) {
  const roles = analysis.roles.filter((r) => r.uncovered && r.uncovered.largest.length > 0);
  if (roles.length === 0) return null;
  return (
    <div className="coverage-uncovered">
      {roles.map((r) => (
        <div key={r.key} data-testid="uncovered-accounts" data-role={r.key}>
          <h3 className="small">Largest accounts {r.name.toLowerCase()}s leave uncovered ({formatCount(r.uncovered?.accounts ?? 0)} in all)</h3>
          <ol>
            {r.uncovered?.largest.map((a) => (
              <li key={a.id}><Link href={`/accounts/${encodeURIComponent(a.id)}`}>{a.name}</Link> <span className="muted">{formatMoney(a.potentialMinor, analysis.currency)}</span></li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
