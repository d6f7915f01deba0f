import type { StatementWire } from '@attain/contract';
import { formatMoney } from '../ui/format.js';

/** Earned, what the calculation pays, and what is posted to the period (the calculation plus adjustments, holds and corrections) with what payroll has paid of it. */
export function SummaryCards({ statement }: { statement: StatementWire }) {
  const cards = [
    { label: 'Earned', minor: statement.earnedMinor, note: 'by the plans, before draws' },
    { label: 'Calculated payout', minor: statement.payoutMinor, note: 'what the calculation pays' },
    { label: 'Posted to the period', minor: statement.postedMinor, note: 'with adjustments and holds' },
  ];
  return (
    <ul className="pay-cards" aria-label="Summary">
      {cards.map((c) => (
        <li key={c.label} className="card kpi" data-testid="summary-card">
          <span className="label">{c.label}</span>
          <span className="value">{formatMoney(c.minor, statement.currency)}</span>
          <span className="muted small">{c.note}</span>
          {c.label === 'Posted to the period' && <span className="small" data-testid="statement-paid" data-paid-minor={statement.paidMinor}>paid {formatMoney(statement.paidMinor, statement.currency)}</span>}
        </li>
      ))}
    </ul>
  );
}
