import type { QuotaPlanDetail } from '@attain/contract';
import { CASCADE_CHART, cascadeBars } from './plan-rows.js';
import { formatQuota } from './quota-units.js';

/** The company and each manager: her quota (outlined) against the sum of her team (filled, red over the padding bound). */
export function CascadeChart({ plan: p }: { plan: QuotaPlanDetail }) {
  const { bars, height } = cascadeBars(p.cascade);
  const { width, labelWidth, rowHeight, barHeight } = CASCADE_CHART;
  const compact = (m: string) => formatQuota(m, p, { compact: true });
  const byKey = new Map(p.cascade.map((n) => [n.key ?? 'company', n]));
  const padding = (x: number | null) => (x === null ? '' : `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`);
  const summary = `The sum of each team against its parent's quota: ${bars.map((b) => `${b.name} ${compact(byKey.get(b.key)?.childrenMinor ?? '0')} against ${compact(byKey.get(b.key)?.quotaMinor ?? '0')}`).join('; ')}`;
  return (
    <figure className="card quota-chart" data-testid="cascade-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
        {bars.map((b) => (
          <g key={b.key} data-testid="cascade-bar" className={b.overBound ? 'over' : b.short ? 'short' : ''}>
            <text x={labelWidth - 8} y={b.y + rowHeight / 2} textAnchor="end" dominantBaseline="middle">{b.name}</text>
            <rect className="children-bar" x={labelWidth} y={b.y + (rowHeight - barHeight) / 2} width={Math.max(b.children, 1)} height={barHeight} />
            <rect className="parent-bar" x={labelWidth} y={b.y + (rowHeight - barHeight) / 2 - 3} width={Math.max(b.quota, 1)} height={barHeight + 6} />
            <text x={labelWidth + Math.max(b.quota, b.children) + 6} y={b.y + rowHeight / 2} dominantBaseline="middle">{padding(b.padding)}{b.overBound ? ' over the bound' : b.short ? ' short' : ''}</text>
          </g>
        ))}
      </svg>
      <figcaption className="muted small">Outlined: the quota of the company or the manager. Filled: her team&apos;s quotas summed (red when above the padding bound of {(100 * Number(p.paddingBound)).toFixed(1)}%).</figcaption>
    </figure>
  );
}
