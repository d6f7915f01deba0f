import { Route, Switch } from 'wouter';
import { NotFound } from '../ui/NotFound.js';
import { DisputeDetailPage } from './DisputeDetailPage.js';
import { DisputesPage } from './DisputesPage.js';
import { MyPayPage } from './MyPayPage.js';
import { PayCyclePage } from './PayCyclePage.js';
import { StatementPage } from './StatementPage.js';
import './pay.css';

/**
 * The pay area (its own chunk): the pay cycle at /pay, the caller's own pay at /my-pay and a
 * statement at /statements/:personId/:period. Each screen checks its own ability.
 */
export function PayArea() {
  return (
    <Switch>
      <Route path="/pay" component={PayCyclePage} />
      <Route path="/my-pay" component={MyPayPage} />
      <Route path="/statements/:personId/:period">
        {(params) => <StatementPage key={`${params.personId}/${params.period}`} personId={params.personId} period={params.period} />}
      </Route>
      <Route path="/disputes" component={DisputesPage} />
      <Route path="/disputes/:id">{(params) => <DisputeDetailPage key={params.id} id={params.id} />}</Route>
      <Route><NotFound /></Route>
    </Switch>
  );
}
