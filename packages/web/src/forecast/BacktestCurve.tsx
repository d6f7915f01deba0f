import type { ForecastBacktestWire } from '@attain/contract';

const W = 640;
const H = 200;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

/** The error by week of the quarter: the stage-weighted baseline against the forecast, each a line (the curve docs/forecasting.md publishes). */
export function BacktestCurve({ weeks }: { weeks: ForecastBacktestWire['byWeek'] }) {
  const max = Math.max(0.05, ...weeks.flatMap((w) => [w.baselineMape, w.modelMape]));
  const x = (week: number) => PAD.left + ((W - PAD.left - PAD.right) * (week - 1)) / 12;
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / max);
  const line = (pick: (w: ForecastBacktestWire['byWeek'][number]) => number) => weeks.map((w) => `${x(w.week)},${y(pick(w))}`).join(' ');
  const ticks = [0, max / 2, max];
  const summary = weeks.map((w) => `week ${w.week}: stage-weighted ${(100 * w.baselineMape).toFixed(0)}%, forecast ${(100 * w.modelMape).toFixed(0)}%`).join('; ');
  return (
    <figure className="forecast-curve">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Error by week of the quarter: ${summary}`} data-testid="forecast-curve">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="grid" />
            <text x={PAD.left - 4} y={y(t) + 4} className="small end">{(100 * t).toFixed(0)}%</text>
          </g>
        ))}
        {weeks.map((w) => <text key={w.week} x={x(w.week)} y={H - 8} className="small middle">{w.week}</text>)}
        <polyline points={line((w) => w.baselineMape)} className="baseline" data-testid="curve-baseline" />
        <polyline points={line((w) => w.modelMape)} className="model" data-testid="curve-model" />
      </svg>
      <figcaption className="muted small">Mean absolute error against what each quarter won, by week of the quarter. Dashed: stage-weighted. Solid: the forecast&apos;s P50.</figcaption>
    </figure>
  );
}
