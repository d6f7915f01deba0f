import type { CoverageAnalysisWire } from '@attain/contract';
import { formatCount, formatMoney } from '../ui/format.js';
import { SEGMENT_BARS, segmentBars } from './coverage-chart.js';

/** Potential and accounts per segment as pairs of horizontal bars; the exact figures are in the table beside it. */
export function SegmentChart({ analysis }: { analysis: CoverageAnalysisWire }) {
  const bars = segmentBars(analysis.segments);
  const money = (m: string) => formatMoney(m, analysis.currency, { compact: true });
  const summary = `Potential and accounts by segment: ${analysis.segments.map((s) => `${s.name} ${formatMoney(s.potentialMinor, analysis.currency)}, ${formatCount(s.accounts)} accounts`).join('; ')}`;
  const { labelWidth, rowHeight, barHeight } = SEGMENT_BARS;
  return (
    <figure className="coverage-chart" data-testid="segment-chart">
      <figcaption className="coverage-legend">
        <span><span className="coverage-swatch potential" />Potential</span>
        <span><span className="coverage-swatch accounts" />Accounts</span>
      </figcaption>
      <svg viewBox={`0 0 ${SEGMENT_BARS.width} ${Math.max(bars.length * rowHeight, 1)}`} role="img" aria-label={summary}>
        {bars.map((bar) => (
          <g key={bar.key} data-testid="segment-bar">
            <text x={labelWidth - 8} y={bar.y + rowHeight / 2} textAnchor="end" dominantBaseline="middle">{bar.name}</text>
            <rect className="coverage-bar-potential" x={labelWidth} y={bar.y + 4} width={Math.max(bar.potentialLength, 1)} height={barHeight} />
            <text x={labelWidth + bar.potentialLength + 6} y={bar.y + 4 + barHeight / 2} dominantBaseline="middle">{money(bar.potentialMinor)}</text>
            <rect className="coverage-bar-accounts" x={labelWidth} y={bar.y + 6 + barHeight} width={Math.max(bar.accountsLength, 1)} height={barHeight} />
            <text x={labelWidth + bar.accountsLength + 6} y={bar.y + 6 + barHeight * 1.5} dominantBaseline="middle">{formatCount(bar.accounts)}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
