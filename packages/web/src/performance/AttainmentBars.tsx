import type { OutputAnalyticsWire } from '@attain/contract';
import { formatMoney } from '../ui/format.js';

type Child = OutputAnalyticsWire['children'][number];

const W = 640;
const ROW = 26;
const LEFT = 170;

/**
 * The level below on one scale: attainment against a 100% line when quotas exist, else bookings.
 * A bar is a way in: clicking it opens that person's team, as her name does in the table.
 */
export function AttainmentBars({ rows, currency, onOpen }: { rows: readonly Child[]; currency: string; onOpen: (c: Child) => void }) {
  if (rows.length === 0) return null;
  const byAttainment = rows.some((r) => r.figures.attainment !== null);
  const value = (c: Child) => (byAttainment ? (c.figures.attainment ?? 0) : Number(c.figures.bookingsMinor));
  const max = Math.max(byAttainment ? 1.2 : 0, ...rows.map(value)) || 1;
  const x = (v: number) => LEFT + ((W - LEFT - 60) * v) / max;
  const label = (c: Child) => (byAttainment ? (c.figures.attainment === null ? 'no quota' : `${(100 * c.figures.attainment).toFixed(0)}%`) : formatMoney(c.figures.bookingsMinor, currency, { compact: true }));
  const height = rows.length * ROW + 24;
  return (
    <figure className="attainment-bars">
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`${byAttainment ? 'Attainment' : 'Bookings'}: ${rows.map((c) => `${c.name} ${label(c)}`).join('; ')}`} data-testid="attainment-bars">
        {rows.map((c, i) => (
          <g key={c.personId} className={c.reports > 0 ? 'openable' : undefined} onClick={c.reports > 0 ? () => onOpen(c) : undefined}>
            <text x={LEFT - 8} y={i * ROW + 17} className="small end">{c.name}</text>
            <rect x={LEFT} y={i * ROW + 5} width={Math.max(1, x(value(c)) - LEFT)} height={ROW - 10} className={byAttainment && (c.figures.attainment ?? 0) >= 1 ? 'bar met' : 'bar'} />
            <text x={x(value(c)) + 4} y={i * ROW + 17} className="small">{label(c)}</text>
          </g>
        ))}
        {byAttainment && <line x1={x(1)} x2={x(1)} y1={0} y2={height - 18} className="target" />}
        {byAttainment && <text x={x(1)} y={height - 4} className="small middle">100%</text>}
      </svg>
      <figcaption className="muted small">{byAttainment ? 'Bookings against quota in the period; the line is 100%.' : 'Bookings in the period (no quota below).'} A manager&apos;s bar opens her team.</figcaption>
    </figure>
  );
}
