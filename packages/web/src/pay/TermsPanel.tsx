import type { AssignmentTermsWire } from '@attain/contract';
import { formatDate, formatMoney } from '../ui/format.js';
import { fractionToMinor } from './pay-format.js';

/**
 * How the period's target incentive and quota were derived: days on the plan (proration), the
 * quota's phasing, each month's ramp, and every step in the server's words.
 */
export function TermsPanel({ terms, currency }: { terms: AssignmentTermsWire; currency: string }) {
  const money = (minor: string) => formatMoney(minor, currency);
  const ramped = terms.quota?.months.some((m) => m.rampFactor !== '1') ?? false;
  return (
    <div className="pay-terms">
      <dl className="pay-facts">
        <div><dt>Target incentive</dt><dd>{money(terms.targetIncentive.amountMinor)}</dd></div>
        <div><dt>Quota</dt><dd>{terms.quota ? `${money(terms.quota.amountMinor)} (${terms.quota.method === 'phased' ? 'phased' : 'by days'})` : 'no quota'}</dd></div>
        <div>
          <dt>On the plan</dt>
          <dd>
            {terms.onPlan ? `${formatDate(terms.onPlan.from)} – ${formatDate(terms.onPlan.to)}` : 'not in this period'} · {terms.daysOnPlan} of {terms.daysInPeriod} days
            {terms.proration === 'none' ? ' (no proration)' : ' (prorated by calendar days)'}
          </dd>
        </div>
      </dl>
      {terms.quota && ramped && (
        <table className="data compact pay-ramp" data-testid="ramp-table">
          <caption className="muted small">Quota by month, with the ramp</caption>
          <thead><tr><th scope="col">Month</th><th scope="col" className="num">Month on plan</th><th scope="col" className="num">Ramp</th><th scope="col" className="num">Quota share</th></tr></thead>
          <tbody>
            {terms.quota.months.map((m) => (
              <tr key={m.month}>
                <td>{m.month}</td>
                <td className="num">{m.monthOnPlan}</td>
                <td className="num">{m.rampFactor}</td>
                <td className="num">{money(fractionToMinor(m.exact))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ol className="pay-steps" data-testid="terms-steps" aria-label="How the terms were derived">
        {terms.steps.map((step, i) => <li key={i}>{step}</li>)}
      </ol>
    </div>
  );
}
