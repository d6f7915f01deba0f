import type { DistributionBucket } from '@attain/contract';
import { formatMoney } from '../ui/format.js';
import { HISTOGRAM, histogramBars } from './what-if-chart.js';

interface Props {
  readonly buckets: readonly DistributionBucket[];
  readonly currency: string;
  readonly title: string;
}

/**
 * A histogram of per-payee amounts (the change in pay, or the payout): one image with a summary
 * for screen readers, and every bar's range and count in a visually hidden table.
 */
export function ChangeHistogram({ buckets, currency, title }: Props) {
  const bars = histogramBars(buckets);
  const money = (m: string) => formatMoney(m, currency);
  const payees = buckets.reduce((s, b) => s + b.count, 0);
  const first = buckets[0];
  const last = buckets.at(-1);
  const summary = first && last
    ? `${title}: ${payees} ${payees === 1 ? 'payee' : 'payees'} from ${money(first.fromMinor)} to ${money(last.toMinor)} in ${buckets.length} ${buckets.length === 1 ? 'bar' : 'bars'}`
    : `${title}: no payees`;
  return (
    <figure className="what-if-chart" data-testid="change-histogram">
      <figcaption className="pay-section-title">{title}</figcaption>
      <svg viewBox={`0 0 ${HISTOGRAM.width} ${HISTOGRAM.height}`} role="img" aria-label={summary}>
        {bars.map((bar) => (
          <rect key={bar.bucket.fromMinor} className="what-if-bar" data-testid="histogram-bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
        ))}
        <line x1={0} x2={HISTOGRAM.width} y1={HISTOGRAM.height - HISTOGRAM.axis} y2={HISTOGRAM.height - HISTOGRAM.axis} className="what-if-axis" />
        {first && <text x={0} y={HISTOGRAM.height - 8} className="what-if-tick">{money(first.fromMinor)}</text>}
        {last && <text x={HISTOGRAM.width} y={HISTOGRAM.height - 8} textAnchor="end" className="what-if-tick">{money(last.toMinor)}</text>}
      </svg>
      <table className="home-sr-only">
        <caption>{title}</caption>
        <thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Payees</th></tr></thead>
        <tbody>
          {buckets.map((b) => <tr key={b.fromMinor}><td>{money(b.fromMinor)}</td><td>{money(b.toMinor)}</td><td>{b.count}</td></tr>)}
        </tbody>
      </table>
    </figure>
  );
}
