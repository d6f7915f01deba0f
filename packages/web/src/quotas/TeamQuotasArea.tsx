import { Link, Route, Switch } from 'wouter';
import type { QuotaTeamSummary } from '@attain/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { useSession } from '../session/SessionProvider.js';
import { humanize } from '../ui/format.js';
import { NotFound } from '../ui/NotFound.js';
import { TeamQuotaPage } from './TeamQuotaPage.js';
import './quotas.css';
import { formatQuota } from './quota-units.js';

/** Team quotas (managers): the quota plans in which she has a team at /team-quotas, her team's lines of one at /team-quotas/:id. */
export function TeamQuotasArea() {
  const { can } = useSession();
  if (!can('quota:propose')) return <NotFound />;
  return (
    <Switch>
      <Route path="/" component={TeamPlansList} />
      <Route path="/:id">{(params) => <TeamQuotaPage key={params.id} id={params.id} />}</Route>
      <Route><NotFound /></Route>
    </Switch>
  );
}

function TeamPlansList() {
  const plans = useQuery({ queryKey: ['team-quotas'], queryFn: () => api<{ items: QuotaTeamSummary[] }>('/team-quotas') });
  return (
    <main className="page quotas-page">
      <header className="page-header">
        <h1>Team quotas</h1>
        <p className="muted">Your team&apos;s lines of each quota plan: propose the numbers you would set, with your reasons, and sign them off when the plan is in review.</p>
      </header>
      {plans.isError && <p className="error" role="alert">{plans.error.message}</p>}
      {plans.data && plans.data.items.length === 0 && <p className="empty-state">No quota plan has your team yet.</p>}
      {plans.data && plans.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="data" data-testid="team-quota-plans">
            <thead><tr><th scope="col">Plan</th><th scope="col">Status</th><th scope="col" className="num">Version</th><th scope="col" className="num">Your team</th></tr></thead>
            <tbody>
              {plans.data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row"><Link href={`/${encodeURIComponent(p.id)}`}>FY{p.fiscalYear} {p.measure}</Link></th>
                  <td><span className={`badge status-${p.status}`}>{humanize(p.status)}</span></td><td className="num">{p.version}</td><td className="num">{formatQuota(p.teamMinor, p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
