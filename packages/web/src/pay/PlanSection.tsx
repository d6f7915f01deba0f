import type { StatementPlan } from '@attain/contract';
import { isQuotaMeasure, measureLabel, unitOfMeasure } from '@attain/core';
import { formatCount, formatMoney } from '../ui/format.js';
import { StatementExplanationTable } from './StatementExplanationTable.js';
import { TermsPanel } from './TermsPanel.js';

/** One plan of a statement: its terms for the period, then every explanation row. */
export function PlanSection({ plan, currency }: { plan: StatementPlan; currency: string }) {
  const titleId = `pay-plan-${plan.assignmentId}`;
  return (
    <section className="pay-section pay-plan" aria-labelledby={titleId} data-testid="statement-plan">
      <h2 id={titleId} className="pay-section-title">{plan.planName} <span className="muted small">v{plan.planVersion}</span></h2>
      <h3 className="pay-subtitle">Terms for the period</h3>
      <TermsPanel terms={plan.terms} currency={currency} />
      {plan.measureQuotas && (
        <dl className="pay-facts" data-testid="measure-quotas">
          {Object.entries(plan.measureQuotas).map(([measure, q]) => {
            // A count (new logos) or money (ACV), in the statement's currency.
            const show = isQuotaMeasure(measure) && unitOfMeasure(measure) === 'money' ? (v: string) => formatMoney(v, currency) : (v: string) => formatCount(Number(v));
            return <div key={measure}><dt>{measureLabel(measure)} quota</dt><dd>{show(q.period)} this period ({show(q.annual)} a year)</dd></div>;
          })}
        </dl>
      )}
      <h3 className="pay-subtitle">Calculation</h3>
      <StatementExplanationTable planId={plan.planId} rows={plan.explanation} currency={currency} caption={`Calculation of ${plan.planName}`} />
    </section>
  );
}
