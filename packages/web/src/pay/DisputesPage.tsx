import { useId, useState } from 'react';
import { Link } from 'wouter';
import type { DisputeItem, DisputeStatusWire } from '@attain/contract';
import { useSession } from '../session/SessionProvider.js';
import { formatInstant } from '../ui/format.js';
import { NotFound } from '../ui/NotFound.js';
import { ageText, DISPUTE_STATUS_LABEL, disputeBadgeClass, disputeSubjectText, UNRESOLVED } from './dispute-format.js';
import { SortableHeader } from './SortableHeader.js';
import { matchesText, sortRows, type Sort, type SortValue } from './table-sort.js';
import { useDisputes, useDisputeSummary } from './use-disputes.js';
import './disputes.css';

type Column = 'age' | 'status' | 'payee' | 'period' | 'subject' | 'assignee';
const STATUS_ORDER: Record<DisputeStatusWire, number> = { open: 0, assigned: 1, answered: 2, resolved: 3 };

const valueOf = (d: DisputeItem, key: Column): SortValue =>
  key === 'age' ? d.ageDays : key === 'status' ? STATUS_ORDER[d.status] : key === 'payee' ? d.personName : key === 'period' ? d.periodKey : key === 'subject' ? disputeSubjectText(d) : d.assigneeName;

/**
 * /disputes, finance's inquiries: counts by status and ages at the top, then the disputes (the
 * unresolved ones by default, oldest first), filterable by status, period and payee, sortable.
 */
export function DisputesPage() {
  const { can } = useSession();
  const manage = can('dispute:manage');
  const [status, setStatus] = useState(UNRESOLVED);
  const [period, setPeriod] = useState('');
  const [payee, setPayee] = useState('');
  const [sort, setSort] = useState<Sort<Column>>({ key: 'age', descending: true });
  const statusId = useId();
  const periodId = useId();
  const payeeId = useId();
  const summary = useDisputeSummary(manage);
  const list = useDisputes({ ...(status ? { status } : {}), ...(/^\S{4,}$/.test(period.trim()) ? { period: period.trim() } : {}) }, manage);
  if (!manage) return <NotFound />;
  const rows = sortRows((list.data?.items ?? []).filter((d) => matchesText(d.personName, payee)), sort, valueOf, (a, b) => a.raisedAt.localeCompare(b.raisedAt));
  const s = summary.data;
  return (
    <div className="pay" data-testid="disputes-page">
      <h1>Disputes</h1>
      <section className="pay-dispute-counts" aria-label="Disputes by status" data-testid="dispute-counts">
        {(['open', 'assigned', 'answered', 'resolved'] as const).map((k) => (
          <div key={k} className="card" data-testid={`dispute-count-${k}`}>
            <div className="muted small">{DISPUTE_STATUS_LABEL[k]}</div>
            <div className="pay-dispute-count">{s ? s.counts[k] : '…'}</div>
          </div>
        ))}
        <div className="card" data-testid="dispute-ages">
          <div className="muted small">Unresolved: median age / oldest</div>
          <div className="pay-dispute-count">{s ? (s.unresolved === 0 ? 'none' : `${ageText(s.medianAgeDays ?? 0)} / ${ageText(s.oldestAgeDays ?? 0)}`) : '…'}</div>
        </div>
      </section>
      <form className="pay-filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter disputes">
        <label htmlFor={statusId}>Status</label>
        <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value)} data-testid="dispute-status-filter">
          <option value={UNRESOLVED}>Unresolved</option>
          <option value="">All</option>
          {(['open', 'assigned', 'answered', 'resolved'] as const).map((k) => <option key={k} value={k}>{DISPUTE_STATUS_LABEL[k]}</option>)}
        </select>
        <label htmlFor={periodId}>Period</label>
        <input id={periodId} value={period} placeholder="FY2027-Q1" onChange={(e) => setPeriod(e.target.value)} />
        <label htmlFor={payeeId}>Payee</label>
        <input id={payeeId} value={payee} onChange={(e) => setPayee(e.target.value)} />
      </form>
      {list.isError && <p className="error" role="alert">The disputes could not be loaded: {list.error.message}</p>}
      <div className="table-wrap">
        <table className="data" data-testid="disputes-table">
          <caption className="visually-hidden">Disputes</caption>
          <thead>
            <tr>
              <SortableHeader label="Age" column="age" sort={sort} onSort={setSort} numeric />
              <SortableHeader label="Status" column="status" sort={sort} onSort={setSort} />
              <SortableHeader label="Payee" column="payee" sort={sort} onSort={setSort} />
              <SortableHeader label="Period" column="period" sort={sort} onSort={setSort} />
              <SortableHeader label="About" column="subject" sort={sort} onSort={setSort} />
              <SortableHeader label="Assignee" column="assignee" sort={sort} onSort={setSort} />
              <th scope="col">Raised</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} data-testid="dispute-row" data-status={d.status}>
                <td className="num" data-testid="dispute-age">{ageText(d.ageDays)}</td>
                <td><span className={disputeBadgeClass(d.status)}>{DISPUTE_STATUS_LABEL[d.status]}</span></td>
                <td>{d.personName}</td>
                <td>{d.periodKey}</td>
                <td><Link href={`/disputes/${d.id}`}>{disputeSubjectText(d)}</Link></td>
                <td>{d.assigneeName ?? <span className="muted">nobody</span>}</td>
                <td>{formatInstant(d.raisedAt)}</td>
              </tr>
            ))}
            {list.isSuccess && rows.length === 0 && <tr><td colSpan={7} className="muted">No disputes match.</td></tr>}
          </tbody>
        </table>
      </div>
    </div>
  );
}
