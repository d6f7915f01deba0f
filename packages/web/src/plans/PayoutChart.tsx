import { useRef, useState, type KeyboardEvent } from 'react';
import type { PlanPreview } from '@attain/contract';
import { formatMoney } from '../ui/format.js';
import { CHART, chartGeometry } from './curve-geometry.js';
import { CurveTable } from './CurveTable.js';

interface Props {
  readonly preview: Pick<PlanPreview, 'curve' | 'components' | 'currency'>;
}

const COLOURS = ['var(--accent)', '#c2410c', '#15803d', '#7c3aed', '#0e7490', '#be185d'];

/**
 * Payout against attainment, 0% to 200% of quota: the total and (with more than one
 * component) each component, a gridline at 100%, labelled axes. The total's points are one
 * tab stop; arrow keys move between them and the focused point's values are announced and
 * shown. The same figures are in a table for reading exact amounts.
 */
export function PayoutChart({ preview }: Props) {
  const geometry = chartGeometry(preview.curve, preview.components);
  const money = (minor: string) => formatMoney(minor, preview.currency);
  const [active, setActive] = useState(20);
  const [focused, setFocused] = useState(false);
  const points = useRef<(SVGCircleElement | null)[]>([]);
  const total = geometry.series[0];
  const describe = (i: number) => {
    const p = preview.curve[i];
    if (!p) return '';
    const parts = preview.components.length > 1 ? preview.components.map((c) => `${c.name} ${money(p.components[c.id] ?? '0')}`).join(', ') : '';
    return `${p.attainmentPercent}% of quota: total ${money(p.totalMinor)}${parts ? ` (${parts})` : ''}`;
  };
  const onKey = (e: KeyboardEvent<SVGCircleElement>) => {
    const last = preview.curve.length - 1;
    const next = e.key === 'ArrowRight' || e.key === 'ArrowUp' ? active + 1 : e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? active - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? last : undefined;
    if (next === undefined) return;
    e.preventDefault();
    const clamped = Math.max(0, Math.min(last, next));
    setActive(clamped);
    points.current[clamped]?.focus();
  };
  const activePoint = total?.points[active];
  return (
    <figure className="plan-chart" data-testid="payout-chart">
      <figcaption className="plan-panel-title">Payout by attainment</figcaption>
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="group" aria-label="Payout by attainment of quota, 0% to 200%">
        {geometry.yTicks.map((t) => (
          <g key={t.amountMinor} className="plan-chart-ytick">
            <line x1={CHART.left} x2={CHART.width - CHART.right} y1={t.y} y2={t.y} />
            <text x={CHART.left - 6} y={t.y} textAnchor="end" dominantBaseline="middle">{formatMoney(t.amountMinor, preview.currency, { compact: true })}</text>
          </g>
        ))}
        {geometry.xTicks.map((t) => (
          <text key={t.percent} className="plan-chart-xlabel" x={t.x} y={CHART.height - CHART.bottom + 16} textAnchor="middle">{t.label}</text>
        ))}
        <line className="plan-chart-quota" x1={geometry.quotaX} x2={geometry.quotaX} y1={CHART.top} y2={CHART.height - CHART.bottom} data-testid="quota-line" />
        <text className="plan-chart-quota-label" x={geometry.quotaX + 4} y={CHART.top + 10}>quota</text>
        <line className="plan-chart-axis" x1={CHART.left} x2={CHART.width - CHART.right} y1={CHART.height - CHART.bottom} y2={CHART.height - CHART.bottom} />
        <line className="plan-chart-axis" x1={CHART.left} x2={CHART.left} y1={CHART.top} y2={CHART.height - CHART.bottom} />
        <text className="plan-chart-xlabel" x={(CHART.left + CHART.width) / 2} y={CHART.height - 4} textAnchor="middle">Attainment of quota</text>
        {[...geometry.series].reverse().map((s, i) => (
          <path key={s.key} d={s.path} fill="none" strokeWidth={s.key === 'total' ? 2.5 : 1.5} stroke={COLOURS[(geometry.series.length - 1 - i) % COLOURS.length]} strokeDasharray={s.key === 'total' ? undefined : '5 3'} data-series={s.key} />
        ))}
        {total?.points.map((p, i) => (
          <circle
            key={p.attainmentPercent}
            ref={(el) => { points.current[i] = el; }}
            cx={p.x}
            cy={p.y}
            r={i === active && focused ? 5 : 3}
            className="plan-chart-point"
            tabIndex={i === active ? 0 : -1}
            role="img"
            aria-label={describe(i)}
            onFocus={() => { setActive(i); setFocused(true); }}
            onBlur={() => setFocused(false)}
            onKeyDown={onKey}
            data-testid="curve-point"
          >
            <title>{describe(i)}</title>
          </circle>
        ))}
        {focused && activePoint && (
          <text className="plan-chart-readout" x={Math.min(activePoint.x + 8, CHART.width - 180)} y={Math.max(activePoint.y - 10, CHART.top + 12)}>
            {`${activePoint.attainmentPercent}%: ${money(activePoint.amountMinor)}`}
          </text>
        )}
      </svg>
      {geometry.series.length > 1 && (
        <ul className="plan-chart-legend">
          {geometry.series.map((s, i) => (
            <li key={s.key}><span className="plan-chart-swatch" style={{ background: COLOURS[i % COLOURS.length] }} />{s.label}</li>
          ))}
        </ul>
      )}
      <p className="muted small" aria-live="polite">{focused ? describe(active) : 'Tab to the line, then use the arrow keys to read each point.'}</p>
      <CurveTable preview={preview} />
    </figure>
  );
}
