import { Route, Switch } from 'wouter';
import { useSession } from '../session/SessionProvider.js';
import { NotFound } from '../ui/NotFound.js';
import { ComparePage } from './ComparePage.js';
import { ModelPage } from './ModelPage.js';
import { ModelsListPage } from './ModelsListPage.js';
import './territories.css';

/**
 * The territories area (its own chunk, with the US county shapes): the models at /territories,
 * two side by side at /territories/compare, one at /territories/:id. Those who may not read the
 * coverage see it as any address they cannot see.
 */
export function TerritoriesArea() {
  const { can } = useSession();
  if (!can('coverage:read')) return <NotFound />;
  return (
    <Switch>
      <Route path="/" component={ModelsListPage} />
      <Route path="/compare" component={ComparePage} />
      <Route path="/:id">{(params) => <ModelPage key={params.id} id={params.id} />}</Route>
      <Route><NotFound /></Route>
    </Switch>
  );
}
