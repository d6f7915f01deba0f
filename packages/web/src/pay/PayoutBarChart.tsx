import { formatMoney } from '../ui/format.js';
import { BARS, byPayoutDescending, payoutBars, type PayoutInput } from './payout-bars.js';

interface Props {
  readonly items: readonly PayoutInput[];
  readonly currency: string;
  readonly periodKey: string;
}

/**
 * Payout per payee as horizontal bars, largest first, on one scale from a zero line. The
 * drawing is one image with a summary for screen readers; every payee's exact amount is in a
 * visually hidden table (and in the statements table beside it).
 */
export function PayoutBarChart({ items, currency, periodKey }: Props) {
  const geometry = payoutBars(items);
  const money = (minor: string) => formatMoney(minor, currency);
  const top = geometry.bars[0];
  const summary = items.length === 0
    ? `No payouts in ${periodKey}`
    : `Payout per payee in ${periodKey}: ${items.length} ${items.length === 1 ? 'payee' : 'payees'}${top ? `, highest ${top.personName} ${money(top.payoutMinor)}` : ''}`;
  return (
    <figure className="pay-chart" data-testid="payout-bar-chart">
      <figcaption className="pay-section-title">Payout per payee</figcaption>
      <svg viewBox={`0 0 ${BARS.width} ${Math.max(geometry.height, 1)}`} role="img" aria-label={summary}>
        {geometry.bars.map((bar) => (
          <g key={bar.personId} className={bar.negative ? 'pay-bar negative' : 'pay-bar'} data-testid="payout-bar">
            <text className="pay-bar-name" x={BARS.labelWidth - 8} y={bar.y + BARS.rowHeight / 2} textAnchor="end" dominantBaseline="middle">
              {bar.personName.length > 22 ? `${bar.personName.slice(0, 21)}…` : bar.personName}
            </text>
            <rect x={bar.x} y={bar.y} width={bar.width} height={BARS.rowHeight}>
              <title>{`${bar.personName}: ${money(bar.payoutMinor)}`}</title>
            </rect>
            <text className="pay-bar-value" x={Math.max(bar.x + bar.width, geometry.zeroX) + 6} y={bar.y + BARS.rowHeight / 2} dominantBaseline="middle">
              {formatMoney(bar.payoutMinor, currency, { compact: true })}
            </text>
          </g>
        ))}
        {geometry.bars.length > 0 && <line className="pay-chart-zero" x1={geometry.zeroX} x2={geometry.zeroX} y1={0} y2={geometry.height} />}
      </svg>
      {geometry.omitted > 0 && <p className="muted small">The {geometry.bars.length} largest payouts are drawn; the table has all {items.length}.</p>}
      <table className="visually-hidden" data-testid="payout-chart-table">
        <caption>Payout per payee, {periodKey}</caption>
        <thead><tr><th scope="col">Payee</th><th scope="col">Payout</th></tr></thead>
        <tbody>
          {byPayoutDescending(items).map((i) => (
            <tr key={i.personId}><th scope="row">{i.personName}</th><td>{money(i.payoutMinor)}</td></tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
