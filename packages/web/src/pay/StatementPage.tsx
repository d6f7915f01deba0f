import { Link } from 'wouter';
import { ApiError } from '../api/client.js';
import { useSession } from '../session/SessionProvider.js';
import { NotFound } from '../ui/NotFound.js';
import { ApprovalPanel } from './ApprovalPanel.js';
import { StatementDisputes } from './StatementDisputes.js';
import { StatementView } from './StatementView.js';
import { useStatement } from './use-pay.js';

/**
 * /statements/:personId/:period. A statement that does not exist and one outside the reader's
 * reach both answer 404, and both show the app's not-found page: a rep never learns whether a
 * peer has a statement.
 */
export function StatementPage({ personId, period }: { personId: string; period: string }) {
  const { can } = useSession();
  const statement = useStatement(personId, period);
  if (!can('statement:read')) return <NotFound />;
  if (statement.isError && statement.error instanceof ApiError && (statement.error.status === 404 || statement.error.status === 422)) return <NotFound what="statement" />;
  return (
    <div className="pay">
      <nav className="pay-back" aria-label="Back">
        <Link href={can('calc_run:read') ? `/pay?period=${encodeURIComponent(period)}` : `/my-pay?period=${encodeURIComponent(period)}`}>
          ← {can('calc_run:read') ? 'Pay cycle' : 'My pay'}
        </Link>
      </nav>
      {statement.isPending && <div className="skeleton" style={{ height: '20rem' }} aria-busy="true" />}
      {statement.isError && <p className="error" role="alert">The statement could not be loaded: {statement.error.message}</p>}
      {statement.data && <ApprovalPanel statement={statement.data} />}
      {statement.data && <StatementDisputes statement={statement.data}><StatementView statement={statement.data} /></StatementDisputes>}
    </div>
  );
}
