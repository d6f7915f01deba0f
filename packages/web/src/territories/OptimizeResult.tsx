import type { TerritoryOptimizeResult } from '@attain/contract';
import { formatCount } from '../ui/format.js';
import { formatCoefficient, formatRatio } from './balance-chart.js';

/** What the last optimization gave: the band met or not, its figures, secondary measures and what moved. */
export function OptimizeResult({ result }: { result: TerritoryOptimizeResult }) {
  const m = result.metrics;
  return (
    <div className="tm-optimize-result" data-testid="optimize-result">
      <p>
        <span className={`badge ${result.withinBand ? 'ok' : 'warn'}`} data-testid="optimize-within-band">{result.withinBand ? 'Within band: yes' : 'Within band: no'}</span>
        {' '}Version {result.model.version}: {formatCount(result.model.territories)} territories {result.from === 'current' ? 'rebalanced' : 'built'} on {result.measure}, {formatCount(result.counties)} counties with accounts
        {result.method === 'bisection' ? `, ${formatCount(result.splitCounties)} counties split (their accounts placed by hand)` : ', whole counties'}
        {result.from === 'scratch' && result.accountsOutside > 0 && `, ${formatCount(result.accountsOutside)} accounts outside the contiguous US given to the nearest territory`}.
      </p>
      {result.movedShare !== null && (
        <p data-testid="optimize-moved">{formatRatio(result.movedShare)} of the {result.measure} changes territory ({formatCount(result.movedAccounts ?? 0)} accounts); {formatCount(result.heldAccounts)} accounts stay put (by hand, locked, outside the counties).</p>
      )}
      <dl className="tm-figures">
        <div><dt>Max deviation</dt><dd>{formatRatio(m.maxDeviation)}</dd></div>
        <div><dt>CV</dt><dd>{formatCoefficient(m.cv)}</dd></div>
        <div><dt>Gini</dt><dd>{formatCoefficient(m.gini)}</dd></div>
        <div><dt>Compactness</dt><dd>{formatCoefficient(m.compactness)}</dd></div>
        {m.disconnected > 0 && <div><dt>Not in one piece</dt><dd>{formatCount(m.disconnected)}</dd></div>}
        {m.empty > 0 && <div><dt>Empty</dt><dd>{formatCount(m.empty)}</dd></div>}
        {result.secondary.map((s) => (
          <div key={s.measure} data-testid={`optimize-secondary-${s.measure}`}>
            <dt>Max deviation, {s.measure}</dt>
            <dd>{formatRatio(s.maxDeviation)} <span className={`badge ${s.withinBand ? 'ok' : 'warn'}`}>{s.withinBand ? 'within' : 'outside'} ±{formatRatio(s.tolerance)}</span></dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
