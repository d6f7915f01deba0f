import type { StatisticalForecastWire } from '@attain/contract';
import { formatMoney } from '../ui/format.js';

const W = 640;
const H = 70;
const PAD = 12;

/**
 * The quarter on one money axis: the P10-P90 band with its P50, beside what is won and the
 * stage-weighted baseline, so a leader sees at once whether the stages say more or less than the
 * past does. Exact amounts are in the figures above; the marks share one scale.
 */
export function RangeBand({ forecast: f, call }: { forecast: StatisticalForecastWire; call?: { commit: string; bestCase: string } }) {
  if (!f.range) return null;
  const values = [f.wonMinor, f.baselineMinor, f.range.p10, f.range.p50, f.range.p90, ...(call ? [call.commit, call.bestCase] : [])].map(Number);
  const max = Math.max(...values) * 1.05 || 1;
  const x = (minor: string) => PAD + ((W - 2 * PAD) * Number(minor)) / max;
  const money = (m: string) => formatMoney(m, f.currency, { compact: true });
  const summary = `Won ${money(f.wonMinor)}; stage-weighted ${money(f.baselineMinor)}; P10 ${money(f.range.p10)}, P50 ${money(f.range.p50)}, P90 ${money(f.range.p90)}${call ? `; called: commit ${money(call.commit)}, best case ${money(call.bestCase)}` : ''}`;
  return (
    <figure className="forecast-band">
      <svg viewBox={`0 0 ${W} ${call ? H + 30 : H}`} role="img" aria-label={summary} data-testid="forecast-band">
        <line x1={PAD} x2={W - PAD} y1={40} y2={40} className="axis" />
        <rect x={x(f.range.p10)} y={28} width={Math.max(2, x(f.range.p90) - x(f.range.p10))} height={24} className="band" data-testid="forecast-band-range" />
        <line x1={x(f.range.p50)} x2={x(f.range.p50)} y1={24} y2={56} className="p50" />
        <line x1={x(f.wonMinor)} x2={x(f.wonMinor)} y1={20} y2={60} className="won" />
        <line x1={x(f.baselineMinor)} x2={x(f.baselineMinor)} y1={20} y2={60} className="baseline" />
        <text x={x(f.range.p10)} y={66} className="small">P10 {money(f.range.p10)}</text>
        <text x={x(f.range.p90)} y={66} className="small end">P90 {money(f.range.p90)}</text>
        <text x={x(f.wonMinor)} y={14} className="small">won {money(f.wonMinor)}</text>
        <text x={x(f.baselineMinor)} y={14} className="small end">stage-weighted {money(f.baselineMinor)}</text>
        {call && [['commit', call.commit], ['best case', call.bestCase]].map(([label, minor]) => (
          <g key={label} className="call" data-testid={`forecast-band-${label === 'commit' ? 'commit' : 'best-case'}`}>
            <path d={`M ${x(minor as string) - 6} 80 L ${x(minor as string) + 6} 80 L ${x(minor as string)} 70 Z`} />
            <text x={x(minor as string)} y={94} className="small middle">{label} {money(minor as string)}</text>
          </g>
        ))}
      </svg>
      <figcaption className="muted small">The band: P10 to P90 of 2,000 simulated quarters; the line inside it, P50. Grey: won so far. Dashed: stage-weighted.{call ? ' Triangles: the call (commit and best case) as it counts upwards.' : ''}</figcaption>
    </figure>
  );
}
