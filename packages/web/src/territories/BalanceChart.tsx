import type { LoadBalance } from '@attain/core';
import { formatCount, formatMoney } from '../ui/format.js';
import { BALANCE_CHART, balanceBars, formatCoefficient, formatRatio, type BalanceItem } from './balance-chart.js';
import type { Measure } from './draft-figures.js';

interface Props {
  readonly items: readonly (BalanceItem & { readonly colour: string })[];
  readonly measure: Measure;
  readonly tolerance: number;
  readonly balance: LoadBalance;
  readonly currency: string;
  readonly highlight: string | null;
  readonly onHighlight?: (key: string | null) => void;
  readonly compact?: boolean;
}

/** Max deviation, CV and Gini: the figures every plan is compared on. */
export function BalanceFigures({ balance, outside, total }: { balance: LoadBalance; outside?: number; total?: number }) {
  return (
    <dl className="tm-figures" data-testid="balance-figures">
      <div><dt>Max deviation</dt><dd data-testid="metric-max-deviation">{formatRatio(balance.maxDeviation)}</dd></div>
      <div><dt>CV</dt><dd data-testid="metric-cv">{formatCoefficient(balance.cv)}</dd></div>
      <div><dt>Gini</dt><dd data-testid="metric-gini">{formatCoefficient(balance.gini)}</dd></div>
      {outside !== undefined && total !== undefined && <div><dt>Outside the band</dt><dd data-testid="metric-outside">{formatCount(outside)} of {formatCount(total)}</dd></div>}
    </dl>
  );
}

/**
 * Each territory's potential (or accounts) as a horizontal bar, the mean as a line and the band
 * around it shaded; bars outside the band are marked. Choosing a bar highlights its territory.
 */
export function BalanceChart({ items, measure, tolerance, balance, currency, highlight, onHighlight, compact = false }: Props) {
  const g = balanceBars(items, tolerance);
  const { width, labelWidth, barHeight, rowHeight, top } = BALANCE_CHART;
  const show = (value: number) => (measure === 'accounts' ? formatCount(value) : formatMoney(BigInt(Math.round(value)).toString(), currency, { compact: true }));
  const outside = g.bars.filter((b) => b.outside !== null).length;
  const summary = `${measure === 'accounts' ? 'Accounts' : 'Potential'} by territory, mean ${show(g.mean)}, band ±${formatRatio(tolerance)}: ${g.bars.map((b) => `${b.name} ${show(b.value)}${b.outside ? ` (${b.outside} the band)` : ''}`).join('; ')}`;
  return (
    <div className={`tm-balance${compact ? ' is-compact' : ''}`}>
      <figure className="tm-chart" data-testid="balance-chart">
        <svg viewBox={`0 0 ${width} ${g.height}`} role="img" aria-label={summary}>
          {g.bandFromX !== null && g.bandToX !== null && <rect className="tm-band" x={g.bandFromX} y={top - 6} width={g.bandToX - g.bandFromX} height={g.height - top + 2} data-testid="balance-band" />}
          {g.bars.map((b) => (
            <g key={b.key} data-testid="balance-bar" data-territory={b.key} data-outside={b.outside ?? undefined}
              className={`tm-bar${highlight !== null && highlight !== b.key ? ' is-dim' : ''}${onHighlight ? ' is-clickable' : ''}`}
              onClick={onHighlight ? () => onHighlight(highlight === b.key ? null : b.key) : undefined}>
              <text x={labelWidth - 8} y={b.y + rowHeight / 2} textAnchor="end" dominantBaseline="middle">{b.name}</text>
              <rect x={labelWidth} y={b.y + (rowHeight - barHeight) / 2} width={Math.max(b.length, 1)} height={barHeight}
                style={{ fill: b.colour }} className={b.outside ? 'is-outside' : undefined} />
              <text x={labelWidth + b.length + 6} y={b.y + rowHeight / 2} dominantBaseline="middle" className={b.outside ? 'tm-outside-label' : undefined}>
                {show(b.value)}{b.outside === 'over' ? ' ▲' : b.outside === 'under' ? ' ▼' : ''}
              </text>
            </g>
          ))}
          {g.meanX !== null && (
            <g className="tm-mean">
              <line x1={g.meanX} x2={g.meanX} y1={top - 8} y2={g.height} />
              <text x={g.meanX} y={top - 10} textAnchor="middle">mean</text>
            </g>
          )}
        </svg>
        {!compact && <figcaption className="muted small">Shaded: the mean ±{formatRatio(tolerance)}. ▲ above the band, ▼ below it.</figcaption>}
      </figure>
      <BalanceFigures balance={balance} outside={outside} total={g.bars.length} />
    </div>
  );
}
