import { useEffect, useId, useRef, useState } from 'react';
import type { PlanAssignmentItem } from '@attain/contract';
import { localToday } from '../pay/period-options.js';
import { TermsPanel } from '../pay/TermsPanel.js';
import { formatDate, formatInstant } from '../ui/format.js';
import { defaultTermsPeriod, termsPeriods } from './terms-periods.js';
import { useAssignmentTerms } from './use-assignments.js';

/** The chosen assignment: who set it and why, and what it asks of the payee in a period, each step as the server explains it. */
export function AssignmentTermsPanel({ item, fiscalYearStartMonth, onClose }: { item: PlanAssignmentItem; fiscalYearStartMonth: number; onClose: () => void }) {
  const periodId = useId();
  const titleId = useId();
  const today = localToday();
  const [period, setPeriod] = useState(() => defaultTermsPeriod(item, today, fiscalYearStartMonth));
  const detail = useAssignmentTerms(item.id, period);
  const years = termsPeriods(today, fiscalYearStartMonth);
  const panel = useRef<HTMLElement>(null);
  // The panel opens under a long table: bring it into view when a row is chosen.
  // Braces: newer browsers answer scrollIntoView with a promise, which React would take for a cleanup.
  useEffect(() => {
    panel.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, []);
  const listed = years.some((y) => y.year.key === period || y.periods.some((p) => p.key === period));
  return (
    <section ref={panel} className="card assignments-terms" aria-labelledby={titleId} data-testid="assignment-terms">
      <header className="assignments-terms-header">
        <div>
          <h2 id={titleId}>{item.personName} · {item.planName} v{item.planVersion}</h2>
          <p className="muted small">
            {formatDate(item.validFrom)} – {item.validTo ? formatDate(item.validTo) : 'open-ended'} · “{item.reason}” · set by {item.createdByName} {formatInstant(item.createdAt)}
            {item.endedAt && ` · ended by ${item.endedBy ?? 'someone'} ${formatInstant(item.endedAt)}`}
          </p>
        </div>
        <button type="button" onClick={onClose}>Close</button>
      </header>
      <div className="field assignments-period">
        <label htmlFor={periodId}>Terms for period</label>
        <select id={periodId} value={period} onChange={(e) => setPeriod(e.target.value)} data-testid="terms-period">
          {!listed && <option value={period}>{period}</option>}
          {years.map((y) => (
            <optgroup key={y.year.key} label={y.year.key}>
              <option value={y.year.key}>{y.year.label}</option>
              {y.periods.map((p) => <option key={p.key} value={p.key}>{p.key.includes('-M') ? `\u2003${p.label}` : p.label}</option>)}
            </optgroup>
          ))}
        </select>
      </div>
      {detail.isPending && <div className="skeleton" style={{ height: '8rem' }} aria-busy="true" />}
      {detail.isError && <p className="error" role="alert">The terms could not be loaded: {detail.error.message}</p>}
      {detail.data?.terms && (
        <div aria-busy={detail.isPlaceholderData} data-period={period}>
          <TermsPanel terms={detail.data.terms} currency={detail.data.currency} />
        </div>
      )}
    </section>
  );
}
