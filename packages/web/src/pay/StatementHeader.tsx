import type { StatementWire } from '@attain/contract';
import { formatDate, formatInstant } from '../ui/format.js';
import { ApprovalBadge } from './ApprovalBadge.js';

/** Who, which period (dates, open or closed), which run and which hash, and where its approval stands: the facts a statement is checked by. */
export function StatementHeader({ statement }: { statement: StatementWire }) {
  const { period, run } = statement;
  return (
    <header className="pay-statement-header" data-testid="statement-header">
      <h1>{statement.personName}</h1>
      <dl className="pay-facts">
        <div><dt>Period</dt><dd>{statement.periodKey} · {formatDate(period.from)} – {formatDate(period.to)} <span className={`badge ${period.status === 'open' ? 'ok' : ''}`}>{period.status}</span></dd></div>
        <div><dt>Run</dt><dd><code>{run.id}</code> · {run.kind}{run.finishedAt ? ` · published ${formatInstant(run.finishedAt)}` : ''}</dd></div>
        <div><dt>Approval</dt><dd><ApprovalBadge status={statement.approval.status} /></dd></div>
        <div><dt>Statement hash</dt><dd><code className="pay-hash">{statement.hash}</code></dd></div>
      </dl>
    </header>
  );
}
