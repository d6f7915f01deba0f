import { Route, Switch } from 'wouter';
import { useSession } from '../session/SessionProvider.js';
import { NotFound } from '../ui/NotFound.js';
import { PlanEditorPage } from './PlanEditorPage.js';
import { PlansListPage } from './PlansListPage.js';
import './plans.css';

/**
 * The plans area (its own chunk, with CodeMirror): the list at /plans and the editor at
 * /plans/:id. Without the ability it looks like any address the user cannot see.
 */
export function PlansArea() {
  const { can } = useSession();
  if (!can('comp_plan:read')) return <NotFound />;
  return (
    <Switch>
      <Route path="/" component={PlansListPage} />
      <Route path="/:id">{(params) => <PlanEditorPage key={params.id} id={params.id} />}</Route>
      <Route><NotFound /></Route>
    </Switch>
  );
}
