import { Route, Switch } from 'wouter';
import { useSession } from '../session/SessionProvider.js';
import { NotFound } from '../ui/NotFound.js';
import { QuotaPlanPage } from './QuotaPlanPage.js';
import { QuotaPlansPage } from './QuotaPlansPage.js';
import './quotas.css';

/**
 * Quotas (sales ops, finance, admins; its own chunk): the quota plans and a new year's allocation
 * at /quotas, one plan's grid at /quotas/:id. Those who may not plan quotas see it as any address
 * they cannot see.
 */
export function QuotasArea() {
  const { can } = useSession();
  if (!can('quota:plan')) return <NotFound />;
  return (
    <Switch>
      <Route path="/" component={QuotaPlansPage} />
      <Route path="/:id">{(params) => <QuotaPlanPage key={params.id} id={params.id} />}</Route>
      <Route><NotFound /></Route>
    </Switch>
  );
}
