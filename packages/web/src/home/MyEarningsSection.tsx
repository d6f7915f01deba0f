import type { MyEarnings } from '@attain/contract';
import { formatMoney } from '../ui/format.js';
import { attainmentLabel, miniBars, progressPercent } from './earnings-figures.js';

/**
 * "My earnings": earned to date, posted, paid and on hold this fiscal year, attainment against
 * quota per component of the latest period (a progress bar), and earned per period as mini bars.
 */
export function MyEarningsSection({ earnings }: { earnings: MyEarnings }) {
  const money = (m: string) => formatMoney(m, earnings.currency);
  const latest = earnings.periods.at(-1);
  const bars = miniBars(earnings.periods);
  return (
    <section className="card my-earnings" aria-labelledby="my-earnings-title" data-testid="my-earnings">
      <h2 id="my-earnings-title">My earnings <span className="muted small">FY{earnings.fiscalYear}</span></h2>
      <dl className="my-earnings-figures">
        <div><dt>Earned to date</dt><dd data-testid="earned-to-date">{money(earnings.totals.earnedMinor)}</dd></div>
        <div><dt>Posted</dt><dd>{money(earnings.totals.postedMinor)}</dd></div>
        <div><dt>Paid</dt><dd>{money(earnings.totals.paidMinor)}</dd></div>
        <div><dt>On hold</dt><dd data-testid="on-hold">{money(earnings.totals.onHoldMinor)}</dd></div>
      </dl>
      {earnings.periods.length === 0 && <p className="empty-state">No statement of yours in FY{earnings.fiscalYear} yet.</p>}
      {latest && latest.attainment.map((a) => (
        <div key={`${a.planId}/${a.componentId}`} className="my-attainment">
          <span>{a.componentName} · {latest.periodKey}</span>
          <progress max={100} value={progressPercent(a.attainment)} aria-label={`${a.componentName} attainment in ${latest.periodKey}`}>{attainmentLabel(a.attainment)}</progress>
          <span className="muted small">{attainmentLabel(a.attainment)} of {money(a.quotaMinor)}</span>
        </div>
      ))}
      {bars.length > 0 && (
        <>
          <svg className="my-earnings-bars" width={bars.length * 40} height={60} viewBox={`0 0 ${bars.length * 40} 60`} role="img" aria-label={`Earned per period: ${bars.map((b) => `${b.periodKey} ${money(b.earnedMinor)}`).join(', ')}`}>
            {bars.map((b, i) => <rect key={b.periodKey} data-testid="period-bar" x={i * 40 + 6} y={50 - b.height * 48} width={28} height={Math.max(b.height * 48, 1)} className="what-if-bar" />)}
          </svg>
          <table className="home-sr-only">
            <caption>Earned per period</caption>
            <tbody>{earnings.periods.map((p) => <tr key={p.periodKey}><th scope="row">{p.periodKey}</th><td>{money(p.earnedMinor)}</td></tr>)}</tbody>
          </table>
        </>
      )}
    </section>
  );
}
